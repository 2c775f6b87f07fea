import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { VendorError } from './errors';
import type { Charged, VendorFailure } from './errors';
import { rateLimiterFor } from './rateLimiter';
import type { RateLimiter } from './rateLimiter';
import { redactSecrets, secretValues } from './redact';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry';
import type { RetryPolicy } from './retry';
import { CancelledError } from './wait';

/** What the shared engine needs to know about a vendor. */
export interface VendorProfile {
	/** Display name used in messages, e.g. "TrustDecision". */
	name: string;
	credentialType: string;
	/** Credential fields whose values must never reach a message, a log line or an output. */
	secretFields: string[];
	defaultRequestsPerSecond: number;
	/**
	 * Names a 429 or 5xx answer that is not transient for this vendor (a daily limit), so it is
	 * reported at once instead of retried; undefined keeps the generic handling.
	 */
	lastingFailure?: (response: VendorHttpResponse) => Omit<VendorFailure, 'vendor'> | undefined;
}

export interface VendorHttpRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	headers?: IDataObject;
	body?: IHttpRequestOptions['body'];
	/** Sends the body as JSON (default) or leaves it as given (form data, buffers). */
	json?: boolean;
	/**
	 * True when sending the request twice cannot cost the user twice: reads, and calls the
	 * vendor does not bill. Only such requests are repeated after a lost answer.
	 */
	repeatSafe: boolean;
	/** Whether this call counts against the vendor's request rate (Enrow limits only POSTs). */
	rateLimited?: boolean;
	/** What the call does, for messages: "submit", "status check". */
	purpose: string;
}

export interface VendorHttpResponse {
	statusCode: number;
	headers: IDataObject;
	/** Parsed JSON, or undefined when the body is not JSON. */
	json: unknown;
	text: string;
}

export interface VendorClientSettings {
	requestsPerSecond?: number;
	requestTimeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Connection failures that prove the request never reached the vendor. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function parseRetryAfter(value: unknown): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return JSON.stringify(body);
}

function parseJson(text: string): unknown {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

function underlyingCode(error: unknown): string | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		// n8n's NodeApiError keeps the network code in httpCode; axios errors in code.
		const { code, httpCode } = (candidate ?? {}) as { code?: unknown; httpCode?: unknown };
		for (const value of [code, httpCode]) {
			if (typeof value === 'string' && /^E[A-Z_]+$/.test(value)) return value;
		}
	}
	return undefined;
}

function isCancel(error: unknown, signal: AbortSignal | undefined): boolean {
	if (signal?.aborted) return true;
	const name = (error as { name?: string; cause?: { name?: string } })?.name;
	return name === 'CanceledError' || name === 'AbortError' || underlyingCode(error) === 'ERR_CANCELED';
}

/** Node executions, and webhook calls (a trigger fetching what a notice announced; no cancel signal). */
export type VendorContext = IExecuteFunctions | IWebhookFunctions;

/**
 * The one place where vendor HTTP calls are made: rate slot, auth through n8n, timeout,
 * cancel signal, retry with backoff, and failures turned into VendorErrors without secrets.
 *
 * Retry rule (why a submit is never repeated blindly):
 * - 429 and connection failures that prove nothing was sent are always retried;
 * - a 5xx answer is retried: every vendor of this pack bills only successful answers;
 * - a lost answer (reset after sending, timeout, 504) may hide a billed success, so it is
 *   repeated only for `repeatSafe` requests; otherwise the error says it may have been charged.
 */
export class VendorClient {
	readonly signal: AbortSignal | undefined;

	private readonly limiter: RateLimiter | undefined;

	private constructor(
		private readonly ctx: VendorContext,
		readonly profile: VendorProfile,
		private readonly secrets: string[],
		private readonly settings: Required<VendorClientSettings>,
	) {
		this.signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
		const credentialId = ctx.getNode().credentials?.[profile.credentialType]?.id ?? 'default';
		this.limiter = rateLimiterFor(`${profile.credentialType}:${credentialId}`, settings.requestsPerSecond);
	}

	static async create(ctx: VendorContext, profile: VendorProfile, settings: VendorClientSettings = {}) {
		const credentials = await ctx.getCredentials(profile.credentialType);
		return new VendorClient(ctx, profile, secretValues(credentials, profile.secretFields), {
			requestsPerSecond: settings.requestsPerSecond ?? profile.defaultRequestsPerSecond,
			requestTimeoutMs: settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
			retryPolicy: settings.retryPolicy ?? DEFAULT_RETRY_POLICY,
		});
	}

	redact(text: string): string {
		return redactSecrets(text, this.secrets);
	}

	/**
	 * Sends `request` and hands the answer to `interpret`, which returns the result or throws a
	 * VendorError (retryable or not). 429 and 5xx answers are handled here before `interpret`.
	 */
	async call<T>(request: VendorHttpRequest, interpret: (response: VendorHttpResponse) => T): Promise<T> {
		return await withRetry(
			async () => interpret(await this.sendOnce(request)),
			this.settings.retryPolicy,
			this.signal,
			(error, attempt, delayMs) =>
				this.ctx.logger.debug(
					this.redact(`${this.profile.name} ${request.purpose} failed (${error.failure.code}), try ${attempt + 1} in ${Math.round(delayMs)} ms`),
				),
		);
	}

