import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import type { PollSchedule } from '../../shared/poller';
import { SubmitGate } from '../../shared/submitGate';
import { pause } from '../../shared/wait';
import { isTemporaryStatus, phoneStatusFields } from '../phoneStatuses';
import { ACCUAUTH_DEFAULTS, connectAccuAuth, submitCheck } from '../transport';
import type { AccuAuthConnection } from '../transport';
import type { AccuAuthOptions } from './accuAuthOptions';
import {
	accuAuthPollSchedule,
	checkIntervalOption,
	contentTypeOption,
	firstCheckOption,
	readAccuAuthOptions,
	recheckOptions,
} from './accuAuthOptions';
import { callbackProperty, phoneNumberProperty, readCallback, toAccuAuthPhone } from './phoneNumber';
import { waitForTask } from './waitForTask';

/** Numbers waiting for their results at the same time; waiting is free, "Concurrency" bounds the submits. */
const MAX_NUMBERS_IN_PROGRESS = 1000;

interface NumberCheck {
	connection: AccuAuthConnection;
	gate: SubmitGate;
	itemIndex: number;
	phoneNumberSent: string;
	callback: string | undefined;
	accuAuth: AccuAuthOptions;
	schedule: PollSchedule;
}

/** Submit, wait for the result, and re-check temporary statuses as many times as asked. */
async function checkNumber(check: NumberCheck): Promise<IDataObject> {
	const { connection, gate, itemIndex, accuAuth } = check;
	for (let checks = 1; ; checks++) {
		const submitted = await gate.submit(itemIndex, async () => await submitCheck(connection, check.phoneNumberSent, check.callback));
		const result = submitted.done
			? submitted.result
			: await waitForTask(connection, submitted.taskId, check.schedule, () => gate.throwIfStopped(itemIndex));
		if (!isTemporaryStatus(result.phoneStatus) || checks > accuAuth.recheckTimes) {
			return { ...phoneStatusFields(result), checks };
		}
		await pause(accuAuth.recheckDelayMs, connection.client.signal);
	}
}

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, ACCUAUTH_DEFAULTS);
	const accuAuth = readAccuAuthOptions(ctx);
	const connection = await connectAccuAuth(ctx, options, accuAuth.contentType);
	const gate = new SubmitGate(options.concurrency, !ctx.continueOnFail(), connection.client.signal);
	const schedule = accuAuthPollSchedule(accuAuth, options);
	return await runForEachItem(
		ctx,
		async (itemIndex) =>
			await gate.item(itemIndex, async () => {
				const phoneNumber = ctx.getNodeParameter('phoneNumber', itemIndex, '');
				const phoneNumberSent = toAccuAuthPhone(phoneNumber, connection.region, options.defaultCountry);
				const callback = readCallback(ctx.getNodeParameter('callback', itemIndex, ''));
				const fields = await checkNumber({ connection, gate, itemIndex, phoneNumberSent, callback, accuAuth, schedule });
				return { phoneNumber, phoneNumberSent, ...fields };
			}),
		{ concurrency: MAX_NUMBERS_IN_PROGRESS, includeInputFields: options.includeInputFields },
	);
}

export const checkStatusOperation: VendorOperation = {
	value: 'checkStatus',
	name: 'Check Status',
	action: 'Check phone line status',
	description: 'Submit a number and wait for its line status: rings, busy, empty, turned off and more',
	properties: [
		phoneNumberProperty,
		callbackProperty,
		commonOptionsProperty(ACCUAUTH_DEFAULTS, { phone: true, perItem: true, wait: true }, [
			contentTypeOption,
			firstCheckOption,
			checkIntervalOption,
			...recheckOptions,
		]),
	],
	execute,
};
