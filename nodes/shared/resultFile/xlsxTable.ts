import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';

import { ResultFileError } from './limits';
import type { ByteBudget, ResultFileLimits } from './limits';
import type { ResultTable } from './types';
import { readZipEntries } from './zipArchive';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const FIRST_SHEET_FALLBACK = 'xl/worksheets/sheet1.xml';

function parseXml(xml: string, what: string, handlers: {
	open?: (tag: SaxesTagPlain) => void;
	close?: (name: string) => void;
	text?: (text: string) => void;
}): void {
	const parser = new SaxesParser();
	if (handlers.open) parser.on('opentag', handlers.open);
	if (handlers.close) parser.on('closetag', (tag) => handlers.close?.(tag.name));
	if (handlers.text) parser.on('text', handlers.text);
	try {
		parser.write(xml).close();
	} catch (error) {
		throw new ResultFileError('UNREADABLE', `${what} is not well-formed XML (${(error as Error).message})`);
	}
}

/** Local name of a possibly prefixed tag or attribute: "x:row" -> "row". */
function local(name: string): string {
	return name.slice(name.indexOf(':') + 1);
}

/** Path of the first sheet: workbook.xml names its relationship id, the rels file its target. */
function firstSheetPath(workbookXml: string | undefined, relsXml: string | undefined, file: string): string {
	if (!workbookXml || !relsXml) return FIRST_SHEET_FALLBACK;
	let relationId: string | undefined;
	parseXml(workbookXml, `${file}/${WORKBOOK}`, {
		open: (tag) => {
			if (relationId || local(tag.name) !== 'sheet') return;
			relationId = Object.entries(tag.attributes).find(([name]) => name.endsWith(':id'))?.[1];
		},
	});
	let target: string | undefined;
	parseXml(relsXml, `${file}/${WORKBOOK_RELS}`, {
		open: (tag) => {
			if (local(tag.name) === 'Relationship' && tag.attributes.Id === relationId) target = tag.attributes.Target;
		},
	});
	if (!target) return FIRST_SHEET_FALLBACK;
	return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The shared string table: each <si> is the text of its <t> runs (phonetic <rPh> runs left out). */
function sharedStrings(xml: string | undefined, file: string): string[] {
	if (!xml) return [];
	const strings: string[] = [];
	let current: string | undefined;
	let inText = false;
	let inPhonetic = false;
	parseXml(xml, `${file}/${SHARED_STRINGS}`, {
		open: (tag) => {
			const name = local(tag.name);
			if (name === 'si') current = '';
			else if (name === 'rPh') inPhonetic = true;
			else if (name === 't') inText = !inPhonetic;
		},
		close: (tag) => {
			const name = local(tag);
			if (name === 'si') {
				strings.push(current ?? '');
				current = undefined;
			} else if (name === 'rPh') inPhonetic = false;
			else if (name === 't') inText = false;
		},
		text: (text) => {
			if (inText && current !== undefined) current += text;
		},
	});
	return strings;
}

/** "BC12" -> 54 (zero-based column of a cell reference). */
function columnIndex(reference: string | undefined): number | undefined {
	const letters = reference ? /^[A-Z]+/i.exec(reference)?.[0] : undefined;
	if (!letters) return undefined;
	let index = 0;
	for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
	return index - 1;
}

/** Numbers stored as doubles may come as "1.2025551234E10": phone numbers want their digits back. */
function numberText(value: string): string {
	if (!/e/i.test(value)) return value;
	const number = Number(value);
	return Number.isSafeInteger(number) ? number.toFixed(0) : value;
}

function cellText(type: string | undefined, value: string, strings: string[]): string {
	switch (type) {
		case 's':
			return strings[Number(value)] ?? '';
		case 'b':
			return value === '1' ? 'TRUE' : 'FALSE';
		case 'str':
		case 'inlineStr':
		case 'e':
		case 'd':
			return value;
		default:
			return numberText(value);
	}
}

/** Rows of a sheet as text, empty rows left out, gaps between cells filled with ''. */
function sheetRows(xml: string, strings: string[], what: string): string[][] {
	const rows: string[][] = [];
	let row: string[] | undefined;
	let cellType: string | undefined;
	let cellColumn = 0;
	let value = '';
	let inValue = false;
	let inPhonetic = false;
	parseXml(xml, what, {
		open: (tag) => {
			const name = local(tag.name);
			if (name === 'row') row = [];
			else if (name === 'c' && row) {
				cellType = tag.attributes.t;
				cellColumn = columnIndex(tag.attributes.r) ?? row.length;
				value = '';
			} else if (name === 'rPh') inPhonetic = true;
			else if (name === 'v' || (name === 't' && !inPhonetic)) inValue = true;
		},
		close: (tag) => {
			const name = local(tag);
			if (name === 'c' && row) {
				while (row.length < cellColumn) row.push('');
				row[cellColumn] = cellText(cellType, value, strings).trim();
			} else if (name === 'row' && row) {
				if (row.some((cell) => cell !== '')) rows.push(row);
				row = undefined;
			} else if (name === 'rPh') inPhonetic = false;
			else if (name === 'v' || name === 't') inValue = false;
		},
		text: (text) => {
			if (inValue) value += text;
		},
	});
	return rows;
}

/** The first sheet of an XLSX workbook as a table (first non-empty row = header). */
export function readXlsxTable(data: Uint8Array, file: string, budget: ByteBudget, limits: ResultFileLimits): ResultTable {
	const parts = readZipEntries(data, file, (name) => [WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS].includes(name), budget, limits);
	const text = (name: string) => parts.get(name)?.toString('utf8');
	const sheetPath = firstSheetPath(text(WORKBOOK), text(WORKBOOK_RELS), file);
	const sheet = readZipEntries(data, file, (name) => name === sheetPath, budget, limits).get(sheetPath);
	if (!sheet) throw new ResultFileError('UNREADABLE', `${file} has no worksheet ${sheetPath}`);
	const [header = [], ...rows] = sheetRows(sheet.toString('utf8'), sharedStrings(text(SHARED_STRINGS), file), `${file}/${sheetPath}`);
	return { file, header, rows };
}
