import type { BaseVendorConfig } from '../../types';

export interface AccuAuthConfig extends BaseVendorConfig {
	apiId: string;
	apiSecret: string;
	/** Time from submit until task_result answers the result (before that: 400 PENDING). */
	resultDelayMs: number;
	/** How long a task_id can be fetched (the page: 24 hours); afterwards INVALID_ARGUMENT. */
	taskTtlMs: number;
}

export const ACCUAUTH_SIM_CREDENTIALS = {
	apiId: 'sim-accuauth-id',
	apiSecret: 'sim-aa-secret-3f9d62c1e7',
} as const;

export const ACCUAUTH_TEST_CONFIG: AccuAuthConfig = {
	...ACCUAUTH_SIM_CREDENTIALS,
	latencyMs: 0,
	latencyJitterMs: 0,
	rateLimitPerSecond: 0,
	resultDelayMs: 0,
	taskTtlMs: 24 * 60 * 60 * 1000,
};

export const ACCUAUTH_REALISTIC_CONFIG: Partial<AccuAuthConfig> = {
	latencyMs: 150,
	latencyJitterMs: 250,
	rateLimitPerSecond: 20,
	resultDelayMs: 5000,
};
