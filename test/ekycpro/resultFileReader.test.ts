import { strToU8, zipSync } from 'fflate';

import { readResultFile } from '../../nodes/shared/resultFile';
import { resultXlsx } from '../simulator/vendors/ekycpro/resultFiles';

const zip = (entries: Record<string, string | Uint8Array>) =>
	Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]))));

describe('shared result-file reader', () => {
	it('reads CSV with or without BOM, CRLF or LF, quoted fields, comma or semicolon', () => {
		const files = [
			'\ufeffNumber,coinw\r\n+12025550102,yes\r\n"+1 202 555 0103","no, not found"\r\n',
			'Number;coinw\n+12025550102;yes\n+1 202 555 0103;"no, not found"\n',
		];
		for (const text of files) {
			expect(readResultFile(Buffer.from(text, 'utf8'), 'r.csv').tables[0]).toEqual({
				file: 'r.csv',
				header: ['Number', 'coinw'],
				rows: [['+12025550102', 'yes'], ['+1 202 555 0103', 'no, not found']],
			});
		}
	});

	it('reads UTF-16 text with its BOM, as some spreadsheet exports write it', () => {
		const text = 'Number\tws\r\n+12025550102\tyes\r\n';
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		expect(readResultFile(utf16, 'export.csv').tables[0].rows).toEqual([['+12025550102', 'yes']]);
	});

	it('prefers the CSV of a zip, then its XLSX, then its txt lists, and ignores folders and macOS metadata', () => {
		const lists = { 'out/activated.txt': '12025550102\r\n', 'out/unregistered.txt': '12025550103', '__MACOSX/out/._all.csv': 'junk', 'out/': '' };
		const withCsv = readResultFile(zip({ ...lists, 'out/all.csv': 'Number,ws\n+12025550102,yes\n', 'out/result.xlsx': resultXlsx(['+12025550102'], ['ws']) }), 't.zip');
		expect(withCsv.format).toBe('csv');
		expect(withCsv.tables.map((table) => table.file)).toEqual(['t.zip/out/all.csv']);

		const withXlsx = readResultFile(zip({ ...lists, 'out/result.xlsx': resultXlsx(['+12025550102'], ['ws']) }), 't.zip');
		expect(withXlsx.format).toBe('xlsx');
		expect(withXlsx.tables[0]).toMatchObject({ header: ['Number', 'ws'], rows: [['12025550102', 'yes']] });

		const onlyLists = readResultFile(zip(lists), 't.zip');
		expect(onlyLists.lists.map((list) => [list.name, list.values])).toEqual([
			['activated', ['12025550102']],
			['unregistered', ['12025550103']],
		]);
	});

	it('reads XLSX cells written as inline strings, numbers in E notation, booleans and gaps', () => {
		const sheet =
			'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
			'<row r="1"><c r="A1" t="inlineStr"><is><t>Number</t></is></c><c r="C1" t="inlineStr"><is><r><t>tele</t></r><r><t>gram</t></r></is></c></row>' +
			'<row r="3"><c r="A3"><v>1.2025550102E10</v></c><c r="C3" t="b"><v>1</v></c></row>' +
			'</sheetData></worksheet>';
		const xlsx = zip({ 'xl/workbook.xml': '<workbook><sheets><sheet name="S" r:id="rId7"/></sheets></workbook>', 'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId7" Target="/xl/worksheets/data.xml"/></Relationships>', 'xl/worksheets/data.xml': sheet });
		expect(readResultFile(xlsx, 'r.xlsx').tables[0]).toEqual({ file: 'r.xlsx', header: ['Number', '', 'telegram'], rows: [['12025550102', '', 'TRUE']] });
	});

	it('refuses archives with too many entries and files that are not archives nor text it can read', () => {
		const many = zip(Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${index}.txt`, 'x'])));
		expect(() => readResultFile(many, 'many.zip', { maxEntries: 20 })).toThrow('many.zip lists more than 20 entries: refused');
		const truncated = zip({ 'all.csv': 'Number,ws\n+1,yes\n' }).subarray(0, 40);
		expect(() => readResultFile(truncated, 'cut.zip')).toThrow(/cut\.zip is not a readable zip archive/);
		expect(() => readResultFile(zip({ 'readme.md': 'hello' }), 'odd.zip')).toThrow('odd.zip holds no CSV, XLSX or TXT file (it holds: readme.md)');
		expect(() => readResultFile(Buffer.alloc(2 * 1024 * 1024, 'a'), 'big.csv', { maxTotalBytes: 1024 * 1024 })).toThrow('big.csv unpacks to more than 1 MB');
	});
});
