import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { errorOutput } from '../../shared/itemRunner';
import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { throwIfCancelled } from '../../shared/wait';
import { bulkProgressFields, bulkResultFields } from '../resultFields';
import { fetchBulkResult } from '../transport';
import type { BulkAnswer } from '../transport';
import { ENROW_BULK_DEFAULTS, enrowClient, readEnrowOptions } from './enrowOptions';
import { readSearchId, searchIdProperty } from './searchIdInput';

const outputProperty: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'One Item per Result', value: 'perResult', description: 'Each search of the batch as its own item, with its index' },
		{ name: 'One Item per Bulk Search', value: 'perSearch', description: 'The answer as Enrow gives it: general, stats and results' },
	],
	default: 'perResult',
};

/** A finished bulk search unfolds into its results; a running one is one progress item. */
function itemsFor(answer: BulkAnswer, done: boolean, perResult: boolean): IDataObject[] {
	if (!done) return [bulkProgressFields(answer)];
	if (!perResult) return [answer as unknown as IDataObject];
	return bulkResultFields(answer)
		.sort((a, b) => a.index - b.index)
		.map(({ fields }) => fields);
}

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_BULK_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);
	const items = ctx.getInputData();
	const fetchItem = async (itemIndex: number): Promise<IDataObject[] | { failure: unknown }> => {
		try {
			const perResult = ctx.getNodeParameter('output', itemIndex, 'perResult') === 'perResult';
			const state = await fetchBulkResult(client, baseUrl, readSearchId(ctx, itemIndex));
			return itemsFor(state.answer, state.done, perResult);
		} catch (failure) {
			return { failure };
		}
	};
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		throwIfCancelled(client.signal);
		const fetched = await fetchItem(itemIndex);
		if (Array.isArray(fetched)) {
			for (const json of fetched) output.push({ json, pairedItem: { item: itemIndex } });
			continue;
		}
		throwIfCancelled(client.signal);
		const nodeError = toNodeError(ctx.getNode(), fetched.failure, itemIndex);
		if (!ctx.continueOnFail()) throw nodeError;
		output.push(errorOutput(items[itemIndex], itemIndex, nodeError, false));
	}
	return output;
}

export const getBulkResultOperation: VendorOperation = {
	value: 'getBulkResult',
	name: 'Get Bulk Result',
	action: 'Get the results of a bulk phone search',
	description: 'Fetch a bulk search by its ID once: its results when finished, its progress while running',
	properties: [searchIdProperty, outputProperty, commonOptionsProperty(ENROW_BULK_DEFAULTS, {})],
	execute,
};
