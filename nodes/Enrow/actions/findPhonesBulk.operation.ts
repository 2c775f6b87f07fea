import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { VendorError } from '../../shared/errors';
import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { ENROW } from '../transport';
import type { BulkStartAnswer } from '../transport';
import { BulkOutput, matchBatchResults, readBulkEntries, splitIntoBatches, submitBatch, waitForBatch } from './bulkBatches';
import type { BulkEntry } from './bulkBatches';
import {
	batchSizeOption,
	ENROW_BULK_DEFAULTS,
	enrowClient,
	includeInputFieldsOption,
	nameFieldStyleOption,
	pollIntervalOption,
	readEnrowOptions,
} from './enrowOptions';
import { searchInputProperties } from './searchInput';

function missingResult(searchId: string, position: number): VendorError {
	return new VendorError({
		vendor: ENROW.name,
		code: 'NO_RESULT',
		reason: `The finished bulk search "${searchId}" has no result at index ${position}`,
		kind: 'unexpectedResponse',
		charged: 'no',
		retryable: false,
		requestId: searchId,
		hint: 'Fetch the search again with "Get Bulk Result", or search this item alone.',
	});
}

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_BULK_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);
	const output = new BulkOutput(ctx, options.includeInputFields);
	const entries = readBulkEntries(ctx, options, output);

	// All batches are started first so Enrow works on them side by side; then each is awaited.
	const started: Array<{ batch: BulkEntry[]; answer: BulkStartAnswer }> = [];
	for (const batch of splitIntoBatches(entries, options.batchSize)) {
		try {
			started.push({ batch, answer: await submitBatch(client, baseUrl, batch) });
		} catch (error) {
			output.fail(batch.map((entry) => entry.itemIndex), error);
		}
	}
	for (const { batch, answer } of started) {
		try {
			const finished = await waitForBatch(client, baseUrl, answer.id, options);
			matchBatchResults(batch, finished).forEach(({ entry, fields }, position) => {
				if (fields) output.succeed(entry.itemIndex, fields);
				else output.fail([entry.itemIndex], missingResult(answer.id, position));
			});
		} catch (error) {
			output.fail(batch.map((entry) => entry.itemIndex), error);
		}
	}
	return output.result();
}

export const findPhonesBulkOperation: VendorOperation = {
	value: 'findPhonesBulk',
	name: 'Find Phones (Bulk)',
	action: 'Find phone numbers for many people in bulk',
	description: 'Send all items as bulk searches (3,000 per batch), wait, and return one result per item',
	properties: [
		...searchInputProperties,
		commonOptionsProperty(ENROW_BULK_DEFAULTS, { wait: true }, [
			batchSizeOption,
			includeInputFieldsOption,
			nameFieldStyleOption,
			pollIntervalOption,
		]),
	],
	execute,
};
