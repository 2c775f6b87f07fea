import { readCsvTable } from './csvTable';
import { ByteBudget, DEFAULT_RESULT_FILE_LIMITS, ResultFileError } from './limits';
import type { ResultFileLimits } from './limits';
import { baseName, decodeText, extensionOf, nonEmptyLines } from './text';
import type { ResultFileContents, ResultList, ResultTable } from './types';
import { readXlsxTable } from './xlsxTable';
import { isZip, listZipEntries, readZipEntries } from './zipArchive';

const XLSX_MARKER = 'xl/workbook.xml';

/** Entries that are results, not folders or the metadata macOS and others leave in archives. */
function isContentEntry(name: string): boolean {
	const file = name.slice(name.lastIndexOf('/') + 1);
	return !name.endsWith('/') && !name.startsWith('__MACOSX/') && !file.startsWith('.');
}

function readList(data: Uint8Array, file: string): ResultList {
	return { file, name: baseName(file), values: nonEmptyLines(decodeText(data)) };
}

/** A bare text file is a CSV table when its first line has a delimiter, else a list of values. */
function readBareText(data: Uint8Array, file: string): ResultFileContents {
	const text = decodeText(data);
	const firstLine = text.slice(0, text.search(/\r|\n|$/));
	if (extensionOf(file) !== 'txt' && /[,;\t|]/.test(firstLine)) {
		return { format: 'csv', entries: [file], tables: [readCsvTable(text, file)], lists: [] };
	}
	return { format: 'txt', entries: [file], tables: [], lists: [{ file, name: baseName(file), values: nonEmptyLines(text) }] };
}

function readArchive(data: Uint8Array, file: string, entries: string[], budget: ByteBudget, limits: ResultFileLimits): ResultFileContents {
	const named = (extension: string) => entries.filter((name) => isContentEntry(name) && extensionOf(name) === extension);
	const csvNames = named('csv');
	if (csvNames.length > 0) {
		const files = readZipEntries(data, file, (name) => csvNames.includes(name), budget, limits);
		const tables: ResultTable[] = csvNames.map((name) => readCsvTable(decodeText(files.get(name) as Buffer), `${file}/${name}`));
		return { format: 'csv', entries, tables, lists: [] };
	}
	const xlsxNames = named('xlsx');
	if (xlsxNames.length > 0) {
		const files = readZipEntries(data, file, (name) => xlsxNames.includes(name), budget, limits);
		const tables = xlsxNames.map((name) => readXlsxTable(files.get(name) as Buffer, `${file}/${name}`, budget, limits));
		return { format: 'xlsx', entries, tables, lists: [] };
	}
	const txtNames = named('txt');
	if (txtNames.length > 0) {
		const files = readZipEntries(data, file, (name) => txtNames.includes(name), budget, limits);
		return { format: 'txt', entries, tables: [], lists: txtNames.map((name) => readList(files.get(name) as Buffer, `${file}/${name}`)) };
	}
	throw new ResultFileError(
		'NO_RESULTS',
		`${file} holds no CSV, XLSX or TXT file (it holds: ${entries.slice(0, 10).join(', ') || 'nothing'})`,
	);
}

/**
 * Reads a vendor's result file: a zip holding CSV and/or XLSX and/or TXT lists, or a bare CSV,
 * XLSX or TXT file. CSV is preferred over XLSX (same data, cheaper); lists are read when no
 * table exists. Throws ResultFileError for hostile or unreadable files.
 */
export function readResultFile(
	data: Uint8Array,
	fileName: string,
	limits: Partial<ResultFileLimits> = {},
): ResultFileContents {
	const caps: ResultFileLimits = { ...DEFAULT_RESULT_FILE_LIMITS, ...limits };
	const budget = new ByteBudget(caps.maxTotalBytes);
	if (!isZip(data)) {
		budget.take(data.length, fileName);
		return readBareText(data, fileName);
	}
	const entries = listZipEntries(data, fileName, caps).map((entry) => entry.name);
	if (entries.includes(XLSX_MARKER)) {
		return { format: 'xlsx', entries: [fileName], tables: [readXlsxTable(data, fileName, budget, caps)], lists: [] };
	}
	return readArchive(data, fileName, entries, budget, caps);
}
