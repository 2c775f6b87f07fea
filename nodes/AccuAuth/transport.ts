import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { Charged, FailureKind } from '../shared/errors';
import type { CommonOptions, VendorDefaults } from '../shared/options';
import type { PollSchedule } from '../shared/poller';
import { parseVendorAnswer } from '../shared/validate';
import { parseRetryAfter, VendorClient } from '../shared/vendorClient';
import type { VendorHttpRequest, VendorHttpResponse, VendorProfile } from '../shared/vendorClient';
import { accuAuthBaseUrl } from './regions';
import type { AccuAuthCredentials, AccuAuthRegion } from './regions';

export const ACCUAUTH: VendorProfile = {
	name: 'AccuAuth',
	credentialType: 'accuAuthApi',
	secretFields: ['apiId', 'apiSecret'],
	defaultRequestsPerSecond: 10,
};

export const ACCUAUTH_DEFAULTS: VendorDefaults = { concurrency: 10, requestsPerSecond: 10, defaultCountry: '', maxWaitSeconds: 300 };

/** Results usually take a couple of seconds: one check at 2 s, then every 1 s growing to 10 s. */
export const ACCUAUTH_POLL: Omit<PollSchedule, 'timeoutMs'> = {
	firstDelayMs: 2000,
	intervalMs: 1000,
	maxIntervalMs: 10_000,
	growth: 1.5,
};

export const SUBMIT_PATH = '/check/phone_number/o1';
export const TASK_RESULT_PATH = '/check/phone_number/task_result/o1';

/** The page does not say how the body is encoded (answers are JSON). */
export type RequestContentType = 'json' | 'form';

export interface AccuAuthConnection {
	client: VendorClient;
	baseUrl: string;
	region: AccuAuthRegion;
	contentType: RequestContentType;
}

export async function connectAccuAuth(
	ctx: IExecuteFunctions,
	options: CommonOptions,
	contentType: RequestContentType,
): Promise<AccuAuthConnection> {
	const credentials = (await ctx.getCredentials(ACCUAUTH.credentialType)) as unknown as AccuAuthCredentials;
	const client = await VendorClient.create(ctx, ACCUAUTH, options);
	return { client, baseUrl: accuAuthBaseUrl(credentials), region: credentials.region, contentType };
}

const checkResult = z.object({ phone_number: z.string(), phone_status: z.string() });

const answer = z.object({
	status: z.string(),
	reason: z.string().nullish(),
	request_id: z.string().nullish(),
	task_id: z.string().nullish(),
	result: checkResult.nullish(),
});

type Answer = z.infer<typeof answer>;

export interface PhoneCheckResult {
	/** As AccuAuth returns it (masked, e.g. 0062********). */
	phoneNumber: string;
	phoneStatus: string;
	requestId?: string;
	taskId?: string;
}

export type CheckAnswer =
	| { done: true; result: PhoneCheckResult }
	| { done: false; taskId: string; requestId?: string };

interface StatusRule {
	kind: FailureKind;
	retryable: boolean;
	/** The page's description, used when the vendor gives no reason. */
	description: string;
	hint?: string;
}

/** The page's error codes besides PENDING (progress) and OK. */
const STATUS_RULES: Record<string, StatusRule> = {
	INVALID_ARGUMENT: { kind: 'input', retryable: false, description: 'Request parameter is invalid' },
	UNAUTHORIZED: {
		kind: 'credentials',
		retryable: false,
		description: 'Unauthorized or access is denied',
		hint: 'Check the API ID and API secret in the AccuAuth credential.',
	},
	KEY_EXPIRED: {
		kind: 'credentials',
		retryable: false,
		description: 'Your API ID has expired',
		hint: 'Ask AccuAuth to renew the API ID, then update the credential.',
	},
	NO_PERMISSION: {
		kind: 'account',
		retryable: false,
		description: 'You are not authorized to use this API',
		hint: 'Ask AccuAuth to open the phone status API for this API ID.',
	},
	OUT_OF_QUOTA: {
		kind: 'account',
		retryable: false,
		description: 'API calls quota exceeded',
		hint: 'The quota of this API ID is used up; top it up with AccuAuth.',
	},
	RATE_LIMIT_EXCEEDED: {
		kind: 'rateLimit',
		retryable: true,
		description: 'API request frequency exceeds the limit',
		hint: 'Lower "Max Requests per Second" or "Concurrency" in the node options.',
	},
	NOT_FOUND: {
		kind: 'notFound',
		retryable: false,
		description: 'Requested API cannot be found',
		hint: 'Check the region (or base URL) in the AccuAuth credential.',
	},
	INTERNAL_ERROR: { kind: 'server', retryable: true, description: 'Internal server error' },
};

function requestOf(
	connection: AccuAuthConnection,
	path: string,
	fields: Record<string, string>,
	purpose: string,
	repeatSafe: boolean,
): VendorHttpRequest {
	const url = `${connection.baseUrl}${path}`;
	if (connection.contentType === 'form') {
		return {
			method: 'POST',
			url,
			body: new URLSearchParams(fields).toString(),
			json: false,
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
			repeatSafe,
			purpose,
		};
	}
	return { method: 'POST', url, body: fields, json: true, repeatSafe, purpose };
}

