import { pause } from './wait';

const WINDOW_MS = 1000;

/**
 * Spaces calls so one credential never exceeds its vendor's request rate. Shared by every
 * execution in this n8n process (each queue-mode worker has its own).
 */
export class RateLimiter {
	private nextSlotAt = 0;

	private readonly spacingMs: number;

	private readonly perWindow: number;

	/** How long perWindow calls take at the spaced rate, never under 1 s: the margin kept in time, not in calls. */
	private readonly windowMs: number;

	/** When the calls of the last second were let through, oldest first. */
	private readonly grantedAt: number[] = [];

	constructor(requestsPerSecond: number) {
		// A small margin keeps timer jitter and network reordering under the vendor's window.
		this.spacingMs = 1000 / (requestsPerSecond * 0.97);
		this.perWindow = Math.max(1, Math.floor(requestsPerSecond));
		this.windowMs = Math.max(WINDOW_MS, this.perWindow * this.spacingMs);
	}

	async acquire(signal: AbortSignal | undefined): Promise<void> {
		const now = Date.now();
		const slotAt = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slotAt + this.spacingMs;
		if (slotAt > now) await pause(slotAt - now, signal);
		// Callers woken late by a busy event loop would go out together: also cap any one-second window.
		for (;;) {
			const at = Date.now();
			while (this.grantedAt.length > 0 && this.grantedAt[0] <= at - this.windowMs) this.grantedAt.shift();
			if (this.grantedAt.length < this.perWindow) {
				this.grantedAt.push(at);
				return;
			}
			await pause(this.grantedAt[0] + this.windowMs - at + 1, signal);
		}
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
