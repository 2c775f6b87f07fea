import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { Zip, strToU8, zipSync } from 'fflate';
import type { ZipInputFile } from 'fflate';

import type { EkycproResultFormat } from './config';
import { columnValue, isRegistered, isReturned } from './scenarios';

export interface ResultFile {
	name: string;
	contentType: string;
	data: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BOM = '\ufeff';

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** all.csv as Excel writes it: BOM, CRLF, header `Number,<columns>`. */
export function resultCsv(identifiers: string[], columns: string[]): Buffer {
	const lines = [['Number', ...columns].join(',')];
	for (const identifier of identifiers) {
		if (isReturned(identifier)) lines.push([identifier, ...columns.map((column) => columnValue(column, identifier))].join(','));
	}
	return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Phone numbers of the txt lists are written without "+" (our choice; the node must not care). */
function listLine(identifier: string): string {
	return identifier.replace(/^\+/, '');
}

export function resultLists(identifiers: string[]): Record<'activated.txt' | 'unregistered.txt', Buffer> {
	const returned = identifiers.filter(isReturned);
	const list = (registered: boolean) =>
		Buffer.from(returned.filter((identifier) => isRegistered(identifier) === registered).map(listLine).join('\n'), 'utf8');
	return { 'activated.txt': list(true), 'unregistered.txt': list(false) };
}

/**
 * A minimal valid XLSX workbook: one sheet, header and values as shared strings, phone numbers
 * as numeric cells without "+" (as a spreadsheet stores them once typed as numbers).
 */
export function resultXlsx(identifiers: string[], columns: string[]): Buffer {
	const strings: string[] = [];
	const stringIndex = new Map<string, number>();
	const shared = (text: string) => {
		let index = stringIndex.get(text);
		if (index === undefined) {
			index = strings.push(text) - 1;
			stringIndex.set(text, index);
		}
		return index;
	};
	const columnLetter = (index: number) => String.fromCharCode(65 + index);
	const stringCell = (ref: string, text: string) => `<c r="${ref}" t="s"><v>${shared(text)}</v></c>`;
	const rows = [`<row r="1">${['Number', ...columns].map((text, index) => stringCell(`${columnLetter(index)}1`, text)).join('')}</row>`];
	let rowNumber = 1;
	for (const identifier of identifiers) {
		if (!isReturned(identifier)) continue;
		rowNumber += 1;
		const numberCell = /^\+\d+$/.test(identifier)
			? `<c r="A${rowNumber}"><v>${identifier.slice(1)}</v></c>`
			: `<c r="A${rowNumber}" t="inlineStr"><is><t>${escapeXml(identifier)}</t></is></c>`;
		const valueCells = columns.map((column, index) => stringCell(`${columnLetter(index + 1)}${rowNumber}`, columnValue(column, identifier)));
		rows.push(`<row r="${rowNumber}">${numberCell}${valueCells.join('')}</row>`);
	}
	const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
	const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	const packageRels = 'http://schemas.openxmlformats.org/package/2006/relationships';
	const parts: Record<string, string> = {
		'[Content_Types].xml': `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		'_rels/.rels': `${xml}<Relationships xmlns="${packageRels}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `${xml}<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Result" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `${xml}<Relationships xmlns="${packageRels}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		'xl/worksheets/sheet1.xml': `${xml}<worksheet xmlns="${main}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
		'xl/sharedStrings.xml': `${xml}<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('')}</sst>`,
	};
	return Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]))));
}

/** The result file of a finished task in the configured format. */
export function buildResultFile(taskId: string, identifiers: string[], columns: string[], format: EkycproResultFormat): ResultFile {
	const zip = (entries: Record<string, Buffer>): ResultFile => ({
		name: `${taskId}.zip`,
		contentType: 'application/zip',
		data: Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, new Uint8Array(data)])))),
	});
	switch (format) {
		case 'csv':
			return { name: `${taskId}.csv`, contentType: 'text/csv', data: resultCsv(identifiers, columns) };
		case 'xlsx':
			return { name: `${taskId}.xlsx`, contentType: XLSX_TYPE, data: resultXlsx(identifiers, columns) };
		case 'zipCsv':
			return zip({ 'all.csv': resultCsv(identifiers, columns) });
		case 'zipXlsx':
			return zip({ 'result.xlsx': resultXlsx(identifiers, columns) });
		case 'zipTxt':
			return zip(resultLists(identifiers));
		case 'zip':
			return zip({ ...resultLists(identifiers), 'all.csv': resultCsv(identifiers, columns), 'result.xlsx': resultXlsx(identifiers, columns) });
	}
}

const BOMB_BYTES = 300 * 1024 * 1024;

/**
 * A zip whose all.csv inflates to 300 MB of "0" from ~300 KB: one deflate block of 1 MB,
 * ended by a full flush so it can be repeated, then an empty final block. `declaredSize`
 * lets the central directory tell the truth or lie.
 */
export function zipBomb(taskId: string, declaredSize: number): ResultFile {
	const megabyte = deflateRawSync(Buffer.alloc(1024 * 1024, '0'), { finishFlush: zlibConstants.Z_FULL_FLUSH });
	const finalEmptyBlock = Buffer.from([0x03, 0x00]);
	const deflated = Buffer.concat([...Array<Buffer>(BOMB_BYTES / (1024 * 1024)).fill(megabyte), finalEmptyBlock]);
	const chunks: Uint8Array[] = [];
	const archive = new Zip((error, chunk) => {
		if (error) throw error;
		chunks.push(chunk);
	});
	const entry: ZipInputFile = { filename: 'all.csv', size: declaredSize, crc: 0, compression: 8 };
	archive.add(entry);
	entry.ondata?.(null, new Uint8Array(deflated), true);
	archive.end();
	return { name: `${taskId}.zip`, contentType: 'application/zip', data: Buffer.concat(chunks) };
}

export const ZIP_BOMB_TRUE_SIZE = BOMB_BYTES;
