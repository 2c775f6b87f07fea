import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { applicants, runTrustDecision, tdCredentials } from './helpers';
import { testCredential } from '../harness/engine';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('TrustDecision: detectAssociation through the n8n engine', () => {
	it('gives one output item per input item, in order, with pairedItem and the input fields', async () => {
		const phones = ['0812 3456 7891', '+62 812-3456-7892', '6281234567893', '081234567894', '0812-3456-7895'];
		const run = await runTrustDecision(sim, applicants(phones));

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(5);
		run.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.row).toBe(index + 1);
			expect(item.json.phoneNumber).toBe(`08123456789${index + 1}`);
			expect(item.json.found).toBe(true);
			expect(item.json.charged).toBe(true);
			expect(typeof item.json.sequenceId).toBe('string');
		});
		// last digit 1 -> not recently used, count 2; last digit 2 -> recently used, count 3
		expect(run.items[0].json).toMatchObject({ phoneNumberCount: 2, recentlyUsed: false, emergencyContact: null });
		expect(run.items[1].json).toMatchObject({ phoneNumberCount: 3, recentlyUsed: true });
		expect(sim.vendors.trustdecision.charged).toHaveLength(5);
	});

	it('sends every documented field and returns the emergency contact result', async () => {
		const run = await runTrustDecision(sim, [{ phone: '081234567896', nik: '3310225629467' }], {
			parameters: {
				idNumber: '={{ $json.nik }}',
				name: 'Joe',
				emergencyContactId: '3310225629468',
				emergencyContactPhone: '+62 812 3456 7893',
				emergencyContactName: 'Jane',
			},
		});
		expect(run.status).toBe('success');
		const sent = JSON.parse(sim.requestLog[0].body);
		expect(sent).toEqual({
			phone_number: '081234567896',
			id_number: '3310225629467',
			id_type: 'KTP',
			country: 'ID',
			name: 'Joe',
			emergency_contact_id: '3310225629468',
			emergency_contact_name: 'Jane',
			emergency_contact_phone: '081234567893',
		});
		expect(run.items[0].json.emergencyContact).toEqual({
			relation: 'Grandparents',
			recentlyUsed: false,
			frequentlyUsed: false,
			otherUse: true,
		});
	});

	it('reports code 12701 as a normal "nothing found" result, not charged', async () => {
		const run = await runTrustDecision(sim, applicants(['081234560000']));
		expect(run.status).toBe('success');
		expect(run.items[0].json).toMatchObject({ found: false, code: 12701, message: 'No record', charged: false });
		expect(sim.vendors.trustdecision.charged).toHaveLength(0);
	});

	it('fails only the item with an invalid phone when Continue On Fail is on', async () => {
		const run = await runTrustDecision(sim, applicants(['081234567891', '(0812) 345', '+1 202 555 1234', '081234567894']), {
			continueOnFail: true,
		});
		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(4);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(run.items[0].json.found).toBe(true);
		expect(run.items[1].json.error).toBe('Invalid phone number "(0812) 345"');
		expect(run.items[1].json.row).toBe(2);
		expect(run.items[2].json.error).toContain('does not check numbers of +1');
		expect(run.items[3].json.found).toBe(true);
		expect(sim.vendors.trustdecision.charged).toHaveLength(2);
	});

	it('stops at the first bad item with its index when Continue On Fail is off', async () => {
		const run = await runTrustDecision(sim, applicants(['081234567891', '(0812) 345', '081234567893']), {
			parameters: { options: { concurrency: 1 } },
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Invalid phone number "(0812) 345"');
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
		// the item after the failure was never sent
		expect(sim.vendors.trustdecision.charged).toHaveLength(1);
	});

	it.each([
		['0300', '300', 'Service not purchased or not effective'],
		['0303', '303', 'Traffic insufficient'],
		['0305', '305', 'Daily cap reached'],
		['1304', '11304', 'The country partner located is not open'],
	])('turns account code for suffix %s into a clear, not-retried, not-charged error', async (suffix, code, reason) => {
		const run = await runTrustDecision(sim, applicants([`08123456${suffix}`]), { continueOnFail: true });
		expect(run.items[0].json.error).toBe(`TrustDecision error ${code}: ${reason} (not charged)`);
		expect(run.items[0].json).toMatchObject({ errorCode: code, charged: 'no' });
		expect(sim.vendors.trustdecision.calls.phoneAssociation).toBe(1);
	});

	it('retries the transient code 11350 and then succeeds', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'vendorCode', code: 11350, message: 'Internal error', times: 2 });
		const run = await runTrustDecision(sim, applicants(['081234567891']));
		expect(run.status).toBe('success');
		expect(run.items[0].json.found).toBe(true);
		expect(sim.vendors.trustdecision.calls.phoneAssociation).toBe(3);
		expect(sim.vendors.trustdecision.charged).toHaveLength(1);
	});

	it.each([
		['429', { kind: 'rateLimit' as const, retryAfterSeconds: 0 }],
		['503', { kind: 'status' as const, status: 503 }],
		['500', { kind: 'status' as const, status: 500 }],
	])('retries HTTP %s and then succeeds, charging once', async (_label, fault) => {
		sim.inject({ vendor: 'trustdecision', times: 2, ...fault });
		const run = await runTrustDecision(sim, applicants(['081234567891']));
		expect(run.status).toBe('success');
		expect(sim.vendors.trustdecision.calls.phoneAssociation).toBe(3);
		expect(sim.vendors.trustdecision.charged).toHaveLength(1);
	});

	it('does not repeat a check whose answer was lost, and says it may have been charged', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'drop' });
		const run = await runTrustDecision(sim, applicants(['081234567891']), { continueOnFail: true });
		expect(run.items[0].json.error).toMatch(/^TrustDecision error E[A-Z]+: The answer to the association check was lost .*\(may have been charged\)$/);
		expect(run.items[0].json.charged).toBe('unknown');
		expect(sim.vendors.trustdecision.calls.phoneAssociation).toBe(1);
	});

	it('names the vendor and the problem when the answer is not JSON', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'malformed' });
		const run = await runTrustDecision(sim, applicants(['081234567891']), { continueOnFail: true });
		expect(run.items[0].json.error).toContain('TrustDecision answered the association check in an unexpected shape (the answer is not JSON)');
	});

	it('gives a clear credential error for a wrong partner key', async () => {
		const run = await runTrustDecision(sim, applicants(['081234567891']), { credentials: { partnerKey: 'wrong-key-123' } });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('TrustDecision error 11340: partner_key error (not charged)');
		expect(run.error?.description).toContain('Check the partner code and partner key');
	});

	it('tests the credential: OK for the right key, a clear error for a wrong one', async () => {
		const good = await testCredential('trustDecisionApi', tdCredentials(sim).trustDecisionApi);
		expect(good).toEqual({ status: 'OK', message: expect.any(String) });
		const bad = await testCredential('trustDecisionApi', { ...tdCredentials(sim).trustDecisionApi, partnerKey: 'nope-1234' });
		expect(bad).toEqual({ status: 'Error', message: 'TrustDecision rejected the partner code or partner key' });
		expect(sim.vendors.trustdecision.charged).toHaveLength(0);
	});

	it('sends the partner key only in the query string to the configured host', async () => {
		await runTrustDecision(sim, applicants(['081234567891']));
		const [request] = sim.requestLog;
		expect(request.query).toMatchObject({
			partner_code: SIM_CREDENTIALS.trustdecision.partnerCode,
			partner_key: SIM_CREDENTIALS.trustdecision.partnerKey,
		});
		expect(request.body).not.toContain(SIM_CREDENTIALS.trustdecision.partnerKey);
	});
});
