import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class TrustDecisionApi implements ICredentialType {
	name = 'trustDecisionApi';

	displayName = 'TrustDecision API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-phone-intel#trustdecision';

	icon = { light: 'file:../nodes/TrustDecision/trustDecision.svg', dark: 'file:../nodes/TrustDecision/trustDecision.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Partner Code',
			name: 'partnerCode',
			type: 'string',
			default: '',
			required: true,
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- the partner key is TrustDecision's API secret
		{
			displayName: 'Partner Key',
			name: 'partnerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'options',
			options: [
				{ name: 'Indonesia (id.apitd.net)', value: 'https://id.apitd.net' },
				{ name: 'Indonesia Credit (id-credit.apitd.net)', value: 'https://id-credit.apitd.net' },
				{ name: 'Singapore (sg.apitd.net)', value: 'https://sg.apitd.net' },
				{ name: 'Singapore Credit (sg-credit.apitd.net)', value: 'https://sg-credit.apitd.net' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
			default: 'https://id.apitd.net',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://id.apitd.net',
			description: 'Scheme and host of the API, e.g. a regional host or the local sandbox',
			displayOptions: { show: { host: ['custom'] } },
		},
		{
			displayName: 'Endpoint Path',
			name: 'endpointPath',
			type: 'string',
			default: '',
			required: true,
			placeholder: '/phone/association/v1',
			description: 'Path of the "Indonesia Phone Number Detection" product, as given by TrustDecision when the product was opened for your partner code',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				partner_code: '={{$credentials.partnerCode}}',
				partner_key: '={{$credentials.partnerKey}}',
			},
		},
	};

	// An empty body is rejected before billing (only code 200 is charged); a wrong key is rejected first.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: '={{$credentials.host === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : $credentials.host}}',
			url: '={{"/" + $credentials.endpointPath.replace(/^\\/+/, "")}}',
			body: {},
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 11340, message: 'TrustDecision rejected the partner code or partner key' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 300, message: 'The service is not purchased or not effective for this partner code' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 301, message: 'The service is not purchased for this partner code' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 304, message: 'The service has expired for this partner code' } },
		],
	};
}
