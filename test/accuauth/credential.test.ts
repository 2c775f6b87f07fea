import { Workflow } from 'n8n-workflow';
import type { INode, INodeType, INodeTypes } from 'n8n-workflow';

import { AccuAuthApi } from '../../credentials/AccuAuthApi.credentials';
import { ACCUAUTH_REGIONS } from '../../nodes/AccuAuth/regions';
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

	test('asks the region host (or the custom base URL) for its test', () => {
		const node: INode = { id: 'n', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };
		const nodeType = { description: { properties: [] } } as unknown as INodeType;
		const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const baseUrlFor = (credentials: Record<string, string>) =>
			workflow.expression.getSimpleParameterValue(node, new AccuAuthApi().test.request.baseURL as string, 'internal', { $credentials: credentials });

		for (const [region, { host }] of Object.entries(ACCUAUTH_REGIONS)) {
			expect(baseUrlFor({ region, baseUrl: 'http://ignored' })).toBe(host);
		}
		expect(baseUrlFor({ region: 'custom', baseUrl: ' http://127.0.0.1:4010/accuauth/ ' })).toBe('http://127.0.0.1:4010/accuauth');
	});
});
