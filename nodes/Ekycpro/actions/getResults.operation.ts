import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemInputError, toNodeError } from '../../shared/errors';
import { errorOutput } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { VendorClient } from '../../shared/vendorClient';
import { CancelledError } from '../../shared/wait';
import { readWaitSettings, waitOptions } from '../properties';
import { downloadResult, isExported, mimeTypeOf, pollScheduleFor, readTaskResults, taskFailure, waitForExport } from '../taskRun';
import type { ExportedTask } from '../taskRun';
import { apiBaseUrl, EKYCPRO, EKYCPRO_DEFAULTS, FAILED_STATUSES, getTask } from '../transport';
import type { EkycproCredentials } from '../transport';
import type { ResultRow } from '../verdicts';
import { readTaskId, taskIdProperty } from './getTask.operation';

const properties: INodeProperties[] = [
	taskIdProperty,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Number', value: 'perNumber', description: 'Each row of the result file with its verdict' },
			{ name: 'Result File', value: 'file', description: 'The result file as ekycpro made it, as binary' },
		],
		default: 'perNumber',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { output: ['file'] } },
	},
	commonOptionsProperty(EKYCPRO_DEFAULTS, { wait: true }, [
		{
			displayName: 'Wait Until Ready',
			name: 'waitUntilReady',
			type: 'boolean',
			default: true,
			description: 'Whether to wait for a task that is still running (up to "Max Wait"), instead of failing at once',
		},
		...waitOptions,
	]),
];

/** "12025551234" (as xlsx and txt lists write it) -> "+12025551234"; e-mails as they are. */
function displayIdentifier(row: ResultRow): IDataObject {
	if (row.identifier.includes('@')) return { email: row.identifier.trim().toLowerCase() };
	return { phoneNumber: `+${row.key}` };
}

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const options = readCommonOptions(ctx, EKYCPRO_DEFAULTS);
	const { pollIntervalMs, maxResultBytes } = readWaitSettings(ctx);
	const { waitUntilReady = true } = ctx.getNodeParameter('options', 0, {}) as { waitUntilReady?: boolean };
	const output = ctx.getNodeParameter('output', 0, 'perNumber') as 'perNumber' | 'file';
	const client = await VendorClient.create(ctx, EKYCPRO, options);
	const baseUrl = apiBaseUrl((await ctx.getCredentials(EKYCPRO.credentialType)) as unknown as EkycproCredentials);

	const exportedTask = async (taskId: string): Promise<ExportedTask> => {
		if (waitUntilReady) return await waitForExport(client, baseUrl, taskId, pollScheduleFor(pollIntervalMs, options.maxWaitMs));
		const task = await getTask(client, baseUrl, taskId);
		if (isExported(task)) return task;
		if (FAILED_STATUSES.has(task.status)) throw taskFailure(client, task);
		throw new ItemInputError(`Task ${taskId} is not ready yet (status ${task.status})`, 'Wait longer before fetching, or turn on "Wait Until Ready".');
	};

	const results: INodeExecutionData[] = [];
	const items = ctx.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const taskId = readTaskId(ctx, itemIndex);
			const download = await downloadResult(client, baseUrl, await exportedTask(taskId), maxResultBytes);
			if (output === 'file') {
				const binary = await ctx.helpers.prepareBinaryData(download.data, download.fileName, mimeTypeOf(download.fileName));
				const property = String(ctx.getNodeParameter('outputBinaryPropertyName', itemIndex, 'data'));
				results.push({ json: { taskId, fileName: download.fileName }, binary: { [property]: binary }, pairedItem: { item: itemIndex } });
				continue;
			}
			const { rows, columns } = readTaskResults(client, download, maxResultBytes);
			for (const row of rows) {
				const json = displayIdentifier(row);
				json.registered = row.registered;
				for (const column of columns) json[column] = row.values[column] ?? null;
				json.taskId = taskId;
				results.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = toNodeError(node, error, itemIndex);
			if (!ctx.continueOnFail() || error instanceof CancelledError) throw nodeError;
			results.push(errorOutput(items[itemIndex], itemIndex, nodeError, false));
		}
	}
	return results;
}

export const getResultsOperation: VendorOperation = {
	value: 'getResults',
	name: 'Get Results',
	action: 'Get the results of a task',
	description: 'Download and read the result file of a task (waiting for it if needed), or return it as binary',
	properties,
	execute,
};
