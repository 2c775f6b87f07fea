import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class EkycproApi implements ICredentialType {
	name = 'ekycproApi';

	displayName = 'Ekycpro API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-phone-intel#ekycpro';

	icon = { light: 'file:../nodes/Ekycpro/ekycpro.svg', dark: 'file:../nodes/Ekycpro/ekycpro.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'options',
			options: [
				{ name: 'Ekycpro (api.ekycpro.com)', value: 'https://api.ekycpro.com' },
				{ name: 'Checknumber.ai (api.checknumber.ai)', value: 'https://api.checknumber.ai' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'https://api.ekycpro.com',
			description: 'The same API is published under both brands; the key only works on the brand that issued it',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/ekycpro',
			description: 'Scheme and host (and path prefix) of the API, e.g. the local sandbox',
			displayOptions: { show: { baseUrl: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-API-Key': '={{$credentials.apiKey}}' },
		},
	};

	// The balance call is free and needs a valid key.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			baseURL: '={{($credentials.baseUrl === "custom" ? $credentials.customBaseUrl : $credentials.baseUrl).replace(/\\/+$/, "")}}',
			url: '/v1/balance',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'ekycpro rejected the API key' } },
			{ type: 'responseCode', properties: { value: 403, message: 'ekycpro refused this API key (disabled or not allowed on this brand)' } },
		],
	};
}
