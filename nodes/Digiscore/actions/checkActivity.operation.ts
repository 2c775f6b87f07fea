import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { connectDigiscore, DIGISCORE_DEFAULTS, submitNumber } from '../transport';
import { activityFields } from './activityFields';
import { phoneNumberProperty, toDigiscorePhone } from './phoneNumber';
import { waitForResult } from './waitForResult';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, DIGISCORE_DEFAULTS);
	const connection = await connectDigiscore(ctx, options);
	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const phoneNumber = ctx.getNodeParameter('phoneNumber', itemIndex, '');
			const phoneNumberSent = toDigiscorePhone(phoneNumber, options.defaultCountry);
			const requestId = await submitNumber(connection, phoneNumberSent);
			const result = await waitForResult(connection, requestId, options);
			return { phoneNumber, phoneNumberSent, ...activityFields(result) };
		},
		options,
	);
}

export const checkActivityOperation: VendorOperation = {
	value: 'checkActivity',
	name: 'Check Activity',
	action: 'Check phone number activity',
	description: 'Submit a number and wait for its activity data: telco type, activity level, top-up frequency',
	properties: [phoneNumberProperty, commonOptionsProperty(DIGISCORE_DEFAULTS, { phone: true, perItem: true, wait: true })],
	execute,
};
