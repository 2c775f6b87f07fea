import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, linkedinLeads, requestsTo, runEnrow, startEnrow, waitFor } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

/** Most POSTs the simulator accepted in any 1 s window. */
function peakPostsPerSecond(): number {
	const stamps = requestsTo(sim, 'POST', '/phone/single')
		.filter((record) => record.status === 201)
		.map((record) => record.at)
		.sort((a, b) => a - b);
	let peak = 0;
	for (let first = 0, last = 0; last < stamps.length; last++) {
		while (stamps[last] - stamps[first] >= 1000) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

describe('Enrow rate limit', () => {
	test('at the default 10 POST/s and high concurrency: no 429, polls not limited', async () => {
		const result = await runEnrow(sim, { operation: 'findPhone', items: linkedinLeads(25), options: { concurrency: 50 } });

		expect(result.status).toBe('success');
		expect(jsonOf(result.items).every((json) => json.found === true)).toBe(true);
		expect(sim.vendors.enrow.rateLimited).toBe(0);
		expect(peakPostsPerSecond()).toBeLessThanOrEqual(10);
	});

	test('above the vendor rate, 429s are retried with backoff and no search is started twice', async () => {
		const result = await runEnrow(sim, {
			operation: 'findPhone',
			items: linkedinLeads(24),
			options: { concurrency: 24, requestsPerSecond: 40 },
			timeoutMs: 30_000,
		});

		expect(result.status).toBe('success');
		expect(jsonOf(result.items).every((json) => json.found === true)).toBe(true);
		const enrow = sim.vendors.enrow;
		expect(enrow.rateLimited).toBeGreaterThan(0);
		expect(requestsTo(sim, 'POST', '/phone/single')).toHaveLength(24 + enrow.rateLimited);
		expect(new Set(enrow.charged.map((charge) => charge.ref)).size).toBe(24);
		expect(enrow.charged).toHaveLength(24);
	});
});

describe('Enrow cancel', () => {
	test('Stop during the wait ends findPhone within 1 s and starts no more searches', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 60_000 });
		const run = startEnrow(sim, { operation: 'findPhone', items: linkedinLeads(40), options: { concurrency: 5 }, timeoutMs: 30_000 });
		await waitFor(() => requestsTo(sim, 'POST', '/phone/single').length >= 5);
		const cancelledAt = Date.now();
		run.cancel();
		const result = await run.result;

		expect(Date.now() - cancelledAt).toBeLessThan(1000);
		expect(result.status).toBe('canceled');
		const postsAtCancel = requestsTo(sim, 'POST', '/phone/single').length;
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(requestsTo(sim, 'POST', '/phone/single')).toHaveLength(postsAtCancel);
		expect(postsAtCancel).toBeLessThanOrEqual(6);
	});

	test('Stop during a bulk wait ends findPhonesBulk within 1 s', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 60_000 });
		const run = startEnrow(sim, { operation: 'findPhonesBulk', items: linkedinLeads(10), timeoutMs: 30_000 });
		await waitFor(() => requestsTo(sim, 'GET', '/phone/bulk').length >= 1);
		const cancelledAt = Date.now();
		run.cancel();
		const result = await run.result;

		expect(Date.now() - cancelledAt).toBeLessThan(1000);
		expect(result.status).toBe('canceled');
	});
});
