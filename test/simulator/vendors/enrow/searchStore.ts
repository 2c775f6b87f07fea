import { randomUUID } from 'node:crypto';

import { ENROW_CREDITS_PER_PHONE, neverFinishes, outcomeOf } from './scenarios';
import type { Qualification, SearchInput } from './scenarios';

export interface SearchOutcome {
	qualification: Qualification;
	number?: string;
	country?: string;
}

export interface SingleSearch {
	id: string;
	key: string;
	search: SearchInput;
	finishAt: number;
	outcome?: SearchOutcome;
	webhook?: string;
}

export interface BulkSearch {
	id: string;
	key: string;
	searches: Array<SearchInput & { finishAt: number; outcome?: SearchOutcome }>;
	custom?: unknown;
	webhook?: string;
	completed: boolean;
}

/** What a finished search costs, and what goes back to the account (reserve-then-refund). */
export interface Settlement {
	cost: number;
	refund: number;
}

/**
 * Searches and their time line. A search finishes at `finishAt` (never for the "neverdone"
 * scenario); finishing settles its credits once, whether a timer or a read gets there first.
 */
export class SearchStore {
	readonly singles = new Map<string, SingleSearch>();
	readonly bulks = new Map<string, BulkSearch>();

	addSingle(key: string, search: SearchInput, delayMs: number, webhook?: string): SingleSearch {
		const single: SingleSearch = {
			id: randomUUID(),
			key,
			search,
			finishAt: neverFinishes(search) ? Infinity : Date.now() + delayMs,
			webhook,
		};
		this.singles.set(single.id, single);
		return single;
	}

	addBulk(key: string, searches: SearchInput[], delayMs: number, perSearchMs: number, custom?: unknown, webhook?: string): BulkSearch {
		const now = Date.now();
		const bulk: BulkSearch = {
			id: randomUUID(),
			key,
			searches: searches.map((search, index) => ({
				...search,
				finishAt: neverFinishes(search) ? Infinity : now + delayMs + index * perSearchMs,
			})),
			custom,
			webhook,
			completed: false,
		};
		this.bulks.set(bulk.id, bulk);
		return bulk;
	}

	/** Finishes the search if its time has come; returns the settlement the first time only. */
	settleSingle(single: SingleSearch, now = Date.now()): Settlement | undefined {
		if (single.outcome || now < single.finishAt) return undefined;
		single.outcome = outcomeOf(single.search);
		return settlementOf([single.outcome]);
	}

	/** Finishes the searches whose time has come; settles the bulk once all are done. */
	settleBulk(bulk: BulkSearch, now = Date.now()): Settlement | undefined {
		for (const search of bulk.searches) {
			if (!search.outcome && now >= search.finishAt) search.outcome = outcomeOf(search);
		}
		if (bulk.completed || bulk.searches.some((search) => !search.outcome)) return undefined;
		bulk.completed = true;
		return settlementOf(bulk.searches.map((search) => search.outcome as SearchOutcome));
	}

	clear(): void {
		this.singles.clear();
		this.bulks.clear();
	}
}

function settlementOf(outcomes: SearchOutcome[]): Settlement {
	const found = outcomes.filter((outcome) => outcome.qualification === 'found').length;
	return { cost: found * ENROW_CREDITS_PER_PHONE, refund: (outcomes.length - found) * ENROW_CREDITS_PER_PHONE };
}
