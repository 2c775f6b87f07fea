import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { fetchAccountInfo } from '../transport';
import { ENROW_SINGLE_DEFAULTS, enrowClient, readEnrowOptions } from './enrowOptions';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readEnrowOptions(ctx, ENROW_SINGLE_DEFAULTS);
	const { client, baseUrl } = await enrowClient(ctx, options);
	return await runForEachItem(
		ctx,
		async () => {
			const info = await fetchAccountInfo(client, baseUrl);
			return { credits: info.credits, webhooks: (info.webhooks ?? []) as IDataObject[] };
		},
		{ concurrency: 1, includeInputFields: false },
	);
}

export const getAccountInfoOperation: VendorOperation = {
	value: 'getAccountInfo',
	name: 'Get Account Info',
	action: 'Get the account credits',
	description: 'Read the credit balance and the webhooks set on the Enrow account',
	properties: [commonOptionsProperty(ENROW_SINGLE_DEFAULTS, {})],
	execute,
};
