import { testCredential } from '../harness/engine';
import { SIM_CREDENTIALS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

function credentialData(overrides: Record<string, string> = {}) {
	return { ...SIM_CREDENTIALS.accuauth, region: 'custom', baseUrl: sim.urlFor('accuauth'), ...overrides };
}

describe('AccuAuth credential test', () => {
	test('accepts the right API ID and secret without starting a check', async () => {
		await expect(testCredential('accuAuthApi', credentialData())).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });

		expect(sim.requestLog.map((record) => [record.path, record.status])).toEqual([['/accuauth/check/phone_number/task_result/o1', 400]]);
		expect(sim.requestLog[0].headers).toMatchObject({ 'x-df-api-id': SIM_CREDENTIALS.accuauth.apiId });
		expect(sim.vendors.accuauth.charged).toHaveLength(0);
	});

	test('names a wrong secret', async () => {
		await expect(testCredential('accuAuthApi', credentialData({ apiSecret: 'not-the-secret' }))).resolves.toEqual({
			status: 'Error',
			message: 'AccuAuth rejected the API ID or API secret',
		});
	});

	test('names a base URL that does not answer like AccuAuth', async () => {
		await expect(testCredential('accuAuthApi', credentialData({ baseUrl: `${sim.baseUrl}/elsewhere/` }))).resolves.toEqual({
			status: 'Error',
			message: 'The base URL did not answer like the AccuAuth API',
		});
	});
});
