import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import type { SimRequest, SimResponse } from '../../types';
import { VendorSim } from '../../vendorSim';
import { type EnrowConfig, ENROW_TEST_CONFIG } from './config';
import { PostOnlyLimiter, UNLIMITED_KEY } from './postOnlyLimiter';
import { ENROW_CREDITS_PER_PHONE, ENROW_MESSAGES, readSearch } from './scenarios';
import type { SearchInput } from './scenarios';
import { SearchStore } from './searchStore';
import type { BulkSearch, SearchOutcome, Settlement, SingleSearch } from './searchStore';
import { sendWebhook } from './webhookSender';
import type { WebhookDelivery } from './webhookSender';

const ENDPOINTS: Record<string, string> = {
	'POST /phone/single': 'singleStart',
	'GET /phone/single': 'singleResult',
	'POST /phone/bulk': 'bulkStart',
	'GET /phone/bulk': 'bulkResult',
	'GET /account/info': 'accountInfo',
};

function jsonObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text || '{}');
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function webhookOf(body: Record<string, unknown>): string | undefined {
	const settings = body.settings as Record<string, unknown> | undefined;
	return typeof settings?.webhook === 'string' && settings.webhook ? settings.webhook : undefined;
}

interface ResultBody {
	params: Record<string, string>;
	qualification: string;
	custom?: unknown;
	number?: string;
	country?: string;
}

function resultBody(search: SearchInput, outcome: SearchOutcome): ResultBody {
	const body: ResultBody = { params: search.params, qualification: outcome.qualification };
	if (search.custom !== undefined) body.custom = search.custom;
	if (outcome.number) {
		body.number = outcome.number;
		body.country = outcome.country;
	}
	return body;
}

function message(status: number, text: string): SimResponse {
	return { status, body: { message: text } };
}

/** Enrow phone finder: single and bulk searches that finish over time, credits, webhooks. */
export class EnrowSim extends VendorSim<EnrowConfig> {
	readonly name = 'enrow' as const;

	override readonly limiter = new PostOnlyLimiter();

	/** Every webhook call made, in order. */
	readonly webhookDeliveries: WebhookDelivery[] = [];

	private readonly store = new SearchStore();
	private readonly timers = new Set<NodeJS.Timeout>();
	private balance!: number;

	constructor(overrides: Partial<EnrowConfig> = {}) {
		super(ENROW_TEST_CONFIG, overrides);
		this.balance = this.config.credits;
	}

	/** Setting `credits` also sets the balance, so a test can run an account dry. */
	override configure(partial: Partial<EnrowConfig>): EnrowConfig {
		const config = super.configure(partial);
		if (partial.credits !== undefined) this.balance = partial.credits;
		return config;
	}

	get credits(): number {
		return this.balance;
	}

	endpointOf(req: SimRequest): string {
		return ENDPOINTS[`${req.method} ${req.subPath}`] ?? 'unknown';
	}

	rateLimitKey(req: SimRequest): string {
		return req.method === 'POST' ? String(req.headers['x-api-key'] ?? '') : UNLIMITED_KEY;
	}

	rateLimitedResponse(): SimResponse {
		return message(429, ENROW_MESSAGES.tooManyRequests);
	}

	vendorCodeResponse(code: number | string, text?: string): SimResponse {
		const status = Number(code);
		return message(status >= 400 && status <= 599 ? status : 400, text ?? 'Simulated error');
	}

	httpErrorResponse(status: number): SimResponse {
		if (status === 402 || status === 422) return { status, body: { reason: ENROW_MESSAGES.insufficientCredits, success: false } };
		return message(status, STATUS_CODES[status] ?? 'Error');
	}

	handle(req: SimRequest): SimResponse {
		const endpoint = this.endpointOf(req);
		if (endpoint === 'unknown') return message(404, 'Not Found');
		const key = String(req.headers['x-api-key'] ?? '');
		if (key !== this.config.apiKey) return message(401, ENROW_MESSAGES.unauthorized);
		switch (endpoint) {
			case 'singleStart':
				return this.startSingle(key, req.bodyText);
			case 'singleResult':
				return this.singleResult(key, req.query.id);
			case 'bulkStart':
				return this.startBulk(key, req.bodyText);
			case 'bulkResult':
				return this.bulkResult(key, req.query.id);
			default:
				return { status: 200, body: { credits: this.balance, webhooks: [] } };
		}
	}

	protected resetState(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.store.clear();
		this.webhookDeliveries.length = 0;
		this.balance = this.config.credits;
	}

	protected extraStats(): Record<string, unknown> {
		return {
			credits: this.balance,
			singleSearches: this.store.singles.size,
			bulkSearches: this.store.bulks.size,
			webhookDeliveries: [...this.webhookDeliveries],
		};
	}

	private insufficientCredits(): SimResponse {
		return this.httpErrorResponse(this.config.insufficientCreditsStatus);
	}

	/** Credits are reserved at the start and refunded for searches that find nothing. */
	private reserve(searches: number): boolean {
		const needed = searches * ENROW_CREDITS_PER_PHONE;
		if (this.balance < needed) return false;
		this.balance -= needed;
		return true;
	}

	private settle(key: string, settlement: Settlement, found: Array<{ phone: string; ref: string }>): void {
		this.balance += settlement.refund;
		for (const { phone, ref } of found) this.charge({ key, phone, what: 'phoneFound', ref });
	}

