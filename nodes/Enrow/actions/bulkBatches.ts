import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { PollTimeoutError, toNodeError } from '../../shared/errors';
import { errorOutput, pairedOutput } from '../../shared/itemRunner';
import { pollUntilDone } from '../../shared/poller';
import { CancelledError } from '../../shared/wait';
import type { VendorClient } from '../../shared/vendorClient';
import { bulkResultFields } from '../resultFields';
import { fetchBulkResult, startBulkSearch } from '../transport';
import type { BulkAnswer, BulkStartAnswer, SearchFields } from '../transport';
import { enrowPollSchedule } from './enrowOptions';
import type { EnrowOptions } from './enrowOptions';
import { readSearchFields } from './searchInput';

/** One input item's search and where it came from. */
export interface BulkEntry {
	itemIndex: number;
	fields: SearchFields;
}

/**
 * The outputs of an operation over all input items, one per item with its pairedItem: errors of
 * single items become error items with Continue On Fail, otherwise the first fails the node.
 */
export class BulkOutput {
	readonly items: INodeExecutionData[];

	private readonly output: Array<INodeExecutionData | undefined>;

	private readonly continueOnFail: boolean;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly includeInputFields: boolean,
	) {
		this.items = ctx.getInputData();
		this.output = new Array<INodeExecutionData | undefined>(this.items.length);
		this.continueOnFail = ctx.continueOnFail();
	}

	succeed(itemIndex: number, fields: IDataObject): void {
		this.output[itemIndex] = pairedOutput(this.items[itemIndex], itemIndex, fields, this.includeInputFields);
	}

	/** Records the failure of these items, or throws it when Continue On Fail is off. */
	fail(itemIndexes: number[], error: unknown): void {
		if (error instanceof CancelledError || this.ctx.getExecutionCancelSignal()?.aborted) throw error;
		const node = this.ctx.getNode();
		if (!this.continueOnFail) throw toNodeError(node, error, itemIndexes[0]);
		for (const itemIndex of itemIndexes) {
			const nodeError = toNodeError(node, error, itemIndex);
			this.output[itemIndex] = errorOutput(this.items[itemIndex], itemIndex, nodeError, this.includeInputFields);
		}
	}

	/** Items in input order; every slot is filled by then (see the operations). */
	result(): INodeExecutionData[] {
		return this.output.filter((item): item is INodeExecutionData => item !== undefined);
	}
}

/** Reads every item's search; an item with bad input fails alone, before anything is sent. */
export function readBulkEntries(ctx: IExecuteFunctions, options: EnrowOptions, bulkOutput: BulkOutput): BulkEntry[] {
	const entries: BulkEntry[] = [];
	for (let itemIndex = 0; itemIndex < bulkOutput.items.length; itemIndex++) {
		try {
			entries.push({ itemIndex, fields: readSearchFields(ctx, itemIndex, options.nameFieldStyle) });
		} catch (error) {
			bulkOutput.fail([itemIndex], error);
		}
	}
	return entries;
}

export function splitIntoBatches<T>(entries: T[], batchSize: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < entries.length; start += batchSize) batches.push(entries.slice(start, start + batchSize));
	return batches;
}

export async function submitBatch(
	client: VendorClient,
	baseUrl: string,
	batch: BulkEntry[],
	webhookUrl?: string,
): Promise<BulkStartAnswer> {
	return await startBulkSearch(client, baseUrl, {
		searches: batch.map((entry) => entry.fields),
		...(webhookUrl ? { settings: { webhook: webhookUrl } } : {}),
	});
}

export async function waitForBatch(client: VendorClient, baseUrl: string, searchId: string, options: EnrowOptions): Promise<BulkAnswer> {
	return await pollUntilDone<BulkAnswer>({
		check: async () => {
			const state = await fetchBulkResult(client, baseUrl, searchId);
			return state.done ? { done: true, value: state.answer } : { done: false };
		},
		schedule: enrowPollSchedule(options),
		signal: client.signal,
		timeoutError: (waitedMs) =>
			new PollTimeoutError(
				`The Enrow bulk search "${searchId}" was not finished after ${Math.round(waitedMs / 1000)} s`,
				'It keeps running at Enrow: fetch it later with "Get Bulk Result" and this search ID, or raise "Max Wait".',
			),
	});
}

/**
 * Each result names its search by `index` (its position in the request), so results are
 * matched to items by that index, whatever order Enrow lists them in.
 */
export function matchBatchResults(
	batch: BulkEntry[],
	answer: BulkAnswer,
): Array<{ entry: BulkEntry; fields: IDataObject | undefined }> {
	const byIndex = new Map(bulkResultFields(answer).map((result) => [result.index, result.fields]));
	return batch.map((entry, index) => {
		const fields = byIndex.get(index);
		return { entry, fields: fields && { ...fields, custom: fields.custom ?? entry.fields.custom ?? null } };
	});
}
