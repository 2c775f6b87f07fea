import { startNode } from '../harness/engine';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { expectNoSecrets } from '../support/secretSweep';
import { API_KEY, checkParameters, ekycproCredentials, rows, runEkycpro } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const phones = ['+12025550102', '+12025550101', '+447911123456'];

describe('ekycpro failures', () => {
	it('fails the node on a failed task, naming the task, with the first item index', async () => {
		sim.vendors.ekycpro.configure({ taskOutcome: 'failed' });
		const run = await runEkycpro(sim, rows(phones));

		const taskId = sim.vendors.ekycpro.charged[0].ref;
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(`ekycpro error task_failed: Task ${taskId} failed after 1 of 3 numbers (may have been charged)`);
		expect(run.error?.description).toContain('compare "Get Balance" before and after');
		expect(run.error?.context).toMatchObject({ itemIndex: 0 });
		expect(sim.vendors.ekycpro.resultHost.requests).toHaveLength(0);
	});

	it('with Continue On Fail, a failed task gives an error item for each of its rows and the other tasks their verdicts', async () => {
		const run = await runEkycpro(sim, rows(phones), { options: { maxNumbersPerTask: 2 } });
		expect(run.status).toBe('success');
		sim.reset();
		sim.vendors.ekycpro.configure({ taskOutcome: 'failed' });
		const failed = await runEkycpro(sim, rows(phones), { continueOnFail: true, options: { maxNumbersPerTask: 2, parallelTasks: 1 } });

		expect(failed.status).toBe('success');
		expect(failed.items).toHaveLength(3);
		failed.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ row: index + 1, errorCode: 'task_failed', charged: 'unknown' });
		});
	});

	it('reports a 400 (bad task type) at once as free, without retrying', async () => {
		const run = await runEkycpro(sim, rows(phones), { parameters: { taskType: 'custom', customTaskType: 'not_a_type' } });

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('ekycpro error invalid_task_type: Unsupported task_type "not_a_type" (not charged)');
		expect(run.error?.description).toContain('check the task type');
		expect(sim.vendors.ekycpro.calls.createTask).toBe(1);
		expect(sim.vendors.ekycpro.charged).toHaveLength(0);
	});

	it('retries a 500 on upload ("retry later", free) and a 429 while polling, and charges once', async () => {
		sim.inject({ vendor: 'ekycpro', kind: 'status', status: 500, match: '/v1/tasks', times: 2 });
		sim.inject({ vendor: 'ekycpro', kind: 'rateLimit', retryAfterSeconds: 0, match: '/v1/gettasks', times: 2 });
		const run = await runEkycpro(sim, rows(phones));

		expect(run.status).toBe('success');
		expect(run.items[0].json.registered).toBe(true);
		expect(sim.vendors.ekycpro.calls.createTask).toBe(3);
		expect(sim.vendors.ekycpro.charged).toHaveLength(1);
		expect(sim.vendors.ekycpro.rateLimited).toBe(2);
	});

	it('gives up on a 500 that does not go away with the vendor\'s words', async () => {
		sim.inject({ vendor: 'ekycpro', kind: 'status', status: 500, match: '/v1/tasks', times: 10 });
		const run = await runEkycpro(sim, rows(phones));

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('ekycpro error 500: Internal server error, retry later (not charged)');
		expect(sim.vendors.ekycpro.calls.createTask).toBe(5);
	}, 30_000);

	it('stops at once on the daily limit with a clear message, without waiting for the next day', async () => {
		sim.vendors.ekycpro.configure({ dailyLimit: 2 });
		const startedAt = Date.now();
		const run = await runEkycpro(sim, rows(phones));

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('ekycpro error daily_limit_exceeded: Daily limit of 2 numbers reached (0 used today) (not charged)');
		expect(run.error?.description).toMatch(/daily limit of this ekycpro account is used up until \d{4}-\d\d-\d\dT00:00:00/);
		expect(sim.vendors.ekycpro.calls.createTask).toBe(1);
		expect(Date.now() - startedAt).toBeLessThan(3000);
	});

	it('rejects a wrong API key as a credential problem', async () => {
		const run = await runEkycpro(sim, rows(phones), { credentials: { apiKey: 'wrong-ekycpro-key-9d1e' } });

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('ekycpro error unauthorized: Invalid or missing API key (not charged)');
		expect(run.error?.description).toContain('Check the API key');
	});

	it('ends the wait at "Max Wait" with the task id to fetch later', async () => {
		sim.vendors.ekycpro.configure({ processingMs: 10_000 });
		const run = await runEkycpro(sim, rows(phones), { options: { maxWaitSeconds: 1, pollIntervalSeconds: 0.2 } });

		const taskId = sim.vendors.ekycpro.charged[0].ref;
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(new RegExp(`^ekycpro task ${taskId} had no results after 1 s$`));
		expect(run.error?.description).toContain(`"Get Results" operation and task ID ${taskId}`);
	});

	it('stops waiting within 1 s of Stop', async () => {
		sim.vendors.ekycpro.configure({ processingMs: 30_000 });
		const handle = startNode({ type: 'ekycpro', parameters: { ...checkParameters, options: { pollIntervalSeconds: 5 } }, credentials: ekycproCredentials(sim), items: rows(phones) });
		while (!sim.vendors.ekycpro.calls.createTask) await new Promise((resolve) => setTimeout(resolve, 20));
		const stoppedAt = Date.now();
		handle.cancel();
		const run = await handle.result;

		expect(Date.now() - stoppedAt).toBeLessThan(1000);
		expect(run.status).not.toBe('success');
	});

	it('shows the API key in no output, error or log line of the failure scenarios', async () => {
		const runs = [];
		const scenarios: Array<() => void> = [
			() => sim.vendors.ekycpro.configure({ taskOutcome: 'failed' }),
			() => sim.vendors.ekycpro.configure({ taskOutcome: 'zipBombLying' }),
			() => sim.vendors.ekycpro.configure({ expiredLinks: 5 }),
			() => sim.vendors.ekycpro.configure({ dailyLimit: 1 }),
			() => sim.inject({ vendor: 'ekycpro', kind: 'status', status: 500, times: 10 }),
			() => sim.inject({ vendor: 'ekycpro', kind: 'malformed', match: '/v1/gettasks' }),
			() => sim.inject({ vendor: 'ekycpro', kind: 'drop', match: '/v1/tasks' }),
			() => sim.inject({ vendor: 'ekycpro', kind: 'status', status: 400, body: { error: 'invalid_batch_size', message: `bad batch for X-API-Key: ${API_KEY}` } }),
		];
		for (const scenario of scenarios) {
			for (const continueOnFail of [true, false]) {
				sim.reset();
				scenario();
				runs.push(await runEkycpro(sim, rows(continueOnFail ? [...phones, 'bad number'] : phones), { continueOnFail }));
			}
		}
		runs.push(await runEkycpro(sim, rows(phones), { credentials: { apiKey: 'wrong-ekycpro-key-9d1e' } }));

		expect(runs.filter((run) => run.status === 'error')).toHaveLength(9);
		expect(runs.flatMap((run) => run.items).filter((item) => item.json.error !== undefined).length).toBeGreaterThanOrEqual(8 * 4);
		expectNoSecrets(runs, [API_KEY, 'wrong-ekycpro-key-9d1e']);
	}, 120_000);
});
