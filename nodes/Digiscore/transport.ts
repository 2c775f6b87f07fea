import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { Charged, FailureKind } from '../shared/errors';
import type { CommonOptions, VendorDefaults } from '../shared/options';
import type { PollState, PollSchedule } from '../shared/poller';
import { parseVendorAnswer } from '../shared/validate';
import { VendorClient } from '../shared/vendorClient';
import type { VendorHttpResponse, VendorProfile } from '../shared/vendorClient';
import { digiscoreBaseUrl } from './hosts';
import type { DigiscoreCredentials } from './hosts';

export const DIGISCORE: VendorProfile = {
	name: 'Digiscore',
	credentialType: 'digiscoreApi',
	// The appKey is only an identifier, but it has no business in messages either.
	secretFields: ['secret', 'appKey'],
	defaultRequestsPerSecond: 10,
};

// An item mostly waits for its result (about a second per two calls): a high rate needs many items at once.
export const DIGISCORE_DEFAULTS: VendorDefaults = {
	concurrency: 10,
	maxConcurrency: 1000,
	requestsPerSecond: 10,
	defaultCountry: 'ID',
	maxWaitSeconds: 120,
};

/** Results take about a second after handle: first look then, then less and less often. */
export const DIGISCORE_POLL: Omit<PollSchedule, 'timeoutMs'> = { firstDelayMs: 1000, intervalMs: 1000, maxIntervalMs: 10_000, growth: 1.5 };

export interface DigiscoreConnection {
	client: VendorClient;
	baseUrl: string;
}

export async function connectDigiscore(ctx: IExecuteFunctions, options: CommonOptions): Promise<DigiscoreConnection> {
	const credentials = (await ctx.getCredentials(DIGISCORE.credentialType)) as unknown as DigiscoreCredentials;
	return { client: await VendorClient.create(ctx, DIGISCORE, options), baseUrl: digiscoreBaseUrl(credentials) };
}

const NEED_QUERY_CODE = 201;
const SUCCESS_CODE = 200;

const ENDPOINTS = {
	handle: '/api/data/numberActive/handle',
	query: '/api/data/numberActive/query',
} as const;

const envelope = z.object({
	code: z.number(),
	msg: z.string().nullish(),
	requestId: z.string().nullish(),
	isFee: z.number().nullish(),
});

const acceptedAnswer = envelope.extend({ requestId: z.string().min(1) });

/** Levels are high, medium, low or NA; kept as strings so a new word does not fail the item. */
const numberActiveData = z.object({
	userPhone: z.string(),
	telcoType: z.number(),
	activeLevel: z.string(),
	frequencyGrade: z.string(),
});

const resultAnswer = envelope.extend({ requestId: z.string().min(1), data: numberActiveData });

export type NumberActiveData = z.infer<typeof numberActiveData>;

export interface NumberActiveResult {
	requestId: string;
	data: NumberActiveData;
	charged: boolean;
}

interface CodeRule {
	kind: FailureKind;
	hint: string;
}

/** Documented code (11008: parameter error); other codes are read by their message below. */
const CODE_RULES: Record<number, CodeRule> = {
	11008: { kind: 'input', hint: 'Digiscore refused the parameters; check the phone number (Indonesian mobile, sent as 8...).' },
};

const CREDENTIAL_HINT = 'Check the app key, secret and environment in the Digiscore credential.';

function ruleFor(code: number, message: string): CodeRule {
	if (/\btoken\b|\bsign(ature)?\b|app\s*key|secret/i.test(message)) return { kind: 'credentials', hint: CREDENTIAL_HINT };
	if (/requestId/i.test(message)) {
		return { kind: 'notFound', hint: 'The request ID is unknown to this app key or has expired; submit the number again.' };
	}
	return CODE_RULES[code] ?? { kind: 'other', hint: 'See the Digiscore code table or ask Digiscore support with the request ID.' };
}

