import type { INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import { formatPhone, parsePhoneFor } from '../../shared/phone';
import { DIGISCORE } from '../transport';

export const phoneNumberProperty: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: '{{ $json.phone }}',
	description: 'Indonesian mobile number in any common form (0812..., +62 812..., 62812...); sent without country code or leading 0, starting with 8',
};

/** Digiscore's form: the national significant number, Indonesian mobiles only (starts with 8). */
export function toDigiscorePhone(value: unknown, defaultCountry: string): string {
	const phone = parsePhoneFor(value, defaultCountry || 'ID', DIGISCORE.name, ['ID']);
	const national = formatPhone(phone, 'nationalSignificant');
	if (!national.startsWith('8')) {
		throw new ItemInputError(
			`"${phone.input}" is not an Indonesian mobile number`,
			'Digiscore checks mobile numbers only: after +62 they start with 8.',
		);
	}
	return national;
}
