import type { BaseVendorConfig } from '../../types';

export interface DigiscoreConfig extends BaseVendorConfig {
	appKey: string;
	secret: string;
	/** Time from handle until query returns the data. */
	resultDelayMs: number;
	/** How long a requestId can be queried; afterwards code 11009. */
	requestTtlMs: number;
}

export const DIGISCORE_SIM_CREDENTIALS = {
	appKey: 'sim-app-key',
	secret: 'sim-ds-secret-5e8b21f0',
} as const;

export const DIGISCORE_TEST_CONFIG: DigiscoreConfig = {
	...DIGISCORE_SIM_CREDENTIALS,
	latencyMs: 0,
	latencyJitterMs: 0,
	rateLimitPerSecond: 0,
	resultDelayMs: 0,
	requestTtlMs: 24 * 60 * 60 * 1000,
};

export const DIGISCORE_REALISTIC_CONFIG: Partial<DigiscoreConfig> = {
	latencyMs: 150,
	latencyJitterMs: 250,
	rateLimitPerSecond: 20,
	resultDelayMs: 3000,
};
