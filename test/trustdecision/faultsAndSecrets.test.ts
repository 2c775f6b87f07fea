import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Fault, Simulator } from '../simulator';
import { expectNoSecrets } from '../support/secretSweep';
import { applicants, runTrustDecision, startTrustDecision } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

type FaultSpec = { kind: Fault['kind'] } & Record<string, unknown>;

describe('TrustDecision: faults, cancel and secrets', () => {
	it('ends a run waiting on a slow answer within 1 s of Stop', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'slow', delayMs: 20_000 });
		const handle = startTrustDecision(sim, applicants(['081234567891']));
		await new Promise((resolve) => setTimeout(resolve, 300));
		const stoppedAt = Date.now();
		handle.cancel();
		const run = await handle.result;
		expect(Date.now() - stoppedAt).toBeLessThan(1000);
		expect(run.status).not.toBe('success');
	});

	it('shows no secret in any output, error or log line of the fault scenarios', async () => {
		// Each fault is used up by the first run (Continue On Fail) or meets the second (stops the node).
		const faults: FaultSpec[] = [
			{ kind: 'status', status: 500, times: 5 },
			{ kind: 'drop' },
			{ kind: 'malformed' },
			{ kind: 'rateLimit', retryAfterSeconds: 0, times: 5 },
			{ kind: 'vendorCode', code: 11350, times: 2 },
			{ kind: 'status', status: 404, body: 'Not Found' },
		];
		const runs = [];
		for (const fault of faults) {
			sim.reset();
			sim.inject({ vendor: 'trustdecision', ...fault } as Fault);
			runs.push(await runTrustDecision(sim, applicants(['081234567891', '081234560303']), { continueOnFail: true }));
			sim.inject({ vendor: 'trustdecision', ...fault, times: 1 } as Fault);
			runs.push(await runTrustDecision(sim, applicants(['081234567891']), { parameters: { options: { concurrency: 1 } } }));
		}
		runs.push(await runTrustDecision(sim, applicants(['081234567891']), { credentials: { partnerKey: 'wrong-partner-key-5511' } }));
		runs.push(await runTrustDecision(sim, applicants(['(0812) 345', '081234560000']), { continueOnFail: true }));

		const failedRuns = runs.filter((run) => run.status === 'error').length;
		const errorItems = runs.flatMap((run) => run.items).filter((item) => item.json.error !== undefined).length;
		expect(failedRuns).toBe(4);
		expect(errorItems).toBeGreaterThanOrEqual(10);
		expectNoSecrets(runs, [SIM_CREDENTIALS.trustdecision.partnerKey, 'wrong-partner-key-5511']);
	}, 120_000);
});
