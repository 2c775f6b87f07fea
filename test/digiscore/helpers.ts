import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, startNode } from '../harness/engine';
import { SIM_CREDENTIALS } from '../simulator';
import type { Simulator } from '../simulator';

export function dsCredentials(sim: Simulator, overrides: IDataObject = {}) {
	return {
		digiscoreApi: {
			appKey: SIM_CREDENTIALS.digiscore.appKey,
			secret: SIM_CREDENTIALS.digiscore.secret,
			environment: 'custom',
			baseUrl: sim.urlFor('digiscore'),
			...overrides,
		},
	};
}

export const checkActivityParameters: INodeParameters = {
	operation: 'checkActivity',
	phoneNumber: '={{ $json.phone }}',
	options: { concurrency: 4, maxWaitSeconds: 10 },
};

export function phoneItems(phones: string[]): IDataObject[] {
	return phones.map((phone, index) => ({ row: index + 1, phone }));
}

export interface DigiscoreRunOptions {
	continueOnFail?: boolean;
	parameters?: INodeParameters;
	credentials?: IDataObject;
}

export async function runDigiscore(sim: Simulator, items: IDataObject[], options: DigiscoreRunOptions = {}) {
	return await runNode({
		type: 'digiscore',
		parameters: { ...checkActivityParameters, ...options.parameters },
		credentials: dsCredentials(sim, options.credentials),
		items,
		continueOnFail: options.continueOnFail,
	});
}

export function startDigiscore(sim: Simulator, items: IDataObject[], options: DigiscoreRunOptions = {}) {
	return startNode({
		type: 'digiscore',
		parameters: { ...checkActivityParameters, ...options.parameters },
		credentials: dsCredentials(sim, options.credentials),
		items,
		continueOnFail: options.continueOnFail,
	});
}

/** Parsed JSON bodies the simulator received on one endpoint ('handle' or 'query'). */
export function sentBodies(sim: Simulator, endpoint: 'handle' | 'query'): IDataObject[] {
	return sim.requestLog
		.filter((record) => record.path.endsWith(`/numberActive/${endpoint}`))
		.map((record) => JSON.parse(record.body) as IDataObject);
}
