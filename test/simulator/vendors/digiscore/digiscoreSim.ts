import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import type { SimRequest, SimResponse } from '../../types';
import { VendorSim } from '../../vendorSim';
import { type DigiscoreConfig, DIGISCORE_TEST_CONFIG } from './config';
import { isNeverReady, numberActiveFor } from './scenarios';
import { digiscoreToken } from './token';

const ENDPOINT = /\/api\/data\/numberActive\/(handle|query)$/;
const NATIONAL_MOBILE = /^8\d{7,12}$/;

/** Codes the vendor page does not give; ours, listed in the README. */
export const DIGISCORE_SIM_CODES = {
	tokenFailed: 11001,
	paramError: 11008,
	requestIdNotFound: 11009,
} as const;

interface PendingRequest {
	appKey: string;
	phone: string;
	createdAt: number;
	delivered: boolean;
}

/** Digiscore "Phone Number Active": handle gives a requestId, query gives the data after resultDelayMs. */
export class DigiscoreSim extends VendorSim<DigiscoreConfig> {
	readonly name = 'digiscore' as const;

	/** Queries that got the data again for a requestId already delivered (never charged twice). */
	repeatQueries = 0;
	private readonly pending = new Map<string, PendingRequest>();

	constructor(overrides: Partial<DigiscoreConfig> = {}) {
		super(DIGISCORE_TEST_CONFIG, overrides);
	}

	endpointOf(req: SimRequest): string {
		return ENDPOINT.exec(req.subPath)?.[1] ?? 'unknown';
	}

	rateLimitKey(req: SimRequest): string {
		return parseParams(req)?.appKey ?? '';
	}

	rateLimitedResponse(): SimResponse {
		return { status: 429, body: { code: 429, msg: 'Too Many Requests' } };
	}

	vendorCodeResponse(code: number | string, message?: string): SimResponse {
		return envelope(Number(code), message ?? 'simulated error', newRequestId());
	}

	httpErrorResponse(status: number): SimResponse {
		return { status, body: { code: status, msg: STATUS_CODES[status] ?? 'Error', data: null, requestId: newRequestId() } };
	}

	handle(req: SimRequest): SimResponse {
		const endpoint = this.endpointOf(req);
		if (endpoint === 'unknown') return this.httpErrorResponse(404);
		if (req.method !== 'POST') return this.httpErrorResponse(405);
		const params = parseParams(req);
		if (!params) return envelope(DIGISCORE_SIM_CODES.paramError, 'request body is not JSON or form data', newRequestId());
		if (params.appKey !== this.config.appKey || params.token !== digiscoreToken(params, this.config.secret)) {
			return envelope(DIGISCORE_SIM_CODES.tokenFailed, 'token verification failed', newRequestId());
		}
		return endpoint === 'handle' ? this.submit(params) : this.query(params);
	}

	protected resetState(): void {
		this.pending.clear();
		this.repeatQueries = 0;
	}

	protected extraStats(): Record<string, unknown> {
		return { repeatQueries: this.repeatQueries, pendingRequests: this.pending.size };
	}

	private submit(params: Record<string, string>): SimResponse {
		const phone = params.phone ?? '';
		if (!phone) return envelope(DIGISCORE_SIM_CODES.paramError, 'phone is empty', newRequestId());
		if (!NATIONAL_MOBILE.test(phone)) {
			return envelope(DIGISCORE_SIM_CODES.paramError, 'phone format error: digits only, start with 8, no country prefix', newRequestId());
		}
		this.dropExpired();
		const requestId = newRequestId();
		this.pending.set(requestId, { appKey: params.appKey, phone, createdAt: Date.now(), delivered: false });
		return envelope(201, 'ok', requestId);
	}

	private query(params: Record<string, string>): SimResponse {
		const requestId = params.requestId ?? '';
		if (!requestId) return envelope(DIGISCORE_SIM_CODES.paramError, 'requestId is empty', newRequestId());
		this.dropExpired();
		const request = this.pending.get(requestId);
		if (!request || request.appKey !== params.appKey) {
			return envelope(DIGISCORE_SIM_CODES.requestIdNotFound, 'requestId not found', requestId);
		}
		if (isNeverReady(request.phone) || Date.now() < request.createdAt + this.config.resultDelayMs) {
			return envelope(201, 'need query', requestId);
		}
		const outcome = numberActiveFor(request.phone);
		let isFee = outcome.isFee;
		if (request.delivered) {
			this.repeatQueries += 1;
			isFee = 0;
		} else if (isFee === 1) {
			this.charge({ key: request.appKey, phone: request.phone, what: 'numberActive', ref: requestId });
		}
		request.delivered = true;
		return { status: 200, body: { code: 200, msg: 'ok', data: outcome.data, requestId, isFee } };
	}

	/** Entries are in creation order, so expired ones sit at the front. */
	private dropExpired(): void {
		const oldestAlive = Date.now() - this.config.requestTtlMs;
		for (const [requestId, request] of this.pending) {
			if (request.createdAt > oldestAlive) break;
			this.pending.delete(requestId);
		}
	}
}

function envelope(code: number, msg: string, requestId: string): SimResponse {
	return { status: 200, body: { code, msg, data: null, requestId } };
}

function newRequestId(): string {
	return randomBytes(14).toString('hex');
}

/** JSON or form body merged over query parameters, all as strings (what the token signs); null if unreadable. */
function parseParams(req: SimRequest): Record<string, string> | null {
	const params: Record<string, string> = { ...req.query };
	const text = req.bodyText.trim();
	if (!text) return params;
	const contentType = String(req.headers['content-type'] ?? '');
	if (contentType.includes('application/x-www-form-urlencoded')) {
		for (const [key, value] of new URLSearchParams(text)) params[key] = value;
		return params;
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
	for (const [key, value] of Object.entries(body)) {
		params[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
	}
	return params;
}
