import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { toNodeError } from '../shared/errors';
import { errorOutput } from '../shared/itemRunner';
import type { NumberEntry } from './numberInput';
import type { TaskPart } from './taskParts';
import { mimeTypeOf } from './taskRun';
import type { IdentifierKind } from './taskTypes';
import { identifierKey } from './verdicts';
import type { ResultRow } from './verdicts';

export type OutputMode = 'perItem' | 'perNumber' | 'file';

const OWN_FIELDS = new Set(['phoneNumber', 'email', 'registered', 'resultStatus', 'taskId', 'taskType']);

/** Where each identifier went and what came back. */
export class CheckOutcome {
	readonly columns: string[] = [];

	private readonly partOf = new Map<string, TaskPart>();

	private readonly rowOf = new Map<string, ResultRow>();

	constructor(
		readonly parts: TaskPart[],
		readonly taskType: string,
		readonly kind: IdentifierKind,
	) {
		for (const part of parts) {
			for (const identifier of part.identifiers) this.partOf.set(identifier, part);
			for (const column of part.results?.columns ?? []) if (!this.columns.includes(column)) this.columns.push(column);
			for (const row of part.results?.rows ?? []) if (!this.rowOf.has(row.key)) this.rowOf.set(row.key, row);
		}
	}

	part(identifier: string): TaskPart | undefined {
		return this.partOf.get(identifier);
	}

	/** Writes the verdict of one identifier into `fields`; a number the vendor left out is marked, never dropped. */
	verdict(identifier: string, part: TaskPart, fields: IDataObject = {}): IDataObject {
		const row = this.rowOf.get(identifierKey(identifier));
		fields[this.kind === 'email' ? 'email' : 'phoneNumber'] = identifier;
		fields.registered = row ? row.registered : null;
		fields.resultStatus = row ? 'returned' : 'notReturned';
		for (const column of this.columns) fields[OWN_FIELDS.has(column) ? `${column}Raw` : column] = row?.values[column] ?? null;
		fields.taskId = part.taskId ?? null;
		fields.taskType = this.taskType;
		return fields;
	}
}

/** The first failure that ends the run (Continue On Fail off): invalid input first, then a failed task. */
export function firstFailure(node: INode, entries: NumberEntry[], outcome: CheckOutcome | undefined): Error | undefined {
	const invalid = entries.find((entry) => entry.error);
	if (invalid) return toNodeError(node, invalid.error, invalid.itemIndex);
	const failedPart = outcome?.parts.find((part) => part.error);
	if (!outcome || !failedPart) return undefined;
	const firstItem = entries.find((entry) => entry.identifier !== undefined && outcome.part(entry.identifier) === failedPart);
	const error = toNodeError(node, failedPart.error, firstItem?.itemIndex ?? 0);
	const finished = outcome.parts.filter((part) => part.taskId && !part.error).map((part) => part.taskId);
	if (finished.length > 0) {
		const note = `Tasks that did finish (fetch them with "Get Results"): ${finished.join(', ')}.`;
		(error as { description?: string | null }).description = [(error as { description?: string | null }).description, note].filter(Boolean).join(' ');
	}
	return error;
}

function errorItem(node: INode, entry: NumberEntry, error: Error, includeInputFields: boolean): INodeExecutionData {
	return errorOutput({ json: entry.fields }, entry.itemIndex, toNodeError(node, error, entry.itemIndex), includeInputFields);
}

/** One item per input row, in input order, with its own fields and its verdict. */
export function perItemOutput(node: INode, entries: NumberEntry[], outcome: CheckOutcome, includeInputFields: boolean): INodeExecutionData[] {
	return entries.map((entry) => {
		const part = entry.identifier !== undefined ? outcome.part(entry.identifier) : undefined;
		if (entry.error || !part || part.error) {
			return errorItem(node, entry, entry.error ?? part?.error ?? new Error('Not checked'), includeInputFields);
		}
		// Object.assign, not spread: V8 adds the verdict fields to a spread copy several times slower.
		const json = outcome.verdict(entry.identifier as string, part, includeInputFields ? Object.assign({}, entry.fields) : {});
		return { json, pairedItem: { item: entry.itemIndex } };
	});
}

/** One item per unique number, paired with every input item that held it. */
export function perNumberOutput(node: INode, entries: NumberEntry[], outcome: CheckOutcome): INodeExecutionData[] {
	const byIdentifier = new Map<string, INodeExecutionData>();
	const output: INodeExecutionData[] = [];
	for (const entry of entries) {
		const part = entry.identifier !== undefined ? outcome.part(entry.identifier) : undefined;
		if (entry.error || !part) {
			output.push(errorItem(node, entry, entry.error ?? new Error('Not checked'), false));
			continue;
		}
		const known = byIdentifier.get(entry.identifier as string);
		if (known) {
			const paired = known.pairedItem as IPairedItemData[];
			if (!paired.some(({ item }) => item === entry.itemIndex)) paired.push({ item: entry.itemIndex });
			continue;
		}
		const item: INodeExecutionData = {
			...(part.error ? errorItem(node, entry, part.error, false) : { json: outcome.verdict(entry.identifier as string, part) }),
			pairedItem: [{ item: entry.itemIndex }],
		};
		byIdentifier.set(entry.identifier as string, item);
		output.push(item);
	}
	return output;
}

/** One item per task with its result file as binary, paired with the items whose numbers it holds. */
export async function fileOutput(
	ctx: IExecuteFunctions,
	entries: NumberEntry[],
	outcome: CheckOutcome,
	binaryPropertyName: string,
): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const output: INodeExecutionData[] = [];
	for (const entry of entries) if (entry.error) output.push(errorItem(node, entry, entry.error, false));
	for (const part of outcome.parts) {
		const partEntries = entries.filter((entry) => entry.identifier !== undefined && outcome.part(entry.identifier) === part);
		const pairedItem = [...new Set(partEntries.map((entry) => entry.itemIndex))].map((item) => ({ item }));
		if (part.error || !part.file) {
			const item = errorItem(node, partEntries[0], part.error ?? new Error('Not checked'), false);
			output.push({ ...item, pairedItem });
			continue;
		}
		const binary = await ctx.helpers.prepareBinaryData(part.file.data, part.file.fileName, mimeTypeOf(part.file.fileName));
		output.push({
			json: { taskId: part.taskId ?? null, taskType: outcome.taskType, numbers: part.identifiers.length, fileName: part.file.fileName },
			binary: { [binaryPropertyName]: binary },
			pairedItem,
		});
	}
	return output;
}
