import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CommonOptions } from '../../shared/options';
import type { PollSchedule } from '../../shared/poller';
import { ACCUAUTH_POLL } from '../transport';
import type { RequestContentType } from '../transport';

export const contentTypeOption: INodeProperties = {
	displayName: 'Request Content Type',
	name: 'contentType',
	type: 'options',
	options: [
		{ name: 'JSON', value: 'json' },
		{ name: 'Form (URL-Encoded)', value: 'form' },
	],
	default: 'json',
	description: 'How the request body is encoded; AccuAuth does not document it, so switch to Form if your account rejects JSON',
};

export const firstCheckOption: INodeProperties = {
	displayName: 'First Check After (Seconds)',
	name: 'firstCheckSeconds',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 2,
	description: 'How long after the submit the result is asked for the first time',
};

export const checkIntervalOption: INodeProperties = {
	displayName: 'Check Interval (Seconds)',
	name: 'checkIntervalSeconds',
	type: 'number',
	typeOptions: { minValue: 0.01, numberPrecision: 2 },
	default: 1,
	description: `Wait between status checks while the task is pending; it grows by half each time, up to ${ACCUAUTH_POLL.maxIntervalMs / 1000} s`,
};

export const recheckOptions: INodeProperties[] = [
	{
		displayName: 'Re-Checks of Temporary Statuses',
		name: 'recheckTimes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 0,
		description:
			'How many times to check a number again when AccuAuth answers line_abnormal or temp_unavailable ("try again later"); 0 = off. Each re-check is a new check and may be charged.',
	},
	{
		displayName: 'Re-Check Delay (Seconds)',
		name: 'recheckDelaySeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'Wait before each re-check of a temporary status',
	},
];

export const waitForResultOption: INodeProperties = {
	displayName: 'Wait for Result',
	name: 'waitForResult',
	type: 'boolean',
	default: false,
	description: 'Whether to keep checking a pending task until it is done (up to "Max Wait") instead of returning it as pending',
};

export interface AccuAuthOptions {
	contentType: RequestContentType;
	firstCheckMs: number;
	checkIntervalMs: number;
	recheckTimes: number;
	recheckDelayMs: number;
	waitForResult: boolean;
}

export function readAccuAuthOptions(ctx: IExecuteFunctions): AccuAuthOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as Partial<{
		contentType: RequestContentType;
		firstCheckSeconds: number;
		checkIntervalSeconds: number;
		recheckTimes: number;
		recheckDelaySeconds: number;
		waitForResult: boolean;
	}>;
	return {
		contentType: options.contentType === 'form' ? 'form' : 'json',
		firstCheckMs: Math.max(0, (options.firstCheckSeconds ?? ACCUAUTH_POLL.firstDelayMs / 1000) * 1000),
		checkIntervalMs: Math.max(10, (options.checkIntervalSeconds ?? ACCUAUTH_POLL.intervalMs / 1000) * 1000),
		recheckTimes: Math.max(0, Math.floor(options.recheckTimes ?? 0)),
		recheckDelayMs: Math.max(0, (options.recheckDelaySeconds ?? 60) * 1000),
		waitForResult: options.waitForResult ?? false,
	};
}

/** AccuAuth's poll schedule with the user's timing and "Max Wait". */
export function accuAuthPollSchedule(accuAuth: AccuAuthOptions, common: CommonOptions, firstDelayMs = accuAuth.firstCheckMs): PollSchedule {
	return {
		...ACCUAUTH_POLL,
		firstDelayMs,
		intervalMs: accuAuth.checkIntervalMs,
		maxIntervalMs: Math.max(ACCUAUTH_POLL.maxIntervalMs, accuAuth.checkIntervalMs),
		timeoutMs: common.maxWaitMs,
	};
}
