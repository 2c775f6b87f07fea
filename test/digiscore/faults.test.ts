import { DIGISCORE_SIM_CODES, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { phoneItems, runDigiscore, sentBodies, startDigiscore } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const NEVER_READY = '081234569999';

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('Digiscore: retries, faults, time limits and Stop', () => {
	it('retries 429 and 5xx on handle and query, then succeeds, charging once', async () => {
		sim.inject({ vendor: 'digiscore', kind: 'rateLimit', match: 'handle', retryAfterSeconds: 0, times: 2 });
		sim.inject({ vendor: 'digiscore', kind: 'status', status: 500, match: 'handle' });
		sim.inject({ vendor: 'digiscore', kind: 'status', status: 503, match: 'query', times: 2 });
		const run = await runDigiscore(sim, phoneItems(['081234567891']));

		expect(run.status).toBe('success');
		expect(run.items[0].json).toMatchObject({ telcoType: 'prepaid', charged: true });
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 4, query: 3 });
		expect(sim.vendors.digiscore.rateLimited).toBe(2);
		expect(sim.vendors.digiscore.charged).toHaveLength(1);
	});

	it('meets the simulator\'s own per-key limit, waits as Retry-After says and finishes every item', async () => {
		sim.vendors.digiscore.configure({ rateLimitPerSecond: 3 });
		const run = await runDigiscore(sim, phoneItems(['081234567891', '081234567892', '081234567893', '081234567894', '081234567895']), {
			parameters: { options: { concurrency: 5, requestsPerSecond: 100, maxWaitSeconds: 20 } },
		});
		expect(run.status).toBe('success');
		expect(run.items.map((item) => item.json.charged)).toEqual([true, true, true, true, true]);
		expect(sim.vendors.digiscore.rateLimited).toBeGreaterThan(0);
		expect(sim.vendors.digiscore.charged).toHaveLength(5);
	}, 30_000);

	it('re-sends after a dropped connection or malformed JSON (both calls are safe to repeat), charging once', async () => {
		sim.inject({ vendor: 'digiscore', kind: 'drop', match: 'handle' });
		sim.inject({ vendor: 'digiscore', kind: 'malformed', match: 'handle' });
		sim.inject({ vendor: 'digiscore', kind: 'drop', match: 'query' });
		sim.inject({ vendor: 'digiscore', kind: 'malformed', match: 'query' });
		const run = await runDigiscore(sim, phoneItems(['081234567891']));

		expect(run.status).toBe('success');
		expect(run.items[0].json.telcoType).toBe('prepaid');
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 3, query: 3 });
		expect(sim.vendors.digiscore.charged).toHaveLength(1);
	});

	it('does not charge twice when a query answer is lost after the vendor billed it', async () => {
		sim.inject({ vendor: 'digiscore', kind: 'slow', match: 'query', delayMs: 1500 });
		const run = await runDigiscore(sim, phoneItems(['081234567891']), {
			parameters: { options: { requestTimeoutSeconds: 1, maxWaitSeconds: 10 } },
		});

		expect(run.status).toBe('success');
		expect(sim.vendors.digiscore.calls.query).toBe(2);
		await until(() => sim.requestLog.every((record) => record.status !== null));
		expect(sim.vendors.digiscore.charged).toHaveLength(1);
		expect(new Set(sentBodies(sim, 'query').map((body) => body.requestId)).size).toBe(1);
	});

	it('gives up on a body that stays malformed, naming the call and the request ID', async () => {
		sim.inject({ vendor: 'digiscore', kind: 'malformed', match: 'query', times: 10 });
		const run = await runDigiscore(sim, phoneItems(['081234567891']), { continueOnFail: true });

		const [requestId] = sentBodies(sim, 'query').map((body) => body.requestId);
		expect(run.items[0].json).toMatchObject({
			error: 'Digiscore error UNEXPECTED_RESPONSE: Digiscore answered the query (result) with something that is not JSON (HTTP 200) (may have been charged)',
			vendorRequestId: requestId,
		});
		expect(sim.vendors.digiscore.calls.query).toBe(5);
	}, 20_000);

	it('reports a wrong app key or secret as a credential error, not charged, without retrying', async () => {
		const wrongSecret = await runDigiscore(sim, phoneItems(['081234567891']), { credentials: { secret: 'not-the-secret-9f3a' } });
		expect(wrongSecret.status).toBe('error');
		expect(wrongSecret.error?.message).toBe(`Digiscore error ${DIGISCORE_SIM_CODES.tokenFailed}: token verification failed (not charged)`);
		expect(wrongSecret.error?.description).toContain('Check the app key, secret and environment in the Digiscore credential.');

		const wrongKey = await runDigiscore(sim, phoneItems(['081234567891', '081234567892']), {
			continueOnFail: true,
			credentials: { appKey: 'someone-elses-key' },
		});
		expect(wrongKey.items.map((item) => item.json.errorCode)).toEqual([String(DIGISCORE_SIM_CODES.tokenFailed), String(DIGISCORE_SIM_CODES.tokenFailed)]);
		expect(wrongKey.items[0].json.charged).toBe('no');
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 3 });
		expect(sim.vendors.digiscore.charged).toHaveLength(0);
	});

	it('times out a request that never finishes with its request ID and "Get Result" in the message', async () => {
		const run = await runDigiscore(sim, phoneItems([NEVER_READY]), { parameters: { options: { maxWaitSeconds: 2 } } });
		const [requestId] = sentBodies(sim, 'query').map((body) => body.requestId);

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(`Digiscore has no result yet for request ID "${requestId}" after 2 s`);
		expect(run.error?.description).toContain(`Use the "Get Result" operation with request ID ${requestId}`);
		expect(sim.vendors.digiscore.calls.query).toBeGreaterThanOrEqual(2);
		expect(sim.vendors.digiscore.charged).toHaveLength(0);
	});

	it('times out getResult the same way', async () => {
		const run = await runDigiscore(sim, phoneItems([NEVER_READY]), { parameters: { operation: 'submit' } });
		const { requestId } = run.items[0].json;
		const fetched = await runDigiscore(sim, [{ requestId }], {
			continueOnFail: true,
			parameters: { operation: 'getResult', requestId: '={{ $json.requestId }}', options: { maxWaitSeconds: 1 } },
		});
		expect(fetched.items[0].json.error).toBe(`Digiscore has no result yet for request ID "${String(requestId)}" after 1 s`);
	});

	it('ends a poll within 1 s of Stop', async () => {
		const handle = startDigiscore(sim, phoneItems([NEVER_READY, NEVER_READY]), { parameters: { options: { maxWaitSeconds: 60 } } });
		await until(() => (sim.vendors.digiscore.calls.query ?? 0) >= 2);
		const stoppedAt = Date.now();
		handle.cancel();
		const run = await handle.result;
		const stopMs = Date.now() - stoppedAt;

		expect(stopMs).toBeLessThan(1000);
		expect(run.status).not.toBe('success');
		const queriesAtStop = sim.vendors.digiscore.calls.query;
		await new Promise((resolve) => setTimeout(resolve, 1200));
		expect(sim.vendors.digiscore.calls.query).toBe(queriesAtStop);
	});
});
