import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { VendorClient } from '../../shared/vendorClient';
import { isExported } from '../taskRun';
import { apiBaseUrl, EKYCPRO, EKYCPRO_DEFAULTS, getTask } from '../transport';
import type { EkycproCredentials } from '../transport';

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '{{ $json.taskId }}',
	description: 'The ID "Create Task" returned',
};

export function readTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	const taskId = String(ctx.getNodeParameter('taskId', itemIndex, '') ?? '').trim();
	if (!taskId) throw new ItemInputError('The task ID is empty', 'Set "Task ID", e.g. {{ $json.taskId }} after "Create Task".');
	return taskId;
}

const properties: INodeProperties[] = [taskIdProperty, commonOptionsProperty(EKYCPRO_DEFAULTS, { perItem: true })];

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, EKYCPRO_DEFAULTS);
	const client = await VendorClient.create(ctx, EKYCPRO, options);
	const baseUrl = apiBaseUrl((await ctx.getCredentials(EKYCPRO.credentialType)) as unknown as EkycproCredentials);
	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const task = await getTask(client, baseUrl, readTaskId(ctx, itemIndex));
			const done = (task.success ?? 0) + (task.failure ?? 0);
			return {
				taskId: task.task_id,
				status: task.status,
				ready: isExported(task),
				total: task.total ?? null,
				success: task.success ?? null,
				failure: task.failure ?? null,
				progressPercent: task.total ? Math.min(100, Math.round((done / task.total) * 100)) : null,
				resultUrl: task.result_url ?? null,
				createdAt: task.created_at ?? null,
				updatedAt: task.updated_at ?? null,
			};
		},
		options,
	);
}

export const getTaskOperation: VendorOperation = {
	value: 'getTask',
	name: 'Get Task',
	action: 'Get the status of a task',
	description: 'Status and progress of a task, and its result link once exported',
	properties,
	execute,
};
