import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { errorOutput } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { VendorClient } from '../../shared/vendorClient';
import { collectEntries, uniqueIdentifiers } from '../numberInput';
import { maxNumbersPerTaskOption, numberSourceProperties, readTaskType, taskTypeProperties } from '../properties';
import { splitIntoParts } from '../taskParts';
import { apiBaseUrl, createTask, EKYCPRO, EKYCPRO_DEFAULTS } from '../transport';
import type { EkycproCredentials } from '../transport';

const properties: INodeProperties[] = [
	...taskTypeProperties,
	...numberSourceProperties,
	commonOptionsProperty(EKYCPRO_DEFAULTS, { phone: true }, [maxNumbersPerTaskOption]),
];

/** Uploads without waiting: one output item per task, for a Wait node and "Get Results" later. */
async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const options = readCommonOptions(ctx, EKYCPRO_DEFAULTS);
	const { maxNumbersPerTask } = ctx.getNodeParameter('options', 0, {}) as { maxNumbersPerTask?: number };
	const { taskType, identifiers: kind } = readTaskType(ctx);
	const continueOnFail = ctx.continueOnFail();
	const entries = await collectEntries(ctx, kind, options.defaultCountry);
	const invalid = entries.filter((entry) => entry.error);
	if (invalid.length > 0 && !continueOnFail) throw toNodeError(node, invalid[0].error, invalid[0].itemIndex);

	const output: INodeExecutionData[] = invalid.map((entry) =>
		errorOutput({ json: entry.fields }, entry.itemIndex, toNodeError(node, entry.error, entry.itemIndex), false),
	);
	const unique = uniqueIdentifiers(entries);
	if (unique.length === 0) return output;

	const client = await VendorClient.create(ctx, EKYCPRO, options);
	const baseUrl = apiBaseUrl((await ctx.getCredentials(EKYCPRO.credentialType)) as unknown as EkycproCredentials);
	const itemsOf = new Map<string, number>();
	for (const entry of entries) if (entry.identifier !== undefined && !itemsOf.has(entry.identifier)) itemsOf.set(entry.identifier, entry.itemIndex);
	const created: string[] = [];
	for (const part of splitIntoParts(unique, maxNumbersPerTask ?? 50_000)) {
		const partItems = new Set(part.identifiers.map((identifier) => itemsOf.get(identifier) as number));
		const pairedItem = [...partItems].map((item) => ({ item }));
		try {
			const task = await createTask(client, baseUrl, part.identifiers, taskType);
			created.push(task.task_id);
			output.push({
				json: {
					taskId: task.task_id,
					status: task.status ?? 'pending',
					total: task.total ?? part.identifiers.length,
					numbers: part.identifiers.length,
					taskType,
					message: task.message ?? null,
					createdAt: task.created_at ?? null,
				},
				pairedItem,
			});
		} catch (error) {
			const nodeError = toNodeError(node, error, pairedItem[0].item);
			if (!continueOnFail) {
				if (created.length > 0) {
					(nodeError as { description?: string | null }).description = [
						(nodeError as { description?: string | null }).description,
						`Tasks already created: ${created.join(', ')}.`,
					].filter(Boolean).join(' ');
				}
				throw nodeError;
			}
			output.push({ ...errorOutput({ json: {} }, pairedItem[0].item, nodeError, false), pairedItem });
		}
	}
	return output;
}

export const createTaskOperation: VendorOperation = {
	value: 'createTask',
	name: 'Create Task',
	action: 'Create a check task',
	description: 'Upload the numbers of all items as a task and return its ID at once (fetch results later)',
	properties,
	execute,
};
