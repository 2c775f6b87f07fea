import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { SIM_CREDENTIALS } from '../simulator';
import type { Simulator } from '../simulator';

export const API_KEY = SIM_CREDENTIALS.ekycpro.apiKey;

export function ekycproCredentials(sim: Simulator, overrides: IDataObject = {}) {
	return { ekycproApi: { apiKey: API_KEY, baseUrl: 'custom', customBaseUrl: sim.urlFor('ekycpro'), ...overrides } };
}

/** Check Numbers with short waits, so a test takes a fraction of a second per task. */
export const checkParameters: INodeParameters = {
	operation: 'checkNumbers',
	taskType: 'coinW',
	phoneNumber: '={{ $json.phone }}',
	options: { pollIntervalSeconds: 0.05 },
};

export interface RunOptions {
	parameters?: INodeParameters;
	options?: IDataObject;
	continueOnFail?: boolean;
	credentials?: IDataObject;
}

export async function runEkycpro(sim: Simulator, items: IDataObject[] | INodeExecutionData[], run: RunOptions = {}) {
	const parameters = { ...checkParameters, ...run.parameters };
	parameters.options = { ...(parameters.options as IDataObject), ...run.options } as INodeParameters;
	return await runNode({
		type: 'ekycpro',
		parameters,
		credentials: ekycproCredentials(sim, run.credentials),
		items,
		continueOnFail: run.continueOnFail,
	});
}

/** Items holding `phone`, as rows of a sheet would. */
export function rows(phones: string[]): IDataObject[] {
	return phones.map((phone, index) => ({ row: index + 1, name: `Contact ${index + 1}`, phone }));
}

/** The text of every file the node uploaded, one array of lines per task. */
export async function uploadedLists(sim: Simulator): Promise<string[][]> {
	const uploads = sim.requestLog.filter((record) => record.path.endsWith('/v1/tasks') && record.status === 200);
	return await Promise.all(
		uploads.map(async (record) => {
			const form = await new Response(record.body, { headers: { 'content-type': String(record.headers['content-type']) } }).formData();
			const file = form.get('file') as File;
			return (await file.text()).split('\n').filter(Boolean);
		}),
	);
}
