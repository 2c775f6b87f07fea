import type { RunResult } from '../harness/engine';
import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Fault, Simulator } from '../simulator';
import { expectNoSecrets } from '../support/secretSweep';
import { linkedinLeads, runEnrow } from './helpers';
import { serveTrigger } from './triggerRunner';

const WRONG_KEY = 'wrong-enrow-key-77e1c0d9';
const TRIGGER_SECRET = 'trigger-secret-0a8d4e61f2b7';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

const FAULTS: Fault[] = [
	{ vendor: 'enrow', kind: 'status', status: 500, times: 2 },
	{ vendor: 'enrow', kind: 'status', status: 402 },
	{ vendor: 'enrow', kind: 'vendorCode', code: 400, message: 'Invalid linkedin_url' },
	{ vendor: 'enrow', kind: 'rateLimit', times: 2 },
	{ vendor: 'enrow', kind: 'drop', times: 2 },
	{ vendor: 'enrow', kind: 'malformed' },
];

describe('Enrow: no secret in items, errors or logs', () => {
	test('fault scenarios, a wrong key, and a webhook URL carrying the trigger secret', async () => {
		const runs: Array<RunResult & { items: unknown[] }> = [];
		for (const fault of FAULTS) {
			sim.reset();
			sim.inject(fault);
			for (const operation of ['findPhone', 'findPhonesBulk']) {
				runs.push(await runEnrow(sim, { operation, items: linkedinLeads(2), continueOnFail: true, options: { requestTimeoutSeconds: 2 } }));
				runs.push(await runEnrow(sim, { operation, items: linkedinLeads(1), options: { requestTimeoutSeconds: 2 } }));
			}
		}
		sim.reset();
		runs.push(await runEnrow(sim, { operation: 'getAccountInfo', items: [{}], credentials: { apiKey: WRONG_KEY } }));
		runs.push(await runEnrow(sim, { operation: 'findPhone', items: linkedinLeads(1), credentials: { apiKey: WRONG_KEY }, continueOnFail: true }));
		runs.push(
			await runEnrow(sim, {
				operation: 'startSingleSearch',
				items: linkedinLeads(1),
				parameters: { webhookUrl: `https://n8n.example/webhook/x/enrow?secret=${TRIGGER_SECRET}` },
			}),
		);
		runs.push(await runEnrow(sim, { operation: 'startBulkSearch', items: linkedinLeads(1), parameters: { webhookUrl: `ftp://x?secret=${TRIGGER_SECRET}` } }));

		expect(runs.some((run) => run.status === 'error')).toBe(true);
		expect(runs.some((run) => JSON.stringify(run.runData).includes('"errorCode"'))).toBe(true);
		expectNoSecrets(runs, [SIM_CREDENTIALS.enrow.apiKey, WRONG_KEY]);
		// The webhook URL is a node parameter, and n8n copies the node (parameters included) into
		// execution errors and its debug log; what must not carry it is our output, messages and log lines.
		for (const run of runs) {
			const errors = Object.values(run.runData).flatMap((tasks) => tasks.map((task) => [task.error?.message, task.error?.description]));
			const ownLogs = run.logs.filter((line) => !line.includes('"parameters":'));
			const readable = JSON.stringify([run.items, run.error?.message, run.error?.description, errors, ownLogs]);
			expect(readable).not.toContain(TRIGGER_SECRET);
		}
	});

	test('the trigger logs refusals without the secret it was given or expects', async () => {
		const trigger = await serveTrigger({ secret: TRIGGER_SECRET }, { enrowApi: { apiKey: SIM_CREDENTIALS.enrow.apiKey, baseUrl: sim.urlFor('enrow') } });
		try {
			const guess = `${TRIGGER_SECRET}-guess`;
			const answer = await fetch(`${trigger.url}?secret=${guess}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
			expect(answer.status).toBe(403);
			const text = `${await answer.text()}\n${trigger.logs.join('\n')}`;
			expect(text).not.toContain(TRIGGER_SECRET);
			expect(trigger.logs.length).toBeGreaterThan(0);
		} finally {
			await trigger.close();
		}
	});
});
