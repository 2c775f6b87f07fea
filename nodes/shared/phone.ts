import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';
import type { INodePropertyOptions } from 'n8n-workflow';

import { ItemInputError } from './errors';

/** The forms vendors ask for. */
export type PhoneForm =
	/** +6281234567890 */
	| 'e164'
	/** 081234567890: the national form with its trunk prefix, as dialled at home */
	| 'national'
	/** 81234567890: the national significant number (Digiscore's "starts with 8") */
	| 'nationalSignificant'
	/** 6281234567890: country calling code and number, digits only */
	| 'countryCodeDigits';

export interface ParsedPhone {
	input: string;
	e164: string;
	countryCallingCode: string;
	nationalSignificant: string;
	national: string;
	country?: string;
}

// getCountries() builds a new array on every call: look codes up in a set made once.
const COUNTRY_CODES = new Set<string>(getCountries());

export function isCountryCode(value: string): value is CountryCode {
	return COUNTRY_CODES.has(value);
}

/**
 * Reads a phone number the way people type it (spaces, dashes, brackets, a leading 0, or the
 * country code without +), using `defaultCountry` for numbers written without a country code.
 */
export function parsePhone(input: unknown, defaultCountry?: string): ParsedPhone {
	const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
	if (!text) {
		throw new ItemInputError('The phone number is empty', 'Set "Phone Number" to the field that holds the number, e.g. {{ $json.phone }}.');
	}
	const country = defaultCountry && isCountryCode(defaultCountry) ? defaultCountry : undefined;
	let parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
	let valid = parsed?.isValid() === true;
	const digits = text.replace(/[\s().-]/g, '');
	if (!valid && /^[1-9]\d{7,14}$/.test(digits)) {
		// Country code written without "+" (6281234567890), common in CSV exports.
		parsed = parsePhoneNumberFromString(`+${digits}`);
		valid = parsed?.isValid() === true;
	}
	if (!parsed || !valid) {
		const hint = country
			? `It is not a valid number for ${country} nor in international form (+<country code>...).`
			: 'Write it in international form (+<country code>...) or set the "Default Country" option.';
		throw new ItemInputError(`Invalid phone number "${text}"`, hint);
	}
	const number = parsed;
	return {
		input: text,
		e164: number.number,
		countryCallingCode: number.countryCallingCode,
		nationalSignificant: number.nationalNumber,
		// Formatting costs as much as parsing; only vendors that send the national form pay for it.
		get national() {
			return number.formatNational().replace(/\D/g, '');
		},
		country: number.country,
	};
}

export function formatPhone(phone: ParsedPhone, form: PhoneForm): string {
	switch (form) {
		case 'e164':
			return phone.e164;
		case 'national':
			return phone.national;
		case 'nationalSignificant':
			return phone.nationalSignificant;
		case 'countryCodeDigits':
			return phone.e164.slice(1);
	}
}

/** Parses and checks that the number belongs to a country the vendor serves. */
export function parsePhoneFor(
	input: unknown,
	defaultCountry: string | undefined,
	vendor: string,
	allowedCountries: string[],
): ParsedPhone {
	const phone = parsePhone(input, defaultCountry);
	const allowedCodes = allowedCountries.filter(isCountryCode).map((code) => getCountryCallingCode(code));
	if (allowedCodes.length > 0 && !allowedCodes.includes(phone.countryCallingCode as never)) {
		throw new ItemInputError(
			`${vendor} does not check numbers of +${phone.countryCallingCode} ("${phone.input}")`,
			`${vendor} serves ${allowedCountries.join(', ')} numbers only.`,
		);
	}
	return phone;
}

let countryOptions: INodePropertyOptions[] | undefined;

/** Every country libphonenumber knows, as options for a "Default Country" parameter. */
export function countryOptionList(): INodePropertyOptions[] {
	const names = new Intl.DisplayNames(['en'], { type: 'region' });
	countryOptions ??= getCountries()
		.map((code) => ({ name: `${names.of(code) ?? code} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'None (Numbers Have Their Country Code)', value: '' }, ...countryOptions];
}
