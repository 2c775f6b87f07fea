import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import type { SimResponse } from './types';

export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export function queryObject(params: URLSearchParams): Record<string, string> {
	return Object.fromEntries(params.entries());
}

/** Sends JSON unless the body is a string or Buffer (sent as is); no-op on a closed socket. */
export function sendResponse(res: ServerResponse, response: SimResponse): void {
	if (res.destroyed || res.headersSent) return;
	const { body } = response;
	let payload: Buffer;
	let contentType: string;
	if (Buffer.isBuffer(body)) {
		payload = body;
		contentType = 'application/octet-stream';
	} else if (typeof body === 'string') {
		payload = Buffer.from(body, 'utf8');
		contentType = 'text/plain; charset=utf-8';
	} else {
		payload = Buffer.from(body === undefined ? '' : JSON.stringify(body), 'utf8');
		contentType = 'application/json; charset=utf-8';
	}
	res.writeHead(response.status, {
		'content-type': contentType,
		...response.headers,
		'content-length': String(payload.length),
	});
	res.end(payload);
}

/** Resolves true after ms, or false at once when the simulator closes. */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
	if (ms <= 0) return !signal.aborted;
	try {
		await delay(ms, undefined, { signal });
		return true;
	} catch {
		return false;
	}
}
