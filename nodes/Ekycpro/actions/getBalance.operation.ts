import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { VendorClient } from '../../shared/vendorClient';
import { apiBaseUrl, EKYCPRO, EKYCPRO_DEFAULTS, getBalance } from '../transport';
import type { EkycproCredentials } from '../transport';

const properties: INodeProperties[] = [commonOptionsProperty(EKYCPRO_DEFAULTS, {})];

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, EKYCPRO_DEFAULTS);
	const client = await VendorClient.create(ctx, EKYCPRO, options);
	const baseUrl = apiBaseUrl((await ctx.getCredentials(EKYCPRO.credentialType)) as unknown as EkycproCredentials);
	return await runForEachItem(
		ctx,
		async () => {
			const balance = await getBalance(client, baseUrl);
			return {
				status: balance.status ?? null,
				balance: balance.balance ?? null,
				credit: balance.credit ?? null,
				usedToday: balance.used_today ?? null,
				dailyLimit: balance.daily_limit ?? null,
				resetTime: balance.reset_time ?? null,
			};
		},
		{ concurrency: 1, includeInputFields: false },
	);
}

export const getBalanceOperation: VendorOperation = {
	value: 'getBalance',
	name: 'Get Balance',
	action: 'Get the account balance',
	description: 'Credits left, numbers used today and the daily limit',
	properties,
	execute,
};
