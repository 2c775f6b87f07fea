import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { rows, runEkycpro, uploadedLists } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('ekycpro checkNumbers through the n8n engine', () => {
	it('turns 3 rows into 3 rows with their own fields, a verdict, the task id and pairedItem', async () => {
		const run = await runEkycpro(sim, rows(['+1 (202) 555-0102', '202-555-0101', '+44 7911 123456']), { options: { defaultCountry: 'US' } });

		expect(run.status).toBe('success');
		expect(await uploadedLists(sim)).toEqual([['+12025550102', '+12025550101', '+447911123456']]);
		const taskId = sim.vendors.ekycpro.charged[0].ref;
		expect(run.items.map((item) => item.json)).toEqual([
			{ row: 1, name: 'Contact 1', phone: '+1 (202) 555-0102', phoneNumber: '+12025550102', registered: true, resultStatus: 'returned', coinw: 'yes', taskId, taskType: 'coinW' },
			{ row: 2, name: 'Contact 2', phone: '202-555-0101', phoneNumber: '+12025550101', registered: false, resultStatus: 'returned', coinw: 'no', taskId, taskType: 'coinW' },
			{ row: 3, name: 'Contact 3', phone: '+44 7911 123456', phoneNumber: '+447911123456', registered: true, resultStatus: 'returned', coinw: 'yes', taskId, taskType: 'coinW' },
		]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.vendors.ekycpro.calls.createTask).toBe(1);
		expect(sim.vendors.ekycpro.resultHost.requests).toHaveLength(1);
	});

	it('uploads a duplicated number once and gives the verdict to every row that holds it', async () => {
		const run = await runEkycpro(sim, rows(['+12025550102', '+1 202 555 0102', '+12025550103', '12025550102']));

		expect(run.status).toBe('success');
		expect(await uploadedLists(sim)).toEqual([['+12025550102', '+12025550103']]);
		expect(run.items).toHaveLength(4);
		expect(run.items.map((item) => [item.json.phoneNumber, item.json.registered])).toEqual([
			['+12025550102', true],
			['+12025550102', true],
			['+12025550103', false],
			['+12025550102', true],
		]);
	});

	it('marks a number the vendor did not return instead of dropping it', async () => {
		const run = await runEkycpro(sim, rows(['+12025550000', '+12025550104']));

		expect(run.items).toHaveLength(2);
		expect(run.items[0].json).toMatchObject({ phoneNumber: '+12025550000', registered: null, resultStatus: 'notReturned', coinw: null });
		expect(run.items[1].json).toMatchObject({ registered: true, resultStatus: 'returned', coinw: 'yes' });
	});

	it('with Continue On Fail, an invalid number fails only its own item', async () => {
		const run = await runEkycpro(sim, rows(['+12025550102', 'not a phone', '', '+12025550103']), { continueOnFail: true });

		expect(run.status).toBe('success');
		expect(await uploadedLists(sim)).toEqual([['+12025550102', '+12025550103']]);
		expect(run.items).toHaveLength(4);
		expect(run.items[0].json.registered).toBe(true);
		expect(run.items[1].json).toMatchObject({ row: 2, error: 'Invalid phone number "not a phone"' });
		expect(run.items[2].json).toMatchObject({ row: 3, error: 'The phone number is empty' });
		expect(run.items[3].json.registered).toBe(false);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('without Continue On Fail, an invalid number fails the node with its item index before anything is uploaded', async () => {
		const run = await runEkycpro(sim, rows(['+12025550102', '+1 202', '+12025550103']));

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Invalid phone number "+1 202"');
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
		expect(sim.requestLog).toHaveLength(0);
		expect(sim.vendors.ekycpro.charged).toHaveLength(0);
	});

	it('splits a long list into several tasks run side by side and joins the results back in input order', async () => {
		const phones = Array.from({ length: 23 }, (_, index) => `+1202555${String(1000 + ((index * 7) % 23)).padStart(4, '0')}`);
		const run = await runEkycpro(sim, rows(phones), { options: { maxNumbersPerTask: 5, parallelTasks: 3 } });

		expect(run.status).toBe('success');
		const lists = await uploadedLists(sim);
		expect(lists.map((list) => list.length).sort()).toEqual([3, 5, 5, 5, 5]);
		expect(lists.flat().sort()).toEqual([...phones].sort());
		expect(run.items.map((item) => item.json.phoneNumber)).toEqual(phones);
		expect(run.items.map((item) => item.pairedItem)).toEqual(phones.map((_, item) => ({ item })));
		run.items.forEach((item) => expect(item.json.registered).toBe(Number((item.json.phoneNumber as string).slice(-1)) % 2 === 0));
		const taskOf = new Map(sim.vendors.ekycpro.charged.map((charge) => [charge.ref, charge]));
		expect(new Set(run.items.map((item) => item.json.taskId)).size).toBe(5);
		run.items.forEach((item) => expect(taskOf.has(item.json.taskId as string)).toBe(true));
		// at most 3 tasks were open at once: the 4th upload came after the 1st download
		const uploads = sim.requestLog.filter((record) => record.path.endsWith('/v1/tasks')).map((record) => record.at);
		const firstDownload = sim.vendors.ekycpro.resultHost.requests[0].at;
		expect(uploads[3]).toBeGreaterThanOrEqual(firstDownload);
	});

	it('reads the header instead of a fixed column: tg_active gives telegram_days, tg_avatar two columns', async () => {
		const active = await runEkycpro(sim, rows(['+12025550103', '+12025550106', '+12025550101']), { parameters: { taskType: 'tg_active' } });
		expect(active.items.map((item) => [item.json.telegram_days, item.json.registered])).toEqual([
			['1', true],
			['7', true],
			['N/A', false],
		]);

		const avatar = await runEkycpro(sim, rows(['+12025550102', '+12025550101']), { parameters: { taskType: 'tg_avatar' } });
		expect(avatar.items[0].json).toMatchObject({ registered: true, telegram: 'yes', avatar: 'https://avatars.sim.invalid/12025550102.jpg', taskType: 'tg_avatar' });
		expect(avatar.items[1].json).toMatchObject({ registered: false, telegram: 'no', avatar: '' });
	});

	it('sends a custom task type as typed, and e-mail addresses for e-mail task types', async () => {
		const custom = await runEkycpro(sim, rows(['+12025550102']), { parameters: { taskType: 'custom', customTaskType: ' ws_avatar ' } });
		expect(custom.status).toBe('success');
		expect(sim.vendors.ekycpro.charged[0].what).toBe('ws_avatar');
		expect(custom.items[0].json).toMatchObject({ whatsapp: 'yes', avatar: 'https://avatars.sim.invalid/12025550102.jpg', taskType: 'ws_avatar' });

		sim.reset();
		const mexc = await runEkycpro(sim, [{ mail: ' Ann@Example.com ' }, { mail: 'bo@example.org' }, { mail: 'not-mail' }], {
			parameters: { taskType: 'mexc_email', phoneNumber: '={{ $json.mail }}' },
			continueOnFail: true,
		});
		expect(await uploadedLists(sim)).toEqual([['ann@example.com', 'bo@example.org']]);
		expect(mexc.items.map((item) => [item.json.email, item.json.mexc, item.json.error])).toEqual([
			['ann@example.com', 'no', undefined],
			['bo@example.org', 'yes', undefined],
			[undefined, undefined, 'Invalid e-mail address "not-mail"'],
		]);
	});

	it('outputs one item per unique number, paired with every row that held it', async () => {
		const run = await runEkycpro(sim, rows(['+12025550102', '+12025550103', '+1 202 555 0102', 'bad']), {
			parameters: { output: 'perNumber' },
			continueOnFail: true,
		});

		expect(run.items.map((item) => [item.json.phoneNumber ?? item.json.error, item.pairedItem])).toEqual([
			['+12025550102', [{ item: 0 }, { item: 2 }]],
			['+12025550103', [{ item: 1 }]],
			['Invalid phone number "bad"', { item: 3 }],
		]);
		expect(run.items[0].json).toEqual({ phoneNumber: '+12025550102', registered: true, resultStatus: 'returned', coinw: 'yes', taskId: sim.vendors.ekycpro.charged[0].ref, taskType: 'coinW' });
	});

	it('outputs the result file as binary, one item per task', async () => {
		const run = await runEkycpro(sim, rows(['+12025550102', '+12025550103', '+12025550104']), {
			parameters: { output: 'file', outputBinaryPropertyName: 'result' },
			options: { maxNumbersPerTask: 2 },
		});

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(2);
		expect(run.items.map((item) => item.pairedItem)).toEqual([[{ item: 0 }, { item: 1 }], [{ item: 2 }]]);
		const binary = run.items[0].binary?.result;
		expect(binary).toMatchObject({ mimeType: 'application/zip', fileExtension: 'zip' });
		expect(binary?.fileName).toBe(`${run.items[0].json.taskId}.zip`);
		expect(run.items[1].json).toMatchObject({ numbers: 1, taskType: 'coinW' });
	});

	it('reads nested field references directly and evaluates any other expression per item, with the same result', async () => {
		const items = [
			{ contact: { 'mobile phone': '+12025550102' }, local: '2025550102' },
			{ contact: { 'mobile phone': '+12025550103' }, local: '2025550103' },
		];
		const nested = await runEkycpro(sim, items, { parameters: { phoneNumber: '={{ $json.contact["mobile phone"] }}' } });
		const computed = await runEkycpro(sim, items, { parameters: { phoneNumber: '={{ "+1" + $json.local }}' } });

		for (const run of [nested, computed]) {
			expect(run.items.map((item) => [item.json.phoneNumber, item.json.registered])).toEqual([
				['+12025550102', true],
				['+12025550103', false],
			]);
		}
	});

	it('leaves the input fields out when asked', async () => {
		const run = await runEkycpro(sim, rows(['+12025550102']), { options: { includeInputFields: false } });
		expect(Object.keys(run.items[0].json)).toEqual(['phoneNumber', 'registered', 'resultStatus', 'coinw', 'taskId', 'taskType']);
	});
});
