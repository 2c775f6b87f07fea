import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, mexicanNumbers, phoneItems, requestsTo, runAccuAuth, startAccuAuth, waitUntil } from './helpers';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ vendors: { accuauth: { resultDelayMs: 30 } } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('AccuAuth: re-checks of temporary statuses', () => {
	test('are off by default: line_abnormal is output as it is, flagged "try again later"', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['7007'])));

		expect(run.items[0].json).toMatchObject({ phoneStatus: 'line_abnormal', tryAgainLater: true, reachable: false, checks: 1 });
		expect(requestsTo(sim, 'submit')).toHaveLength(1);
	});

	test('check the number again after the delay and output the settled status', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['7007', '7008', '0001'])), {
			options: { recheckTimes: 2, recheckDelaySeconds: 0.2 },
		});

		expect(run.status).toBe('success');
		expect(jsonOf(run.items).map((json) => [json.phoneStatus, json.checks])).toEqual([
			['ring', 2],
			['ring', 2],
			['ring', 1],
		]);
		const submitsOfFirst = requestsTo(sim, 'submit').filter((record) => JSON.parse(record.body).phone_number === '525512347007');
		expect(submitsOfFirst).toHaveLength(2);
		expect(submitsOfFirst[1].at - submitsOfFirst[0].at).toBeGreaterThanOrEqual(200);
		expect(sim.vendors.accuauth.charged).toHaveLength(5);
	});

	test('stop after the given number of re-checks when the status stays temporary', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0008'])), { options: { recheckTimes: 2, recheckDelaySeconds: 0.01 } });

		expect(run.items[0].json).toMatchObject({ phoneStatus: 'temp_unavailable', tryAgainLater: true, checks: 3 });
		expect(requestsTo(sim, 'submit')).toHaveLength(3);
	});
});

describe('AccuAuth: waiting', () => {
	test('the first status check comes "First Check After" the submit', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), { options: { firstCheckSeconds: 0.3 } });

		expect(run.status).toBe('success');
		const [submit] = requestsTo(sim, 'submit');
		const polls = requestsTo(sim, 'taskResult');
		expect(polls).toHaveLength(1);
		expect(polls[0].at - submit.at).toBeGreaterThanOrEqual(290);
	});

	test('a timeout names the task id and how to fetch it later', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['9999'])), { options: { maxWaitSeconds: 1 }, continueOnFail: true });

		const { error, errorDescription } = run.items[0].json as { error: string; errorDescription: string };
		const taskId = /^AccuAuth task "([0-9a-f]{32})" was still pending after 1 s$/.exec(error)?.[1];
		expect(taskId).toBeDefined();
		expect(errorDescription).toBe(`Fetch it later with the "Get Result" operation and task ID ${taskId} (valid 24 hours), or raise "Max Wait".`);
		expect(requestsTo(sim, 'taskResult').every((record) => JSON.parse(record.body).task_id === taskId)).toBe(true);
	});

	test('Stop ends a run that is polling within 1 s', async () => {
		const handle = startAccuAuth(sim, phoneItems(mexicanNumbers(['9999', '1999', '2999'])), { options: { checkIntervalSeconds: 5 } });
		await waitUntil(() => requestsTo(sim, 'taskResult').length > 0);
		const stoppedAt = Date.now();
		handle.cancel();
		const run = await handle.result;

		expect(Date.now() - stoppedAt).toBeLessThan(1000);
		expect(run.status).not.toBe('success');
	});

	test.each([
		['a re-check delay', ['0007'], { recheckTimes: 1, recheckDelaySeconds: 30 }, false],
		['a submit slot behind a slow submit', ['0011', '0012', '0013'], { concurrency: 1 }, true],
	])('Stop ends a run that waits for %s within 1 s', async (_, suffixes, options, slowFirstSubmit) => {
		if (slowFirstSubmit) sim.inject({ vendor: 'accuauth', kind: 'slow', delayMs: 20_000, match: 'phone_number/o1' });
		const handle = startAccuAuth(sim, phoneItems(mexicanNumbers(suffixes)), { options });
		await waitUntil(() => requestsTo(sim, slowFirstSubmit ? 'submit' : 'taskResult').length > 0);
		await sleep(100);
		expect(requestsTo(sim, 'submit')).toHaveLength(1);
		const stoppedAt = Date.now();
		handle.cancel();
		const run = await handle.result;

		expect(Date.now() - stoppedAt).toBeLessThan(1000);
		expect(run.status).not.toBe('success');
		expect(requestsTo(sim, 'submit')).toHaveLength(1);
	});
});
