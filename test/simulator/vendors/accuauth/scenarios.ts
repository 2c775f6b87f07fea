/** The page's error codes with their HTTP status and description. */
export const ACCUAUTH_STATUS_CODES = {
	PENDING: { http: 400, reason: 'check in progress' },
	INVALID_ARGUMENT: { http: 400, reason: 'Request parameter is invalid' },
	UNAUTHORIZED: { http: 401, reason: 'Unauthorized or access is denied' },
	KEY_EXPIRED: { http: 401, reason: 'Your API ID has expired' },
	NO_PERMISSION: { http: 403, reason: 'You are not authorized to use this API' },
	OUT_OF_QUOTA: { http: 403, reason: 'API calls quota exceeded' },
	RATE_LIMIT_EXCEEDED: { http: 403, reason: 'API request frequency exceeds the limit' },
	NOT_FOUND: { http: 404, reason: 'Requested API cannot be found' },
	INTERNAL_ERROR: { http: 500, reason: 'Internal server error' },
} as const;

export type AccuAuthStatusCode = keyof typeof ACCUAUTH_STATUS_CODES;

/** The page's phone_status values, indexed by the number's last digit. */
export const PHONE_STATUS_BY_LAST_DIGIT = [
	'ring',
	'ring',
	'connected',
	'empty',
	'busy',
	'turned_off',
	'outside_service_area',
	'line_abnormal',
	'temp_unavailable',
	'ring',
] as const;

export type PhoneStatus = (typeof PHONE_STATUS_BY_LAST_DIGIT)[number];

/** phone_number suffix -> an error answered to the submit (see the README). */
export const ACCUAUTH_ERROR_SUFFIXES: Record<string, { code: AccuAuthStatusCode; reason: string; firstSubmitOnly: boolean }> = {
	'0400': { code: 'INVALID_ARGUMENT', reason: "argument 'phone_number': number not supported", firstSubmitOnly: false },
	'0401': { code: 'UNAUTHORIZED', reason: 'Unauthorized or access is denied', firstSubmitOnly: false },
	'0402': { code: 'KEY_EXPIRED', reason: 'Your API ID has expired', firstSubmitOnly: false },
	'0403': { code: 'NO_PERMISSION', reason: 'You are not authorized to use this API', firstSubmitOnly: false },
	'0405': { code: 'OUT_OF_QUOTA', reason: 'API calls quota exceeded', firstSubmitOnly: false },
	'0429': { code: 'RATE_LIMIT_EXCEEDED', reason: 'API request frequency exceeds the limit', firstSubmitOnly: true },
	'0500': { code: 'INTERNAL_ERROR', reason: 'Internal server error', firstSubmitOnly: true },
	'0599': { code: 'INTERNAL_ERROR', reason: 'Internal server error', firstSubmitOnly: false },
};

/** The task stays PENDING until it expires. */
export const NEVER_READY_SUFFIX = '9999';

/** Country calling codes of the regions AccuAuth serves. */
const SERVED_PREFIXES = ['52', '57', '51', '62', '91'];

export function isServedNumber(phoneNumber: string): boolean {
	return /^\d{10,15}$/.test(phoneNumber) && SERVED_PREFIXES.some((prefix) => phoneNumber.startsWith(prefix));
}

/** 4th digit from the end: 8 = result at once, 7 = temporary status on the first check only. */
function marker(phoneNumber: string): string {
	return phoneNumber[phoneNumber.length - 4] ?? '';
}

export function isImmediate(phoneNumber: string): boolean {
	return marker(phoneNumber) === '8';
}

/** The status of the `checkNumber`-th submit of this number (1 = first). */
export function phoneStatusFor(phoneNumber: string, checkNumber: number): PhoneStatus {
	const status = PHONE_STATUS_BY_LAST_DIGIT[Number(phoneNumber[phoneNumber.length - 1])];
	const temporary = status === 'line_abnormal' || status === 'temp_unavailable';
	if (temporary && marker(phoneNumber) === '7' && checkNumber > 1) return 'ring';
	return status;
}

/** As the page's example shows it: 00 + country code, the rest masked. */
export function maskedNumber(phoneNumber: string): string {
	return `00${phoneNumber.slice(0, 2)}${'*'.repeat(phoneNumber.length - 2)}`;
}