	/** Fetches a presigned link on another host: no credentials, http(s) only, with a size cap. */
	async download(url: string, purpose: string, maxBytes: number): Promise<Buffer> {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			throw this.failure({ code: 'BAD_URL', reason: `${purpose}: the vendor gave a link that is not a URL`, kind: 'unexpectedResponse', charged: 'no', retryable: false });
		}
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
			throw this.failure({ code: 'BAD_URL', reason: `${purpose}: refusing a ${parsed.protocol} link`, kind: 'unexpectedResponse', charged: 'no', retryable: false });
		}
		return await withRetry(
			async () => {
				const response = await this.send(
					() =>
						this.ctx.helpers.httpRequest({
							method: 'GET',
							url,
							encoding: 'arraybuffer',
							returnFullResponse: true,
							ignoreHttpStatusErrors: true,
							timeout: this.settings.requestTimeoutMs * 4,
							abortSignal: this.signal,
						}) as Promise<{ body: unknown; statusCode: number; headers: IDataObject }>,
					{ repeatSafe: true, purpose },
				);
				const buffer = Buffer.isBuffer(response.body)
					? response.body
					: Buffer.from(response.body as ArrayBuffer);
				if (response.statusCode >= 300) {
					throw this.failure({
						code: String(response.statusCode),
						reason: `${purpose}: the result link answered HTTP ${response.statusCode}`,
						kind: response.statusCode >= 500 ? 'server' : 'notFound',
						charged: 'no',
						retryable: response.statusCode >= 500 || response.statusCode === 429,
						httpStatus: response.statusCode,
						hint: 'Presigned links expire: fetch the task again to get a fresh link.',
					});
				}
				if (buffer.length > maxBytes) {
					throw this.failure({ code: 'TOO_LARGE', reason: `${purpose}: the file is larger than ${maxBytes} bytes`, kind: 'unexpectedResponse', charged: 'no', retryable: false });
				}
				return buffer;
			},
			this.settings.retryPolicy,
			this.signal,
		);
	}

	failure(failure: Omit<ConstructorParameters<typeof VendorError>[0], 'vendor'>): VendorError {
		return new VendorError({ ...failure, vendor: this.profile.name, reason: this.redact(failure.reason) });
	}

	private async sendOnce(request: VendorHttpRequest): Promise<VendorHttpResponse> {
		if (request.rateLimited !== false) await this.limiter?.acquire(this.signal);
		const response = await this.send(
			() =>
				this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.profile.credentialType, {
					method: request.method,
					url: request.url,
					qs: request.qs,
					headers: request.headers,
					body: request.body,
					json: request.json ?? true,
					encoding: 'text',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout: this.settings.requestTimeoutMs,
					abortSignal: this.signal,
				}) as Promise<{ body: unknown; statusCode: number; headers: IDataObject }>,
			request,
		);
		const text = bodyText(response.body);
		const json = typeof response.body === 'object' && !Buffer.isBuffer(response.body) ? response.body : parseJson(text);
		const result: VendorHttpResponse = { statusCode: response.statusCode, headers: response.headers ?? {}, json, text };
		this.throwOnTransientStatus(result, request);
		return result;
	}

	private throwOnTransientStatus(response: VendorHttpResponse, request: VendorHttpRequest): void {
		const { statusCode } = response;
		const lasting = statusCode === 429 || statusCode >= 500 ? this.profile.lastingFailure?.(response) : undefined;
		if (lasting) throw this.failure(lasting);
		const vendorReason = this.reasonFrom(response.json);
		if (statusCode === 429) {
			throw this.failure({
				code: '429',
				reason: vendorReason ?? 'Too many requests',
				kind: 'rateLimit',
				charged: 'no',
				retryable: true,
				httpStatus: 429,
				retryAfterMs: parseRetryAfter(response.headers['retry-after']),
				hint: 'Lower "Max Requests per Second" or "Concurrency" in the node options.',
			});
		}
		if (statusCode >= 500) {
			const lost = statusCode === 504;
			throw this.failure({
				code: String(statusCode),
				reason: vendorReason ?? `The ${request.purpose} failed on the vendor's side (HTTP ${statusCode})`,
				kind: 'server',
				charged: lost && !request.repeatSafe ? 'unknown' : 'no',
				retryable: !lost || request.repeatSafe,
				httpStatus: statusCode,
			});
		}
	}

	private reasonFrom(json: unknown): string | undefined {
		if (!json || typeof json !== 'object') return undefined;
		const record = json as Record<string, unknown>;
		for (const key of ['message', 'msg', 'reason', 'error']) {
			if (typeof record[key] === 'string' && record[key]) return record[key] as string;
		}
		return undefined;
	}

	/** Runs one HTTP exchange and turns connection failures into VendorErrors. */
	private async send<R>(exchange: () => Promise<R>, request: { repeatSafe: boolean; purpose: string }): Promise<R> {
		try {
			return await exchange();
		} catch (error) {
			if (isCancel(error, this.signal)) throw new CancelledError();
			const code = underlyingCode(error) ?? 'NETWORK_ERROR';
			const notSent = NOT_SENT_CODES.has(code);
			const charged: Charged = notSent || request.repeatSafe ? 'no' : 'unknown';
			throw this.failure({
				code,
				reason: notSent
					? `Could not reach ${this.profile.name} for the ${request.purpose} (${code})`
					: `The answer to the ${request.purpose} was lost (${code})`,
				kind: 'server',
				charged,
				retryable: notSent || request.repeatSafe,
				hint:
					charged === 'unknown'
						? 'The request may have reached the vendor and been billed; it was not repeated automatically.'
						: 'Check the base URL in the credential and the network between n8n and the vendor.',
			});
		}
	}
}
