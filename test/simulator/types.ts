import type { IncomingHttpHeaders } from 'node:http';

import type { VendorName } from './vendors';

export type { VendorName };

export type FaultKind = Fault['kind'];

/** A queued misbehaviour: matched by vendor (and path substring), used up after `times` requests. */
export type Fault = {
	vendor: VendorName;
	/** Substring of the full request path, e.g. 'query' or '/digiscore/api/data/numberActive/handle'. */
	match?: string;
	/** How many matching requests it hits; default 1. */
	times?: number;
} & (
	| { kind: 'status'; status: number; body?: unknown }
	| { kind: 'rateLimit'; retryAfterSeconds?: number }
	| { kind: 'slow'; delayMs: number }
	| { kind: 'drop' }
	| { kind: 'malformed' }
	| { kind: 'vendorCode'; code: number | string; message?: string }
);

/** One request as a vendor module sees it. */
export interface SimRequest {
	method: string;
	/** Full path without query, e.g. '/digiscore/api/data/numberActive/handle'. */
	path: string;
	/** Path below the vendor prefix, e.g. '/api/data/numberActive/handle' ('' for the prefix itself). */
	subPath: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	bodyText: string;
	/** Simulator base URL (http://host:port), for vendors that hand out URLs. */
	baseUrl: string;
}

/** What a vendor module answers; `body` is sent as JSON unless it is a string or Buffer. */
export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** One vendor request as received and answered (control-API calls are not logged). */
export interface SimRequestRecord {
	at: number;
	vendor: VendorName | null;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Request body as UTF-8 text, cut at 256 KiB (see bodyTruncated). */
	body: string;
	bodyTruncated: boolean;
	/** HTTP status sent; null while in flight or when the socket was dropped. */
	status: number | null;
	/** Set when an injected fault answered (or delayed) this request. */
	fault?: FaultKind;
	durationMs?: number;
}

/** One billable answer; tests assert that nothing was charged twice. */
export interface ChargeRecord {
	at: number;
	/** The account that pays (partner_code, appKey, ...). */
	key: string;
	phone: string;
	/** What was bought, e.g. 'phoneAssociation' or 'numberActive'. */
	what: string;
	/** The vendor's id for the answer (sequence_id, requestId, ...). */
	ref?: string;
}

/** Settings every vendor has. */
export interface BaseVendorConfig {
	/** Added to every answer, in ms (0 in tests). */
	latencyMs: number;
	/** Random extra latency 0..latencyJitterMs on top of latencyMs. */
	latencyJitterMs: number;
	/** Accepted requests per API key in a sliding 1 s window; 0 = no limit. */
	rateLimitPerSecond: number;
}
