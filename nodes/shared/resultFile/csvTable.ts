import Papa from 'papaparse';

import { ResultFileError } from './limits';
import type { ResultTable } from './types';

/**
 * Rows of a CSV text (BOM already removed): comma, semicolon, tab or pipe delimited, CRLF or LF,
 * quoted fields as RFC 4180 writes them. Empty lines are skipped; cells are trimmed.
 */
export function parseCsvRows(text: string, file: string): string[][] {
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
	const fatal = parsed.errors.find((error) => error.type === 'Quotes');
	if (fatal && parsed.data.length === 0) {
		throw new ResultFileError('UNREADABLE', `${file} is not readable CSV (${fatal.message} at row ${fatal.row ?? 0})`);
	}
	for (const row of parsed.data) for (let cell = 0; cell < row.length; cell++) row[cell] = row[cell].trim();
	return parsed.data;
}

/** The first row is the header; the others are data rows. */
export function readCsvTable(text: string, file: string): ResultTable {
	const [header = [], ...rows] = parseCsvRows(text, file);
	return { file, header, rows };
}
