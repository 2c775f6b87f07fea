import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { sendResponse } from '../../http';
import type { ResultFile } from './resultFiles';

export interface ResultHostRequest {
	at: number;
	path: string;
	headers: IncomingHttpHeaders;
	status: number;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

function s3Error(status: number, code: string, message: string) {
	return {
		status,
		body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
		headers: { 'content-type': 'application/xml' },
	};
}

function amzDate(at: number): string {
	return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string): number {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	return match ? Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6]) : Number.NaN;
}

/**
 * The "S3" of the simulator: a second listener (another port, optionally another loopback
 * address) serving result files behind presigned links. Like S3 it answers 403 to a link whose
 * signature is wrong or expired, and (our rule) to any request that carries an X-API-Key.
 */
export class ResultHost {
	readonly requests: ResultHostRequest[] = [];

	/** Requests that arrived with the vendor API key (or any X-API-Key): must stay 0. */
	apiKeyLeaks = 0;

	private readonly files = new Map<string, Promise<ResultFile>>();

	private readonly secret = randomBytes(32);

	private server: Server | undefined;

	private boundHost = '127.0.0.1';

	private port = 0;

	async open(host: string): Promise<void> {
		this.boundHost = host;
		const server = createServer((req, res) => {
			void this.answer(req.url ?? '/', req.headers).then((response) => {
				this.requests.push({ at: Date.now(), path: (req.url ?? '/').split('?')[0], headers: req.headers, status: response.status });
				sendResponse(res, response);
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		this.port = (server.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		const { server } = this;
		if (!server) return;
		this.server = undefined;
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	reset(): void {
		this.files.clear();
		this.requests.length = 0;
		this.apiKeyLeaks = 0;
	}

	publish(taskId: string, file: Promise<ResultFile>): void {
		this.files.set(taskId, file);
	}

	/** A presigned link; `requestHost` is the Host the client used for the API, for wildcard binds. */
	signedUrl(taskId: string, fileName: string, ttlMs: number, requestHost: string | undefined, now = Date.now()): string {
		const hostname = WILDCARD_HOSTS.has(this.boundHost) ? (requestHost ?? '127.0.0.1').replace(/:\d+$/, '') : this.boundHost;
		const path = `/externalcheck/${taskId}/${fileName}`;
		const date = amzDate(now);
		const expires = String(Math.max(0, Math.round(ttlMs / 1000)));
		const query = new URLSearchParams({
			'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
			'X-Amz-Date': date,
			'X-Amz-Expires': expires,
			'X-Amz-SignedHeaders': 'host',
			'X-Amz-Signature': this.sign(path, date, expires),
		});
		const host = hostname.includes(':') ? `[${hostname}]` : hostname;
		return `http://${host}:${this.port}${path}?${query.toString()}`;
	}

	private sign(path: string, date: string, expires: string): string {
		return createHmac('sha256', this.secret).update(`${path}\n${date}\n${expires}`).digest('hex');
	}

	private async answer(url: string, headers: IncomingHttpHeaders) {
		if (headers['x-api-key'] !== undefined) {
			this.apiKeyLeaks += 1;
			return s3Error(403, 'AccessDenied', 'Requests with an X-API-Key header are refused');
		}
		const parsed = new URL(url, 'http://result-host');
		const match = /^\/externalcheck\/([^/]+)\/([^/]+)$/.exec(parsed.pathname);
		const date = parsed.searchParams.get('X-Amz-Date') ?? '';
		const expires = parsed.searchParams.get('X-Amz-Expires') ?? '';
		const signature = Buffer.from(parsed.searchParams.get('X-Amz-Signature') ?? '', 'hex');
		const expected = Buffer.from(this.sign(parsed.pathname, date, expires), 'hex');
		if (!match || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
			return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
		}
		if (Date.now() > parseAmzDate(date) + Number(expires) * 1000) {
			return s3Error(403, 'AccessDenied', 'Request has expired');
		}
		const file = await this.files.get(match[1]);
		if (!file || file.name !== match[2]) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
		return { status: 200, body: file.data, headers: { 'content-type': file.contentType } };
	}
}
