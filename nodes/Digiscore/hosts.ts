/** Digiscore's documented hosts (plain http, as the vendor publishes them). */
export const DIGISCORE_HOSTS = {
	formal: 'http://api.digiscore.id',
	sandbox: 'http://test-platform.ferrystatic.com/openrisk',
} as const;

export type DigiscoreEnvironment = keyof typeof DIGISCORE_HOSTS | 'custom';

export interface DigiscoreCredentials {
	appKey: string;
	secret: string;
	environment: DigiscoreEnvironment;
	baseUrl?: string;
}

/** Everything before `/api/data/...` for the chosen environment, without a trailing slash. */
export function digiscoreBaseUrl(credentials: Pick<DigiscoreCredentials, 'environment' | 'baseUrl'>): string {
	const base = credentials.environment === 'custom' ? (credentials.baseUrl ?? '') : DIGISCORE_HOSTS[credentials.environment ?? 'formal'];
	return base.trim().replace(/\/+$/, '');
}
