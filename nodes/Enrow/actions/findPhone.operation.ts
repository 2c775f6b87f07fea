import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { PollTimeoutError } from '../../shared/errors';
import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { pollUntilDone } from '../../shared/poller';
import { searchResultFields } from '../resultFields';
import { fetchSingleResult, startSingleSearch } from '../transport';
import type { SingleResult } from '../transport';
import { ENROW_SINGLE_DEFAULTS, enrowClient, enrowPollSchedule, nameFieldStyleOption, pollIntervalOption, readEnrowOptions } from './enrowOptions';
import { readSearchOrError, searchInputProperties, searchOrThrow } from './searchInput';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_SINGLE_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);
	const schedule = enrowPollSchedule(options);
	// Read up front: evaluating every item's expressions while the first POSTs are leaving would
	// delay them past their rate slots and squeeze the vendor's 1 s window.
	const searches = ctx.getInputData().map((_, itemIndex) => readSearchOrError(ctx, itemIndex, options.nameFieldStyle));

	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const fields = searchOrThrow(searches[itemIndex]);
			const started = await startSingleSearch(client, baseUrl, fields);
			const result = await pollUntilDone<SingleResult>({
				check: async () => {
					const state = await fetchSingleResult(client, baseUrl, started.id);
					return state.done ? { done: true, value: state.result } : { done: false };
				},
				schedule,
				signal: client.signal,
				timeoutError: (waitedMs) =>
					new PollTimeoutError(
						`The Enrow search "${started.id}" had no result after ${Math.round(waitedMs / 1000)} s`,
						'It keeps running at Enrow: fetch it later with "Get Single Result" and this search ID, or raise "Max Wait".',
					),
			});
			return searchResultFields(started.id, result, started.credits_used ?? null, fields.custom);
		},
		options,
	);
}

export const findPhoneOperation: VendorOperation = {
	value: 'findPhone',
	name: 'Find Phone',
	action: 'Find a phone number for a person',
	description: 'Search a phone for each item and wait for the result',
	properties: [
		...searchInputProperties,
		commonOptionsProperty(ENROW_SINGLE_DEFAULTS, { perItem: true, wait: true }, [nameFieldStyleOption, pollIntervalOption]),
	],
	execute,
};
