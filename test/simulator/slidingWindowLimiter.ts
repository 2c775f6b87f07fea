const WINDOW_MS = 1000;

/** Per-key sliding 1 s window; only accepted requests take a place in the window. */
export class SlidingWindowLimiter {
	private readonly acceptedAt = new Map<string, number[]>();

	/** Returns 0 when the request is accepted, else the seconds until a place frees up. */
	take(key: string, limitPerSecond: number, now = Date.now()): number {
		if (!limitPerSecond || limitPerSecond <= 0) return 0;
		const stamps = (this.acceptedAt.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
		if (stamps.length >= limitPerSecond) {
			this.acceptedAt.set(key, stamps);
			return Math.max(1, Math.ceil((stamps[0] + WINDOW_MS - now) / 1000));
		}
		stamps.push(now);
		this.acceptedAt.set(key, stamps);
		return 0;
	}

	clear(): void {
		this.acceptedAt.clear();
	}
}
