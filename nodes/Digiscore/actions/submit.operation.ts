import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { connectDigiscore, DIGISCORE_DEFAULTS, submitNumber } from '../transport';
import { phoneNumberProperty, toDigiscorePhone } from './phoneNumber';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, DIGISCORE_DEFAULTS);
	const connection = await connectDigiscore(ctx, options);
	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const phoneNumber = ctx.getNodeParameter('phoneNumber', itemIndex, '');
			const phoneNumberSent = toDigiscorePhone(phoneNumber, options.defaultCountry);
			const requestId = await submitNumber(connection, phoneNumberSent);
			// Digiscore bills the query that returns the data, never the handle.
			return { phoneNumber, phoneNumberSent, requestId, charged: false };
		},
		options,
	);
}

export const submitOperation: VendorOperation = {
	value: 'submit',
	name: 'Submit',
	action: 'Submit a phone number',
	description: 'Start a check and return its request ID without waiting (fetch it later with "Get Result")',
	properties: [phoneNumberProperty, commonOptionsProperty(DIGISCORE_DEFAULTS, { phone: true, perItem: true })],
	execute,
};
