import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { answerControlRequest } from './controlApi';
import { FaultQueue } from './faultQueue';
import { queryObject, readBody, sendResponse } from './http';
import type { Fault, SimRequest, SimRequestRecord, VendorName } from './types';
import { answerVendorRequest } from './vendorPipeline';
import { createVendors, type SimulatorVendors, type VendorConfigOverrides } from './vendors';
import type { AnyVendorSim } from './vendorSim';

export { SIM_CREDENTIALS } from './credentials';
export { REALISTIC_CONFIG } from './vendors';
export type { SimulatorVendors, VendorConfigOverrides } from './vendors';
export type { BaseVendorConfig, ChargeRecord, Fault, FaultKind, SimRequestRecord, VendorName } from './types';
export type { AccuAuthConfig } from './vendors/accuauth/config';
export { AccuAuthSim, type AccuAuthCallbackRecord } from './vendors/accuauth/accuAuthSim';
export { ACCUAUTH_ERROR_SUFFIXES, PHONE_STATUS_BY_LAST_DIGIT } from './vendors/accuauth/scenarios';
export type { DigiscoreConfig } from './vendors/digiscore/config';
export type { EkycproConfig, EkycproResultFormat, EkycproTaskOutcome } from './vendors/ekycpro/config';
export { EkycproSim } from './vendors/ekycpro/ekycproSim';
export { EKYCPRO_NOT_RETURNED_SUFFIX, EKYCPRO_TASK_TYPES } from './vendors/ekycpro/scenarios';
export type { TrustDecisionConfig } from './vendors/trustdecision/config';
export { DigiscoreSim, DIGISCORE_SIM_CODES } from './vendors/digiscore/digiscoreSim';
export { DIGISCORE_SUFFIX_SCENARIOS } from './vendors/digiscore/scenarios';
export { digiscoreToken } from './vendors/digiscore/token';
export { TrustDecisionSim } from './vendors/trustdecision/trustDecisionSim';
export { TRUSTDECISION_MESSAGES, TRUSTDECISION_SUFFIX_CODES } from './vendors/trustdecision/scenarios';

const CONTROL_PREFIX = '/__sim';
const LOGGED_BODY_LIMIT = 256 * 1024;

export interface SimulatorOptions {
	host?: string;
	port?: number;
	vendors?: VendorConfigOverrides;
	/** Oldest request records are dropped beyond this many (long-lived sandbox); default 100,000. */
	maxLogEntries?: number;
}

export interface Simulator {
	baseUrl: string;
	/** `${baseUrl}/<vendor>`: what a credential's base URL points at. */
	urlFor(vendor: VendorName): string;
	vendors: SimulatorVendors;
	inject(fault: Fault): void;
	clearFaults(): void;
	pendingFaults(): Array<Fault & { remaining: number }>;
	/** State, counters, faults and request log back to fresh; config back to what start was given. */
	reset(): void;
	requestLog: SimRequestRecord[];
	close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const host = options.host ?? '127.0.0.1';
	const maxLogEntries = options.maxLogEntries ?? 100_000;
	const vendors = createVendors(options.vendors);
	const vendorList: AnyVendorSim[] = Object.values(vendors);
	const faults = new FaultQueue();
	const requestLog: SimRequestRecord[] = [];
	const closing = new AbortController();
	// every delayed answer listens for close; thousands may wait at once
	setMaxListeners(0, closing.signal);

	const vendorFor = (path: string): { vendor: AnyVendorSim; mount: string } | undefined => {
		for (const vendor of vendorList) {
			const mount = vendor.mounts.find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
			if (mount) return { vendor, mount };
		}
		return undefined;
	};

	const logRequest = (record: SimRequestRecord): void => {
		requestLog.push(record);
		if (requestLog.length > maxLogEntries) requestLog.splice(0, Math.ceil(maxLogEntries / 10));
	};

	const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', sim.baseUrl);
		const method = req.method ?? 'GET';
		const rawBody = await readBody(req);
		const bodyText = rawBody.toString('utf8');
		if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
			answerControlRequest(sim, method, url.pathname.slice(CONTROL_PREFIX.length), bodyText, res);
			return;
		}
		const route = vendorFor(url.pathname);
		const startedAt = Date.now();
		const record: SimRequestRecord = {
			at: startedAt,
			vendor: route?.vendor.name ?? null,
			method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: req.headers,
			body: bodyText.slice(0, LOGGED_BODY_LIMIT),
			bodyTruncated: bodyText.length > LOGGED_BODY_LIMIT,
			status: null,
		};
		logRequest(record);
		res.on('finish', () => {
			record.durationMs = Date.now() - startedAt;
		});
		if (!route) {
			record.status = 404;
			sendResponse(res, { status: 404, body: { error: `no vendor at ${url.pathname}` } });
			return;
		}
		const simRequest: SimRequest = {
			method,
			path: url.pathname,
			subPath: url.pathname.slice(route.mount.length),
			query: record.query,
			headers: req.headers,
			rawBody,
			bodyText,
			baseUrl: sim.baseUrl,
		};
		await answerVendorRequest(route.vendor, simRequest, res, record, faults, closing.signal);
	};

	const server = createServer((req, res) => {
		onRequest(req, res).catch((error: unknown) => {
			console.error('[simulator] request failed', error);
			sendResponse(res, { status: 500, body: { error: `simulator bug: ${(error as Error).message}` } });
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	await Promise.all(vendorList.map((vendor) => vendor.open(host)));

	const sim: Simulator = {
		baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		urlFor: (vendor) => `${sim.baseUrl}${vendors[vendor].mounts[0]}`,
		vendors,
		inject: (fault) => faults.inject(fault),
		clearFaults: () => faults.clear(),
		pendingFaults: () => faults.pending(),
		reset: () => {
			for (const vendor of vendorList) vendor.reset();
			faults.clear();
			requestLog.length = 0;
		},
		requestLog,
		close: async () => {
			closing.abort();
			await Promise.all(vendorList.map((vendor) => vendor.close()));
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
	return sim;
}
