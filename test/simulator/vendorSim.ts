import { SlidingWindowLimiter } from './slidingWindowLimiter';
import type { BaseVendorConfig, ChargeRecord, SimRequest, SimResponse, VendorName } from './types';

export interface VendorStats<TConfig> {
	config: TConfig;
	calls: Record<string, number>;
	charged: ChargeRecord[];
	rateLimited: number;
	[extra: string]: unknown;
}

/**
 * One imitated vendor. A new vendor is a subclass in `vendors/<name>/` plus one line in
 * `vendors/index.ts`; the server does routing, logging, faults, rate limiting and latency.
 */
export abstract class VendorSim<TConfig extends BaseVendorConfig> {
	abstract readonly name: VendorName;

	config: TConfig;
	/** Every billable answer, in order. */
	readonly charged: ChargeRecord[] = [];
	/** Requests received per endpoint (see endpointOf), faulted ones included. */
	readonly calls: Record<string, number> = {};
	/** 429s sent, by the limiter or by a rateLimit fault. */
	rateLimited = 0;

	readonly limiter = new SlidingWindowLimiter();
	private readonly startConfig: TConfig;

	constructor(defaults: TConfig, overrides: Partial<TConfig> = {}) {
		this.startConfig = { ...defaults };
		this.config = { ...defaults };
		this.configure(overrides);
		this.startConfig = { ...this.config };
	}

	/** Path prefixes this vendor answers under; the first is what urlFor returns. */
	get mounts(): string[] {
		return [`/${this.name}`];
	}

	/** Listeners of its own (e.g. a presigned-download host), opened and closed with the simulator. */
	async open(_host: string): Promise<void> {}

	async close(): Promise<void> {}

	/** Merges known keys of the same type; throws on anything else (the control API answers 400). */
	configure(partial: Partial<TConfig>): TConfig {
		for (const [key, value] of Object.entries(partial)) {
			if (value === undefined) continue;
			if (!(key in this.startConfig)) throw new Error(`${this.name} has no setting '${key}'`);
			const expected = typeof (this.startConfig as Record<string, unknown>)[key];
			if (typeof value !== expected) throw new Error(`${this.name}.${key} must be a ${expected}`);
		}
		const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
		this.config = { ...this.config, ...defined };
		return this.config;
	}

	/** Back to the configuration given at start, with no state and zeroed counters. */
	reset(): void {
		this.config = { ...this.startConfig };
		this.charged.length = 0;
		for (const endpoint of Object.keys(this.calls)) delete this.calls[endpoint];
		this.rateLimited = 0;
		this.limiter.clear();
		this.resetState();
	}

	countCall(req: SimRequest): void {
		const endpoint = this.endpointOf(req);
		this.calls[endpoint] = (this.calls[endpoint] ?? 0) + 1;
	}

	latencyMs(): number {
		return this.config.latencyMs + Math.random() * this.config.latencyJitterMs;
	}

	stats(): VendorStats<TConfig> {
		return {
			config: this.config,
			calls: { ...this.calls },
			charged: [...this.charged],
			rateLimited: this.rateLimited,
			...this.extraStats(),
		};
	}

	protected charge(record: Omit<ChargeRecord, 'at'>): void {
		this.charged.push({ at: Date.now(), ...record });
	}

	protected extraStats(): Record<string, unknown> {
		return {};
	}

	/** Drops vendor-held state (pending requests, daily counts, ...). */
	protected abstract resetState(): void;

	/** Name under which `calls` counts this request, e.g. 'handle'. */
	abstract endpointOf(req: SimRequest): string;

	/** The API key a request is rate limited by ('' when it carries none). */
	abstract rateLimitKey(req: SimRequest): string;

	/** HTTP 429 in the vendor's shape; the server adds Retry-After. */
	abstract rateLimitedResponse(): SimResponse;

	/** The vendor's own error envelope carrying `code`. */
	abstract vendorCodeResponse(code: number | string, message?: string): SimResponse;

	/** Default body for an injected HTTP status fault. */
	abstract httpErrorResponse(status: number): SimResponse;

	abstract handle(req: SimRequest): SimResponse | Promise<SimResponse>;
}

export type AnyVendorSim = VendorSim<BaseVendorConfig>;
