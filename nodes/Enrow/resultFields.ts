import type { IDataObject } from 'n8n-workflow';

import { ENROW_CREDITS_PER_PHONE } from './transport';
import type { BulkAnswer, BulkResultEntry, SingleResult } from './transport';

/** The fields every finished search is written back with, whichever operation or trigger found it. */
export function searchResultFields(
	searchId: string,
	result: SingleResult | BulkResultEntry,
	creditsUsed: number | null,
	sentCustom?: unknown,
): IDataObject {
	const found = result.qualification === 'found';
	return {
		searchId,
		qualification: result.qualification,
		found,
		number: found ? (result.number ?? null) : null,
		country: found ? (result.country ?? null) : null,
		creditsUsed: found ? creditsUsed : 0,
		custom: (result.custom ?? sentCustom ?? null) as IDataObject | null,
	};
}

/** Credits of one found phone in a bulk search: the batch cost spread over its finds. */
export function creditsPerFoundPhone(answer: BulkAnswer): number {
	const { credits_cost: cost, found } = answer.stats ?? {};
	return cost !== undefined && found ? cost / found : ENROW_CREDITS_PER_PHONE;
}

/** One item's fields per result of a finished bulk search, with its position in the batch. */
export function bulkResultFields(answer: BulkAnswer): Array<{ index: number; fields: IDataObject }> {
	const credits = creditsPerFoundPhone(answer);
	return (answer.results ?? []).map((result) => ({
		index: result.index,
		fields: { ...searchResultFields(answer.general.id, result, credits), index: result.index, params: result.params ?? null },
	}));
}

/** A bulk search still running: its progress as the vendor counts it. */
export function bulkProgressFields(answer: BulkAnswer): IDataObject {
	return {
		searchId: answer.general.id,
		status: answer.general.status,
		finished: answer.stats?.finished ?? null,
		requested: answer.stats?.requested ?? null,
	};
}
