import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, startNode } from '../harness/engine';
import type { RunNodeOptions } from '../harness/engine';
import { SIM_CREDENTIALS } from '../simulator';
import type { Simulator } from '../simulator';

export function accuAuthCredentials(sim: Simulator, overrides: IDataObject = {}) {
	return {
		accuAuthApi: {
			apiId: SIM_CREDENTIALS.accuauth.apiId,
			apiSecret: SIM_CREDENTIALS.accuauth.apiSecret,
			region: 'custom',
			baseUrl: sim.urlFor('accuauth'),
			...overrides,
		},
	};
}

/** Fast polling for tests: first look after 20 ms, then every 20 ms. */
export const FAST_POLL = { firstCheckSeconds: 0.02, checkIntervalSeconds: 0.02 };

/** Custom base URL (the simulator), so "Default Country" reads the local numbers. */
export const checkStatusParameters: INodeParameters = {
	operation: 'checkStatus',
	phoneNumber: '={{ $json.phone }}',
	options: { ...FAST_POLL, defaultCountry: 'MX', maxWaitSeconds: 10, requestsPerSecond: 1000 },
};

/** Mexican mobile numbers (+52 55 1234 ....) ending in the given 4-digit suffixes. */
export function mexicanNumbers(suffixes: string[]): string[] {
	return suffixes.map((suffix) => `+52 55 1234 ${suffix}`);
}

export function phoneItems(phones: string[]): IDataObject[] {
	return phones.map((phone, index) => ({ row: index + 1, phone }));
}

export interface AccuAuthRunOptions {
	continueOnFail?: boolean;
	parameters?: INodeParameters;
	options?: IDataObject;
	credentials?: IDataObject;
	timeoutMs?: number;
}

function nodeOptions(sim: Simulator, items: IDataObject[], run: AccuAuthRunOptions): RunNodeOptions {
	const parameters = { ...checkStatusParameters, ...run.parameters };
	const options: IDataObject = { ...(parameters.options as IDataObject), ...run.options };
	return {
		type: 'accuAuth',
		parameters: { ...parameters, options } as INodeParameters,
		credentials: accuAuthCredentials(sim, run.credentials),
		items,
		continueOnFail: run.continueOnFail,
		timeoutMs: run.timeoutMs,
	};
}

export async function runAccuAuth(sim: Simulator, items: IDataObject[], run: AccuAuthRunOptions = {}) {
	return await runNode(nodeOptions(sim, items, run));
}

export function startAccuAuth(sim: Simulator, items: IDataObject[], run: AccuAuthRunOptions = {}) {
	return startNode(nodeOptions(sim, items, run));
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/** Requests the simulator received on one AccuAuth endpoint. */
export function requestsTo(sim: Simulator, endpoint: 'submit' | 'taskResult') {
	const path = endpoint === 'submit' ? '/accuauth/check/phone_number/o1' : '/accuauth/check/phone_number/task_result/o1';
	return sim.requestLog.filter((record) => record.path === path);
}

/** Resolves once `condition` holds; fails after `timeoutMs` (slow machines start the engine late). */
export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('waitUntil: condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
