import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { enrowCredentials, jsonOf, linkedinLeads, runEnrow, waitFor } from './helpers';
import { serveTrigger } from './triggerRunner';
import type { ServedTrigger } from './triggerRunner';

const SECRET = 'trigger-secret-5b0e8f7d2c41a9';

let sim: Simulator;
let trigger: ServedTrigger;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

afterEach(async () => {
	await trigger?.close();
});

async function post(url: string, body: unknown) {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, body: (await response.json()) as IDataObject };
}

async function serve(parameters: IDataObject = {}) {
	trigger = await serveTrigger({ secret: SECRET, ...parameters }, enrowCredentials(sim));
	return trigger;
}

const singleNotice = {
	event: 'single_phone_search_finished',
	id: 'c5a1e0d2-1111-4aaa-9bbb-000000000001',
	credits: { cost: 40 },
	result: {
		params: { linkedin_url: 'https://www.linkedin.com/in/michael-scott' },
		custom: { leadId: 'L-1' },
		number: '+15705551234',
		country: 'US',
		qualification: 'found',
	},
};

describe('Enrow Trigger: the secret', () => {
	test('a call without the secret is refused with 401 and starts nothing', async () => {
		const { url, runs } = await serve();
		const answer = await post(url, singleNotice);
		expect(answer.status).toBe(401);
		expect(answer.body.message).toContain('Missing "secret"');
		expect(runs).toHaveLength(0);
	});

	test('a call with a wrong secret is refused with 403 and starts nothing', async () => {
		const { url, runs, logs } = await serve();
		const answer = await post(`${url}?secret=guess`, singleNotice);
		expect(answer.status).toBe(403);
		expect(runs).toHaveLength(0);
		expect(logs.some((line) => line.includes('Enrow Trigger refused a call: Wrong secret'))).toBe(true);
	});

	test('a single-search notice with the secret starts a run with its result', async () => {
		const { url, runs } = await serve();
		const answer = await post(`${url}?secret=${SECRET}`, singleNotice);

		expect(answer).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		await waitFor(() => runs.length === 1);
		expect(runs[0].run.status).toBe('success');
		expect(jsonOf(runs[0].items)).toEqual([
			{
				event: 'single_phone_search_finished',
				searchId: singleNotice.id,
				qualification: 'found',
				found: true,
				number: '+15705551234',
				country: 'US',
				creditsUsed: 40,
				custom: { leadId: 'L-1' },
			},
		]);
	});

	test('an event that is not selected is acknowledged without a run; a body that is not a notice gets 400', async () => {
		const { url, runs } = await serve({ events: ['bulk_phone_search_finished'] });
		expect((await post(`${url}?secret=${SECRET}`, singleNotice)).status).toBe(200);
		expect((await post(`${url}?secret=${SECRET}`, { hello: 'world' })).status).toBe(400);
		expect(runs).toHaveLength(0);
	});
});

describe('Enrow Trigger with the simulator calling it', () => {
	test('bulk: Enrow node starts a bulk search with the trigger URL; the notice run emits one item per result', async () => {
		const { url, runs } = await serve();
		const items = [...linkedinLeads(3), { linkedin: 'https://www.linkedin.com/in/kevin-notfound' }];
		const started = await runEnrow(sim, { operation: 'startBulkSearch', items, parameters: { webhookUrl: `${url}?secret=${SECRET}` } });
		expect(started.status).toBe('success');
		const searchId = started.items[0].json.searchId;

		await waitFor(() => runs.length === 1);
		expect(sim.vendors.enrow.webhookDeliveries).toEqual([expect.objectContaining({ event: 'bulk_phone_search_finished', id: searchId, status: 200 })]);
		const out = jsonOf(runs[0].items);
		expect(out).toHaveLength(4);
		expect(out.map((json) => json.index)).toEqual([0, 1, 2, 3]);
		expect(out.map((json) => (json.params as IDataObject).linkedin_url)).toEqual(items.map((item) => item.linkedin));
		expect(out[0]).toMatchObject({ event: 'bulk_phone_search_finished', searchId, qualification: 'found', creditsUsed: 40 });
		expect(out[3]).toMatchObject({ qualification: 'not_found', number: null, creditsUsed: 0 });
	});

	test('bulk with "Fetch Bulk Results" off: the notice itself is the item, nothing fetched', async () => {
		const { url, runs } = await serve({ fetchBulkResults: false });
		await runEnrow(sim, { operation: 'startBulkSearch', items: linkedinLeads(2), parameters: { webhookUrl: `${url}?secret=${SECRET}` } });
		await waitFor(() => runs.length === 1);
		expect(jsonOf(runs[0].items)).toEqual([
			{ event: 'bulk_phone_search_finished', searchId: expect.any(String), creditsUsed: 80 },
		]);
		expect(sim.requestLog.filter((record) => record.method === 'GET')).toHaveLength(0);
	});

	test('single: Enrow node starts a search with the trigger URL; the run carries the result', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 50 });
		const { url, runs } = await serve();
		const started = await runEnrow(sim, {
			operation: 'startSingleSearch',
			items: [{ linkedin: 'https://www.linkedin.com/in/angela-martin' }],
			parameters: { webhookUrl: `${url}?secret=${SECRET}` },
		});
		await waitFor(() => runs.length === 1);
		expect(jsonOf(runs[0].items)[0]).toMatchObject({
			event: 'single_phone_search_finished',
			searchId: started.items[0].json.searchId,
			qualification: 'found',
			creditsUsed: 40,
		});
	});

	test('a failed fetch still starts the run with the notice and the reason, so the search ID is not lost', async () => {
		const { url, runs } = await serve();
		sim.inject({ vendor: 'enrow', kind: 'status', status: 401, body: { message: 'Invalid API key' }, match: '/phone/bulk', times: 1 });
		const notice = { event: 'bulk_phone_search_finished', id: 'b-404', credits: { cost: 0 } };
		expect((await post(`${url}?secret=${SECRET}`, notice)).status).toBe(200);
		await waitFor(() => runs.length === 1);
		const [item] = jsonOf(runs[0].items);
		expect(item).toMatchObject({ event: 'bulk_phone_search_finished', searchId: 'b-404' });
		expect(item.resultsError).toContain('Invalid API key');
	});
});
