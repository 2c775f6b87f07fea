import { ItemInputError } from '../../nodes/shared/errors';
import { formatPhone, parsePhone, parsePhoneFor } from '../../nodes/shared/phone';

describe('phone formats', () => {
	it.each([
		['+62 812-3456-7890', 'ID'],
		['0812 3456 7890', 'ID'],
		['62812-3456-7890', 'ID'],
		['6281234567890', ''],
		['+6281234567890', ''],
		['081234567890', 'ID'],
		['  (0812) 3456-7890 ', 'ID'],
	])('reads %p (default country %p) as the same number', (input, country) => {
		const phone = parsePhone(input, country);
		expect(phone.e164).toBe('+6281234567890');
		expect(formatPhone(phone, 'national')).toBe('081234567890');
		expect(formatPhone(phone, 'nationalSignificant')).toBe('81234567890');
		expect(formatPhone(phone, 'countryCodeDigits')).toBe('6281234567890');
	});

	it('keeps the country of international numbers whatever the default country', () => {
		const phone = parsePhone('+52 55 1234 5678', 'ID');
		expect(phone.e164).toBe('+525512345678');
		expect(phone.countryCallingCode).toBe('52');
		expect(formatPhone(phone, 'countryCodeDigits')).toBe('525512345678');
	});

	it('accepts numbers given as JSON numbers', () => {
		expect(parsePhone(6281234567890, '').e164).toBe('+6281234567890');
	});

	it.each(['(0812) 345', 'abc', '+62 1', '12'])('rejects %p with a message that shows the input', (input) => {
		expect(() => parsePhone(input, 'ID')).toThrow(ItemInputError);
		expect(() => parsePhone(input, 'ID')).toThrow(`"${input.trim()}"`);
	});

	it('rejects an empty value with a hint on how to map the field', () => {
		expect(() => parsePhone('', 'ID')).toThrow('The phone number is empty');
		expect(() => parsePhone(undefined, 'ID')).toThrow('The phone number is empty');
	});

	it('needs a default country for national numbers', () => {
		expect(() => parsePhone('0812 3456 7890', '')).toThrow(ItemInputError);
	});

	it('refuses numbers of a country the vendor does not serve', () => {
		expect(() => parsePhoneFor('+12025551234', 'ID', 'Digiscore', ['ID'])).toThrow(
			'Digiscore does not check numbers of +1 ("+12025551234")',
		);
		expect(parsePhoneFor('0812 3456 7890', 'ID', 'Digiscore', ['ID']).e164).toBe('+6281234567890');
	});
});
