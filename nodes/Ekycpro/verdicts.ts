import type { IDataObject } from 'n8n-workflow';

import type { ResultFileContents, ResultFileFormat, ResultTable } from '../shared/resultFile';

/** One row of a result file: the number as written there and its verdict. */
export interface ResultRow {
	/** As the file writes it: "+12025551234", "12025551234" or an e-mail address. */
	identifier: string;
	key: string;
	registered: boolean | null;
	/** Every column but the number, by its header name, raw. */
	values: IDataObject;
}

export interface TaskResults {
	format: ResultFileFormat;
	/** Result columns in file order (the number column left out). */
	columns: string[];
	rows: ResultRow[];
}

const NUMBER_HEADER = /^(number|phone|phone[ _]?number|mobile|msisdn|identifier|e-?mail)$/i;
const POSITIVE = new Set(['yes', 'y', 'true', 'registered', 'active', 'activated', 'exist', 'exists', 'valid', 'found', 'on']);
const NEGATIVE = new Set(['no', 'n', 'false', 'unregistered', 'not registered', 'inactive', 'invalid', 'not found', 'none', 'n/a', 'na', 'not exist', 'off']);

/** Matches a number however the file writes it (with or without +, spaces); e-mails by lower case. */
export function identifierKey(value: string): string {
	return value.includes('@') ? value.trim().toLowerCase() : value.replace(/\D/g, '');
}

/** yes/no words, day counts (telegram_days 1/7/30 vs N/A) and links read as a verdict; anything else is unknown. */
export function registeredFrom(value: string): boolean | null {
	const word = value.trim().toLowerCase();
	if (POSITIVE.has(word)) return true;
	if (NEGATIVE.has(word)) return false;
	if (/^\d+(\.\d+)?$/.test(word)) return Number(word) > 0;
	if (/^https?:\/\//.test(word)) return true;
	return null;
}

function uniqueNames(header: string[]): string[] {
	const used = new Set<string>();
	return header.map((cell, position) => {
		let name = cell || `column${position + 1}`;
		while (used.has(name)) name = `${name}_${position + 1}`;
		used.add(name);
		return name;
	});
}

function tableRows(table: ResultTable, columns: string[]): ResultRow[] {
	const names = uniqueNames(table.header);
	const numberColumn = Math.max(0, names.findIndex((name) => NUMBER_HEADER.test(name)));
	const resultColumns = names.map((name, position) => ({ name, position })).filter(({ position }) => position !== numberColumn);
	for (const { name } of resultColumns) if (!columns.includes(name)) columns.push(name);
	const verdictColumn = resultColumns[0]?.position;
	const rows: ResultRow[] = [];
	for (const row of table.rows) {
		const identifier = row[numberColumn] ?? '';
		const key = identifierKey(identifier);
		if (!key) continue;
		const values: IDataObject = {};
		for (const { name, position } of resultColumns) values[name] = row[position] ?? '';
		rows.push({ identifier, key, registered: verdictColumn === undefined ? null : registeredFrom(row[verdictColumn] ?? ''), values });
	}
	return rows;
}

/** A list file (activated.txt, unregistered.txt) gives its name as the verdict. */
function listRows(name: string, values: string[], columns: string[]): ResultRow[] {
	if (!columns.includes('list')) columns.push('list');
	const registered = name.toLowerCase() === 'activated' ? true : registeredFrom(name);
	return values
		.map((identifier) => ({ identifier, key: identifierKey(identifier), registered, values: { list: name } }))
		.filter((row) => row.key !== '');
}

/** The rows of every table (or list) of a result file, whatever its header calls the columns. */
export function taskResultsFrom(contents: ResultFileContents): TaskResults {
	const columns: string[] = [];
	const rows: ResultRow[] = [];
	const append = (more: ResultRow[]) => {
		for (const row of more) rows.push(row);
	};
	for (const table of contents.tables) {
		if (table.header.length <= 1) {
			const name = table.file.slice(table.file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
			const header = /[\d@]/.test(table.header[0] ?? '') ? [table.header[0]] : [];
			append(listRows(name, [...header, ...table.rows.map((row) => row[0] ?? '')], columns));
		} else {
			append(tableRows(table, columns));
		}
	}
	for (const list of contents.lists) append(listRows(list.name, list.values, columns));
	return { format: contents.format, columns, rows };
}
