import { PollTimeoutError } from '../../nodes/shared/errors';
import { pollUntilDone } from '../../nodes/shared/poller';

const schedule = { firstDelayMs: 20, intervalMs: 10, maxIntervalMs: 40, growth: 2, timeoutMs: 2000 };
const timeoutError = (waitedMs: number) => new PollTimeoutError(`task "t-1" not done after ${waitedMs} ms`, 'Use "Get Result" with t-1');

describe('poller', () => {
	it('checks until done, waiting first, then at growing intervals up to the cap', async () => {
		const checkTimes: number[] = [];
		const started = Date.now();
		const value = await pollUntilDone({
			check: async () => {
				checkTimes.push(Date.now() - started);
				return checkTimes.length === 5 ? { done: true, value: 'result' } : { done: false };
			},
			schedule,
			signal: undefined,
			timeoutError,
		});
		expect(value).toBe('result');
		expect(checkTimes[0]).toBeGreaterThanOrEqual(18);
		const gaps = checkTimes.slice(1).map((time, i) => time - checkTimes[i]);
		// 10, 20, 40, 40 ms: grows, then stays at the cap.
		expect(gaps[0]).toBeGreaterThanOrEqual(8);
		expect(gaps[2]).toBeGreaterThanOrEqual(35);
		expect(gaps[3]).toBeLessThan(80);
	});

	it('fails with the error naming the task when the time limit passes', async () => {
		let checks = 0;
		const started = Date.now();
		await expect(
			pollUntilDone({
				check: async () => {
					checks++;
					return { done: false };
				},
				schedule: { ...schedule, timeoutMs: 200 },
				signal: undefined,
				timeoutError,
			}),
		).rejects.toThrow(/task "t-1" not done after \d+ ms/);
		expect(Date.now() - started).toBeLessThan(500);
		expect(checks).toBeGreaterThan(2);
	});

	it('ends at once when the execution is stopped', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const waiting = pollUntilDone({
			check: async () => ({ done: false }),
			schedule: { ...schedule, firstDelayMs: 60_000, timeoutMs: 120_000 },
			signal: controller.signal,
			timeoutError,
		});
		setTimeout(() => controller.abort(), 30);
		await expect(waiting).rejects.toThrow();
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('passes on a failing check at once', async () => {
		await expect(
			pollUntilDone({
				check: async () => {
					throw new Error('vendor said no');
				},
				schedule,
				signal: undefined,
				timeoutError,
			}),
		).rejects.toThrow('vendor said no');
	});
});
