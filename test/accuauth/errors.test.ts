import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { jsonOf, mexicanNumbers, phoneItems, requestsTo, runAccuAuth } from './helpers';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

function submitsOf(phoneNumberSent: string): number {
	return requestsTo(sim, 'submit').filter((record) => JSON.parse(record.body).phone_number === phoneNumberSent).length;
}

describe('AccuAuth status codes', () => {
	test('UNAUTHORIZED (wrong secret) is a clear error and is not retried', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), {
			credentials: { apiSecret: 'wrong-secret-value' },
			continueOnFail: true,
		});

		expect(run.items[0].json).toMatchObject({
			error: 'AccuAuth error UNAUTHORIZED: Unauthorized or access is denied (not charged)',
			errorCode: 'UNAUTHORIZED',
			charged: 'no',
		});
		expect(run.items[0].json.errorDescription).toContain('Check the API ID and API secret');
		expect(requestsTo(sim, 'submit')).toHaveLength(1);
	});

	test.each([
		['0402', 'KEY_EXPIRED', 'Your API ID has expired', 'renew the API ID'],
		['0403', 'NO_PERMISSION', 'You are not authorized to use this API', 'open the phone status API'],
		['0405', 'OUT_OF_QUOTA', 'API calls quota exceeded', 'quota of this API ID is used up'],
	])('suffix %s: %s is a clear error and is not retried', async (suffix, code, reason, hint) => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers([suffix])), { continueOnFail: true });

		expect(run.items[0].json).toMatchObject({ error: `AccuAuth error ${code}: ${reason} (not charged)`, errorCode: code, charged: 'no' });
		expect(run.items[0].json.errorDescription).toContain(hint);
		expect(submitsOf(`52551234${suffix}`)).toBe(1);
		expect(sim.vendors.accuauth.charged).toHaveLength(0);
	});

	test('RATE_LIMIT_EXCEEDED (HTTP 403) is retried with backoff and the item succeeds', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0429'])));

		expect(run.status).toBe('success');
		expect(run.items[0].json.phoneStatus).toBe('ring');
		const submits = requestsTo(sim, 'submit');
		expect(submits.map((record) => record.status)).toEqual([403, 200]);
		expect(submits[1].at - submits[0].at).toBeGreaterThanOrEqual(150);
	});

	test("the vendor's own rate limit (403 with Retry-After) is ridden out: every number gets its result", async () => {
		sim.vendors.accuauth.configure({ rateLimitPerSecond: 4 });
		const suffixes = ['0011', '0012', '0013', '0014', '0015', '0016'];
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(suffixes)), { options: { requestsPerSecond: 100 } });

		expect(run.status).toBe('success');
		expect(jsonOf(run.items).map((json) => json.phoneStatus)).toEqual(['ring', 'connected', 'empty', 'busy', 'turned_off', 'outside_service_area']);
		expect(sim.vendors.accuauth.rateLimited).toBeGreaterThan(0);
		expect(sim.vendors.accuauth.charged).toHaveLength(suffixes.length);
	});

	test('INTERNAL_ERROR (HTTP 500) on submit is retried and the item succeeds', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0500'])));

		expect(run.status).toBe('success');
		expect(requestsTo(sim, 'submit').map((record) => record.status)).toEqual([500, 200]);
		expect(sim.vendors.accuauth.charged).toHaveLength(1);
	});

	test('INTERNAL_ERROR on task_result is retried while polling', async () => {
		sim.inject({ vendor: 'accuauth', kind: 'vendorCode', code: 'INTERNAL_ERROR', match: 'task_result', times: 2 });
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0002'])));

		expect(run.status).toBe('success');
		expect(run.items[0].json.phoneStatus).toBe('connected');
		expect(requestsTo(sim, 'taskResult').map((record) => record.status)).toEqual([500, 500, 200]);
	});

	test("INVALID_ARGUMENT fails that item with the vendor's reason; the others go on (Continue On Fail)", async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001', '0400', '0002'])), { continueOnFail: true });

		expect(run.status).toBe('success');
		expect(run.items[1]).toMatchObject({
			pairedItem: { item: 1 },
			json: {
				row: 2,
				error: "AccuAuth error INVALID_ARGUMENT: argument 'phone_number': number not supported (not charged)",
				errorCode: 'INVALID_ARGUMENT',
				charged: 'no',
			},
		});
		expect(run.items[1].json.vendorRequestId).toMatch(/^TID/);
		expect(jsonOf(run.items).map((json) => json.phoneStatus)).toEqual(['ring', undefined, 'connected']);
		expect(submitsOf('525512340400')).toBe(1);
	});

	test('without Continue On Fail the first failure fails the node with its item index, and later numbers are not submitted', async () => {
		const later = Array.from({ length: 20 }, (_, index) => String(1100 + index));
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001', '0400', ...later])), { options: { concurrency: 1 } });

		expect(run.status).toBe('error');
		expect(run.error?.message).toContain("argument 'phone_number': number not supported");
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
		expect(requestsTo(sim, 'submit')).toHaveLength(2);
	});

	test('an unknown task id gets a clear message', async () => {
		const run = await runAccuAuth(sim, [{ taskId: 'no-such-task' }], {
			parameters: { operation: 'getResult', taskId: '={{ $json.taskId }}' },
			continueOnFail: true,
		});

		expect(run.items[0].json).toMatchObject({
			errorCode: 'INVALID_ARGUMENT',
			error: 'AccuAuth error INVALID_ARGUMENT: Task "no-such-task" is unknown to AccuAuth or expired (task IDs are valid 24 hours): task_id not found or expired (not charged)',
		});
		expect(run.items[0].json.errorDescription).toContain('Submit the number again');
		expect(requestsTo(sim, 'taskResult')).toHaveLength(1);
	});

	test('an expired task id gets the same clear message', async () => {
		sim.vendors.accuauth.configure({ taskTtlMs: 50, resultDelayMs: 10_000 });
		const submitted = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), { parameters: { operation: 'submit' } });
		const taskId = submitted.items[0].json.taskId as string;
		expect(taskId).toMatch(/^[0-9a-f]{32}$/);
		await new Promise((resolve) => setTimeout(resolve, 100));

		const run = await runAccuAuth(sim, [{ taskId }], { parameters: { operation: 'getResult', taskId: '={{ $json.taskId }}' } });

		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(`Task "${taskId}" is unknown to AccuAuth or expired`);
	});

	test('a base URL that is not the AccuAuth API (HTTP 404) says to check the region or base URL', async () => {
		const run = await runAccuAuth(sim, phoneItems(mexicanNumbers(['0001'])), {
			credentials: { baseUrl: `${sim.baseUrl}/elsewhere` },
			continueOnFail: true,
		});

		expect(run.items[0].json).toMatchObject({ errorCode: 'NOT_FOUND', charged: 'no' });
		expect(run.items[0].json.errorDescription).toContain('Check the region (or base URL)');
	});
});
