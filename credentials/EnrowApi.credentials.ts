import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class EnrowApi implements ICredentialType {
	name = 'enrowApi';

	displayName = 'Enrow API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-phone-intel#enrow';

	icon = { light: 'file:../nodes/Enrow/enrow.svg', dark: 'file:../nodes/Enrow/enrow.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from the Enrow dashboard, sent in the x-api-key header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.enrow.io',
			description: 'Scheme and host of the API; change it only for a proxy or the local sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	// Reads the credit balance: free, and rejected when the key is wrong.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			baseURL: '={{($credentials.baseUrl || "https://api.enrow.io").replace(/\\/+$/, "")}}',
			url: '/account/info',
		},
	};
}
