import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { VendorClient } from '../../shared/vendorClient';
import { CheckOutcome, fileOutput, firstFailure, perItemOutput, perNumberOutput } from '../checkOutput';
import type { OutputMode } from '../checkOutput';
import { collectEntries, uniqueIdentifiers } from '../numberInput';
import { maxNumbersPerTaskOption, numberSourceProperties, readTaskType, readWaitSettings, taskTypeProperties, waitOptions } from '../properties';
import { runParts } from '../taskParts';
import { pollScheduleFor } from '../taskRun';
import { apiBaseUrl, EKYCPRO, EKYCPRO_DEFAULTS } from '../transport';
import type { EkycproCredentials } from '../transport';

const properties: INodeProperties[] = [
	...taskTypeProperties,
	...numberSourceProperties,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Input Row', value: 'perItem', description: 'Each row (input item or file line) with its own fields plus its verdict' },
			{ name: 'One Item per Unique Number', value: 'perNumber', description: 'Each distinct number once, paired with every row that held it' },
			{ name: 'Result File', value: 'file', description: 'The result file as ekycpro made it, as binary, one item per task' },
		],
		default: 'perItem',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { output: ['file'] } },
	},
	commonOptionsProperty(EKYCPRO_DEFAULTS, { phone: true, wait: true }, [
		{
			displayName: 'Include Input Fields',
			name: 'includeInputFields',
			type: 'boolean',
			default: true,
			description: 'Whether to keep the fields of each row beside its verdict, so rows can be written back as they are',
		},
		maxNumbersPerTaskOption,
		{
			displayName: 'Parallel Tasks',
			name: 'parallelTasks',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 2,
			description: 'How many ekycpro tasks of a split list run at the same time',
		},
		...waitOptions,
	]),
];

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const options = readCommonOptions(ctx, EKYCPRO_DEFAULTS);
	const { pollIntervalMs, maxResultBytes } = readWaitSettings(ctx);
	const taskOptions = ctx.getNodeParameter('options', 0, {}) as { maxNumbersPerTask?: number; parallelTasks?: number };
	const { taskType, identifiers: kind } = readTaskType(ctx);
	const output = ctx.getNodeParameter('output', 0, 'perItem') as OutputMode;
	const continueOnFail = ctx.continueOnFail();

	const entries = await collectEntries(ctx, kind, options.defaultCountry);
	if (!continueOnFail) {
		const invalid = firstFailure(node, entries, undefined);
		if (invalid) throw invalid;
	}

	const unique = uniqueIdentifiers(entries);
	const client = await VendorClient.create(ctx, EKYCPRO, options);
	const baseUrl = apiBaseUrl((await ctx.getCredentials(EKYCPRO.credentialType)) as unknown as EkycproCredentials);
	const parts =
		unique.length === 0
			? []
			: await runParts(client, baseUrl, unique, {
					taskType,
					maxPerTask: taskOptions.maxNumbersPerTask ?? 50_000,
					parallelTasks: Math.max(1, Math.floor(taskOptions.parallelTasks ?? 2)),
					schedule: pollScheduleFor(pollIntervalMs, options.maxWaitMs),
					maxResultBytes,
					keepFile: output === 'file',
					stopOnFailure: !continueOnFail,
				});
	const outcome = new CheckOutcome(parts, taskType, kind);
	if (!continueOnFail) {
		const failure = firstFailure(node, entries, outcome);
		if (failure) throw failure;
	}

	if (output === 'file') {
		return await fileOutput(ctx, entries, outcome, String(ctx.getNodeParameter('outputBinaryPropertyName', 0, 'data')));
	}
	if (output === 'perNumber') return perNumberOutput(node, entries, outcome);
	return perItemOutput(node, entries, outcome, options.includeInputFields);
}

export const checkNumbersOperation: VendorOperation = {
	value: 'checkNumbers',
	name: 'Check Numbers',
	action: 'Check numbers on a platform',
	description: 'Upload the numbers of all items as one task, wait for it, and add each row\'s verdict',
	properties,
	execute,
};
