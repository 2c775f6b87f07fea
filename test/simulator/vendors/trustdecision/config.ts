import type { BaseVendorConfig } from '../../types';

export interface TrustDecisionConfig extends BaseVendorConfig {
	partnerCode: string;
	partnerKey: string;
	/** Charged answers per partner per day before code 305; 0 = no cap. */
	dailyCap: number;
}

export const TRUSTDECISION_SIM_CREDENTIALS = {
	partnerCode: 'sim-partner',
	partnerKey: 'sim-td-key-7c41e9a2b85d',
} as const;

export const TRUSTDECISION_TEST_CONFIG: TrustDecisionConfig = {
	...TRUSTDECISION_SIM_CREDENTIALS,
	latencyMs: 0,
	latencyJitterMs: 0,
	rateLimitPerSecond: 0,
	dailyCap: 0,
};

export const TRUSTDECISION_REALISTIC_CONFIG: Partial<TrustDecisionConfig> = {
	latencyMs: 150,
	latencyJitterMs: 250,
	rateLimitPerSecond: 20,
};
