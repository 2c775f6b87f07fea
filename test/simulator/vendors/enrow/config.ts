import type { BaseVendorConfig } from '../../types';

export interface EnrowConfig extends BaseVendorConfig {
	apiKey: string;
	/** Credits on the account at start (and after configure({credits})). */
	credits: number;
	/** Time a single search takes, and the first search of a bulk. */
	searchDelayMs: number;
	/** Extra time per search in a bulk: search i finishes at searchDelayMs + i * bulkPerSearchMs. */
	bulkPerSearchMs: number;
	/** HTTP status of "insufficient credits": 402 (main page) or 422 (another page). */
	insufficientCreditsStatus: number;
	/** Lists bulk results in a shuffled order, so clients must match them by `index`. */
	shuffleBulkResults: boolean;
	/** Searches one bulk request may hold. */
	maxBulkSearches: number;
}

export const ENROW_SIM_CREDENTIALS = {
	apiKey: 'sim-enrow-key-3f9d27c1a6b4',
} as const;

export const ENROW_TEST_CONFIG: EnrowConfig = {
	...ENROW_SIM_CREDENTIALS,
	latencyMs: 0,
	latencyJitterMs: 0,
	// The vendor's documented limit on POSTs; GETs are never limited.
	rateLimitPerSecond: 10,
	credits: 1_000_000,
	searchDelayMs: 0,
	bulkPerSearchMs: 0,
	insufficientCreditsStatus: 402,
	shuffleBulkResults: true,
	maxBulkSearches: 3000,
};

export const ENROW_REALISTIC_CONFIG: Partial<EnrowConfig> = {
	latencyMs: 150,
	latencyJitterMs: 250,
	rateLimitPerSecond: 10,
	credits: 50_000,
	searchDelayMs: 8000,
	bulkPerSearchMs: 300,
};
