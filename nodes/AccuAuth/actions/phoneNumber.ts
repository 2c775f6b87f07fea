import type { INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import { formatPhone, parsePhoneFor } from '../../shared/phone';
import { regionCountry } from '../regions';
import type { AccuAuthRegion } from '../regions';
import { ACCUAUTH } from '../transport';

export const phoneNumberProperty: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: '{{ $json.phone }}',
	description:
		'Number in any common form (+52 55 1234 5678, 55 1234 5678, 525512345678); sent with the country code of the credential\'s region, digits only (52... Mexico, 57... Colombia, 51... Peru, 62... Indonesia, 91... India); with a custom base URL, "Default Country" reads local numbers',
};

export const callbackProperty: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callback',
	type: 'string',
	default: '',
	placeholder: 'https://your-n8n/webhook/accuauth',
	description:
		'Optional URL AccuAuth calls (HTTP GET with request_id, phone_number, phone_status, task_id) when the result is ready, e.g. a Webhook node\'s production URL',
};

/**
 * The digits AccuAuth expects: country calling code + number. A region's credential checks only
 * that country's numbers; with a custom base URL the "Default Country" option reads local numbers.
 */
export function toAccuAuthPhone(value: unknown, region: AccuAuthRegion, defaultCountry: string): string {
	const country = regionCountry(region);
	const phone = parsePhoneFor(value, country ?? defaultCountry, ACCUAUTH.name, country ? [country] : []);
	return formatPhone(phone, 'countryCodeDigits');
}

export function readCallback(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return undefined;
	if (!URL.canParse(text)) {
		throw new ItemInputError(`The callback URL "${text}" is not a URL`, 'Give a full http(s) URL, e.g. a Webhook node\'s production URL.');
	}
	const { protocol } = new URL(text);
	if (protocol !== 'https:' && protocol !== 'http:') {
		throw new ItemInputError(`The callback URL "${text}" is not http(s)`, 'AccuAuth calls the callback with an HTTP GET.');
	}
	return text;
}
