import type { ServerResponse } from 'node:http';

import type { FaultQueue } from './faultQueue';
import { sendResponse, sleep } from './http';
import type { Fault, SimRequest, SimRequestRecord, SimResponse } from './types';
import type { AnyVendorSim } from './vendorSim';

const MALFORMED_JSON = '{"code":200,"msg":"ok","data":{"userPhone":"62812';

/** Order: count the call, injected fault, rate limit, latency, the vendor's own answer. */
export async function answerVendorRequest(
	vendor: AnyVendorSim,
	req: SimRequest,
	res: ServerResponse,
	record: SimRequestRecord,
	faults: FaultQueue,
	closing: AbortSignal,
): Promise<void> {
	const send = (response: SimResponse) => {
		record.status = response.status;
		sendResponse(res, response);
	};
	vendor.countCall(req);
	const fault = faults.take(vendor.name, req.path);
	if (fault) {
		record.fault = fault.kind;
		if (fault.kind === 'drop') {
			res.socket?.destroy();
			return;
		}
		if (fault.kind === 'slow') {
			if (!(await sleep(fault.delayMs, closing))) return;
		} else {
			send(faultResponse(vendor, fault));
			return;
		}
	}
	const retryAfterSeconds = vendor.limiter.take(vendor.rateLimitKey(req), vendor.config.rateLimitPerSecond);
	if (retryAfterSeconds > 0) {
		send(rateLimited(vendor, retryAfterSeconds));
		return;
	}
	if (!(await sleep(vendor.latencyMs(), closing))) return;
	send(await vendor.handle(req));
}

function faultResponse(vendor: AnyVendorSim, fault: Exclude<Fault, { kind: 'drop' | 'slow' }>): SimResponse {
	switch (fault.kind) {
		case 'status':
			return fault.body === undefined ? vendor.httpErrorResponse(fault.status) : { status: fault.status, body: fault.body };
		case 'rateLimit':
			return rateLimited(vendor, fault.retryAfterSeconds ?? 1);
		case 'malformed':
			return { status: 200, body: MALFORMED_JSON, headers: { 'content-type': 'application/json; charset=utf-8' } };
		case 'vendorCode':
			return vendor.vendorCodeResponse(fault.code, fault.message);
	}
}

function rateLimited(vendor: AnyVendorSim, retryAfterSeconds: number): SimResponse {
	vendor.rateLimited += 1;
	const response = vendor.rateLimitedResponse();
	return { ...response, headers: { ...response.headers, 'retry-after': String(retryAfterSeconds) } };
}
