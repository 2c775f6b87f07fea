/** AccuAuth's regional hosts and the country whose numbers each one checks (Colombia shares the Mexico host). */
export const ACCUAUTH_REGIONS = {
	mexico: { name: 'Mexico', host: 'https://cloudapi.mexico.accuauth.com', country: 'MX' },
	colombia: { name: 'Colombia', host: 'https://cloudapi.mexico.accuauth.com', country: 'CO' },
	peru: { name: 'Peru', host: 'https://cloudapi.peru.accuauth.com', country: 'PE' },
	indonesia: { name: 'Indonesia', host: 'https://cloudapi.indonesia.accuauth.com', country: 'ID' },
	india: { name: 'India', host: 'https://cloudapi.accuauth.in', country: 'IN' },
} as const;

export type AccuAuthRegion = keyof typeof ACCUAUTH_REGIONS | 'custom';

export interface AccuAuthCredentials {
	region: AccuAuthRegion;
	baseUrl?: string;
}

function isKnownRegion(region: string): region is keyof typeof ACCUAUTH_REGIONS {
	return Object.prototype.hasOwnProperty.call(ACCUAUTH_REGIONS, region);
}

/** Scheme and host of the API for the credential's region, without a trailing slash. */
export function accuAuthBaseUrl(credentials: AccuAuthCredentials): string {
	const base = isKnownRegion(credentials.region) ? ACCUAUTH_REGIONS[credentials.region].host : (credentials.baseUrl ?? '');
	return base.trim().replace(/\/+$/, '');
}

/** The country a region serves; undefined for a custom base URL (the "Default Country" option decides). */
export function regionCountry(region: AccuAuthRegion): string | undefined {
	return isKnownRegion(region) ? ACCUAUTH_REGIONS[region].country : undefined;
}
