import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Test-only credential: API key sent as a header, tested against GET /whoami. */
export class EchoApi implements ICredentialType {
	name = 'echoApi';

	displayName = 'Echo API (test fixture)';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://127.0.0.1',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-Api-Key': '={{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/whoami' },
		// n8n's tester reads mixed rule lists; the declared type allows one kind per list.
		rules: [
			{ type: 'responseCode', properties: { value: 403, message: 'The API key was refused' } },
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: 'revoked', message: 'The API key is revoked' },
			},
		] as ICredentialTestRequest['rules'],
	};
}
