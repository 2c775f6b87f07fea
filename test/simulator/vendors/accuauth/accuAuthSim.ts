import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import type { SimRequest, SimResponse } from '../../types';
import { VendorSim } from '../../vendorSim';
import { type AccuAuthConfig, ACCUAUTH_TEST_CONFIG } from './config';
import {
	ACCUAUTH_ERROR_SUFFIXES,
	ACCUAUTH_STATUS_CODES,
	type AccuAuthStatusCode,
	isImmediate,
	isServedNumber,
	maskedNumber,
	NEVER_READY_SUFFIX,
	type PhoneStatus,
	phoneStatusFor,
} from './scenarios';

const ENDPOINTS: Record<string, string> = {
	'/check/phone_number/o1': 'submit',
	'/check/phone_number/task_result/o1': 'taskResult',
};

interface Task {
	apiId: string;
	phoneNumber: string;
	phoneStatus: PhoneStatus;
	requestId: string;
	createdAt: number;
	neverReady: boolean;
}

/** One callback GET the simulator made: `status` is the receiver's HTTP status, or null with `error`. */
export interface AccuAuthCallbackRecord {
	at: number;
	url: string;
	status: number | null;
	error?: string;
}

/**
 * AccuAuth phone status: submit answers a task_id (or the result at once), task_result answers
 * HTTP 400 PENDING until resultDelayMs has passed, then the result; a callback URL gets a GET.
 */
export class AccuAuthSim extends VendorSim<AccuAuthConfig> {
	readonly name = 'accuauth' as const;

	/** Callback GETs made, in order. */
	readonly callbacks: AccuAuthCallbackRecord[] = [];
	private readonly tasks = new Map<string, Task>();
	private readonly submitsPerNumber = new Map<string, number>();
	private readonly callbackTimers = new Set<NodeJS.Timeout>();

	constructor(overrides: Partial<AccuAuthConfig> = {}) {
		super(ACCUAUTH_TEST_CONFIG, overrides);
	}

	endpointOf(req: SimRequest): string {
		return ENDPOINTS[req.subPath] ?? 'unknown';
	}

	rateLimitKey(req: SimRequest): string {
		return String(req.headers['x-df-api-id'] ?? '');
	}

	rateLimitedResponse(): SimResponse {
		return answer('RATE_LIMIT_EXCEEDED');
	}

	vendorCodeResponse(code: number | string, message?: string): SimResponse {
		const status = String(code) in ACCUAUTH_STATUS_CODES ? (String(code) as AccuAuthStatusCode) : 'INTERNAL_ERROR';
		return answer(status, message);
	}

	httpErrorResponse(status: number): SimResponse {
		const code: AccuAuthStatusCode =
			status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'NO_PERMISSION' : status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_ARGUMENT';
		return { status, body: { status: code, reason: STATUS_CODES[status] ?? 'Error', request_id: newRequestId() } };
	}

	handle(req: SimRequest): SimResponse {
		const endpoint = this.endpointOf(req);
		if (endpoint === 'unknown' || req.method !== 'POST') return answer('NOT_FOUND');
		if (req.headers['x-df-api-id'] !== this.config.apiId || req.headers['x-df-api-secret'] !== this.config.apiSecret) {
			return answer('UNAUTHORIZED');
		}
		const params = parseParams(req);
		if (!params) return answer('INVALID_ARGUMENT', 'request body is not JSON or form data');
		return endpoint === 'submit' ? this.submit(params) : this.taskResult(params);
	}

	protected resetState(): void {
		this.tasks.clear();
		this.submitsPerNumber.clear();
		for (const timer of this.callbackTimers) clearTimeout(timer);
		this.callbackTimers.clear();
		this.callbacks.length = 0;
	}

	protected extraStats(): Record<string, unknown> {
		return { tasks: this.tasks.size, callbacks: [...this.callbacks] };
	}

