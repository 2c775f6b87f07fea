import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, mexicanNumbers, phoneItems, requestsTo, runAccuAuth } from './helpers';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ vendors: { accuauth: { resultDelayMs: 300 } } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const getResult = { operation: 'getResult', taskId: '={{ $json.taskId }}' };

describe('AccuAuth Submit and Get Result', () => {
	test('Submit returns the task id without waiting, or the result AccuAuth gives at once', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001', '8004'])), { parameters: { operation: 'submit' } });

		expect(run.status).toBe('success');
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [pending, immediate] = jsonOf(run.items);
		expect(pending).toMatchObject({ phoneNumberSent: '525512340001', done: false });
		expect(pending.taskId).toMatch(/^[0-9a-f]{32}$/);
		expect(pending.requestId).toMatch(/^TID/);
		expect(immediate).toMatchObject({ phoneNumberSent: '525512348004', done: true, phoneStatus: 'busy', reachable: true, taskId: null });
		expect(requestsTo(sim, 'taskResult')).toHaveLength(0);
	});

	test('Get Result answers done: false while the task is pending, then the status once it is ready', async () => {
		const submitted = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0003', '0006'])), { parameters: { operation: 'submit' } });
		const tasks = jsonOf(submitted.items).map(({ taskId }) => ({ taskId }));

		const early = await runAccuAuth(sim, tasks, { parameters: getResult });
		expect(jsonOf(early.items)).toEqual([
			{ taskId: tasks[0].taskId, done: false, requestId: expect.stringMatching(/^TID/) },
			{ taskId: tasks[1].taskId, done: false, requestId: expect.stringMatching(/^TID/) },
		]);

		await new Promise((resolve) => setTimeout(resolve, 350));
		const ready = await runAccuAuth(sim, tasks, { parameters: getResult });
		expect(ready.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(jsonOf(ready.items).map((json) => [json.taskId, json.done, json.phoneStatus, json.reachable])).toEqual([
			[tasks[0].taskId, true, 'empty', false],
			[tasks[1].taskId, true, 'outside_service_area', false],
		]);
		expect(sim.vendors.accuauth.charged).toHaveLength(2);
	});

	test('Get Result with "Wait for Result" polls through PENDING until the status is there', async () => {
		const submitted = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0002'])), { parameters: { operation: 'submit' } });
		const { taskId } = submitted.items[0].json;

		const run = await runAccuAuth(sim, [{ taskId }], { parameters: getResult, options: { waitForResult: true } });

		expect(run.items[0].json).toMatchObject({ taskId, done: true, phoneStatus: 'connected' });
		const polls = requestsTo(sim, 'taskResult');
		expect(polls.length).toBeGreaterThan(1);
		expect(polls.slice(0, -1).every((record) => record.status === 400)).toBe(true);
	});

	test('an empty task id fails that item only', async () => {
		const run = await runAccuAuth(sim, [{ taskId: '' }], { parameters: getResult, continueOnFail: true });

		expect(run.items[0].json.error).toBe('The task ID is empty');
		expect(requestsTo(sim, 'taskResult')).toHaveLength(0);
	});
});