	private later(at: number, action: () => void): void {
		if (!Number.isFinite(at)) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			action();
		}, Math.max(0, at - Date.now()));
		timer.unref();
		this.timers.add(timer);
	}

	private startSingle(key: string, bodyText: string): SimResponse {
		const body = jsonObject(bodyText);
		if (!body) return message(400, 'Body must be a JSON object');
		const search = readSearch(body);
		if (typeof search === 'string') return message(400, search);
		if (!this.reserve(1)) return this.insufficientCredits();
		const single = this.store.addSingle(key, search, this.config.searchDelayMs, webhookOf(body));
		this.later(single.finishAt, () => this.finishSingle(single));
		return {
			status: 201,
			body: { credits_used: ENROW_CREDITS_PER_PHONE, id: single.id, message: 'Phone search started', credits: { balance: this.balance } },
		};
	}

	private finishSingle(single: SingleSearch): void {
		const settlement = this.store.settleSingle(single);
		if (!settlement || !single.outcome) return;
		const phone = single.outcome.number;
		this.settle(single.key, settlement, phone ? [{ phone, ref: single.id }] : []);
		if (single.webhook) {
			const payload = {
				event: 'single_phone_search_finished',
				id: single.id,
				credits: { cost: settlement.cost },
				result: { id: single.id, ...resultBody(single.search, single.outcome) },
			};
			void sendWebhook(single.webhook, payload, this.webhookDeliveries);
		}
	}

	private singleResult(key: string, id: string | undefined): SimResponse {
		if (!id) return message(400, ENROW_MESSAGES.missingId);
		const single = this.store.singles.get(id);
		if (!single || single.key !== key) return message(400, ENROW_MESSAGES.singleNotFound);
		this.finishSingle(single);
		if (!single.outcome) return { status: 202, body: { id, qualification: 'ongoing', message: 'Search ongoing' } };
		return { status: 200, body: { id, ...resultBody(single.search, single.outcome) } };
	}

	private startBulk(key: string, bodyText: string): SimResponse {
		const body = jsonObject(bodyText);
		if (!body) return message(400, 'Body must be a JSON object');
		const { searches } = body;
		if (!Array.isArray(searches) || searches.length === 0 || searches.length > this.config.maxBulkSearches) {
			return message(400, ENROW_MESSAGES.badSearches.replace('{max}', String(this.config.maxBulkSearches)));
		}
		const read: SearchInput[] = [];
		for (const [index, entry] of searches.entries()) {
			const search = typeof entry === 'object' && entry !== null ? readSearch(entry as Record<string, unknown>) : ENROW_MESSAGES.missingFields;
			if (typeof search === 'string') return message(400, `${search} (searches[${index}])`);
			read.push(search);
		}
		if (!this.reserve(read.length)) return this.insufficientCredits();
		const { searchDelayMs, bulkPerSearchMs } = this.config;
		const bulk = this.store.addBulk(key, read, searchDelayMs, bulkPerSearchMs, body.custom, webhookOf(body));
		this.later(Math.max(...bulk.searches.map((search) => search.finishAt)), () => this.finishBulk(bulk));
		return {
			status: 201,
			body: {
				credits_used: read.length * ENROW_CREDITS_PER_PHONE,
				estimated_duration: Math.ceil((searchDelayMs + read.length * bulkPerSearchMs) / 1000),
				id: bulk.id,
				message: 'Bulk phone search started',
			},
		};
	}

	private finishBulk(bulk: BulkSearch): void {
		const settlement = this.store.settleBulk(bulk);
		if (!settlement) return;
		const found = bulk.searches.flatMap((search, index) =>
			search.outcome?.number ? [{ phone: search.outcome.number, ref: `${bulk.id}#${index}` }] : [],
		);
		this.settle(bulk.key, settlement, found);
		if (bulk.webhook) {
			const payload = { event: 'bulk_phone_search_finished', id: bulk.id, credits: { cost: settlement.cost } };
			void sendWebhook(bulk.webhook, payload, this.webhookDeliveries);
		}
	}

	private bulkResult(key: string, id: string | undefined): SimResponse {
		if (!id) return message(400, ENROW_MESSAGES.missingId);
		const bulk = this.store.bulks.get(id);
		if (!bulk || bulk.key !== key) return message(400, ENROW_MESSAGES.bulkNotFound);
		this.finishBulk(bulk);
		const requested = bulk.searches.length;
		if (!bulk.completed) {
			const finished = bulk.searches.filter((search) => search.outcome).length;
			return { status: 200, body: { general: { id, status: 'ongoing' }, stats: { finished, requested } } };
		}
		const results = bulk.searches.map((search, index) => ({ index, ...resultBody(search, search.outcome as SearchOutcome) }));
		if (this.config.shuffleBulkResults) results.sort((a, b) => shuffleKey(id, a.index).localeCompare(shuffleKey(id, b.index)));
		const found = results.filter((result) => result.qualification === 'found').length;
		return {
			status: 200,
			body: {
				general: { id, status: 'completed' },
				results,
				stats: {
					credits_cost: found * ENROW_CREDITS_PER_PHONE,
					credits_to_refund: (requested - found) * ENROW_CREDITS_PER_PHONE,
					found,
					requested,
				},
			},
		};
	}
}

function shuffleKey(id: string, index: number): string {
	return createHash('md5').update(`${id}:${index}`).digest('hex');
}
