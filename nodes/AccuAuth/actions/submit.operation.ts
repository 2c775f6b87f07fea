import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { phoneStatusFields } from '../phoneStatuses';
import { ACCUAUTH_DEFAULTS, connectAccuAuth, submitCheck } from '../transport';
import { contentTypeOption, readAccuAuthOptions } from './accuAuthOptions';
import { callbackProperty, phoneNumberProperty, readCallback, toAccuAuthPhone } from './phoneNumber';

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, ACCUAUTH_DEFAULTS);
	const connection = await connectAccuAuth(ctx, options, readAccuAuthOptions(ctx).contentType);
	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const phoneNumber = ctx.getNodeParameter('phoneNumber', itemIndex, '');
			const phoneNumberSent = toAccuAuthPhone(phoneNumber, connection.region, options.defaultCountry);
			const callback = readCallback(ctx.getNodeParameter('callback', itemIndex, ''));
			const answer = await submitCheck(connection, phoneNumberSent, callback);
			if (answer.done) return { phoneNumber, phoneNumberSent, done: true, ...phoneStatusFields(answer.result) };
			return { phoneNumber, phoneNumberSent, done: false, taskId: answer.taskId, requestId: answer.requestId ?? null };
		},
		options,
	);
}

export const submitOperation: VendorOperation = {
	value: 'submit',
	name: 'Submit',
	action: 'Submit a phone number',
	description: 'Start a check and return its task ID without waiting, or the result when AccuAuth knows it at once',
	properties: [
		phoneNumberProperty,
		callbackProperty,
		commonOptionsProperty(ACCUAUTH_DEFAULTS, { phone: true, perItem: true }, [contentTypeOption]),
	],
	execute,
};
