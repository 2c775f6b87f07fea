import type { INodeExecutionData } from 'n8n-workflow';

import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { runEkycpro, uploadedLists } from './helpers';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

function fileItem(text: string | Buffer, fileName: string, json: Record<string, string> = {}): INodeExecutionData {
	const data = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
	return { json, binary: { data: { data: data.toString('base64'), mimeType: fileName.endsWith('.csv') ? 'text/csv' : 'text/plain', fileName } } };
}

const fileParameters = { inputSource: 'binaryFile', binaryPropertyName: 'data' };

describe('ekycpro checkNumbers with the numbers in a binary file', () => {
	it('reads a CSV by the header of its number column: one output row per file row, with the row\'s fields', async () => {
		const csv = '\ufeffname;mobile;city\r\n"Doe; Jane";+1 202 555 0102;Paris\r\nBob;2025550101;Rome\r\n\r\nAnn;+1 202 555 0102;Oslo\r\n';
		const run = await runEkycpro(sim, [fileItem(csv, 'contacts.csv', { batch: 'b1' })], {
			parameters: { ...fileParameters, numberColumn: 'Mobile' },
			options: { defaultCountry: 'US' },
		});

		expect(run.status).toBe('success');
		expect(await uploadedLists(sim)).toEqual([['+12025550102', '+12025550101']]);
		expect(run.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ name: 'Doe; Jane', mobile: '+1 202 555 0102', city: 'Paris', phoneNumber: '+12025550102', registered: true, coinw: 'yes' }),
			expect.objectContaining({ name: 'Bob', mobile: '2025550101', city: 'Rome', phoneNumber: '+12025550101', registered: false, coinw: 'no' }),
			expect.objectContaining({ name: 'Ann', city: 'Oslo', phoneNumber: '+12025550102', registered: true }),
		]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('reads a txt list without header (LF) and a second file (CRLF, column by position) in one run', async () => {
		const run = await runEkycpro(
			sim,
			[fileItem('+12025550102\n+12025550103\n', 'numbers.txt'), fileItem('id,phone\r\n7,+447911123456\r\n8,+12025550000\r\n', 'more.csv')],
			{ parameters: { ...fileParameters, numberColumn: '={{ $itemIndex === 0 ? "" : "2" }}' } },
		);

		expect(run.status).toBe('success');
		expect(run.items.map((item) => [item.json.column1 ?? item.json.id, item.json.phoneNumber, item.json.resultStatus, item.pairedItem])).toEqual([
			['+12025550102', '+12025550102', 'returned', { item: 0 }],
			['+12025550103', '+12025550103', 'returned', { item: 0 }],
			['7', '+447911123456', 'returned', { item: 1 }],
			['8', '+12025550000', 'notReturned', { item: 1 }],
		]);
		expect(sim.vendors.ekycpro.calls.createTask).toBe(1);
	});

	it('fails only the bad row of a file with Continue On Fail, naming its row', async () => {
		const run = await runEkycpro(sim, [fileItem('phone\n+12025550102\nabc\n+12025550103\n', 'list.csv')], { parameters: fileParameters, continueOnFail: true });

		expect(run.items.map((item) => item.json.registered ?? item.json.error)).toEqual([true, 'Row 3 of list.csv: Invalid phone number "abc"', false]);
		expect(run.items[1].json.phone).toBe('abc');
	});

	it('fails the node before uploading when a row is bad and Continue On Fail is off', async () => {
		const run = await runEkycpro(sim, [fileItem('+12025550102\n', 'a.txt'), fileItem('+12025550102\n12\n', 'b.txt')], { parameters: fileParameters });

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Row 2 of b.txt: Invalid phone number "12"');
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
		expect(sim.requestLog).toHaveLength(0);
	});

	it('says which columns exist when the number column is not there, and when the binary field is missing', async () => {
		const noColumn = await runEkycpro(sim, [fileItem('name,tel\nA,+12025550102\n', 'c.csv')], { parameters: { ...fileParameters, numberColumn: 'phone' } });
		expect(noColumn.error?.message).toBe('c.csv has no column "phone"');
		expect(noColumn.error?.description).toBe('Its first row holds: name, tel.');

		const noBinary = await runEkycpro(sim, [{ json: { phone: '+12025550102' } }], { parameters: fileParameters });
		expect(noBinary.status).toBe('error');
		expect(noBinary.error?.message).toContain('data');
		expect(sim.requestLog).toHaveLength(0);
	});
});
