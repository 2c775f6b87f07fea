import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, testCredential } from '../harness/engine';
import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { enrowCredentials, FAST_OPTIONS, jsonOf, linkedinLeads, MAPPED_INPUT, requestsTo, runEnrow } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

/** Items -> Enrow (start) -> Enrow (get), as a user chains them. */
async function runChain(items: IDataObject[], start: INodeParameters, get: INodeParameters) {
	const main = (node: string) => ({ main: [[{ node, type: 'main' as const, index: 0 }]] });
	return await runWorkflow({
		workflow: {
			nodes: [
				{ name: 'Items', type: 'itemsSource', parameters: { items: JSON.stringify(items) } },
				{ name: 'Start', type: 'enrow', parameters: { ...MAPPED_INPUT, ...start, options: { ...FAST_OPTIONS, ...(start.options as IDataObject) } as INodeParameters } },
				{ name: 'Get', type: 'enrow', parameters: { searchId: '={{ $json.searchId }}', ...get } },
			],
			connections: { Items: main('Start'), Start: main('Get') },
		},
		credentials: enrowCredentials(sim),
	});
}

describe('Enrow start and get operations', () => {
	test('startSingleSearch returns the ID at once (webhook sent as settings.webhook); getSingleResult reads it', async () => {
		const items = [{ linkedin: 'https://www.linkedin.com/in/kelly-kapoor' }, { linkedin: 'https://www.linkedin.com/in/ryan-notfound' }];
		const result = await runChain(
			items,
			{ operation: 'startSingleSearch', webhookUrl: 'https://n8n.example/webhook/abc/enrow?secret=s3' },
			{ operation: 'getSingleResult' },
		);

		expect(result.status).toBe('success');
		const started = jsonOf(result.output('Start'));
		expect(started.map((json) => json.creditsReserved)).toEqual([40, 40]);
		expect(started.every((json) => typeof json.searchId === 'string' && json.webhook === true)).toBe(true);
		const bodies = requestsTo(sim, 'POST', '/phone/single').map((record) => JSON.parse(record.body) as IDataObject);
		expect(bodies[0]).toEqual({ linkedin_url: items[0].linkedin, settings: { webhook: 'https://n8n.example/webhook/abc/enrow?secret=s3' } });

		const got = jsonOf(result.output('Get'));
		expect(got[0]).toMatchObject({ searchId: started[0].searchId, qualification: 'found', creditsUsed: 40 });
		expect(got[1]).toMatchObject({ searchId: started[1].searchId, qualification: 'not_found', number: null });
		expect(result.output('Get').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('getSingleResult says "ongoing" while Enrow is still searching', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 60_000 });
		const result = await runChain(linkedinLeads(1), { operation: 'startSingleSearch' }, { operation: 'getSingleResult' });
		expect(jsonOf(result.output('Get'))[0]).toMatchObject({ qualification: 'ongoing', found: false });
	});

	test('startBulkSearch returns one item per batch paired with its items; getBulkResult unfolds the results', async () => {
		const items = linkedinLeads(5);
		const result = await runChain(
			items,
			{ operation: 'startBulkSearch', webhookUrl: 'https://n8n.example/webhook/abc/enrow?secret=s3', options: { batchSize: 3 } },
			{ operation: 'getBulkResult' },
		);

		expect(result.status).toBe('success');
		const started = result.output('Start');
		expect(started).toHaveLength(2);
		expect(started[0].json).toMatchObject({ searches: 3, itemIndexes: [0, 1, 2], creditsReserved: 120, webhook: true });
		expect(started[1].pairedItem).toEqual([{ item: 3 }, { item: 4 }]);
		const bodies = requestsTo(sim, 'POST', '/phone/bulk').map((record) => JSON.parse(record.body) as IDataObject);
		expect(bodies[0].settings).toEqual({ webhook: 'https://n8n.example/webhook/abc/enrow?secret=s3' });

		const got = jsonOf(result.output('Get'));
		expect(got).toHaveLength(5);
		expect(got.map((json) => json.index)).toEqual([0, 1, 2, 0, 1]);
		expect(got.map((json) => (json.params as IDataObject).linkedin_url)).toEqual(items.map((item) => item.linkedin));
	});

	test('getBulkResult shows the progress of a running bulk search, or the answer as one item', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 60_000 });
		const running = await runChain(linkedinLeads(3), { operation: 'startBulkSearch' }, { operation: 'getBulkResult' });
		expect(jsonOf(running.output('Get'))).toEqual([
			{ searchId: jsonOf(running.output('Start'))[0].searchId, status: 'ongoing', finished: 0, requested: 3 },
		]);

		sim.vendors.enrow.configure({ searchDelayMs: 0 });
		const whole = await runChain(linkedinLeads(3), { operation: 'startBulkSearch' }, { operation: 'getBulkResult', output: 'perSearch' });
		const answer = jsonOf(whole.output('Get'));
		expect(answer).toHaveLength(1);
		expect(answer[0]).toMatchObject({ general: { status: 'completed' }, stats: { requested: 3, found: 3, credits_cost: 120 } });
	});

	test('an unknown search ID is the vendor\'s 400, as written', async () => {
		const result = await runEnrow(sim, { operation: 'getBulkResult', items: [{ id: 'nope' }], parameters: { searchId: '={{ $json.id }}' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Could not retrieve bulk search results');
	});

	test('getAccountInfo reads the credit balance', async () => {
		const result = await runEnrow(sim, { operation: 'getAccountInfo', items: [{}] });
		expect(jsonOf(result.items)).toEqual([{ credits: 1_000_000, webhooks: [] }]);
	});
});

describe('enrowApi credential test', () => {
	test('a good key passes, a wrong key fails', async () => {
		const good = await testCredential('enrowApi', { apiKey: SIM_CREDENTIALS.enrow.apiKey, baseUrl: sim.urlFor('enrow') });
		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		const bad = await testCredential('enrowApi', { apiKey: 'wrong-key', baseUrl: sim.urlFor('enrow') });
		expect(bad.status).toBe('Error');
		const [first, ...rest] = requestsTo(sim, 'GET', '/account/info').map((record) => record.status);
		expect(first).toBe(200);
		expect(rest.length).toBeGreaterThan(0);
		expect(rest.every((status) => status === 401)).toBe(true);
	});
});