function failureFor(client: VendorClient, response: VendorHttpResponse, head: Answer) {
	const rule = STATUS_RULES[head.status] ?? { kind: 'other', retryable: false, description: 'Undocumented status' };
	return client.failure({
		code: head.status,
		reason: head.reason || rule.description,
		kind: rule.kind,
		charged: 'no',
		retryable: rule.retryable,
		httpStatus: response.statusCode,
		requestId: head.request_id ?? undefined,
		hint: rule.hint,
		retryAfterMs: rule.kind === 'rateLimit' ? parseRetryAfter(response.headers['retry-after']) : undefined,
	});
}

/** The answer's envelope; a body that is not AccuAuth's JSON is a clear error. */
function readAnswer(client: VendorClient, response: VendorHttpResponse, purpose: string, charged: Charged): Answer {
	const hasStatus = typeof (response.json as { status?: unknown } | undefined)?.status === 'string';
	if (response.statusCode === 404 && !hasStatus) {
		throw client.failure({
			code: 'NOT_FOUND',
			reason: `The ${purpose} endpoint was not found (HTTP 404)`,
			kind: 'notFound',
			charged: 'no',
			retryable: false,
			httpStatus: 404,
			hint: STATUS_RULES.NOT_FOUND.hint,
		});
	}
	return parseVendorAnswer(ACCUAUTH.name, purpose, answer, response.json, response.statusCode < 300 ? charged : 'no');
}

function resultOf(head: Answer, result: z.infer<typeof checkResult>, taskId?: string): CheckAnswer {
	return {
		done: true,
		result: {
			phoneNumber: result.phone_number,
			phoneStatus: result.phone_status,
			requestId: head.request_id ?? undefined,
			taskId: head.task_id ?? taskId,
		},
	};
}

function interpretSubmit(client: VendorClient, response: VendorHttpResponse): CheckAnswer {
	const purpose = 'phone status check';
	const head = readAnswer(client, response, purpose, 'unknown');
	if (head.status !== 'OK' && head.status !== 'PENDING') throw failureFor(client, response, head);
	if (head.result) return resultOf(head, head.result);
	if (head.task_id) return { done: false, taskId: head.task_id, requestId: head.request_id ?? undefined };
	throw client.failure({
		code: 'UNEXPECTED_RESPONSE',
		reason: `AccuAuth answered the ${purpose} with status ${head.status} but neither a task_id nor a result`,
		kind: 'unexpectedResponse',
		charged: 'unknown',
		retryable: false,
		requestId: head.request_id ?? undefined,
	});
}

function interpretTaskResult(client: VendorClient, response: VendorHttpResponse, taskId: string): CheckAnswer {
	const purpose = 'task result';
	const head = readAnswer(client, response, purpose, 'no');
	if (head.status === 'PENDING') return { done: false, taskId, requestId: head.request_id ?? undefined };
	if (head.status === 'INVALID_ARGUMENT') {
		// task_id is the only argument: the page gives no separate code for an unknown or expired task.
		throw client.failure({
			code: head.status,
			reason: `Task "${taskId}" is unknown to AccuAuth or expired (task IDs are valid 24 hours): ${head.reason || 'no reason given'}`,
			kind: 'notFound',
			charged: 'no',
			retryable: false,
			httpStatus: response.statusCode,
			requestId: head.request_id ?? undefined,
			hint: 'Submit the number again to start a new check.',
		});
	}
	if (head.status !== 'OK') throw failureFor(client, response, head);
	if (!head.result) {
		throw client.failure({
			code: 'UNEXPECTED_RESPONSE',
			reason: `AccuAuth answered the ${purpose} with status OK but no result`,
			kind: 'unexpectedResponse',
			charged: 'no',
			retryable: false,
			requestId: head.request_id ?? undefined,
		});
	}
	return resultOf(head, head.result, taskId);
}

/** Starts a check: AccuAuth answers a task ID, or the result when it is known at once. */
export async function submitCheck(
	connection: AccuAuthConnection,
	phoneNumber: string,
	callback: string | undefined,
): Promise<CheckAnswer> {
	const fields: Record<string, string> = { phone_number: phoneNumber };
	if (callback) fields.callback = callback;
	const { client } = connection;
	return await client.call(requestOf(connection, SUBMIT_PATH, fields, 'phone status check', false), (response) =>
		interpretSubmit(client, response),
	);
}

/** One look at a task: HTTP 400 with PENDING is progress, not an error. */
export async function fetchTaskResult(connection: AccuAuthConnection, taskId: string): Promise<CheckAnswer> {
	const { client } = connection;
	return await client.call(requestOf(connection, TASK_RESULT_PATH, { task_id: taskId }, 'task result', true), (response) =>
		interpretTaskResult(client, response, taskId),
	);
}
