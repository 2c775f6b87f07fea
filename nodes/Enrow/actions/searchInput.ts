import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import type { SearchFields } from '../transport';

/** The vendor page writes `firstname` / `lastname`; Enrow's SDK sends `first_name` / `last_name`. */
export type NameFieldStyle = 'page' | 'sdk';

const NAME_FIELDS: Record<NameFieldStyle, { first: string; last: string }> = {
	page: { first: 'firstname', last: 'lastname' },
	sdk: { first: 'first_name', last: 'last_name' },
};

/** Who to find a phone for: a LinkedIn profile, or a name and a company. */
export const searchInputProperties: INodeProperties[] = [
	{
		displayName: 'LinkedIn URL',
		name: 'linkedinUrl',
		type: 'string',
		default: '',
		placeholder: 'https://www.linkedin.com/in/michael-scott',
		description: 'Profile URL of the person; when set, Enrow searches by it and ignores the name fields',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'Used with Last Name and a company when there is no LinkedIn URL',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		default: '',
		placeholder: 'dundermifflin.com',
		description: 'Domain of the person\'s company (better than the company name)',
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		placeholder: 'Dunder Mifflin',
		description: 'Name of the person\'s company, used when the domain is not known',
	},
	{
		displayName: 'Custom',
		name: 'custom',
		type: 'json',
		default: '{}',
		description: 'Your own fields (a JSON object, e.g. a lead ID), sent with the search and returned with its result',
	},
];

export const webhookUrlProperty: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhookUrl',
	type: 'string',
	default: '',
	placeholder: 'https://your-n8n/webhook/.../enrow?secret=...',
	description:
		'Where Enrow posts the result when the search finishes (sent as settings.webhook). Paste the Production URL of an Enrow Trigger node followed by ?secret= and its secret.',
};

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function readCustom(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const raw = ctx.getNodeParameter('custom', itemIndex, {}) as unknown;
	if (typeof raw === 'string' && !raw.trim()) return undefined;
	const value = typeof raw === 'string' ? parseJson(raw) : raw;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new ItemInputError('"Custom" must be a JSON object', 'Write a JSON object, e.g. {"leadId": "{{ $json.id }}"}.');
	}
	return Object.keys(value).length ? (value as IDataObject) : undefined;
}

function isLinkedinUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return /^https?:$/.test(url.protocol) && /(^|\.)linkedin\.com$/i.test(url.hostname);
	} catch {
		return false;
	}
}

/**
 * The fields of one search, named as the vendor page names them. Bad input fails this item
 * only: nothing is sent for it.
 */
export function readSearchFields(ctx: IExecuteFunctions, itemIndex: number, style: NameFieldStyle): SearchFields {
	const text = (name: string) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const linkedinUrl = text('linkedinUrl');
	const firstName = text('firstName');
	const lastName = text('lastName');
	const companyDomain = text('companyDomain');
	const companyName = text('companyName');
	const byName = firstName && lastName && (companyDomain || companyName);
	if (!linkedinUrl && !byName) {
		throw new ItemInputError(
			'Not enough to search for a phone: give a LinkedIn URL, or a first name, last name and company',
			'Enrow needs "LinkedIn URL", or "First Name", "Last Name" and "Company Domain" or "Company Name".',
		);
	}
	if (linkedinUrl && !isLinkedinUrl(linkedinUrl)) {
		// Checked here so one bad row fails alone instead of a whole bulk batch.
		throw new ItemInputError(`"${linkedinUrl}" is not a LinkedIn URL`, 'Use the profile address, e.g. https://www.linkedin.com/in/michael-scott.');
	}
	const fields: SearchFields = {};
	if (linkedinUrl) fields.linkedin_url = linkedinUrl;
	const names = NAME_FIELDS[style];
	if (firstName) fields[names.first] = firstName;
	if (lastName) fields[names.last] = lastName;
	if (companyDomain) fields.company_domain = companyDomain;
	if (companyName) fields.company_name = companyName;
	const custom = readCustom(ctx, itemIndex);
	if (custom) fields.custom = custom;
	return fields;
}

export function readWebhookUrl(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const url = String(ctx.getNodeParameter('webhookUrl', itemIndex, '') ?? '').trim();
	if (!url) return undefined;
	if (!/^https?:\/\//i.test(url)) {
		// The URL is not echoed: it carries the trigger's secret.
		throw new ItemInputError('The webhook URL is not an http(s) URL', 'Paste the Production URL of an Enrow Trigger node.');
	}
	return url;
}

export type SearchOrError = { fields: SearchFields } | { error: unknown };

/** Reads an item's search now and keeps its input error for when that item is processed. */
export function readSearchOrError(ctx: IExecuteFunctions, itemIndex: number, style: NameFieldStyle): SearchOrError {
	try {
		return { fields: readSearchFields(ctx, itemIndex, style) };
	} catch (error) {
		return { error };
	}
}

export function searchOrThrow(search: SearchOrError): SearchFields {
	if ('error' in search) throw search.error;
	return search.fields;
}
