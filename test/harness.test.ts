import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode, runWorkflow, startNode, testCredential } from './harness/engine';

const API_KEY = 'sk-harness-secret-1234';

interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

let server: Server;
let baseUrl: string;
const received: ReceivedRequest[] = [];

/** Echo API: POST /echo answers the body back (500 when it asks to fail); GET /whoami checks the key. */
beforeAll(async () => {
	server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		request.on('end', () => {
			received.push({
				method: request.method ?? '',
				url: request.url ?? '',
				headers: request.headers,
				body,
			});
			const reply = (status: number, payload: object) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(payload));
			};
			const key = request.headers['x-api-key'];
			if (request.url?.startsWith('/whoami')) {
				if (key === API_KEY) return reply(200, { status: 'active' });
				if (key === 'revoked-key') return reply(200, { status: 'revoked' });
				return reply(403, { message: 'forbidden' });
			}
			const parsed = JSON.parse(body || '{}') as { fail?: boolean };
			if (parsed.fail) return reply(500, { message: 'echo failed on purpose' });
			return reply(200, { echoed: parsed });
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.close();
	await once(server, 'close');
});

beforeEach(() => {
	received.length = 0;
});

const echoCredentials = () => ({ echoApi: { apiKey: API_KEY, baseUrl } });

describe('in-process n8n engine harness', () => {
	test('runs a node over N items: authenticate header sent, N items out with pairedItem', async () => {
		const result = await runNode({
			type: 'echoHttp',
			parameters: { path: '/echo' },
			credentials: echoCredentials(),
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
		});

		expect(result.status).toBe('success');
		expect(received).toHaveLength(3);
		expect(received.map((request) => request.headers['x-api-key'])).toEqual([
			API_KEY,
			API_KEY,
			API_KEY,
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{ echoed: { n: 1 } },
			{ echoed: { n: 2 } },
			{ echoed: { n: 3 } },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('a failing item fails the run when continueOnFail is off', async () => {
		const result = await runNode({
			type: 'echoHttp',
			parameters: {},
			credentials: echoCredentials(),
			items: [{ n: 1 }, { fail: true }],
		});

		expect(result.status).toBe('error');
		expect(result.error?.node).toBe('Node under test');
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '500',
			description: 'echo failed on purpose',
		});
		expect(result.items).toEqual([]);
	});

	test('a failing item becomes an error item when continueOnFail is on', async () => {
		const result = await runNode({
			type: 'echoHttp',
			parameters: {},
			credentials: echoCredentials(),
			items: [{ n: 1 }, { fail: true }, { n: 3 }],
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(result.items[1].json.error).toEqual(expect.any(String));
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[2].json).toEqual({ echoed: { n: 3 } });
	});

	test('cancel() ends a waiting run within 1 s through the execution cancel signal', async () => {
		const handle = startNode({
			type: 'waitForCancel',
			parameters: { waitMs: 30_000 },
			items: [{ n: 1 }],
		});
		await new Promise((resolve) => setTimeout(resolve, 300));
		const canceledAt = Date.now();
		handle.cancel();
		const result = await handle.result;

		expect(Date.now() - canceledAt).toBeLessThan(1000);
		expect(result.status).toBe('canceled');
		expect(result.output('Items')).toHaveLength(1);
	});

	test('timeoutMs cancels a run that takes too long', async () => {
		const result = await runNode({
			type: 'waitForCancel',
			parameters: { waitMs: 30_000 },
			items: [{ n: 1 }],
			timeoutMs: 300,
		});

		expect(result.status).toBe('canceled');
		expect(result.error?.name).toBe('HarnessTimeout');
	});

	test('testCredential runs the test request with authenticate and applies its rules', async () => {
		await expect(testCredential('echoApi', { apiKey: API_KEY, baseUrl })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(received[0]).toMatchObject({ method: 'GET', url: '/whoami' });
		expect(received[0].headers['x-api-key']).toBe(API_KEY);

		await expect(testCredential('echoApi', { apiKey: 'wrong-key', baseUrl })).resolves.toEqual({
			status: 'Error',
			message: 'The API key was refused',
		});
		await expect(testCredential('echoApi', { apiKey: 'revoked-key', baseUrl })).resolves.toEqual({
			status: 'Error',
			message: 'The API key is revoked',
		});
	});

	test('testCredential applies the function form of authenticate', async () => {
		await expect(testCredential('echoSignedApi', { apiKey: API_KEY, baseUrl })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(received[0]).toMatchObject({ method: 'GET', url: '/whoami?signed=yes' });
		expect(received[0].headers['x-api-key']).toBe(API_KEY);
	});

	test('logs hold engine and node lines, so tests can sweep them for secrets', async () => {
		const result = await runNode({
			type: 'echoHttp',
			parameters: {},
			credentials: echoCredentials(),
			items: [{ n: 1 }],
		});

		expect(
			result.logs.some(
				(line) => line.includes('EchoHttp sending item') && line.includes('"itemIndex":0'),
			),
		).toBe(true);
		expect(
			result.logs.some((line) => line.includes('Workflow execution finished successfully')),
		).toBe(true);
		expect(result.logs.join('\n')).not.toContain(API_KEY);
	});

	test('binary data round trip through prepareBinaryData and getBinaryDataBuffer', async () => {
		const result = await runWorkflow({
			workflow: {
				nodes: [
					{
						name: 'Items',
						type: 'itemsSource',
						parameters: { items: JSON.stringify([{ text: 'héllo' }, { text: 'world' }]) },
					},
					{ name: 'To Binary', type: 'binaryText', parameters: { operation: 'toBinary' } },
					{ name: 'From Binary', type: 'binaryText', parameters: { operation: 'fromBinary' } },
				],
				connections: {
					Items: { main: [[{ node: 'To Binary', type: 'main', index: 0 }]] },
					'To Binary': { main: [[{ node: 'From Binary', type: 'main', index: 0 }]] },
				},
			},
		});

		expect(result.status).toBe('success');
		expect(result.output('To Binary')[0].binary?.data).toMatchObject({
			mimeType: 'text/plain',
			fileName: 'text.txt',
		});
		expect(result.output('From Binary').map((item) => item.json.text)).toEqual(['héllo', 'world']);
	});

	test('versioned node types run their default version, or the one asked for', async () => {
		const latest = await runNode({ type: 'versionedProbe', parameters: {}, items: [{ n: 1 }] });
		const first = await runNode({
			type: 'versionedProbe',
			parameters: {},
			items: [{ n: 1 }],
			typeVersion: 1,
		});

		expect(latest.items[0].json).toEqual({ n: 1, version: 2 });
		expect(first.items[0].json).toEqual({ n: 1, version: 1 });
	});

	test('output() refuses a node that did not run rather than returning nothing', async () => {
		const result = await runNode({ type: 'versionedProbe', parameters: {}, items: [{ n: 1 }] });

		expect(() => result.output('No such node')).toThrow(/did not run/);
	});
});
