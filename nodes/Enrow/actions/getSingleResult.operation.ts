import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { searchResultFields } from '../resultFields';
import { ENROW_CREDITS_PER_PHONE, fetchSingleResult } from '../transport';
import { ENROW_SINGLE_DEFAULTS, enrowClient, readEnrowOptions } from './enrowOptions';
import { readSearchId, searchIdProperty } from './searchIdInput';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_SINGLE_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);

	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const searchId = readSearchId(ctx, itemIndex);
			const state = await fetchSingleResult(client, baseUrl, searchId);
			if (!state.done) {
				return { searchId, qualification: 'ongoing', found: false, number: null, country: null, creditsUsed: null, custom: null };
			}
			// The result does not carry its cost: a found phone costs Enrow's documented price.
			return searchResultFields(searchId, state.result, ENROW_CREDITS_PER_PHONE);
		},
		options,
	);
}

export const getSingleResultOperation: VendorOperation = {
	value: 'getSingleResult',
	name: 'Get Single Result',
	action: 'Get the result of a phone search',
	description: 'Fetch a single search by its ID once ("ongoing" while Enrow is still searching)',
	properties: [searchIdProperty, commonOptionsProperty(ENROW_SINGLE_DEFAULTS, { perItem: true })],
	execute,
};