	private submit(params: Record<string, string>): SimResponse {
		const phoneNumber = params.phone_number ?? '';
		if (!phoneNumber) return answer('INVALID_ARGUMENT', "argument 'phone_number': not found");
		if (!isServedNumber(phoneNumber)) return answer('INVALID_ARGUMENT', "argument 'phone_number': invalid format");
		const callback = params.callback;
		if (callback && !isHttpUrl(callback)) return answer('INVALID_ARGUMENT', "argument 'callback': invalid url");
		const submits = (this.submitsPerNumber.get(phoneNumber) ?? 0) + 1;
		this.submitsPerNumber.set(phoneNumber, submits);
		const scenario = ACCUAUTH_ERROR_SUFFIXES[phoneNumber.slice(-4)];
		if (scenario && (!scenario.firstSubmitOnly || submits === 1)) return answer(scenario.code, scenario.reason);

		const acceptedSubmits = scenario ? submits - 1 : submits;
		const requestId = newRequestId();
		const phoneStatus = phoneStatusFor(phoneNumber, acceptedSubmits);
		this.charge({ key: this.config.apiId, phone: phoneNumber, what: 'phoneStatus', ref: requestId });
		if (isImmediate(phoneNumber)) {
			return {
				status: 200,
				body: { status: 'OK', request_id: requestId, result: { phone_number: maskedNumber(phoneNumber), phone_status: phoneStatus } },
			};
		}
		this.dropExpired();
		const taskId = randomBytes(16).toString('hex');
		const task: Task = {
			apiId: this.config.apiId,
			phoneNumber,
			phoneStatus,
			requestId,
			createdAt: Date.now(),
			neverReady: phoneNumber.endsWith(NEVER_READY_SUFFIX),
		};
		this.tasks.set(taskId, task);
		if (callback && !task.neverReady) this.scheduleCallback(callback, taskId, task);
		return { status: 200, body: { status: 'OK', request_id: requestId, task_id: taskId } };
	}

	private taskResult(params: Record<string, string>): SimResponse {
		const taskId = params.task_id ?? '';
		if (!taskId) return answer('INVALID_ARGUMENT', "argument 'task_id': not found");
		this.dropExpired();
		const task = this.tasks.get(taskId);
		if (!task || task.apiId !== this.config.apiId) return answer('INVALID_ARGUMENT', 'task_id not found or expired');
		if (task.neverReady || Date.now() < task.createdAt + this.config.resultDelayMs) {
			return { status: 400, body: { status: 'PENDING', reason: 'check in progress', request_id: task.requestId } };
		}
		return {
			status: 200,
			body: {
				status: 'OK',
				result: { phone_number: maskedNumber(task.phoneNumber), phone_status: task.phoneStatus },
				request_id: task.requestId,
			},
		};
	}

	/** The documented callback: a GET with the result in the query string once the task is done. */
	private scheduleCallback(callback: string, taskId: string, task: Task): void {
		const url = new URL(callback);
		url.searchParams.set('request_id', task.requestId);
		url.searchParams.set('phone_number', maskedNumber(task.phoneNumber));
		url.searchParams.set('phone_status', task.phoneStatus);
		url.searchParams.set('task_id', taskId);
		const timer = setTimeout(() => {
			this.callbackTimers.delete(timer);
			const record: AccuAuthCallbackRecord = { at: Date.now(), url: url.toString(), status: null };
			this.callbacks.push(record);
			fetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) }).then(
				async (response) => {
					record.status = response.status;
					await response.body?.cancel();
				},
				(error: unknown) => {
					record.error = (error as Error).message;
				},
			);
		}, this.config.resultDelayMs);
		timer.unref();
		this.callbackTimers.add(timer);
	}

	/** Tasks are in creation order, so expired ones sit at the front. */
	private dropExpired(): void {
		const oldestAlive = Date.now() - this.config.taskTtlMs;
		for (const [taskId, task] of this.tasks) {
			if (task.createdAt > oldestAlive) break;
			this.tasks.delete(taskId);
		}
	}
}

function answer(status: AccuAuthStatusCode, reason?: string): SimResponse {
	const { http, reason: description } = ACCUAUTH_STATUS_CODES[status];
	return { status: http, body: { status, reason: reason ?? description, request_id: newRequestId() } };
}

/** Same shape as the page's example: TID + 32 hex. */
function newRequestId(): string {
	return `TID${randomBytes(16).toString('hex')}`;
}

function isHttpUrl(value: string): boolean {
	return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/** JSON or form-urlencoded body, values as strings; null if unreadable. */
function parseParams(req: SimRequest): Record<string, string> | null {
	const text = req.bodyText.trim();
	if (!text) return {};
	if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
	return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}
