/**
 * Task types and their result columns. The vendor documents `coinW -> coinw`, `ws -> whatsapp`,
 * `tg -> telegram`, `tg_active -> telegram_days`; the other column names are OUR choice.
 */
export const EKYCPRO_TASK_TYPES: Record<string, { columns: string[]; input: 'phone' | 'email' }> = {
	coinW: { columns: ['coinw'], input: 'phone' },
	ws: { columns: ['whatsapp'], input: 'phone' },
	tg: { columns: ['telegram'], input: 'phone' },
	tg_active: { columns: ['telegram_days'], input: 'phone' },
	tg_avatar: { columns: ['telegram', 'avatar'], input: 'phone' },
	htx: { columns: ['htx'], input: 'phone' },
	amazon: { columns: ['amazon'], input: 'phone' },
	band: { columns: ['band'], input: 'phone' },
	phoneCheck: { columns: ['phone_status'], input: 'phone' },
	mexc_email: { columns: ['mexc'], input: 'email' },
	active_check: { columns: ['active'], input: 'phone' },
	microsoft: { columns: ['microsoft'], input: 'phone' },
	ws_active: { columns: ['whatsapp_days'], input: 'phone' },
	ws_avatar: { columns: ['whatsapp', 'avatar'], input: 'phone' },
	vk: { columns: ['vk'], input: 'phone' },
};

/** Numbers ending like this are left out of the result file (counted in `failure`). */
export const EKYCPRO_NOT_RETURNED_SUFFIX = '0000';

export function isReturned(identifier: string): boolean {
	return !identifier.endsWith(EKYCPRO_NOT_RETURNED_SUFFIX);
}

function lastDigit(identifier: string): number {
	const digits = identifier.replace(/\D/g, '');
	return digits ? Number(digits[digits.length - 1]) : identifier.length;
}

/** Registered when the last digit is even (an e-mail: when its length is even). */
export function isRegistered(identifier: string): boolean {
	return lastDigit(identifier) % 2 === 0;
}

/** Active within 1/7/30 days, or N/A, by the last digit. */
const DAYS = ['N/A', 'N/A', 'N/A', '1', '1', '7', '7', '30', '30', '30'];

/** The value of one result column for one number, deterministic. */
export function columnValue(column: string, identifier: string): string {
	if (column.endsWith('_days')) return DAYS[lastDigit(identifier)];
	if (column === 'avatar') {
		return isRegistered(identifier) ? `https://avatars.sim.invalid/${identifier.replace(/\D/g, '')}.jpg` : '';
	}
	if (column === 'phone_status') return isRegistered(identifier) ? 'valid' : 'invalid';
	return isRegistered(identifier) ? 'yes' : 'no';
}
