import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { identifierKindOf, TASK_TYPE_OPTIONS } from './taskTypes';
import type { IdentifierKind } from './taskTypes';

export const taskTypeProperties: INodeProperties[] = [
	{
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		options: TASK_TYPE_OPTIONS,
		default: 'coinW',
		description: 'Which platform the numbers are checked on',
	},
	{
		displayName: 'Custom Task Type',
		name: 'customTaskType',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ws_avatar',
		description: 'The task_type value as ekycpro documents it',
		displayOptions: { show: { taskType: ['custom'] } },
	},
	{
		displayName: 'The List Holds',
		name: 'customIdentifiers',
		type: 'options',
		options: [
			{ name: 'Phone Numbers', value: 'phone' },
			{ name: 'E-Mail Addresses', value: 'email' },
		],
		default: 'phone',
		displayOptions: { show: { taskType: ['custom'] } },
	},
];

export const numberSourceProperties: INodeProperties[] = [
	{
		displayName: 'Numbers From',
		name: 'inputSource',
		type: 'options',
		options: [
			{ name: 'A Field of Each Item', value: 'field', description: 'One number per input item, e.g. the phone field of each row' },
			{ name: 'Lines of a Binary File', value: 'binaryFile', description: 'A txt or csv file on the input item(s), one number a line' },
		],
		default: 'field',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '{{ $json.phone }}',
		description: 'The number of each item in any common form (sent as E.164), or its e-mail address for e-mail task types',
		displayOptions: { show: { inputSource: ['field'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary field holding the txt or csv file',
		displayOptions: { show: { inputSource: ['binaryFile'] } },
	},
	{
		displayName: 'Number Column',
		name: 'numberColumn',
		type: 'string',
		default: '',
		placeholder: 'phone',
		description:
			'Header name or 1-based position of the column holding the numbers; empty = the first column. A first row whose number cell has no digit is read as the header.',
		displayOptions: { show: { inputSource: ['binaryFile'] } },
	},
];

export const maxNumbersPerTaskOption: INodeProperties = {
	displayName: 'Max Numbers per Task',
	name: 'maxNumbersPerTask',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50000,
	description: 'Longer lists are split into several ekycpro tasks, whose results are joined back in input order',
};

export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.05, numberPrecision: 2 },
		default: 3,
		description: 'Wait before the first status check; later checks are spaced further apart, up to a minute',
	},
	{
		displayName: 'Max Result Size (MB)',
		name: 'maxResultMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 200,
		description: 'Largest download, and largest size the result file may unpack to; larger files are refused as possible zip bombs',
	},
];

export interface TaskTypeChoice {
	taskType: string;
	identifiers: IdentifierKind;
}

export function readTaskType(ctx: IExecuteFunctions): TaskTypeChoice {
	const chosen = ctx.getNodeParameter('taskType', 0) as string;
	if (chosen !== 'custom') return { taskType: chosen, identifiers: identifierKindOf(chosen) };
	const taskType = String(ctx.getNodeParameter('customTaskType', 0, '')).trim();
	if (!taskType) throw new NodeOperationError(ctx.getNode(), 'The custom task type is empty', { description: 'Type the task_type value, e.g. ws_avatar.' });
	return { taskType, identifiers: ctx.getNodeParameter('customIdentifiers', 0, 'phone') as IdentifierKind };
}

export interface WaitSettings {
	pollIntervalMs: number;
	maxResultBytes: number;
}

export function readWaitSettings(ctx: IExecuteFunctions): WaitSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as { pollIntervalSeconds?: number; maxResultMegabytes?: number };
	return {
		pollIntervalMs: Math.max(50, (options.pollIntervalSeconds ?? 3) * 1000),
		maxResultBytes: Math.max(1, options.maxResultMegabytes ?? 200) * 1024 * 1024,
	};
}
