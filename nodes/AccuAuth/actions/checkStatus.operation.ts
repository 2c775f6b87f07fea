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

/** Numbers waiting for their results at the same time; waiting is free, "Concurrency" bounds the calls in flight. */
const MAX_NUMBERS_IN_PROGRESS = 1000;

interface NumberCheck {
	connection: AccuAuthConnection;
	gate: SubmitGate;
	itemIndex: number;
	/** Reads the item's parameters; called in the item's first submit slot, so a large batch starts sending at once. */
	readRequest: () => CheckRequest;
	accuAuth: AccuAuthOptions;
	schedule: PollSchedule;
}

interface CheckRequest {
	phoneNumber: IDataObject[string];
	phoneNumberSent: string;
	callback: string | undefined;
}

/** Submit, wait for the result, and re-check temporary statuses as many times as asked. */
async function checkNumber(check: NumberCheck): Promise<IDataObject> {
	const { connection, gate, itemIndex, accuAuth } = check;
	let request: CheckRequest | undefined;
	for (let checks = 1; ; checks++) {
		const submitted = await gate.submit(itemIndex, async () => {
			request ??= check.readRequest();
			return await submitCheck(connection, request.phoneNumberSent, request.callback);
		});
		const result = submitted.done
			? submitted.result
			: await waitForTask(connection, submitted.taskId, check.schedule, async (fetch) => await gate.check(itemIndex, fetch));
		if (!isTemporaryStatus(result.phoneStatus) || checks > accuAuth.recheckTimes) {
			const { phoneNumber, phoneNumberSent } = request as CheckRequest;
			return { phoneNumber, phoneNumberSent, ...phoneStatusFields(result), checks };
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
	const readRequest = (itemIndex: number): CheckRequest => {
		const phoneNumber = ctx.getNodeParameter('phoneNumber', itemIndex, '') as IDataObject[string];
		return {
			phoneNumber,
			phoneNumberSent: toAccuAuthPhone(phoneNumber, connection.region, options.defaultCountry),
			callback: readCallback(ctx.getNodeParameter('callback', itemIndex, '')),
		};
	};
	return await runForEachItem(
		ctx,
		async (itemIndex) =>
			await gate.item(
				itemIndex,
				async () => await checkNumber({ connection, gate, itemIndex, readRequest: () => readRequest(itemIndex), accuAuth, schedule }),
			),
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
