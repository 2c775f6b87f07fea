import type { BaseVendorConfig } from '../../types';

/** What the result file looks like (see the README table). */
export type EkycproResultFormat = 'zip' | 'zipCsv' | 'zipXlsx' | 'zipTxt' | 'csv' | 'xlsx';

/** How a task ends: exported with its results, failed, or exported with a hostile zip. */
export type EkycproTaskOutcome = 'exported' | 'failed' | 'zipBomb' | 'zipBombLying';

export interface EkycproConfig extends BaseVendorConfig {
	apiKey: string;
	/** From upload to `exported`: pending 10 %, processing 80 % (success grows), completed 10 %. */
	processingMs: number;
	resultFormat: EkycproResultFormat;
	taskOutcome: EkycproTaskOutcome;
	/** Lifetime of a presigned result link. */
	resultUrlTtlMs: number;
	/** The next N result links handed out are already expired. */
	expiredLinks: number;
	/** Numbers per API key per day before 429 daily_limit_exceeded; 0 = no limit. */
	dailyLimit: number;
	/** Numbers per task before 400 invalid_batch_size; 0 = no limit. */
	maxTaskSize: number;
	/** Credits at start; each uploaded number uses one. */
	balance: number;
	/** Address the presigned-download listener binds to; '' = the simulator's host. */
	resultHost: string;
}

export const EKYCPRO_SIM_CREDENTIALS = {
	apiKey: 'sim-ekycpro-key-3f9a61c2d7e4',
} as const;

export const EKYCPRO_TEST_CONFIG: EkycproConfig = {
	...EKYCPRO_SIM_CREDENTIALS,
	latencyMs: 0,
	latencyJitterMs: 0,
	rateLimitPerSecond: 0,
	processingMs: 200,
	resultFormat: 'zip',
	taskOutcome: 'exported',
	resultUrlTtlMs: 3_600_000,
	expiredLinks: 0,
	dailyLimit: 0,
	maxTaskSize: 0,
	balance: 10_000_000,
	resultHost: '',
};

export const EKYCPRO_REALISTIC_CONFIG: Partial<EkycproConfig> = {
	latencyMs: 150,
	latencyJitterMs: 250,
	rateLimitPerSecond: 10,
	processingMs: 8_000,
	dailyLimit: 100_000,
};
