import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Charged } from '../shared/errors';
import { parseVendorAnswer } from '../shared/validate';
import type { VendorClient, VendorHttpResponse, VendorProfile } from '../shared/vendorClient';

export const ENROW: VendorProfile = {
	name: 'Enrow',
	credentialType: 'enrowApi',
	secretFields: ['apiKey'],
	defaultRequestsPerSecond: 10,
};

export const ENROW_DEFAULT_BASE_URL = 'https://api.enrow.io';

/** Searches one bulk request may hold (vendor page). */
export const ENROW_MAX_BULK_SEARCHES = 3000;

/** Enrow's price of a phone found; a search that finds nothing is refunded. */
export const ENROW_CREDITS_PER_PHONE = 40;

export interface EnrowCredentials {
	apiKey: string;
	baseUrl?: string;
}

export function apiBaseUrl(credentials: EnrowCredentials): string {
	return (credentials.baseUrl || ENROW_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

const qualification = z.enum(['found', 'not_found', 'ongoing']);

const searchParams = z.record(z.unknown());

const startAnswer = z
	.object({
		id: z.string().min(1),
		credits_used: z.number().optional(),
		message: z.string().optional(),
	})
	.passthrough();

const bulkStartAnswer = startAnswer.extend({ estimated_duration: z.union([z.number(), z.string()]).optional() });

/** A finished single search: the GET answer, and `result` of the single webhook notice. */
export const singleResultSchema = z
	.object({
		id: z.string().optional(),
		params: searchParams.optional(),
		custom: z.unknown().optional(),
		number: z.string().nullish(),
		country: z.string().nullish(),
		qualification,
	})
	.passthrough();

const bulkResultEntry = singleResultSchema.extend({ index: z.number().int().nonnegative() });

const bulkAnswer = z.object({
	general: z.object({ id: z.string(), status: z.string() }).passthrough(),
	stats: z
		.object({
			requested: z.number(),
			finished: z.number(),
			found: z.number(),
			credits_cost: z.number(),
			credits_to_refund: z.number(),
		})
		.partial()
		.passthrough()
		.optional(),
	results: z.array(bulkResultEntry).optional(),
});

const accountInfo = z.object({ credits: z.number(), webhooks: z.array(z.unknown()).optional() }).passthrough();

export type StartAnswer = z.infer<typeof startAnswer>;
export type BulkStartAnswer = z.infer<typeof bulkStartAnswer>;
export type SingleResult = z.infer<typeof singleResultSchema>;
export type BulkResultEntry = z.infer<typeof bulkResultEntry>;
export type BulkAnswer = z.infer<typeof bulkAnswer>;
export type AccountInfo = z.infer<typeof accountInfo>;

export type SingleState = { done: false } | { done: true; result: SingleResult };
export type BulkState = { done: false; answer: BulkAnswer } | { done: true; answer: BulkAnswer };

/** What one search is sent with: the vendor page's field names (or the SDK's, see searchInput). */
export type SearchFields = IDataObject;

export interface BulkRequest {
	searches: SearchFields[];
	settings?: { webhook: string };
}

const BULK_WAITING_STATUSES = new Set(['ongoing', 'pending', 'queued', 'processing']);
const BULK_DONE_STATUSES = new Set(['completed', 'finished', 'done']);

function vendorReason(response: VendorHttpResponse): string | undefined {
	const json = response.json as Record<string, unknown> | undefined;
	for (const key of ['message', 'reason', 'error']) {
		const value = json?.[key];
		if (typeof value === 'string' && value) return value;
	}
	return response.text.trim() ? response.text.trim().slice(0, 500) : undefined;
}

/** Turns a non-2xx answer into a VendorError with the vendor's own words. */
function failureFrom(client: VendorClient, response: VendorHttpResponse, purpose: string, requestId?: string) {
	const status = response.statusCode;
	const reason = vendorReason(response) ?? `HTTP ${status}`;
	const base = { code: String(status), reason, charged: 'no' as Charged, retryable: false, httpStatus: status, requestId };
	if (status === 402 || (status === 422 && /credit/i.test(reason))) {
		return client.failure({
			...base,
			kind: 'account',
			hint: `Not enough Enrow credits for the ${purpose}: top up the account (nothing was charged for this request).`,
		});
	}
	if (status === 401 || status === 403) {
		return client.failure({ ...base, kind: 'credentials', hint: 'Check the API key in the Enrow credential.' });
	}
	if (status === 404) {
		return client.failure({
			...base,
			kind: 'notFound',
			hint: 'Check the search ID, and the base URL in the Enrow credential.',
		});
	}
	if (status === 400 || status === 422) {
		return client.failure({ ...base, kind: 'input' });
	}
	return client.failure({ ...base, kind: 'other' });
}

function isSuccess(response: VendorHttpResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300;
}

/**
 * POST creates a search that is billed when it finds a number: a lost answer is not re-sent
 * (repeatSafe false), since a second POST would be a second, separately billed search.
 */
export async function startSingleSearch(client: VendorClient, baseUrl: string, body: IDataObject): Promise<StartAnswer> {
	const purpose = 'phone search start';
	return await client.call(
		{ method: 'POST', url: `${baseUrl}/phone/single`, body, repeatSafe: false, rateLimited: true, purpose },
		(response) => {
			if (!isSuccess(response)) throw failureFrom(client, response, purpose);
			return parseVendorAnswer(ENROW.name, purpose, startAnswer, response.json, 'unknown');
		},
	);
}

/** GET is a free read, so it is repeated after a lost answer and not counted against the POST rate. */
export async function fetchSingleResult(client: VendorClient, baseUrl: string, searchId: string): Promise<SingleState> {
	const purpose = 'phone search result';
	return await client.call(
		{ method: 'GET', url: `${baseUrl}/phone/single`, qs: { id: searchId }, repeatSafe: true, rateLimited: false, purpose },
		(response) => {
			if (response.statusCode === 202) return { done: false };
			if (!isSuccess(response)) throw failureFrom(client, response, purpose, searchId);
			const result = parseVendorAnswer(ENROW.name, purpose, singleResultSchema, response.json, 'no');
			return result.qualification === 'ongoing' ? { done: false } : { done: true, result };
		},
	);
}

/** Same rule as startSingleSearch: one POST is one billed batch, never re-sent blindly. */
export async function startBulkSearch(client: VendorClient, baseUrl: string, body: BulkRequest): Promise<BulkStartAnswer> {
	const purpose = 'bulk phone search start';
	return await client.call(
		{
			method: 'POST',
			url: `${baseUrl}/phone/bulk`,
			body: body as unknown as IDataObject,
			repeatSafe: false,
			rateLimited: true,
			purpose,
		},
		(response) => {
			if (!isSuccess(response)) throw failureFrom(client, response, purpose);
			return parseVendorAnswer(ENROW.name, purpose, bulkStartAnswer, response.json, 'unknown');
		},
	);
}

export async function fetchBulkResult(client: VendorClient, baseUrl: string, searchId: string): Promise<BulkState> {
	const purpose = 'bulk phone search result';
	return await client.call(
		{ method: 'GET', url: `${baseUrl}/phone/bulk`, qs: { id: searchId }, repeatSafe: true, rateLimited: false, purpose },
		(response) => {
			if (!isSuccess(response)) throw failureFrom(client, response, purpose, searchId);
			const answer = parseVendorAnswer(ENROW.name, purpose, bulkAnswer, response.json, 'no');
			const status = answer.general.status.toLowerCase();
			if (BULK_WAITING_STATUSES.has(status)) return { done: false, answer };
			if (BULK_DONE_STATUSES.has(status)) return { done: true, answer };
			throw client.failure({
				code: 'BULK_STATUS',
				reason: `Enrow reports the bulk search as "${answer.general.status}"`,
				kind: 'unexpectedResponse',
				charged: 'unknown',
				retryable: false,
				requestId: searchId,
				hint: 'Fetch it later with "Get Bulk Result", or ask Enrow support about this search ID.',
			});
		},
	);
}

export async function fetchAccountInfo(client: VendorClient, baseUrl: string): Promise<AccountInfo> {
	const purpose = 'account info';
	return await client.call(
		{ method: 'GET', url: `${baseUrl}/account/info`, repeatSafe: true, rateLimited: false, purpose },
		(response) => {
			if (!isSuccess(response)) throw failureFrom(client, response, purpose);
			return parseVendorAnswer(ENROW.name, purpose, accountInfo, response.json, 'no');
		},
	);
}
