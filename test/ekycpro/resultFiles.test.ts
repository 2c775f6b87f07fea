import { startSimulator } from '../simulator';
import type { EkycproResultFormat, Simulator } from '../simulator';
import { API_KEY, rows, runEkycpro } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const phones = ['+12025550102', '+12025550101', '+12025550000', '+447911123456'];

describe('ekycpro result files', () => {
	it.each<[EkycproResultFormat, string]>([
		['zip', 'a zip with txt lists, CSV and XLSX'],
		['zipCsv', 'a zip with only the CSV'],
		['zipXlsx', 'a zip with only the XLSX'],
		['csv', 'a bare CSV'],
		['xlsx', 'a bare XLSX'],
	])('reads %s (%s) into the same verdicts', async (resultFormat) => {
		sim.vendors.ekycpro.configure({ resultFormat });
		const run = await runEkycpro(sim, rows(phones), { parameters: { taskType: 'ws' } });

		expect(run.status).toBe('success');
		expect(run.items.map((item) => [item.json.phoneNumber, item.json.registered, item.json.whatsapp, item.json.resultStatus])).toEqual([
			['+12025550102', true, 'yes', 'returned'],
			['+12025550101', false, 'no', 'returned'],
			['+12025550000', null, null, 'notReturned'],
			['+447911123456', true, 'yes', 'returned'],
		]);
	});

	it('reads a zip holding only activated.txt and unregistered.txt', async () => {
		sim.vendors.ekycpro.configure({ resultFormat: 'zipTxt' });
		const run = await runEkycpro(sim, rows(phones));

		expect(run.items.map((item) => [item.json.registered, item.json.list, item.json.resultStatus])).toEqual([
			[true, 'activated', 'returned'],
			[false, 'unregistered', 'returned'],
			[null, null, 'notReturned'],
			[true, 'activated', 'returned'],
		]);
	});

	it('downloads the result from the second host without the API key; the key only goes to the API', async () => {
		const run = await runEkycpro(sim, rows(phones), { options: { maxNumbersPerTask: 2 } });

		expect(run.status).toBe('success');
		const { resultHost } = sim.vendors.ekycpro;
		expect(resultHost.requests).toHaveLength(2);
		expect(resultHost.apiKeyLeaks).toBe(0);
		for (const request of resultHost.requests) {
			expect(request.status).toBe(200);
			expect(request.headers['x-api-key']).toBeUndefined();
			expect(JSON.stringify(request.headers)).not.toContain(API_KEY);
		}
		expect(sim.requestLog.length).toBeGreaterThanOrEqual(4);
		for (const record of sim.requestLog) expect(record.headers['x-api-key']).toBe(API_KEY);
	});

	it('asks for a fresh link when the first one has expired', async () => {
		sim.vendors.ekycpro.configure({ expiredLinks: 1 });
		const run = await runEkycpro(sim, rows(phones));

		expect(run.status).toBe('success');
		expect(run.items[0].json.registered).toBe(true);
		expect(sim.vendors.ekycpro.resultHost.requests.map((request) => request.status)).toEqual([403, 200]);
	});

	it('fails clearly when every link it gets has expired', async () => {
		sim.vendors.ekycpro.configure({ expiredLinks: 10 });
		const run = await runEkycpro(sim, rows(phones));

		expect(run.status).toBe('error');
		const taskId = sim.vendors.ekycpro.charged[0].ref;
		expect(run.error?.message).toBe(
			`ekycpro error RESULT_LINK_REFUSED: The result host refused both links of task ${taskId} (HTTP 403: expired or not valid for this request) (charged)`,
		);
		expect(run.error?.description).toContain(`Task ${taskId} finished and was charged: fetch it again later with "Get Results"`);
		expect(sim.vendors.ekycpro.resultHost.requests.map((request) => request.status)).toEqual([403, 403]);
	});

	it('refuses a zip bomb that declares its size before inflating anything', async () => {
		sim.vendors.ekycpro.configure({ taskOutcome: 'zipBomb' });
		const rssBefore = process.memoryUsage().rss;
		const run = await runEkycpro(sim, rows(phones));

		expect(run.status).toBe('error');
		const taskId = sim.vendors.ekycpro.charged[0].ref;
		expect(run.error?.message).toBe(`ekycpro error RESULT_REFUSED: ${taskId}.zip unpacks to more than 200 MB: refused as a possible zip bomb (charged)`);
		expect(run.error?.description).toContain(`Task ${taskId} finished and was charged`);
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
	});

	it('refuses a zip bomb that lies about its size while inflating it, and Continue On Fail keeps the rows', async () => {
		sim.vendors.ekycpro.configure({ taskOutcome: 'zipBombLying' });
		const run = await runEkycpro(sim, rows(phones), { continueOnFail: true });

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(4);
		for (const item of run.items) {
			expect(item.json.error).toMatch(/all\.csv inflates beyond the size it declares: refused as a possible zip bomb/);
			expect(item.json).toMatchObject({ errorCode: 'RESULT_REFUSED', charged: 'yes', phone: expect.any(String) });
		}
	});

	it('honours a lower "Max Result Size"', async () => {
		const run = await runEkycpro(sim, rows(phones), { options: { maxResultMegabytes: 1 }, continueOnFail: true });
		expect(run.items[0].json.registered).toBe(true);

		sim.vendors.ekycpro.configure({ taskOutcome: 'zipBomb' });
		const refused = await runEkycpro(sim, rows(phones), { options: { maxResultMegabytes: 1 } });
		expect(refused.error?.message).toContain('unpacks to more than 1 MB');
	});
});
