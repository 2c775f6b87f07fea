import type { ServerResponse } from 'node:http';

import { sendResponse } from './http';
import type { Simulator } from './index';
import type { Fault, VendorName } from './types';

const FAULT_KINDS = ['status', 'rateLimit', 'slow', 'drop', 'malformed', 'vendorCode'];

/** `/__sim/*`: health, stats, requests, reset, faults, config, for tests that drive a separate process. */
export function answerControlRequest(
	sim: Simulator,
	method: string,
	route: string,
	bodyText: string,
	res: ServerResponse,
): void {
	try {
		sendResponse(res, controlAnswer(sim, method, route, bodyText));
	} catch (error) {
		sendResponse(res, { status: 400, body: { error: (error as Error).message } });
	}
}

function controlAnswer(sim: Simulator, method: string, route: string, bodyText: string) {
	const key = `${method} ${route}`;
	switch (key) {
		case 'GET /health':
			return { status: 200, body: { status: 'ok', baseUrl: sim.baseUrl, vendors: vendorUrls(sim) } };
		case 'GET /stats':
			return { status: 200, body: stats(sim) };
		case 'GET /requests':
			return { status: 200, body: sim.requestLog };
		case 'POST /reset':
			sim.reset();
			return { status: 200, body: { status: 'reset' } };
		case 'POST /faults':
			sim.inject(parseFault(sim, parseJson(bodyText)));
			return { status: 201, body: { pending: sim.pendingFaults() } };
		case 'DELETE /faults':
			sim.clearFaults();
			return { status: 200, body: { pending: [] } };
		case 'POST /config': {
			const { vendor, ...partial } = parseJson(bodyText);
			const name = knownVendor(sim, vendor);
			return { status: 200, body: { vendor: name, config: sim.vendors[name].configure(partial) } };
		}
		default:
			return { status: 404, body: { error: `no control route ${key}` } };
	}
}

function vendorUrls(sim: Simulator): Record<string, string> {
	return Object.fromEntries(Object.keys(sim.vendors).map((name) => [name, sim.urlFor(name as VendorName)]));
}

function stats(sim: Simulator) {
	return {
		vendors: Object.fromEntries(Object.entries(sim.vendors).map(([name, vendor]) => [name, vendor.stats()])),
		pendingFaults: sim.pendingFaults(),
		requests: sim.requestLog.length,
	};
}

function parseJson(bodyText: string): Record<string, unknown> {
	const value: unknown = JSON.parse(bodyText || '{}');
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('body must be a JSON object');
	return value as Record<string, unknown>;
}

function knownVendor(sim: Simulator, vendor: unknown): VendorName {
	if (typeof vendor !== 'string' || !(vendor in sim.vendors)) {
		throw new Error(`vendor must be one of ${Object.keys(sim.vendors).join(', ')}`);
	}
	return vendor as VendorName;
}

function parseFault(sim: Simulator, value: Record<string, unknown>): Fault {
	knownVendor(sim, value.vendor);
	if (!FAULT_KINDS.includes(value.kind as string)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
	if (value.match !== undefined && typeof value.match !== 'string') throw new Error('match must be a string');
	if (value.times !== undefined && !(Number.isInteger(value.times) && (value.times as number) > 0)) {
		throw new Error('times must be a positive integer');
	}
	const needsNumber: Record<string, string> = { status: 'status', slow: 'delayMs' };
	const field = needsNumber[value.kind as string];
	if (field && typeof value[field] !== 'number') throw new Error(`${field} must be a number`);
	if (value.kind === 'vendorCode' && !['number', 'string'].includes(typeof value.code)) {
		throw new Error('code must be a number or string');
	}
	return value as unknown as Fault;
}
