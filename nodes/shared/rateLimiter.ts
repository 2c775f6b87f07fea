import { pause } from './wait';

/**
 * Spaces calls so one credential never exceeds its vendor's request rate. Shared by every
 * execution in this n8n process (each queue-mode worker has its own).
 */
export class RateLimiter {
	private nextSlotAt = 0;

	private readonly spacingMs: number;

	constructor(requestsPerSecond: number) {
		// A small margin keeps timer jitter and network reordering under the vendor's window.
		this.spacingMs = 1000 / (requestsPerSecond * 0.97);
	}

	async acquire(signal: AbortSignal | undefined): Promise<void> {
		const now = Date.now();
		const slotAt = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slotAt + this.spacingMs;
		if (slotAt > now) await pause(slotAt - now, signal);
	}
}

const limiters = new Map<string, RateLimiter>();

/** The limiter of one credential at one rate; a changed rate gets a fresh limiter. */
export function rateLimiterFor(key: string, requestsPerSecond: number): RateLimiter | undefined {
	if (!(requestsPerSecond > 0)) return undefined;
	const mapKey = `${key}@${requestsPerSecond}`;
	let limiter = limiters.get(mapKey);
	if (!limiter) {
		limiter = new RateLimiter(requestsPerSecond);
		limiters.set(mapKey, limiter);
	}
	return limiter;
}
