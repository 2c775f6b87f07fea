import { forEachConcurrent } from '../../nodes/shared/concurrency';
import { RateLimiter, rateLimiterFor } from '../../nodes/shared/rateLimiter';

describe('rate limiter', () => {
	it('never lets more calls through in any one-second window than the rate', async () => {
		const limiter = new RateLimiter(100);
		const times: number[] = [];
		await forEachConcurrent(150, 50, async () => {
			await limiter.acquire(undefined);
			times.push(Date.now());
		});
		times.sort((a, b) => a - b);
		for (let i = 0; i < times.length; i++) {
			const inWindow = times.filter((time) => time > times[i] - 1000 && time <= times[i]).length;
			expect(inWindow).toBeLessThanOrEqual(100);
		}
		// 150 calls at 100/s take about 1.5 s, not much more.
		expect(times[times.length - 1] - times[0]).toBeLessThan(1700);
	});

	it('keeps calls woken late by a blocked event loop within the rate in any one-second window', async () => {
		const limiter = new RateLimiter(20);
		// Once one call went through, every caller below waits for a slot ahead.
		await limiter.acquire(undefined);
		const times: number[] = [];
		const waiting = Array.from({ length: 40 }, async () => {
			await limiter.acquire(undefined);
			times.push(Date.now());
		});
		const blockedUntil = Date.now() + 600;
		while (Date.now() < blockedUntil);
		await Promise.all(waiting);
		times.sort((a, b) => a - b);
		for (const time of times) {
			expect(times.filter((other) => other > time - 1000 && other <= time).length).toBeLessThanOrEqual(20);
		}
	});

	it('is shared per credential and rate', () => {
		expect(rateLimiterFor('cred:1', 5)).toBe(rateLimiterFor('cred:1', 5));
		expect(rateLimiterFor('cred:1', 5)).not.toBe(rateLimiterFor('cred:2', 5));
		expect(rateLimiterFor('cred:1', 0)).toBeUndefined();
	});

	it('stops a waiting call when the execution is stopped', async () => {
		const limiter = new RateLimiter(0.1);
		await limiter.acquire(undefined);
		const controller = new AbortController();
		const waiting = limiter.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toThrow();
	});
});

describe('bounded concurrency', () => {
	it('never runs more than the limit at once and visits every index once', async () => {
		let running = 0;
		let peak = 0;
		const seen: number[] = [];
		await forEachConcurrent(40, 7, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setImmediate(resolve));
			seen.push(index);
			running--;
		});
		expect(peak).toBe(7);
		expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
	});

	it('starts nothing new once told to stop', async () => {
		const started: number[] = [];
		await forEachConcurrent(
			100,
			3,
			async (index) => {
				started.push(index);
			},
			() => started.length >= 5,
		);
		expect(started.length).toBeLessThanOrEqual(7);
	});
});
