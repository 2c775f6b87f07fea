import { testCredential } from '../harness/engine';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { dsCredentials, sentBodies } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('Digiscore credential test', () => {
	it('is OK for the right app key and secret, with a trailing slash on the base URL too', async () => {
		const { digiscoreApi } = dsCredentials(sim);
		expect(await testCredential('digiscoreApi', digiscoreApi)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await testCredential('digiscoreApi', { ...digiscoreApi, baseUrl: `${digiscoreApi.baseUrl}/` })).toMatchObject({ status: 'OK' });
		// A free query of an id that does not exist: nothing is started or charged.
		expect(sim.vendors.digiscore.calls).toEqual({ query: 2 });
		expect(sentBodies(sim, 'query')[0]).toMatchObject({ requestId: 'n8n-credential-test', appKey: digiscoreApi.appKey });
		expect(sim.vendors.digiscore.charged).toHaveLength(0);
	});

	it('is an Error naming the app key or secret when either is wrong', async () => {
		const { digiscoreApi } = dsCredentials(sim);
		const expected = { status: 'Error', message: 'Digiscore rejected the app key or secret (token verification failed)' };
		expect(await testCredential('digiscoreApi', { ...digiscoreApi, secret: 'wrong-secret-0000' })).toEqual(expected);
		expect(await testCredential('digiscoreApi', { ...digiscoreApi, appKey: 'wrong-app-key' })).toEqual(expected);
	});

	it('is an Error when the base URL does not answer', async () => {
		const { digiscoreApi } = dsCredentials(sim);
		const result = await testCredential('digiscoreApi', { ...digiscoreApi, baseUrl: 'http://127.0.0.1:1' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the connection/);
	});
});
