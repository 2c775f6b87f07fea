import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { BulkOutput, readBulkEntries, splitIntoBatches, submitBatch } from './bulkBatches';
import { batchSizeOption, ENROW_BULK_DEFAULTS, enrowClient, nameFieldStyleOption, readEnrowOptions } from './enrowOptions';
import { readWebhookUrl, searchInputProperties, webhookUrlProperty } from './searchInput';

/**
 * Starting a bulk search is one request for many items, so it answers with one item per batch,
 * paired with every input item in it; items that could not be sent get their own error item.
 */
async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_BULK_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);
	const failures = new BulkOutput(ctx, options.includeInputFields);
	let webhookUrl: string | undefined;
	try {
		webhookUrl = readWebhookUrl(ctx, 0);
	} catch (error) {
		failures.fail(failures.items.map((_, itemIndex) => itemIndex), error);
		return failures.result();
	}
	const entries = readBulkEntries(ctx, options, failures);

	const started: Array<{ firstItemIndex: number; item: INodeExecutionData }> = [];
	for (const batch of splitIntoBatches(entries, options.batchSize)) {
		try {
			const answer = await submitBatch(client, baseUrl, batch, webhookUrl);
			started.push({
				firstItemIndex: batch[0].itemIndex,
				item: {
					json: {
						searchId: answer.id,
						searches: batch.length,
						itemIndexes: batch.map((entry) => entry.itemIndex),
						creditsReserved: answer.credits_used ?? null,
						estimatedDuration: answer.estimated_duration ?? null,
						message: answer.message ?? null,
						webhook: webhookUrl !== undefined,
					},
					pairedItem: batch.map((entry) => ({ item: entry.itemIndex })),
				},
			});
		} catch (error) {
			failures.fail(batch.map((entry) => entry.itemIndex), error);
		}
	}
	const errorItems = failures.result().map((item) => ({ firstItemIndex: (item.pairedItem as { item: number }).item, item }));
	return [...started, ...errorItems].sort((a, b) => a.firstItemIndex - b.firstItemIndex).map(({ item }) => item);
}

export const startBulkSearchOperation: VendorOperation = {
	value: 'startBulkSearch',
	name: 'Start Bulk Search',
	action: 'Start a bulk phone search',
	description: 'Send all items as bulk searches (3,000 per batch) and return each batch\'s ID at once',
	properties: [
		...searchInputProperties,
		webhookUrlProperty,
		commonOptionsProperty(ENROW_BULK_DEFAULTS, {}, [batchSizeOption, nameFieldStyleOption]),
	],
	execute,
};
