import { digiscoreToken, DIGISCORE_SIM_CODES, SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { phoneItems, runDigiscore, sentBodies } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('Digiscore: operations through the n8n engine', () => {
	it('checkActivity gives one item per input item, in order, with pairedItem, the number in both forms and the data', async () => {
		const phones = ['0812 3456 7891', '+62 812-3456-7892', '6281234567893', '081234567704', '(0812) 3456-7815'];
		const run = await runDigiscore(sim, phoneItems(phones));

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(5);
		run.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.row).toBe(index + 1);
			expect(item.json.phoneNumber).toBe(phones[index]);
			expect(item.json.charged).toBe(true);
			expect(item.json.requestId).toMatch(/^[0-9a-f]{28}$/);
		});
		expect(run.items.map((item) => item.json.phoneNumberSent)).toEqual(['81234567891', '81234567892', '81234567893', '81234567704', '81234567815']);
		// The simulator derives the data from the last digits: odd -> prepaid, even -> postpaid.
		expect(run.items[0].json).toMatchObject({
			userPhone: '6281234567891',
			telcoType: 'prepaid',
			telcoTypeCode: 1,
			activeLevel: 'high',
			topUpFrequency: 'low',
		});
		expect(run.items[3].json).toMatchObject({ telcoType: 'postpaid', telcoTypeCode: 2, activeLevel: 'high', topUpFrequency: 'medium' });
		expect(sim.vendors.digiscore.charged).toHaveLength(5);
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 5, query: 5 });
	});

	it('signs every request: appKey and the MD5 token in the body, never the secret', async () => {
		await runDigiscore(sim, phoneItems(['081234567891']));
		const bodies = [...sentBodies(sim, 'handle'), ...sentBodies(sim, 'query')];
		expect(bodies).toHaveLength(2);
		expect(Object.keys(bodies[0]).sort()).toEqual(['appKey', 'phone', 'token']);
		expect(Object.keys(bodies[1]).sort()).toEqual(['appKey', 'requestId', 'token']);
		for (const body of bodies) {
			const { token, ...signed } = body as Record<string, string>;
			expect(body.appKey).toBe(SIM_CREDENTIALS.digiscore.appKey);
			expect(token).toBe(digiscoreToken(signed, SIM_CREDENTIALS.digiscore.secret));
			expect(token).toMatch(/^[0-9a-f]{32}$/);
		}
		expect(sim.requestLog.map((record) => record.body).join('\n')).not.toContain(SIM_CREDENTIALS.digiscore.secret);
	});

	it('reports "data not available" in words and whether it was charged', async () => {
		const run = await runDigiscore(sim, phoneItems(['081234560000', '081234561111']));
		expect(run.status).toBe('success');
		expect(run.items[0].json).toMatchObject({ telcoType: 'not_available', telcoTypeCode: 0, activeLevel: 'NA', topUpFrequency: 'NA', charged: false });
		expect(run.items[1].json).toMatchObject({ telcoType: 'not_available', charged: true });
		expect(sim.vendors.digiscore.charged.map((charge) => charge.phone)).toEqual(['81234561111']);
	});

	it('fails only the items with an invalid or non-Indonesian-mobile number when Continue On Fail is on', async () => {
		const phones = ['081234567891', '(0812) 345', '+1 202 555 1234', '+62 21 5550 1234', '081234567894'];
		const run = await runDigiscore(sim, phoneItems(phones), { continueOnFail: true });

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(5);
		expect(run.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(run.items[0].json.telcoType).toBe('prepaid');
		expect(run.items[1].json.error).toBe('Invalid phone number "(0812) 345"');
		expect(run.items[2].json.error).toBe('Digiscore does not check numbers of +1 ("+1 202 555 1234")');
		expect(run.items[3].json.error).toBe('"+62 21 5550 1234" is not an Indonesian mobile number');
		expect(run.items[3].json.errorDescription).toContain('start with 8');
		expect(run.items[4].json.telcoType).toBe('postpaid');
		expect(run.items[1].json.row).toBe(2);
		expect(sim.vendors.digiscore.calls.handle).toBe(2);
		expect(sim.vendors.digiscore.charged).toHaveLength(2);
	});

	it('stops with the failing item\'s index when Continue On Fail is off, starting nothing after it', async () => {
		const run = await runDigiscore(sim, phoneItems(['081234567891', '(0812) 345', '081234567893']), {
			parameters: { options: { concurrency: 1, maxWaitSeconds: 10 } },
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Invalid phone number "(0812) 345"');
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
		expect(sim.vendors.digiscore.calls.handle).toBe(1);
	});

	it('reads numbers without a country code with the Default Country option (Indonesia when none is set)', async () => {
		const asMalaysian = await runDigiscore(sim, phoneItems(['012-345 6789']), {
			continueOnFail: true,
			parameters: { options: { defaultCountry: 'MY', maxWaitSeconds: 10 } },
		});
		expect(asMalaysian.items[0].json.error).toBe('Digiscore does not check numbers of +60 ("012-345 6789")');

		const withoutDefault = await runDigiscore(sim, phoneItems(['0812 3456 7891']), {
			parameters: { options: { defaultCountry: '', maxWaitSeconds: 10 } },
		});
		expect(withoutDefault.items[0].json.phoneNumberSent).toBe('81234567891');
	});

	it('submit returns request IDs without charging; getResult fetches them, in order, with pairedItem', async () => {
		const submitted = await runDigiscore(sim, phoneItems(['081234567891', '081234567802']), {
			parameters: { operation: 'submit', options: { includeInputFields: false } },
		});
		expect(submitted.status).toBe('success');
		expect(submitted.items.map((item) => item.json)).toEqual([
			{ phoneNumber: '081234567891', phoneNumberSent: '81234567891', requestId: expect.stringMatching(/^[0-9a-f]{28}$/), charged: false },
			{ phoneNumber: '081234567802', phoneNumberSent: '81234567802', requestId: expect.stringMatching(/^[0-9a-f]{28}$/), charged: false },
		]);
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 2 });
		expect(sim.vendors.digiscore.charged).toHaveLength(0);

		const fetched = await runDigiscore(sim, submitted.items.map((item) => item.json), {
			parameters: { operation: 'getResult', requestId: '={{ $json.requestId }}' },
		});
		expect(fetched.status).toBe('success');
		expect(fetched.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fetched.items.map((item) => item.json.requestId)).toEqual(submitted.items.map((item) => item.json.requestId));
		expect(fetched.items.map((item) => item.json.telcoType)).toEqual(['prepaid', 'postpaid']);
		expect(fetched.items[0].json).toMatchObject({ userPhone: '6281234567891', charged: true });
		// A finished request is read at once: one query each, no first wait.
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 2, query: 2 });
		expect(sim.vendors.digiscore.charged).toHaveLength(2);
	});

	it('getResult with an unknown request ID is a clear not-found error, not charged', async () => {
		const run = await runDigiscore(sim, [{ requestId: 'feedfacefeedfacefeedfacefeed' }, { requestId: '' }], {
			continueOnFail: true,
			parameters: { operation: 'getResult', requestId: '={{ $json.requestId }}' },
		});
		expect(run.items[0].json).toMatchObject({
			error: `Digiscore error ${DIGISCORE_SIM_CODES.requestIdNotFound}: requestId not found (not charged)`,
			errorCode: String(DIGISCORE_SIM_CODES.requestIdNotFound),
			charged: 'no',
			vendorRequestId: 'feedfacefeedfacefeedfacefeed',
		});
		expect(run.items[0].json.errorDescription).toContain('submit the number again');
		expect(run.items[1].json.error).toBe('The request ID is empty');
	});
});
