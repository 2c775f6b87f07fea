import type { IDataObject } from 'n8n-workflow';

import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, linkedinLeads, pairedIndexes, requestsTo, runEnrow } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

function bulkBodies(): Array<{ searches: IDataObject[] }> {
	return requestsTo(sim, 'POST', '/phone/bulk').map((record) => JSON.parse(record.body) as { searches: IDataObject[] });
}

/** The profile Enrow says it searched is the one of the item the result was written to. */
function expectMatchedByIndex(items: IDataObject[], out: IDataObject[]) {
	expect(out).toHaveLength(items.length);
	out.forEach((json, position) => {
		expect(json.linkedin).toBe(items[position].linkedin);
		expect((json.params as IDataObject).linkedin_url).toBe(items[position].linkedin);
	});
}

describe('Enrow findPhonesBulk', () => {
	test('N in, N out: results listed out of order are matched to items by their index', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 60, bulkPerSearchMs: 2 });
		const items = linkedinLeads(40).map((item, index) => (index % 5 === 4 ? { ...item, linkedin: `${item.linkedin}-notfound` } : item));
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items });

		expect(result.status).toBe('success');
		const out = jsonOf(result.items);
		expectMatchedByIndex(items, out);
		expect(pairedIndexes(result.items)).toEqual(items.map((_, item) => ({ item })));
		out.forEach((json, position) => {
			expect(json).toMatchObject(position % 5 === 4 ? { qualification: 'not_found', creditsUsed: 0 } : { qualification: 'found', creditsUsed: 40 });
			expect(json.index).toBe(position);
		});
		// The node polled through "ongoing" (more than one read), and Enrow's list really is out of order.
		const reads = requestsTo(sim, 'GET', '/phone/bulk');
		expect(reads.length).toBeGreaterThan(1);
		const listed = await fetch(`${sim.urlFor('enrow')}/phone/bulk?id=${reads[0].query.id}`, { headers: { 'x-api-key': SIM_CREDENTIALS.enrow.apiKey } });
		const indexes = ((await listed.json()) as { results: Array<{ index: number }> }).results.map((entry) => entry.index);
		expect(indexes).not.toEqual([...indexes].sort((a, b) => a - b));
		expect(bulkBodies()).toHaveLength(1);
		expect(sim.vendors.enrow.charged).toHaveLength(32);
		expect(sim.vendors.enrow.credits).toBe(1_000_000 - 32 * 40);
	});

	test('3,500 items are sent as two bulk searches (3,000 + 500), one result per item', async () => {
		const items = linkedinLeads(3500);
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items, timeoutMs: 60_000 });

		expect(result.status).toBe('success');
		expect(bulkBodies().map((body) => body.searches.length)).toEqual([3000, 500]);
		expect(bulkBodies()[1].searches[0]).toEqual({ linkedin_url: items[3000].linkedin });
		expectMatchedByIndex(items, jsonOf(result.items));
		expect(result.items[3499].pairedItem).toEqual({ item: 3499 });
		expect(new Set(jsonOf(result.items).map((json) => json.searchId)).size).toBe(2);
	});

	test('items with bad input fail alone (Continue On Fail) and are not sent', async () => {
		const items: IDataObject[] = [
			{ linkedin: 'https://www.linkedin.com/in/holly' },
			{ first: 'Gabe' },
			{ first: 'Erin', last: 'Hannon', domain: 'dundermifflin.com' },
			{ linkedin: 'https://example.com/in/not-linkedin' },
		];
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items, continueOnFail: true });

		expect(result.status).toBe('success');
		const out = jsonOf(result.items);
		expect(pairedIndexes(result.items)).toEqual(items.map((_, item) => ({ item })));
		expect(out[0]).toMatchObject({ qualification: 'found', linkedin: items[0].linkedin });
		expect(out[1].error).toMatch(/give a LinkedIn URL/);
		expect(out[2]).toMatchObject({ qualification: 'found', first: 'Erin' });
		expect(out[3].error).toContain('is not a LinkedIn URL');
		expect(bulkBodies()[0].searches).toEqual([
			{ linkedin_url: items[0].linkedin },
			{ firstname: 'Erin', lastname: 'Hannon', company_domain: 'dundermifflin.com' },
		]);
	});

	test('without Continue On Fail a bad item fails the node before anything is sent', async () => {
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items: [{ linkedin: 'https://www.linkedin.com/in/a' }, {}] });
		expect(result.status).toBe('error');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(bulkBodies()).toHaveLength(0);
	});

	test('402 on a batch: every item of it gets the credits error, nothing retried or charged', async () => {
		sim.vendors.enrow.configure({ credits: 100 });
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items: linkedinLeads(5), continueOnFail: true });

		const out = jsonOf(result.items);
		expect(out).toHaveLength(5);
		for (const json of out) {
			expect(json).toMatchObject({ errorCode: '402', charged: 'no' });
			expect(json.error).toContain('Insufficient credits');
		}
		expect(bulkBodies()).toHaveLength(1);
		expect(sim.vendors.enrow.charged).toHaveLength(0);
	});

	test('a vendor 400 on a batch is shown as Enrow wrote it', async () => {
		sim.inject({ vendor: 'enrow', kind: 'vendorCode', code: 400, message: 'searches[0]: Invalid linkedin_url', match: '/phone/bulk' });
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items: linkedinLeads(2) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('searches[0]: Invalid linkedin_url');
	});

	test('a batch that does not finish in Max Wait fails with its search ID', async () => {
		const items = [...linkedinLeads(2), { linkedin: 'https://www.linkedin.com/in/neverdone-jan' }];
		const result = await runEnrow(sim, { operation: 'findPhonesBulk', items, options: { maxWaitSeconds: 0.3 }, continueOnFail: true });
		const out = jsonOf(result.items);
		const searchId = requestsTo(sim, 'GET', '/phone/bulk')[0].query.id;
		for (const json of out) {
			expect(json.error).toContain(`"${searchId}" was not finished`);
			expect(json.errorDescription).toContain('Get Bulk Result');
		}
	});
});