/** A body that is not JSON: both calls are safe to repeat, so it is retried like a lost answer. */
function notJson(client: VendorClient, response: VendorHttpResponse, purpose: string, charged: Charged, requestId?: string) {
	return client.failure({
		code: 'UNEXPECTED_RESPONSE',
		reason: `Digiscore answered the ${purpose} with something that is not JSON (HTTP ${response.statusCode})`,
		kind: 'unexpectedResponse',
		charged,
		retryable: true,
		httpStatus: response.statusCode,
		requestId,
		hint: 'Check the environment and base URL in the Digiscore credential.',
	});
}

function vendorFailure(client: VendorClient, response: VendorHttpResponse, head: z.infer<typeof envelope>, requestId?: string) {
	const message = head.msg || 'no message';
	const rule = ruleFor(head.code, message);
	return client.failure({
		code: String(head.code),
		reason: message,
		kind: rule.kind,
		charged: head.isFee === 1 ? 'yes' : 'no',
		retryable: false,
		httpStatus: response.statusCode,
		requestId: requestId ?? head.requestId ?? undefined,
		hint: rule.hint,
	});
}

function httpFailure(client: VendorClient, response: VendorHttpResponse, purpose: string) {
	return client.failure({
		code: String(response.statusCode),
		reason: `Digiscore answered the ${purpose} with HTTP ${response.statusCode}`,
		kind: 'notFound',
		charged: 'no',
		retryable: false,
		httpStatus: response.statusCode,
		hint: CREDENTIAL_HINT,
	});
}

/** POST handle: starts the check and gives the requestId (201 "need query"). */
export async function submitNumber({ client, baseUrl }: DigiscoreConnection, phone: string): Promise<string> {
	return await client.call(
		// handle is free (Digiscore bills the query), so a lost answer may be sent again.
		{ method: 'POST', url: `${baseUrl}${ENDPOINTS.handle}`, body: { phone }, repeatSafe: true, purpose: 'handle (submit)' },
		(response) => {
			if (response.statusCode >= 400) throw httpFailure(client, response, 'handle (submit)');
			if (response.json === undefined) throw notJson(client, response, 'handle (submit)', 'no');
			const head = parseVendorAnswer(DIGISCORE.name, 'handle (submit)', envelope, response.json, 'no');
			if (head.code !== NEED_QUERY_CODE && head.code !== SUCCESS_CODE) throw vendorFailure(client, response, head);
			return parseVendorAnswer(DIGISCORE.name, 'handle (submit)', acceptedAnswer, response.json, 'no').requestId;
		},
	);
}

/** POST query: 201 = not ready yet, 200 + data = the result, any other code a failure. */
export async function queryResult({ client, baseUrl }: DigiscoreConnection, requestId: string): Promise<PollState<NumberActiveResult>> {
	return await client.call(
		// query only reads the state of a requestId and polling repeats it by design, so a lost answer is read again.
		{ method: 'POST', url: `${baseUrl}${ENDPOINTS.query}`, body: { requestId }, repeatSafe: true, purpose: 'query (result)' },
		(response) => {
			if (response.statusCode >= 400) throw httpFailure(client, response, 'query (result)');
			if (response.json === undefined) throw notJson(client, response, 'query (result)', 'unknown', requestId);
			const head = parseVendorAnswer(DIGISCORE.name, 'query (result)', envelope, response.json, 'unknown');
			if (head.code === NEED_QUERY_CODE) return { done: false };
			if (head.code !== SUCCESS_CODE) throw vendorFailure(client, response, head, requestId);
			const charged: Charged = head.isFee === 1 ? 'yes' : head.isFee === 0 ? 'no' : 'unknown';
			const answer = parseVendorAnswer(DIGISCORE.name, 'query (result)', resultAnswer, response.json, charged);
			return { done: true, value: { requestId: answer.requestId, data: answer.data, charged: answer.isFee === 1 } };
		},
	);
}
