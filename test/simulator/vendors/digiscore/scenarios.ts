/** Phone suffix (national form, starting with 8) -> behaviour other than a normal result. */
export const DIGISCORE_SUFFIX_SCENARIOS = {
	/** Data not available and free: telcoType 0, NA, isFee 0. */
	noDataFree: '0000',
	/** Data not available but charged, like the vendor's own example. */
	noDataCharged: '1111',
	/** query keeps answering 201 'need query' until the requestId expires. */
	neverReady: '9999',
} as const;

const LEVELS = ['high', 'medium', 'low'] as const;

export interface NumberActiveData {
	userPhone: string;
	telcoType: 0 | 1 | 2;
	activeLevel: 'high' | 'medium' | 'low' | 'NA';
	frequencyGrade: 'high' | 'medium' | 'low' | 'NA';
}

export interface NumberActiveOutcome {
	data: NumberActiveData;
	isFee: 0 | 1;
}

export function isNeverReady(phone: string): boolean {
	return phone.endsWith(DIGISCORE_SUFFIX_SCENARIOS.neverReady);
}

function digitAt(phone: string, fromEnd: number): number {
	return Number(phone[phone.length - fromEnd] ?? 0);
}

/** Deterministic from the phone digits: last -> telcoType, 2nd/3rd last -> activeLevel/frequencyGrade. */
export function numberActiveFor(phone: string): NumberActiveOutcome {
	const userPhone = `62${phone}`;
	if (phone.endsWith(DIGISCORE_SUFFIX_SCENARIOS.noDataFree) || phone.endsWith(DIGISCORE_SUFFIX_SCENARIOS.noDataCharged)) {
		return {
			data: { userPhone, telcoType: 0, activeLevel: 'NA', frequencyGrade: 'NA' },
			isFee: phone.endsWith(DIGISCORE_SUFFIX_SCENARIOS.noDataFree) ? 0 : 1,
		};
	}
	return {
		data: {
			userPhone,
			telcoType: digitAt(phone, 1) % 2 === 0 ? 2 : 1,
			activeLevel: LEVELS[digitAt(phone, 2) % 3],
			frequencyGrade: LEVELS[digitAt(phone, 3) % 3],
		},
		isFee: 1,
	};
}
