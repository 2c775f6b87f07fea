import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DIGISCORE_HOSTS } from '../nodes/Digiscore/hosts';

/** Digiscore's sign: md5 (lower hex) of every parameter but `token`, plus `secret`, as `key=value` sorted by key and joined by `&`. */
function digiscoreToken(params: IDataObject, secret: string): string {
	const signed = Object.entries({ ...params, secret })
		.filter(([key]) => key !== 'token')
		.map(([key, value]): [string, string] => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '')])
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, value]) => `${key}=${value}`)
		.join('&');
	return createHash('md5').update(signed, 'utf8').digest('hex');
}

export class DigiscoreApi implements ICredentialType {
	name = 'digiscoreApi';

	displayName = 'Digiscore API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-phone-intel#digiscore';

	icon = { light: 'file:../nodes/Digiscore/digiscore.svg', dark: 'file:../nodes/Digiscore/digiscore.dark.svg' } as const;

	properties: INodeProperties[] = [
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- kept hidden: with the secret it identifies the paying account, and our sweeps treat it as a secret
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The appKey Digiscore assigned to your organization',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Signs every request (the MD5 token); it is never sent itself',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: `Formal (${DIGISCORE_HOSTS.formal})`, value: 'formal' },
				{ name: `Sandbox (${DIGISCORE_HOSTS.sandbox})`, value: 'sandbox' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
			default: 'formal',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: DIGISCORE_HOSTS.formal,
			description: 'Everything before /api/data/..., e.g. the local sandbox',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	// A function, not a generic form: the token signs the body, so it is computed per request.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const given = typeof requestOptions.body === 'object' && requestOptions.body !== null ? (requestOptions.body as IDataObject) : {};
		const body: IDataObject = { ...given, appKey: String(credentials.appKey ?? '') };
		body.token = digiscoreToken(body, String(credentials.secret ?? ''));
		return { ...requestOptions, body, json: true };
	};

	// Querying an unknown requestId is free: a good key gets "requestId not found", a bad one a token error.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL:
				`={{$credentials.environment === "custom" ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : $credentials.environment === "sandbox" ? "${DIGISCORE_HOSTS.sandbox}" : "${DIGISCORE_HOSTS.formal}"}}`,
			url: '/api/data/numberActive/query',
			body: { requestId: 'n8n-credential-test' },
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 11001, message: 'Digiscore rejected the app key or secret (token verification failed)' } },
		],
	};
}
