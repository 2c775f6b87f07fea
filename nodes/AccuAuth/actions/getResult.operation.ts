import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { phoneStatusFields } from '../phoneStatuses';
import { ACCUAUTH_DEFAULTS, connectAccuAuth, fetchTaskResult } from '../transport';
import {
	accuAuthPollSchedule,
	checkIntervalOption,
	contentTypeOption,
	readAccuAuthOptions,
	waitForResultOption,
} from './accuAuthOptions';
import { waitForTask } from './waitForTask';

const properties: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '{{ $json.taskId }}',
		description: 'The task ID "Submit" returned (or a timed-out "Check Status" named); valid 24 hours',
	},
	commonOptionsProperty(ACCUAUTH_DEFAULTS, { perItem: true, wait: true }, [contentTypeOption, checkIntervalOption, waitForResultOption]),
];

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, ACCUAUTH_DEFAULTS);
	const accuAuth = readAccuAuthOptions(ctx);
	const connection = await connectAccuAuth(ctx, options, accuAuth.contentType);
	// The task is already running: the first look is at once.
	const schedule = accuAuthPollSchedule(accuAuth, options, 0);
	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const taskId = String(ctx.getNodeParameter('taskId', itemIndex, '') ?? '').trim();
			if (!taskId) throw new ItemInputError('The task ID is empty', 'Set "Task ID" to the field that holds it, e.g. {{ $json.taskId }}.');
			if (accuAuth.waitForResult) return { done: true, ...phoneStatusFields(await waitForTask(connection, taskId, schedule)) };
			const answer = await fetchTaskResult(connection, taskId);
			if (answer.done) return { done: true, ...phoneStatusFields(answer.result) };
			return { done: false, taskId, requestId: answer.requestId ?? null };
		},
		options,
	);
}

export const getResultOperation: VendorOperation = {
	value: 'getResult',
	name: 'Get Result',
	action: 'Get the result of a task',
	description: 'Fetch the line status of a submitted number by its task ID',
	properties,
	execute,
};
