import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, startNode } from '../harness/engine';
import { SIM_CREDENTIALS } from '../simulator';
import type { Simulator } from '../simulator';

export function enrowCredentials(sim: Simulator, overrides: IDataObject = {}) {
	return { enrowApi: { apiKey: SIM_CREDENTIALS.enrow.apiKey, baseUrl: sim.urlFor('enrow'), ...overrides } };
}

/** Fast polling for tests: first look after 20 ms, then growing from 20 ms. */
export const FAST_OPTIONS: IDataObject = { pollIntervalSeconds: 0.02, maxWaitSeconds: 20 };

/** Input fields mapped from the items, as a user maps them. */
export const MAPPED_INPUT: INodeParameters = {
	linkedinUrl: '={{ $json.linkedin }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	companyDomain: '={{ $json.domain }}',
	companyName: '={{ $json.company }}',
};

export function linkedinLeads(count: number, slug = 'lead'): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ row: index, linkedin: `https://www.linkedin.com/in/${slug}-${index}` }));
}

export interface EnrowRun {
	operation: string;
	items: IDataObject[];
	parameters?: INodeParameters;
	options?: IDataObject;
	continueOnFail?: boolean;
	credentials?: IDataObject;
	timeoutMs?: number;
}

function nodeOptions(sim: Simulator, run: EnrowRun) {
	return {
		type: 'enrow',
		parameters: { operation: run.operation, ...MAPPED_INPUT, ...run.parameters, options: { ...FAST_OPTIONS, ...run.options } as INodeParameters },
		credentials: enrowCredentials(sim, run.credentials),
		items: run.items,
		continueOnFail: run.continueOnFail,
		timeoutMs: run.timeoutMs,
	};
}

export async function runEnrow(sim: Simulator, run: EnrowRun) {
	return await runNode(nodeOptions(sim, run));
}

export function startEnrow(sim: Simulator, run: EnrowRun) {
	return startNode(nodeOptions(sim, run));
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

export function pairedIndexes(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.pairedItem);
}

/** Requests the simulator received on one Enrow endpoint. */
export function requestsTo(sim: Simulator, method: 'GET' | 'POST', path: '/phone/single' | '/phone/bulk' | '/account/info') {
	return sim.requestLog.filter((record) => record.method === method && record.path === `/enrow${path}`);
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
