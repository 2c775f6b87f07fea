import type { IHttpRequestOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { FailureKind, VendorFailure } from '../shared/errors';
import type { VendorDefaults } from '../shared/options';
import { parseVendorAnswer } from '../shared/validate';
import type { VendorClient, VendorHttpResponse, VendorProfile } from '../shared/vendorClient';

const errorBody = z.object({ error: z.string().optional(), message: z.string().optional(), reset_time: z.string().optional() }).passthrough();

/** A 429 that says the day's quota is used up: retrying today cannot help. */
function dailyLimitFailure(response: VendorHttpResponse): Omit<VendorFailure, 'vendor'> | undefined {
	if (response.statusCode !== 429) return undefined;
	const body = errorBody.safeParse(response.json);
	const { error, message, reset_time: resetTime } = body.success ? body.data : {};
	if (!/daily|per day|quota/i.test(`${error ?? ''} ${message ?? ''}`)) return undefined;
	return {
		code: error ?? 'daily_limit_exceeded',
		reason: message ?? 'The daily limit is reached',
		kind: 'account',
		charged: 'no',
		retryable: false,
		httpStatus: 429,
		hint: `The daily limit of this ekycpro account is used up${resetTime ? ` until ${resetTime}` : ''}. Check it with "Get Balance", split the list over several days, or ask ekycpro for a higher limit.`,
	};
}

export const EKYCPRO: VendorProfile = {
	name: 'ekycpro',
	credentialType: 'ekycproApi',
	secretFields: ['apiKey'],
	defaultRequestsPerSecond: 5,
	lastingFailure: dailyLimitFailure,
};

export const EKYCPRO_DEFAULTS: VendorDefaults = { concurrency: 1, requestsPerSecond: 5, defaultCountry: '', maxWaitSeconds: 1800 };

export interface EkycproCredentials {
	baseUrl: string;
	customBaseUrl?: string;
}

export function apiBaseUrl(credentials: EkycproCredentials): string {
	const base = credentials.baseUrl === 'custom' ? (credentials.customBaseUrl ?? '') : credentials.baseUrl;
	return base.trim().replace(/\/+$/, '');
}

/** Counts may come as numbers or numeric strings. */
const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const createdTask = z
	.object({
		task_id: z.string().min(1),
		status: z.string().optional(),
		total: count.optional(),
		message: z.string().optional(),
		created_at: z.string().optional(),
	})
	.passthrough();

const taskStatus = z
	.object({
		task_id: z.string().min(1),
		status: z.string().min(1),
		total: count.optional(),
		success: count.optional(),
		failure: count.optional(),
		result_url: z.string().nullish(),
		created_at: z.string().optional(),
		updated_at: z.string().optional(),
		message: z.string().optional(),
	})
	.passthrough();

const balance = z
	.object({
		status: z.union([z.string(), z.number()]).optional(),
		balance: z.union([z.number(), z.string()]).optional(),
		credit: z.union([z.number(), z.string()]).optional(),
		used_today: z.union([z.number(), z.string()]).optional(),
		daily_limit: z.union([z.number(), z.string()]).optional(),
		reset_time: z.string().optional(),
	})
	.passthrough();

export type CreatedTask = z.infer<typeof createdTask>;
export type TaskStatus = z.infer<typeof taskStatus>;
export type Balance = z.infer<typeof balance>;

/** `failed` is final (seen in third-party code); the others are guesses at what a failing task may say. */
export const FAILED_STATUSES = new Set(['failed', 'error', 'cancelled', 'canceled', 'expired']);

interface StatusRule {
	kind: FailureKind;
	hint: string;
}

const STATUS_RULES: Record<number, StatusRule> = {
	400: { kind: 'input', hint: 'ekycpro rejected the request (not charged): check the task type and that the file holds one E.164 number a line.' },
	401: { kind: 'credentials', hint: 'Check the API key and the base URL (brand) in the ekycpro credential.' },
	402: { kind: 'account', hint: 'The ekycpro balance is used up; top it up.' },
	403: { kind: 'credentials', hint: 'Check the API key and the base URL (brand) in the ekycpro credential.' },
	404: { kind: 'notFound', hint: 'Check the base URL in the ekycpro credential.' },
};

/** Any answer that is not a success, in the vendor's `{error, message}` shape (400 and 500 are free). */
function failureFor(client: VendorClient, response: VendorHttpResponse, purpose: string, hint404?: string) {
	const body = errorBody.safeParse(response.json);
	const { error, message } = body.success ? body.data : {};
	const rule = STATUS_RULES[response.statusCode] ?? { kind: 'other' as const, hint: undefined };
	return client.failure({
		code: error ?? String(response.statusCode),
		reason: message ?? error ?? `The ${purpose} answered HTTP ${response.statusCode}`,
		kind: rule.kind,
		charged: 'no',
		retryable: false,
		httpStatus: response.statusCode,
		hint: response.statusCode === 404 && hint404 ? hint404 : rule.hint,
	});
}

function isSuccess(response: VendorHttpResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300;
}

/** The form body as n8n's request helper sends it (axios serialises a native FormData as multipart). */
function formBody(form: FormData): IHttpRequestOptions['body'] {
	return form as unknown as IHttpRequestOptions['body'];
}

/** POST /v1/tasks: the list as a text file, one identifier a line. Billed on 200. */
export async function createTask(client: VendorClient, baseUrl: string, identifiers: string[], taskType: string): Promise<CreatedTask> {
	const purpose = 'task upload';
	return await client.call(
		{
			method: 'POST',
			url: `${baseUrl}/v1/tasks`,
			body: formBody(uploadForm(identifiers, taskType)),
			json: false,
			repeatSafe: false,
			purpose,
		},
		(response) => {
			if (!isSuccess(response)) throw failureFor(client, response, purpose);
			return parseVendorAnswer(EKYCPRO.name, purpose, createdTask, response.json, 'yes');
		},
	);
}

function uploadForm(identifiers: string[], taskType: string): FormData {
	const form = new FormData();
	form.append('file', new Blob([`${identifiers.join('\n')}\n`], { type: 'text/plain' }), 'numbers.txt');
	form.append('task_type', taskType);
	return form;
}

/** POST /v1/gettasks: status, counters and, once exported, the presigned result link. */
export async function getTask(client: VendorClient, baseUrl: string, taskId: string): Promise<TaskStatus> {
	const purpose = 'task status check';
	const form = new FormData();
	form.append('task_id', taskId);
	return await client.call(
		{ method: 'POST', url: `${baseUrl}/v1/gettasks`, body: formBody(form), json: false, repeatSafe: true, purpose },
		(response) => {
			if (!isSuccess(response)) {
				throw failureFor(client, response, purpose, `ekycpro does not know task "${taskId}" for this API key (tasks belong to the key that created them).`);
			}
			return parseVendorAnswer(EKYCPRO.name, purpose, taskStatus, response.json, 'no');
		},
	);
}

/** GET /v1/balance: credits, today's use and the daily limit. */
export async function getBalance(client: VendorClient, baseUrl: string): Promise<Balance> {
	const purpose = 'balance check';
	return await client.call(
		{ method: 'GET', url: `${baseUrl}/v1/balance`, repeatSafe: true, purpose },
		(response) => {
			if (!isSuccess(response)) throw failureFor(client, response, purpose);
			return parseVendorAnswer(EKYCPRO.name, purpose, balance, response.json, 'no');
		},
	);
}
