import { NodeConnectionTypes } from 'n8n-workflow';

import { runWorkflow, testCredential } from '../harness/engine';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { API_KEY, ekycproCredentials, rows, runEkycpro, uploadedLists } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const main = (node: string) => ({ main: [[{ node, type: NodeConnectionTypes.Main, index: 0 }]] });

describe('ekycpro createTask -> getTask -> getResults, getBalance, credential test', () => {
	it('submits, then checks and reads the results in later nodes of the same workflow', async () => {
		sim.vendors.ekycpro.configure({ processingMs: 400 });
		const run = await runWorkflow({
			workflow: {
				nodes: [
					{ name: 'Rows', type: 'itemsSource', parameters: { items: JSON.stringify(rows(['+12025550102', '+12025550103', '+12025550102', '+12025550000'])) } },
					{ name: 'Submit', type: 'ekycpro', parameters: { operation: 'createTask', taskType: 'ws', phoneNumber: '={{ $json.phone }}' } },
					{ name: 'Status', type: 'ekycpro', parameters: { operation: 'getTask', taskId: '={{ $json.taskId }}' } },
					{ name: 'Results', type: 'ekycpro', parameters: { operation: 'getResults', taskId: '={{ $json.taskId }}', options: { pollIntervalSeconds: 0.05 } } },
				],
				connections: { Rows: main('Submit'), Submit: main('Status'), Status: main('Results') },
			},
			credentials: ekycproCredentials(sim),
		});

		expect(run.status).toBe('success');
		const taskId = sim.vendors.ekycpro.charged[0].ref;
		const submitted = run.output('Submit');
		expect(submitted).toHaveLength(1);
		expect(submitted[0].json).toMatchObject({ taskId, status: 'pending', total: 3, numbers: 3, taskType: 'ws' });
		expect(submitted[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
		expect(await uploadedLists(sim)).toEqual([['+12025550102', '+12025550103', '+12025550000']]);
		expect(run.output('Status')[0].json).toMatchObject({ taskId, ready: false, total: 3 });
		expect(run.output('Results').map((item) => item.json)).toEqual([
			{ phoneNumber: '+12025550102', registered: true, whatsapp: 'yes', taskId },
			{ phoneNumber: '+12025550103', registered: false, whatsapp: 'no', taskId },
		]);
	});

	it('gives invalid numbers of a submit their own error items and uploads the rest', async () => {
		const run = await runEkycpro(sim, rows(['x', '+12025550102']), { parameters: { operation: 'createTask' }, continueOnFail: true });

		expect(run.items.map((item) => [item.json.error ?? item.json.taskId, item.pairedItem])).toEqual([
			['Invalid phone number "x"', { item: 0 }],
			[sim.vendors.ekycpro.charged[0].ref, [{ item: 1 }]],
		]);
	});

	it('gets the status, progress and link of a task, and its results per number or as a file', async () => {
		sim.vendors.ekycpro.configure({ processingMs: 1500, resultFormat: 'zipXlsx' });
		const submit = await runEkycpro(sim, rows(['+12025550102', '+12025550103', '+12025550000']), { parameters: { operation: 'createTask', taskType: 'tg_active' } });
		const { taskId } = submit.items[0].json;

		const early = await runEkycpro(sim, [{ taskId }], { parameters: { operation: 'getTask', taskId: '={{ $json.taskId }}' } });
		expect(early.items[0].json).toMatchObject({ taskId, ready: false, total: 3, resultUrl: null });
		expect(['pending', 'processing']).toContain(early.items[0].json.status);

		const notYet = await runEkycpro(sim, [{ taskId }], {
			parameters: { operation: 'getResults', taskId: '={{ $json.taskId }}' },
			options: { waitUntilReady: false },
			continueOnFail: true,
		});
		expect(notYet.items[0].json.error).toMatch(new RegExp(`^Task ${taskId} is not ready yet \\(status (pending|processing)\\)$`));

		const results = await runEkycpro(sim, [{ taskId }], { parameters: { operation: 'getResults', taskId: '={{ $json.taskId }}' }, options: { pollIntervalSeconds: 0.05 } });
		expect(results.items.map((item) => item.json)).toEqual([
			{ phoneNumber: '+12025550102', registered: false, telegram_days: 'N/A', taskId },
			{ phoneNumber: '+12025550103', registered: true, telegram_days: '1', taskId },
		]);
		expect(results.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);

		const done = await runEkycpro(sim, [{ taskId }], { parameters: { operation: 'getTask', taskId: '={{ $json.taskId }}' } });
		expect(done.items[0].json).toMatchObject({ status: 'exported', ready: true, success: 2, failure: 1, progressPercent: 100 });
		expect(done.items[0].json.resultUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/externalcheck\/.+\.zip\?X-Amz-Algorithm=/);

		const file = await runEkycpro(sim, [{ taskId }], { parameters: { operation: 'getResults', taskId: '={{ $json.taskId }}', output: 'file' } });
		expect(file.items[0].json).toEqual({ taskId, fileName: `${taskId}.zip` });
		expect(file.items[0].binary?.data).toMatchObject({ mimeType: 'application/zip', fileName: `${taskId}.zip` });
	});

	it('tells an unknown task id apart', async () => {
		const run = await runEkycpro(sim, [{ taskId: 'd4g24nep2jvh04o9uoh0' }], { parameters: { operation: 'getTask', taskId: '={{ $json.taskId }}' } });
		expect(run.error?.message).toBe('ekycpro error task_not_found: Task not found (not charged)');
		expect(run.error?.description).toContain('ekycpro does not know task "d4g24nep2jvh04o9uoh0" for this API key');
	});

	it('reads the balance and today\'s use', async () => {
		sim.vendors.ekycpro.configure({ dailyLimit: 1000 });
		await runEkycpro(sim, rows(['+12025550102', '+12025550103']));
		const run = await runEkycpro(sim, [{}], { parameters: { operation: 'getBalance' } });

		expect(run.items).toEqual([
			{
				json: { status: 'active', balance: 9_999_998, credit: 0, usedToday: 2, dailyLimit: 1000, resetTime: expect.stringMatching(/T00:00:00\.000Z$/) },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('tests the credential on the balance endpoint', async () => {
		const base = { baseUrl: 'custom', customBaseUrl: `${sim.urlFor('ekycpro')}/` };
		expect(await testCredential('ekycproApi', { ...base, apiKey: API_KEY })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await testCredential('ekycproApi', { ...base, apiKey: 'wrong-key-5566' })).toEqual({ status: 'Error', message: 'ekycpro rejected the API key' });
		expect(new Set(sim.requestLog.map((record) => `${record.method} ${record.path}`))).toEqual(new Set(['GET /ekycpro/v1/balance']));
	});
});
