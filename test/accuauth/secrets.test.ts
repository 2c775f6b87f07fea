import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Fault, Simulator } from '../simulator';
import { expectNoSecrets } from '../support/secretSweep';
import { mexicanNumbers, phoneItems, runAccuAuth } from './helpers';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

type FaultSpec = { kind: Fault['kind'] } & Record<string, unknown>;

const WRONG_SECRET = 'wrong-aa-secret-8812';

describe('AccuAuth: secrets', () => {
	test('no secret in any output, error or log line of the fault scenarios', async () => {
		// Each fault is used up by the first run (Continue On Fail) or meets the second (stops the node).
		const faults: FaultSpec[] = [
			{ kind: 'status', status: 500, times: 5 },
			{ kind: 'drop' },
			{ kind: 'malformed' },
			{ kind: 'rateLimit', retryAfterSeconds: 0, times: 5 },
			{ kind: 'vendorCode', code: 'OUT_OF_QUOTA' },
			{ kind: 'status', status: 404, body: 'Not Found' },
			{ kind: 'status', status: 400, body: { status: 'INVALID_ARGUMENT', reason: 'task_id not found or expired' }, match: 'task_result' },
		];
		const runs = [];
		for (const fault of faults) {
			sim.reset();
			sim.inject({ vendor: 'accuauth', ...fault } as Fault);
			runs.push(await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001', '0403'])), { continueOnFail: true }));
			sim.inject({ vendor: 'accuauth', ...fault, times: 1 } as Fault);
			runs.push(await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), { options: { concurrency: 1 } }));
		}
		runs.push(await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), { credentials: { apiSecret: WRONG_SECRET } }));
		runs.push(await runAccuAuth(sim, phoneItems(['(55) 12', ...mexicanNumbers(['0400', '0402', '0405', '9999'])]), {
			continueOnFail: true,
			options: { maxWaitSeconds: 1 },
		}));

		const failedRuns = runs.filter((run) => run.status === 'error').length;
		const errorItems = runs.flatMap((run) => run.items).filter((item) => item.json.error !== undefined).length;
		expect(failedRuns).toBeGreaterThanOrEqual(5);
		expect(errorItems).toBeGreaterThanOrEqual(12);
		expectNoSecrets(runs, [SIM_CREDENTIALS.accuauth.apiSecret, SIM_CREDENTIALS.accuauth.apiId, WRONG_SECRET]);
	}, 60_000);
});
