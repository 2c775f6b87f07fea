import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { ACCUAUTH_REGIONS } from '../nodes/AccuAuth/regions';

/** `{{ }}` body choosing the region's host, or the custom base URL. */
const baseUrlExpression = `={{${Object.entries(ACCUAUTH_REGIONS)
	.map(([region, { host }]) => `$credentials.region === "${region}" ? "${host}" : `)
	.join('')}String($credentials.baseUrl || "").trim().replace(/\\/+$/, "")}}`;

export class AccuAuthApi implements ICredentialType {
	name = 'accuAuthApi';

	displayName = 'AccuAuth API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-phone-intel#accuauth';

	icon = { light: 'file:../nodes/AccuAuth/accuAuth.svg', dark: 'file:../nodes/AccuAuth/accuAuth.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			description: 'Sent as the X-DF-API-ID header',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent as the X-DF-API-SECRET header',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				...Object.entries(ACCUAUTH_REGIONS).map(([region, { name, host }]) => ({
					name: `${name} (${new URL(host).host})`,
					value: region,
				})),
				{ name: 'Custom Base URL', value: 'custom' },
			],
			default: 'mexico',
			description: 'Where the account lives; numbers are sent with this country\'s calling code',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://cloudapi.mexico.accuauth.com',
			description: 'Scheme and host before /check/..., e.g. the local sandbox',
			displayOptions: { show: { region: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-DF-API-ID': '={{$credentials.apiId}}',
				'X-DF-API-SECRET': '={{$credentials.apiSecret}}',
			},
		},
	};

	// Asks for the result of a task that does not exist: a good key gets INVALID_ARGUMENT, and no check is started.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: baseUrlExpression,
			url: '/check/phone_number/task_result/o1',
			body: { task_id: 'n8n-credential-test' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'UNAUTHORIZED', message: 'AccuAuth rejected the API ID or API secret' } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'KEY_EXPIRED', message: 'This AccuAuth API ID has expired' } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'NO_PERMISSION', message: 'This API ID may not use the phone status API' } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'OUT_OF_QUOTA', message: 'The quota of this AccuAuth API ID is used up' } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'NOT_FOUND', message: 'The API was not found at this region or base URL' } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'INTERNAL_ERROR', message: 'AccuAuth answered INTERNAL_ERROR; try again later' } },
			// Every AccuAuth answer carries `status`: without it the base URL is not AccuAuth's.
			{ type: 'responseSuccessBody', properties: { key: 'status', value: undefined, message: 'The base URL did not answer like the AccuAuth API' } },
		],
	};
}
