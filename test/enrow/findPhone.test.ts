import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, pairedIndexes, requestsTo, runEnrow } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

describe('Enrow findPhone', () => {
	test('one search per item, waits through "ongoing", returns number, country, qualification and credits', async () => {
		sim.vendors.enrow.configure({ searchDelayMs: 120 });
		const items = [
			{ linkedin: 'https://www.linkedin.com/in/michael-scott' },
			{ first: 'Dwight', last: 'Schrute', domain: 'dundermifflin.com' },
			{ first: 'Creed', last: 'Notfound', company: 'Dunder Mifflin' },
		];
		const result = await runEnrow(sim, { operation: 'findPhone', items });

		expect(result.status).toBe('success');
		const out = jsonOf(result.items);
		expect(out).toHaveLength(3);
		expect(pairedIndexes(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0]).toMatchObject({ qualification: 'found', found: true, country: 'US', creditsUsed: 40, linkedin: items[0].linkedin });
		expect(out[0].number).toMatch(/^\+1570555\d{4}$/);
		expect(out[1]).toMatchObject({ qualification: 'found', found: true, creditsUsed: 40 });
		expect(out[2]).toMatchObject({ qualification: 'not_found', found: false, number: null, country: null, creditsUsed: 0 });

		const singleGets = requestsTo(sim, 'GET', '/phone/single');
		expect(singleGets.some((record) => record.status === 202)).toBe(true);
		const bodies = requestsTo(sim, 'POST', '/phone/single').map((record) => JSON.parse(record.body));
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ linkedin_url: items[0].linkedin },
				{ firstname: 'Dwight', lastname: 'Schrute', company_domain: 'dundermifflin.com' },
				{ firstname: 'Creed', lastname: 'Notfound', company_name: 'Dunder Mifflin' },
			]),
		);
		expect(sim.vendors.enrow.charged).toHaveLength(2);
		expect(sim.vendors.enrow.credits).toBe(1_000_000 - 80);
	});
});

describe('Enrow findPhone: input and vendor errors', () => {
	test('the SDK spelling of the name fields is sent only when chosen', async () => {
		const result = await runEnrow(sim, {
			operation: 'findPhone',
			items: [{ first: 'Jim', last: 'Halpert', domain: 'dundermifflin.com' }],
			options: { nameFieldStyle: 'sdk' },
		});
		expect(result.status).toBe('success');
		expect(JSON.parse(requestsTo(sim, 'POST', '/phone/single')[0].body)).toEqual({
			first_name: 'Jim',
			last_name: 'Halpert',
			company_domain: 'dundermifflin.com',
		});
	});

	test('custom is sent with the search and returned with its result', async () => {
		const result = await runEnrow(sim, {
			operation: 'findPhone',
			items: [{ linkedin: 'https://www.linkedin.com/in/pam-beesly', leadId: 'L-7' }],
			parameters: { custom: '={{ JSON.stringify({ leadId: $json.leadId }) }}' },
		});
		expect(result.status).toBe('success');
		expect(JSON.parse(requestsTo(sim, 'POST', '/phone/single')[0].body).custom).toEqual({ leadId: 'L-7' });
		expect(result.items[0].json.custom).toEqual({ leadId: 'L-7' });
	});

	test('Continue On Fail: bad input and a vendor 400 become error items in place; the rest succeed', async () => {
		const items = [
			{ linkedin: 'https://www.linkedin.com/in/andy-bernard' },
			{ first: 'Kevin', last: 'Malone' },
			{ linkedin: 'https://www.linkedin.com/company/dunder-mifflin' },
			{ linkedin: 'not a url' },
			{ linkedin: 'https://www.linkedin.com/in/toby-notfound' },
		];
		const result = await runEnrow(sim, { operation: 'findPhone', items, continueOnFail: true });

		expect(result.status).toBe('success');
		const out = jsonOf(result.items);
		expect(pairedIndexes(result.items)).toEqual(items.map((_, item) => ({ item })));
		expect(out[0]).toMatchObject({ qualification: 'found' });
		expect(out[1].error).toMatch(/give a LinkedIn URL, or a first name, last name and company/);
		expect(out[2]).toMatchObject({ errorCode: '400', charged: 'no' });
		expect(out[2].error).toContain('Invalid linkedin_url');
		expect(out[3].error).toContain('is not a LinkedIn URL');
		expect(out[4]).toMatchObject({ qualification: 'not_found' });
		// Only the three usable rows reached Enrow; the vendor's 400 was not retried.
		expect(requestsTo(sim, 'POST', '/phone/single')).toHaveLength(3);
	});

	test('without Continue On Fail the first bad item fails the node with its index', async () => {
		const result = await runEnrow(sim, {
			operation: 'findPhone',
			items: [{ linkedin: 'https://www.linkedin.com/in/oscar' }, { linkedin: 'https://www.linkedin.com/company/x' }],
			options: { concurrency: 1 },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Invalid linkedin_url');
		expect(result.error?.message).toContain('not charged');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});

	test.each([402, 422])('insufficient credits (HTTP %i) is a clear error, not retried, nothing charged', async (status) => {
		sim.vendors.enrow.configure({ credits: 80, insufficientCreditsStatus: status });
		const items = [
			{ linkedin: 'https://www.linkedin.com/in/stanley' },
			{ linkedin: 'https://www.linkedin.com/in/phyllis' },
			{ linkedin: 'https://www.linkedin.com/in/meredith' },
		];
		const result = await runEnrow(sim, { operation: 'findPhone', items, continueOnFail: true, options: { concurrency: 1 } });

		const out = jsonOf(result.items);
		expect(out.slice(0, 2).every((json) => json.qualification === 'found')).toBe(true);
		expect(out[2]).toMatchObject({ errorCode: String(status), charged: 'no' });
		expect(out[2].error).toContain('Insufficient credits');
		expect(out[2].errorDescription).toMatch(/Not enough Enrow credits/);
		expect(requestsTo(sim, 'POST', '/phone/single')).toHaveLength(3);
		expect(sim.vendors.enrow.charged).toHaveLength(2);
	});

	test('a search that never finishes fails after Max Wait, naming its search ID', async () => {
		const result = await runEnrow(sim, {
			operation: 'findPhone',
			items: [{ linkedin: 'https://www.linkedin.com/in/neverdone-ryan' }],
			options: { maxWaitSeconds: 0.3 },
		});
		expect(result.status).toBe('error');
		const searchId = requestsTo(sim, 'GET', '/phone/single')[0].query.id;
		expect(result.error?.message).toContain(`"${searchId}" had no result`);
		expect(result.error?.description).toContain('Get Single Result');
	});
});
