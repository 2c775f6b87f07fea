import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ItemInputError } from '../shared/errors';
import { parsePhone } from '../shared/phone';
import { decodeText, parseCsvRows } from '../shared/resultFile';
import type { IdentifierKind } from './taskTypes';

/** One number to check: an input item, or one row of an input file. */
export interface NumberEntry {
	itemIndex: number;
	/** The row's own fields: the input item's json, or the file row by its header. */
	fields: IDataObject;
	/** E.164 number or lower-case e-mail address, when the input is valid. */
	identifier?: string;
	error?: Error;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

type IdentifierReader = (input: unknown) => string | ItemInputError;

function readIdentifier(text: string, kind: IdentifierKind, defaultCountry: string): string | ItemInputError {
	if (kind === 'email') {
		const email = text.trim().toLowerCase();
		return EMAIL.test(email) ? email : new ItemInputError(`Invalid e-mail address "${text.trim()}"`, 'This task type checks e-mail addresses.');
	}
	try {
		return parsePhone(text, defaultCountry).e164;
	} catch (error) {
		return error instanceof ItemInputError ? error : new ItemInputError(`Invalid phone number "${text.trim()}"`, String(error));
	}
}

/** Normalises what people type into what the vendor takes (or the reason it cannot), remembering inputs already seen. */
export function identifierReader(kind: IdentifierKind, defaultCountry: string): IdentifierReader {
	const seen = new Map<string, string | ItemInputError>();
	return (input) => {
		const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input : '';
		let known = seen.get(text);
		if (known === undefined) {
			known = readIdentifier(text, kind, defaultCountry);
			seen.set(text, known);
		}
		return known;
	};
}

function entryFor(itemIndex: number, fields: IDataObject, identifier: string | Error): NumberEntry {
	return typeof identifier === 'string' ? { itemIndex, fields, identifier } : { itemIndex, fields, error: identifier };
}

const FIELD_REFERENCE = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^'\\]*'|"[^"\\]*")\s*\])+)\s*\}\}$/;
const PATH_SEGMENT = /\.([A-Za-z_$][\w$]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/g;

/** The field path of a parameter that is only `={{ $json.a.b }}` or `={{ $json["a b"] }}`. */
export function fieldReferencePath(parameter: unknown): string[] | undefined {
	const match = typeof parameter === 'string' ? FIELD_REFERENCE.exec(parameter) : null;
	if (!match) return undefined;
	return [...match[1].matchAll(PATH_SEGMENT)].map((segment) => segment[1] ?? segment[2] ?? segment[3]);
}

function valueAt(json: IDataObject, path: string[]): unknown {
	let value: unknown = json;
	for (const key of path) value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	return value;
}

/**
 * One entry per input item, the number taken from the `phoneNumber` parameter. A plain field
 * reference is read from the item directly: n8n's expression engine costs ~0.1 ms an item,
 * seconds for the 100,000-row lists this node is for; anything else is evaluated per item.
 */
function entriesFromField(ctx: IExecuteFunctions, read: IdentifierReader): NumberEntry[] {
	const path = fieldReferencePath(ctx.getNode().parameters.phoneNumber);
	return ctx.getInputData().map((item, itemIndex) => {
		let input: unknown;
		try {
			input = path ? valueAt(item.json, path) : ctx.getNodeParameter('phoneNumber', itemIndex, '');
		} catch (error) {
			return { itemIndex, fields: item.json, error: error as Error };
		}
		return entryFor(itemIndex, item.json, read(input));
	});
}

function hasDigit(text: string | undefined): boolean {
	return /\d/.test(text ?? '');
}

/** Which column holds the numbers and whether the first row is a header. */
function locateColumn(rows: string[][], column: string, fileName: string): { index: number; hasHeader: boolean } {
	const first = rows[0] ?? [];
	if (column === '' || /^\d+$/.test(column)) {
		const index = column === '' ? 0 : Number(column) - 1;
		if (index < 0) throw new ItemInputError(`Column positions start at 1 (got ${column})`);
		return { index, hasHeader: !hasDigit(first[index]) };
	}
	const index = first.findIndex((cell) => cell.toLowerCase() === column.toLowerCase());
	if (index < 0) {
		throw new ItemInputError(`${fileName} has no column "${column}"`, `Its first row holds: ${first.slice(0, 20).join(', ') || '(nothing)'}.`);
	}
	return { index, hasHeader: true };
}

/** One entry per data row of each input item's file; a row's fields are named by the header. */
async function entriesFromFiles(ctx: IExecuteFunctions, read: IdentifierReader): Promise<NumberEntry[]> {
	const entries: NumberEntry[] = [];
	const items = ctx.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
			const column = String(ctx.getNodeParameter('numberColumn', itemIndex, '')).trim();
			const binary = ctx.helpers.assertBinaryData(itemIndex, property);
			const fileName = binary.fileName ?? property;
			const rows = parseCsvRows(decodeText(await ctx.helpers.getBinaryDataBuffer(itemIndex, property)), fileName);
			const { index, hasHeader } = locateColumn(rows, column, fileName);
			const width = rows.reduce((widest, row) => Math.max(widest, row.length), index + 1);
			const names = Array.from({ length: width }, (_, position) => (hasHeader && rows[0][position]) || `column${position + 1}`);
			for (let rowIndex = hasHeader ? 1 : 0; rowIndex < rows.length; rowIndex++) {
				const row = rows[rowIndex];
				const fields: IDataObject = {};
				names.forEach((name, position) => (fields[name] = row[position] ?? ''));
				const identifier = read(row[index]);
				entries.push(
					entryFor(
						itemIndex,
						fields,
						identifier instanceof ItemInputError
							? new ItemInputError(`Row ${rowIndex + 1} of ${fileName}: ${identifier.message}`, identifier.description)
							: identifier,
					),
				);
			}
		} catch (error) {
			entries.push({ itemIndex, fields: items[itemIndex].json, error: error as Error });
		}
	}
	return entries;
}

/** The valid identifiers in order of first appearance, each once. */
export function uniqueIdentifiers(entries: NumberEntry[]): string[] {
	const unique = new Set<string>();
	for (const entry of entries) if (entry.identifier !== undefined) unique.add(entry.identifier);
	return [...unique];
}

export async function collectEntries(ctx: IExecuteFunctions, kind: IdentifierKind, defaultCountry: string): Promise<NumberEntry[]> {
	const read = identifierReader(kind, defaultCountry);
	const source = ctx.getNodeParameter('inputSource', 0, 'field') as string;
	return source === 'binaryFile' ? await entriesFromFiles(ctx, read) : entriesFromField(ctx, read);
}
