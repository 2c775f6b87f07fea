import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, mexicanNumbers, phoneItems, requestsTo, runAccuAuth } from './helpers';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ vendors: { accuauth: { resultDelayMs: 80 } } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('AccuAuth Check Status', () => {
	test('N numbers in, N items out in order with pairedItem, each with its line status', async () => {
		const suffixes = ['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008'];
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(suffixes)));

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(suffixes.length);
		expect(run.items.map((item) => item.pairedItem)).toEqual(suffixes.map((_, item) => ({ item })));
		expect(jsonOf(run.items).map((json) => json.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(jsonOf(run.items).map((json) => json.phoneStatus)).toEqual([
			'ring',
			'connected',
			'empty',
			'busy',
			'turned_off',
			'outside_service_area',
			'line_abnormal',
			'temp_unavailable',
		]);
		expect(jsonOf(run.items).map((json) => json.reachable)).toEqual([true, true, false, true, false, false, false, false]);
		expect(jsonOf(run.items).map((json) => json.tryAgainLater)).toEqual([false, false, false, false, false, false, true, true]);
		const [first] = jsonOf(run.items);
		expect(first).toMatchObject({
			phone: '+52 55 1234 0001',
			phoneNumber: '+52 55 1234 0001',
			phoneNumberSent: '525512340001',
			phoneNumberReturned: '0052**********',
			statusDescription: 'The phone is on and rings',
			checks: 1,
		});
		expect(first.taskId).toMatch(/^[0-9a-f]{32}$/);
		expect(first.requestId).toMatch(/^TID[0-9a-f]{32}$/);
		expect(sim.vendors.accuauth.charged).toHaveLength(suffixes.length);
	});

	test('a batch is submitted first and checked after: at most "Concurrency" calls in flight, submits before status checks', async () => {
		sim.vendors.accuauth.configure({ latencyMs: 30 });
		const suffixes = ['0011', '0012', '0013', '0014', '0015', '0016'];
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(suffixes)), { options: { concurrency: 2, firstCheckSeconds: 0 } });

		expect(run.status).toBe('success');
		const endpoints = sim.requestLog.map((record) => (record.path.endsWith('/task_result/o1') ? 'check' : 'submit'));
		expect(endpoints.slice(0, suffixes.length)).toEqual(suffixes.map(() => 'submit'));
		const submitted = requestsTo(sim, 'submit').map((record) => JSON.parse(record.body).phone_number);
		expect(submitted).toEqual(suffixes.map((suffix) => `52551234${suffix}`));
		const spans = sim.requestLog.map((record) => [record.at, record.at + (record.durationMs ?? 0)]);
		const inFlight = spans.map(([start]) => spans.filter(([from, to]) => from <= start && start < to).length);
		expect(Math.max(...inFlight)).toBeLessThanOrEqual(2);
	});

	test('HTTP 400 PENDING is progress: the task is polled until its result is there', async () => {
		sim.vendors.accuauth.configure({ resultDelayMs: 150 });
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001', '0002'])));

		expect(run.status).toBe('success');
		expect(jsonOf(run.items).map((json) => json.phoneStatus)).toEqual(['ring', 'connected']);
		const polls = requestsTo(sim, 'taskResult');
		expect(polls.filter((record) => record.status === 400).length).toBeGreaterThanOrEqual(2);
		expect(polls.filter((record) => record.status === 200)).toHaveLength(2);
		expect(polls.every((record) => JSON.parse(record.body).task_id)).toBe(true);
	});

	test('an immediate result at submit is output without any task_result call', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['8001', '8005'])));

		expect(run.status).toBe('success');
		expect(jsonOf(run.items).map((json) => [json.phoneStatus, json.taskId])).toEqual([
			['ring', null],
			['turned_off', null],
		]);
		expect(requestsTo(sim, 'taskResult')).toHaveLength(0);
	});

	test('numbers in any common form are sent as country code + digits; the request is JSON by default', async () => {
		const run = await runAccuAuth(sim, phoneItems(['55 1234 0001', '+52 (55) 1234-0002', '525512340003']));

		expect(run.status).toBe('success');
		const submits = requestsTo(sim, 'submit');
		expect(submits.map((record) => JSON.parse(record.body).phone_number).sort()).toEqual(['525512340001', '525512340002', '525512340003']);
		expect(submits.every((record) => String(record.headers['content-type']).startsWith('application/json'))).toBe(true);
		expect(submits.every((record) => record.headers['x-df-api-id'] === 'sim-accuauth-id')).toBe(true);
	});

	test('"Default Country" reads local numbers of other regions behind a custom base URL', async () => {
		const run = await runAccuAuth(sim, phoneItems(['0812 3456 0001']), { options: { defaultCountry: 'ID' } });

		expect(run.status).toBe('success');
		expect(JSON.parse(requestsTo(sim, 'submit')[0].body).phone_number).toBe('6281234560001');
		expect(run.items[0].json.phoneNumberReturned).toBe('0062***********');
	});

	test('the form content type option sends form-urlencoded bodies to both endpoints', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), { options: { contentType: 'form' } });

		expect(run.status).toBe('success');
		expect(run.items[0].json.phoneStatus).toBe('ring');
		const [submit] = requestsTo(sim, 'submit');
		const [poll] = requestsTo(sim, 'taskResult');
		for (const record of [submit, poll]) {
			expect(record.headers['content-type']).toContain('application/x-www-form-urlencoded');
		}
		expect(new URLSearchParams(submit.body).get('phone_number')).toBe('525512340001');
		expect(new URLSearchParams(poll.body).get('task_id')).toBe(run.items[0].json.taskId);
	});

	describe('callback', () => {
		let receiver: Server;
		let callbackUrl: string;
		const received: URL[] = [];
		beforeAll(async () => {
			receiver = createServer((req, res) => {
				received.push(new URL(req.url ?? '/', 'http://receiver'));
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"OK"}');
			});
			await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
			callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		});
		afterAll(async () => await new Promise<void>((resolve) => receiver.close(() => resolve())));

		test('is passed through, and the vendor GETs it with request_id, phone_number, phone_status, task_id', async () => {
			const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0004'])), { parameters: { callback: callbackUrl } });

			expect(run.status).toBe('success');
			expect(JSON.parse(requestsTo(sim, 'submit')[0].body).callback).toBe(callbackUrl);
			for (let waited = 0; received.length === 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
			expect(received).toHaveLength(1);
			const { taskId, requestId } = run.items[0].json;
			expect(Object.fromEntries(received[0].searchParams)).toEqual({
				request_id: requestId,
				phone_number: '0052**********',
				phone_status: 'busy',
				task_id: taskId,
			});
		});

		test('a callback that is not an http(s) URL fails that item before anything is sent', async () => {
			const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), {
				parameters: { callback: 'ftp://example.com/hook' },
				continueOnFail: true,
			});

			expect(run.items[0].json.error).toContain('is not http(s)');
			expect(requestsTo(sim, 'submit')).toHaveLength(0);
		});
	});

	test('an invalid number fails its item only (Continue On Fail) and is never sent', async () => {
		const run = await runAccuAuth(sim, phoneItems(['+52 55 1234 0001', 'not a phone', '+52 55 1234 0002']), { continueOnFail: true });

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(3);
		expect(run.items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { row: 2, error: 'Invalid phone number "not a phone"' } });
		expect(jsonOf(run.items).map((json) => json.phoneStatus)).toEqual(['ring', undefined, 'connected']);
		expect(requestsTo(sim, 'submit')).toHaveLength(2);
	});

	test('without Continue On Fail an invalid number fails the node with its item index', async () => {
		const run = await runAccuAuth(sim, phoneItems(['+52 55 1234 0001', 'not a phone']));

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Invalid phone number "not a phone"');
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
	});
});
