import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import type { SimRequest, SimResponse } from '../../types';
import { VendorSim } from '../../vendorSim';
import { type EkycproConfig, type EkycproResultFormat, type EkycproTaskOutcome, EKYCPRO_TEST_CONFIG } from './config';
import { buildResultFile, type ResultFile, ZIP_BOMB_TRUE_SIZE, zipBomb } from './resultFiles';
import { ResultHost } from './resultHost';
import { EKYCPRO_TASK_TYPES, isReturned } from './scenarios';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const XID_ALPHABET = '0123456789abcdefghijklmnopqrstuv';
const DAY_MS = 86_400_000;

interface SimTask {
	id: string;
	apiKey: string;
	taskType: string;
	total: number;
	notReturned: number;
	createdAt: number;
	processingMs: number;
	outcome: EkycproTaskOutcome;
	/** Set once the result file is built (built in the background right after the upload). */
	fileName?: string;
}

type Fields = Map<string, string | File>;

class BadRequest extends Error {
	constructor(
		readonly error: string,
		message: string,
	) {
		super(message);
	}
}

/** 20 characters of base32hex, like the vendor's task ids (rs/xid). */
function newTaskId(): string {
	return [...randomBytes(20)].map((byte) => XID_ALPHABET[byte % 32]).join('');
}

function currentDay(now = Date.now()): string {
	return new Date(now).toISOString().slice(0, 10);
}

function nextMidnight(now = Date.now()): string {
	return new Date(Math.floor(now / DAY_MS) * DAY_MS + DAY_MS).toISOString();
}

/** ekycpro / checknumber.ai bulk checks: upload a file, poll the task, download the presigned result. */
export class EkycproSim extends VendorSim<EkycproConfig> {
	readonly name = 'ekycpro' as const;

	readonly resultHost = new ResultHost();

	private readonly tasks = new Map<string, SimTask>();

	private readonly usedToday = new Map<string, { day: string; numbers: number }>();

	private numbersCharged = 0;

	constructor(overrides: Partial<EkycproConfig> = {}) {
		super(EKYCPRO_TEST_CONFIG, overrides);
	}

	async open(host: string): Promise<void> {
		await this.resultHost.open(this.config.resultHost || host);
	}

	async close(): Promise<void> {
		await this.resultHost.close();
	}

	endpointOf(req: SimRequest): string {
		const endpoints: Record<string, string> = { '/v1/tasks': 'createTask', '/v1/gettasks': 'getTask', '/v1/balance': 'balance' };
		return endpoints[req.subPath] ?? 'unknown';
	}

	rateLimitKey(req: SimRequest): string {
		return String(req.headers['x-api-key'] ?? '');
	}

	rateLimitedResponse(): SimResponse {
		return { status: 429, body: { error: 'rate_limit_exceeded', message: 'Too many requests' } };
	}

	vendorCodeResponse(code: number | string, message?: string): SimResponse {
		const status = Number(code) >= 400 && Number(code) < 600 ? Number(code) : 400;
		return { status, body: { error: String(code), message: message ?? 'Simulated error' } };
	}

