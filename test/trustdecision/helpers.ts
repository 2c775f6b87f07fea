import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, startNode } from '../harness/engine';
import { SIM_CREDENTIALS } from '../simulator';
import type { Simulator } from '../simulator';

export function tdCredentials(sim: Simulator, overrides: IDataObject = {}) {
	return {
		trustDecisionApi: {
			partnerCode: SIM_CREDENTIALS.trustdecision.partnerCode,
			partnerKey: SIM_CREDENTIALS.trustdecision.partnerKey,
			host: 'custom',
			baseUrl: sim.urlFor('trustdecision'),
			endpointPath: '/idn/phone/association',
			...overrides,
		},
	};
}

export const tdParameters: INodeParameters = {
	operation: 'detectAssociation',
	phoneNumber: '={{ $json.phone }}',
	idNumber: '={{ $json.nik }}',
	name: '={{ $json.name }}',
	options: { concurrency: 3 },
};

export function applicants(phones: string[]): IDataObject[] {
	return phones.map((phone, index) => ({ row: index + 1, phone, nik: `33102256294670${index % 10}`, name: `Applicant ${index + 1}` }));
}

export async function runTrustDecision(
	sim: Simulator,
	items: IDataObject[],
	options: { continueOnFail?: boolean; parameters?: INodeParameters; credentials?: IDataObject } = {},
) {
	return await runNode({
		type: 'trustDecision',
		parameters: { ...tdParameters, ...options.parameters },
		credentials: tdCredentials(sim, options.credentials),
		items,
		continueOnFail: options.continueOnFail,
	});
}

export function startTrustDecision(sim: Simulator, items: IDataObject[]) {
	return startNode({ type: 'trustDecision', parameters: tdParameters, credentials: tdCredentials(sim), items });
}
