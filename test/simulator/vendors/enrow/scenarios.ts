import { createHash } from 'node:crypto';

export const ENROW_CREDITS_PER_PHONE = 40;

export type Qualification = 'found' | 'not_found';

/** One search as the simulator reads it: the vendor page's names, or the SDK's for the names. */
export interface SearchInput {
	params: Record<string, string>;
	custom?: unknown;
}

/** Words in the LinkedIn slug or the last name that pick a scenario. */
export const ENROW_SCENARIO_WORDS = {
	notFound: 'notfound',
	/** Never finishes: single stays 202, a bulk holding it stays "ongoing". */
	never: 'neverdone',
} as const;

const LINKEDIN_PROFILE = /^https?:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[^/?#]+/i;

export const ENROW_MESSAGES = {
	invalidLinkedin: 'Invalid linkedin_url',
	missingFields: 'Missing linkedin_url, or firstname, lastname and company_domain or company_name',
	missingId: 'Missing id in the query params',
	singleNotFound: 'Could not retrieve search result',
	bulkNotFound: 'Could not retrieve bulk search results',
	badSearches: 'searches must be an array of 1 to {max} searches',
	unauthorized: 'Invalid API key',
	insufficientCredits: 'Insufficient credits',
	tooManyRequests: 'Too Many Requests',
} as const;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Reads and checks one search; returns the vendor's 400 message when it is not usable. */
export function readSearch(body: Record<string, unknown>): SearchInput | string {
	const params: Record<string, string> = {};
	const linkedinUrl = text(body.linkedin_url);
	const firstName = text(body.firstname) || text(body.first_name);
	const lastName = text(body.lastname) || text(body.last_name);
	const companyDomain = text(body.company_domain);
	const companyName = text(body.company_name);
	if (linkedinUrl) {
		if (!LINKEDIN_PROFILE.test(linkedinUrl)) return ENROW_MESSAGES.invalidLinkedin;
		params.linkedin_url = linkedinUrl;
	} else if (!(firstName && lastName && (companyDomain || companyName))) {
		return ENROW_MESSAGES.missingFields;
	}
	if (firstName) params.firstname = firstName;
	if (lastName) params.lastname = lastName;
	if (companyDomain) params.company_domain = companyDomain;
	if (companyName) params.company_name = companyName;
	return body.custom === undefined ? { params } : { params, custom: body.custom };
}

function scenarioText(search: SearchInput): string {
	return `${search.params.linkedin_url ?? ''} ${search.params.lastname ?? ''}`.toLowerCase();
}

export function neverFinishes(search: SearchInput): boolean {
	return scenarioText(search).includes(ENROW_SCENARIO_WORDS.never);
}

/** Deterministic outcome: a US number from a hash of the search, unless a scenario word says otherwise. */
export function outcomeOf(search: SearchInput): { qualification: Qualification; number?: string; country?: string } {
	if (scenarioText(search).includes(ENROW_SCENARIO_WORDS.notFound)) return { qualification: 'not_found' };
	const digest = createHash('sha256').update(JSON.stringify(search.params)).digest();
	const lineNumber = String(digest.readUInt32BE(0) % 10_000).padStart(4, '0');
	return { qualification: 'found', number: `+1570555${lineNumber}`, country: 'US' };
}
