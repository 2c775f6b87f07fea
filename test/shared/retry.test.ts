import { VendorError } from '../../nodes/shared/errors';
import type { VendorFailure } from '../../nodes/shared/errors';
import { backoffDelay, withRetry } from '../../nodes/shared/retry';
import { CancelledError } from '../../nodes/shared/wait';

const failure = (overrides: Partial<VendorFailure> = {}): VendorError =>
	new VendorError({ vendor: 'Test', code: '503', reason: 'down', kind: 'server', charged: 'no', retryable: true, ...overrides });

const fastPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

describe('retry', () => {
	it('retries retryable vendor errors and returns the first success', async () => {
		let calls = 0;
		const result = await withRetry(async () => {
			calls++;
			if (calls < 3) throw failure();
			return 'ok';
		}, fastPolicy, undefined);
		expect(result).toBe('ok');
		expect(calls).toBe(3);
	});

	it('stops at once on a final error', async () => {
		let calls = 0;
		await expect(
			withRetry(async () => {
				calls++;
				throw failure({ retryable: false, code: 'OUT_OF_QUOTA' });
			}, fastPolicy, undefined),
		).rejects.toThrow('OUT_OF_QUOTA');
		expect(calls).toBe(1);
	});

	it('gives up after the last try with the last error', async () => {
		let calls = 0;
		await expect(
			withRetry(async () => {
				calls++;
				throw failure({ code: `50${calls}` });
			}, fastPolicy, undefined),
		).rejects.toThrow('Test error 504');
		expect(calls).toBe(4);
	});

	it('never retries errors that are not vendor errors', async () => {
		let calls = 0;
		await expect(
			withRetry(async () => {
				calls++;
				throw new TypeError('bug');
			}, fastPolicy, undefined),
		).rejects.toThrow(TypeError);
		expect(calls).toBe(1);
	});

	it('grows the delay exponentially within the cap, with jitter', () => {
		const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
		for (let i = 0; i < 50; i++) {
			expect(backoffDelay(policy, 1)).toBeGreaterThanOrEqual(50);
			expect(backoffDelay(policy, 1)).toBeLessThanOrEqual(100);
			expect(backoffDelay(policy, 3)).toBeGreaterThanOrEqual(200);
			expect(backoffDelay(policy, 3)).toBeLessThanOrEqual(400);
			expect(backoffDelay(policy, 9)).toBeLessThanOrEqual(1000);
		}
	});

	it('honours Retry-After when the vendor asks for longer', () => {
		const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelay(policy, 1, 3000)).toBe(3000);
	});

	it('ends the wait between tries when the execution is stopped', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const run = withRetry(
			async () => {
				throw failure({ retryAfterMs: 60_000 });
			},
			{ maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
			controller.signal,
		);
		setTimeout(() => controller.abort(), 50);
		await expect(run).rejects.toThrow();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(CancelledError).toBeDefined();
	});
});