	httpErrorResponse(status: number): SimResponse {
		const error = status >= 500 ? 'internal_error' : (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_');
		const message = status >= 500 ? 'Internal server error, retry later' : (STATUS_CODES[status] ?? 'Error');
		return { status, body: { error, message } };
	}

	async handle(req: SimRequest): Promise<SimResponse> {
		const endpoint = this.endpointOf(req);
		if (endpoint === 'unknown') return this.httpErrorResponse(404);
		const expectedMethod = endpoint === 'balance' ? 'GET' : 'POST';
		if (req.method !== expectedMethod) return this.httpErrorResponse(405);
		if (req.headers['x-api-key'] !== this.config.apiKey) {
			return { status: 401, body: { error: 'unauthorized', message: 'Invalid or missing API key' } };
		}
		try {
			if (endpoint === 'balance') return this.balance();
			const fields = await readFields(req);
			return endpoint === 'createTask' ? await this.createTask(fields) : this.getTask(fields, req);
		} catch (error) {
			if (error instanceof BadRequest) return { status: 400, body: { error: error.error, message: error.message } };
			throw error;
		}
	}

	protected resetState(): void {
		this.tasks.clear();
		this.usedToday.clear();
		this.numbersCharged = 0;
		this.resultHost.reset();
	}

	protected extraStats(): Record<string, unknown> {
		return {
			tasks: this.tasks.size,
			numbersCharged: this.numbersCharged,
			resultHostRequests: this.resultHost.requests.length,
			apiKeyLeaks: this.resultHost.apiKeyLeaks,
		};
	}

	private usedBy(apiKey: string): number {
		const today = this.usedToday.get(apiKey);
		return today?.day === currentDay() ? today.numbers : 0;
	}

	private balance(): SimResponse {
		const used = this.usedBy(this.config.apiKey);
		return {
			status: 200,
			body: {
				status: 'active',
				balance: Math.max(0, this.config.balance - this.numbersCharged),
				credit: 0,
				used_today: used,
				daily_limit: this.config.dailyLimit,
				reset_time: nextMidnight(),
			},
		};
	}

	private async createTask(fields: Fields): Promise<SimResponse> {
		const file = fields.get('file');
		if (!(file instanceof File)) throw new BadRequest('missing_file', 'file is required');
		const taskType = fields.get('task_type');
		if (typeof taskType !== 'string' || !taskType) throw new BadRequest('missing_task_type', 'task_type is required');
		const definition = EKYCPRO_TASK_TYPES[taskType];
		if (!definition) throw new BadRequest('invalid_task_type', `Unsupported task_type "${taskType}"`);
		const identifiers = (await file.text()).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
		if (identifiers.length === 0) throw new BadRequest('empty_file', 'The file holds no numbers');
		const format = definition.input === 'email' ? EMAIL : E164;
		const badLine = identifiers.findIndex((identifier) => !format.test(identifier));
		if (badLine >= 0) {
			const expected = definition.input === 'email' ? 'an e-mail address' : 'an E.164 number';
			throw new BadRequest('invalid_file_format', `Line ${badLine + 1} is not ${expected}`);
		}
		if (this.config.maxTaskSize && identifiers.length > this.config.maxTaskSize) {
			throw new BadRequest('invalid_batch_size', `A task holds at most ${this.config.maxTaskSize} numbers`);
		}
		const { apiKey, dailyLimit } = this.config;
		const used = this.usedBy(apiKey);
		if (dailyLimit && used + identifiers.length > dailyLimit) {
			const resetTime = nextMidnight();
			return {
				status: 429,
				headers: { 'retry-after': String(Math.ceil((Date.parse(resetTime) - Date.now()) / 1000)) },
				body: {
					error: 'daily_limit_exceeded',
					message: `Daily limit of ${dailyLimit} numbers reached (${used} used today)`,
					reset_time: resetTime,
				},
			};
		}

		const task: SimTask = {
			id: newTaskId(),
			apiKey,
			taskType,
			total: identifiers.length,
			notReturned: identifiers.filter((identifier) => !isReturned(identifier)).length,
			createdAt: Date.now(),
			processingMs: this.config.processingMs,
			outcome: this.config.taskOutcome,
		};
		this.tasks.set(task.id, task);
		this.usedToday.set(apiKey, { day: currentDay(), numbers: used + identifiers.length });
		this.numbersCharged += identifiers.length;
		this.charge({ key: apiKey, phone: `${identifiers.length} numbers`, what: taskType, ref: task.id });
		this.resultHost.publish(task.id, this.buildInBackground(task, identifiers, definition.columns, this.config.resultFormat));
		return {
			status: 200,
			body: { task_id: task.id, status: 'pending', total: task.total, message: 'Task created successfully', created_at: new Date(task.createdAt).toISOString() },
		};
	}

	/** Built after the answer is sent, as the vendor works while the client polls. */
	private async buildInBackground(task: SimTask, identifiers: string[], columns: string[], format: EkycproResultFormat): Promise<ResultFile> {
		await new Promise((resolve) => setImmediate(resolve));
		const file =
			task.outcome === 'zipBomb'
				? zipBomb(task.id, ZIP_BOMB_TRUE_SIZE)
				: task.outcome === 'zipBombLying'
					? zipBomb(task.id, 4096)
					: buildResultFile(task.id, identifiers, columns, format);
		task.fileName = file.name;
		return file;
	}

	private getTask(fields: Fields, req: SimRequest): SimResponse {
		const taskId = fields.get('task_id');
		if (typeof taskId !== 'string' || !taskId) throw new BadRequest('missing_task_id', 'task_id is required');
		const task = this.tasks.get(taskId);
		if (!task || task.apiKey !== req.headers['x-api-key']) {
			return { status: 404, body: { error: 'task_not_found', message: 'Task not found' } };
		}
		const now = Date.now();
		const elapsed = now - task.createdAt;
		const returned = task.total - task.notReturned;
		const progress = task.processingMs <= 0 ? 1 : Math.min(1, Math.max(0, (elapsed - 0.1 * task.processingMs) / (0.8 * task.processingMs)));
		const body: Record<string, unknown> = {
			created_at: new Date(task.createdAt).toISOString(),
			updated_at: new Date(Math.min(now, task.createdAt + task.processingMs)).toISOString(),
			task_id: task.id,
			user_id: 'simUser7GPS4B4PdtTMox5Y',
			total: task.total,
			success: Math.floor(returned * progress),
			failure: Math.floor(task.notReturned * progress),
		};
		const finished = elapsed >= task.processingMs;
		if (finished && task.outcome === 'failed') {
			return { status: 200, body: { ...body, status: 'failed', success: Math.floor(returned / 2), failure: task.total - Math.floor(returned / 2) } };
		}
		if (finished && task.fileName) {
			const expired = this.config.expiredLinks > 0;
			if (expired) this.config.expiredLinks -= 1;
			const ttlMs = this.config.resultUrlTtlMs;
			const signedAt = expired ? now - ttlMs - 60_000 : now;
			return {
				status: 200,
				body: { ...body, status: 'exported', result_url: this.resultHost.signedUrl(task.id, task.fileName, ttlMs, req.headers.host, signedAt) },
			};
		}
		const status = finished || elapsed >= 0.9 * task.processingMs ? 'completed' : elapsed >= 0.1 * task.processingMs ? 'processing' : 'pending';
		return { status: 200, body: { ...body, status } };
	}
}

/** Multipart and urlencoded forms through the platform's own parser; JSON and the query string too. */
async function readFields(req: SimRequest): Promise<Fields> {
	const fields: Fields = new Map(Object.entries(req.query));
	const contentType = String(req.headers['content-type'] ?? '');
	if (/^application\/json/i.test(contentType)) {
		try {
			for (const [key, value] of Object.entries(JSON.parse(req.bodyText || '{}') as Record<string, unknown>)) fields.set(key, String(value));
		} catch {
			throw new BadRequest('invalid_request', 'The body is not valid JSON');
		}
		return fields;
	}
	if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType)) {
		let form: FormData;
		try {
			form = await new Response(new Uint8Array(req.rawBody), { headers: { 'content-type': contentType } }).formData();
		} catch {
			throw new BadRequest('invalid_request', 'The form data could not be read');
		}
		form.forEach((value, key) => fields.set(key, value));
	}
	return fields;
}
