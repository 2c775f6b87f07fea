import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Fault, Simulator } from '../simulator';
import type { RunResult } from '../harness/engine';
import { expectNoSecrets } from '../support/secretSweep';
import { phoneItems, runDigiscore } from './helpers';

type FaultSpec = { kind: Fault['kind'] } & Record<string, unknown>;
type Run = RunResult & { items: Array<{ json: Record<string, unknown> }> };

const WRONG_SECRET = 'wrong-ds-secret-7d21';
const twoItems = phoneItems(['081234567891', '081234560000']);
const oneByOne = { options: { concurrency: 1, maxWaitSeconds: 10 } };

/** Every token a simulator received: each is a secret-derived signature. */
function tokensSent(sim: Simulator): string[] {
	return sim.requestLog
		.map((record) => (JSON.parse(record.body || '{}') as { token?: string }).token)
		.filter((token): token is string => typeof token === 'string');
}

/** One scenario on a simulator of its own, so the scenarios' faults cannot meet each other's runs. */
async function scenario(play: (sim: Simulator) => Promise<Run[]>): Promise<{ runs: Run[]; tokens: string[] }> {
	const sim = await startSimulator();
	try {
		const runs = await play(sim);
		return { runs, tokens: tokensSent(sim) };
	} finally {
		await sim.close();
	}
}

describe('Digiscore: secrets sweep', () => {
	it('shows no secret, token or app key in any output, error or log line of the fault scenarios', async () => {
		// Retried faults come five times in a row so the first item runs out of tries (Continue On Fail).
		const retried: FaultSpec[] = [
			{ kind: 'status', status: 500 },
			{ kind: 'drop' },
			{ kind: 'malformed', match: 'query' },
			{ kind: 'rateLimit', retryAfterSeconds: 0 },
		];
		// Final answers also meet a run without Continue On Fail, which stops the node.
		const final: FaultSpec[] = [
			{ kind: 'status', status: 404, body: 'Not Found' },
			{ kind: 'vendorCode', code: 11008, message: 'phone format error' },
		];
		const scenarios = await Promise.all([
			...retried.map((fault) =>
				scenario(async (sim) => {
					sim.inject({ vendor: 'digiscore', ...fault, times: 5 } as Fault);
					return [await runDigiscore(sim, twoItems, { continueOnFail: true, parameters: oneByOne })];
				}),
			),
			...final.map((fault) =>
				scenario(async (sim) => {
					sim.inject({ vendor: 'digiscore', ...fault } as Fault);
					const withContinue = await runDigiscore(sim, twoItems, { continueOnFail: true, parameters: oneByOne });
					sim.inject({ vendor: 'digiscore', ...fault } as Fault);
					return [withContinue, await runDigiscore(sim, twoItems, { parameters: oneByOne })];
				}),
			),
			scenario(async (sim) => [
				await runDigiscore(sim, twoItems, { credentials: { secret: WRONG_SECRET } }),
				await runDigiscore(sim, phoneItems(['(0812) 345', '081234569999']), { continueOnFail: true, parameters: { options: { maxWaitSeconds: 1 } } }),
				await runDigiscore(sim, phoneItems(['081234569999']), { parameters: { options: { maxWaitSeconds: 1 } } }),
			]),
		]);
		const runs = scenarios.flatMap((played) => played.runs);
		const tokens = scenarios.flatMap((played) => played.tokens);

		expect(runs.filter((run) => run.status === 'error')).toHaveLength(4);
		expect(runs.flatMap((run) => run.items).filter((item) => item.json.error !== undefined)).toHaveLength(8);
		expect(tokens.length).toBeGreaterThan(30);
		expectNoSecrets(runs, [SIM_CREDENTIALS.digiscore.secret, WRONG_SECRET, SIM_CREDENTIALS.digiscore.appKey, ...tokens]);
	}, 60_000);
});
