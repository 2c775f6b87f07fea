import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { startSingleSearch } from '../transport';
import { ENROW_SINGLE_DEFAULTS, enrowClient, nameFieldStyleOption, readEnrowOptions } from './enrowOptions';
import { readSearchOrError, readWebhookUrl, searchInputProperties, searchOrThrow, webhookUrlProperty } from './searchInput';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_SINGLE_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);
	// Read up front so expression work does not delay POSTs past their rate slots (see findPhone).
	const searches = ctx.getInputData().map((_, itemIndex) => readSearchOrError(ctx, itemIndex, options.nameFieldStyle));

	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const fields = searchOrThrow(searches[itemIndex]);
			const webhookUrl = readWebhookUrl(ctx, itemIndex);
			const started = await startSingleSearch(client, baseUrl, webhookUrl ? { ...fields, settings: { webhook: webhookUrl } } : fields);
			return {
				searchId: started.id,
				creditsReserved: started.credits_used ?? null,
				message: started.message ?? null,
				webhook: webhookUrl !== undefined,
			};
		},
		options,
	);
}

export const startSingleSearchOperation: VendorOperation = {
	value: 'startSingleSearch',
	name: 'Start Single Search',
	action: 'Start a phone search',
	description: 'Start a phone search for each item and return its ID at once (results by webhook or "Get Single Result")',
	properties: [
		...searchInputProperties,
		webhookUrlProperty,
		commonOptionsProperty(ENROW_SINGLE_DEFAULTS, { perItem: true }, [nameFieldStyleOption]),
	],
	execute,
};
