import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachConcurrent } from './concurrency';
import { errorItemFields, toNodeError } from './errors';
import { CancelledError } from './wait';

export type ItemResult = IDataObject | INodeExecutionData;

export interface ItemRunOptions {
	concurrency: number;
	/** Output = input fields + result fields, so rows flow through with their verdicts. */
	includeInputFields: boolean;
}

function isExecutionData(result: ItemResult): result is INodeExecutionData {
	return typeof result.json === 'object' && result.json !== null && !Array.isArray(result.json);
}

/** One output item per input item with its pairedItem; merges the input fields when asked. */
export function pairedOutput(
	input: INodeExecutionData,
	itemIndex: number,
	result: ItemResult,
	includeInputFields: boolean,
): INodeExecutionData {
	const data = isExecutionData(result) ? result : { json: result };
	return {
		...data,
		json: includeInputFields ? { ...input.json, ...data.json } : data.json,
		pairedItem: { item: itemIndex },
	};
}

/** Error item written in place of a result when Continue On Fail is on. */
export function errorOutput(
	input: INodeExecutionData,
	itemIndex: number,
	error: Error,
	includeInputFields: boolean,
): INodeExecutionData {
	const fields = errorItemFields(error);
	return { json: includeInputFields ? { ...input.json, ...fields } : fields, pairedItem: { item: itemIndex } };
}

/**
 * Runs `work` for every input item with bounded concurrency and returns one item per input
 * item in input order. With Continue On Fail a failed item becomes an error item; without it
 * the first failure stops starting new items and fails the node with that item's index.
 */
export async function runForEachItem(
	ctx: IExecuteFunctions,
	work: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
	options: ItemRunOptions,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	const signal = ctx.getExecutionCancelSignal();
	const output: INodeExecutionData[] = new Array(items.length);
	let firstFailure: { itemIndex: number; error: Error } | undefined;

	await forEachConcurrent(
		items.length,
		options.concurrency,
		async (itemIndex) => {
			try {
				const result = await work(itemIndex, items[itemIndex]);
				output[itemIndex] = pairedOutput(items[itemIndex], itemIndex, result, options.includeInputFields);
			} catch (error) {
				if (error instanceof CancelledError || signal?.aborted) {
					firstFailure ??= { itemIndex, error: error as Error };
					return;
				}
				const nodeError = toNodeError(node, error, itemIndex);
				if (continueOnFail) {
					output[itemIndex] = errorOutput(items[itemIndex], itemIndex, nodeError, options.includeInputFields);
				} else if (!firstFailure || itemIndex < firstFailure.itemIndex) {
					firstFailure = { itemIndex, error: nodeError };
				}
			}
		},
		() => firstFailure !== undefined || signal?.aborted === true,
	);

	if (firstFailure) throw firstFailure.error;
	if (signal?.aborted) throw new CancelledError();
	return output;
}
