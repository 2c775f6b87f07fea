import type { IDataObject } from 'n8n-workflow';

import type { NumberActiveResult } from '../transport';

/** The vendor's telcoType codes as words. */
const TELCO_TYPES: Record<number, string> = { 0: 'not_available', 1: 'prepaid', 2: 'postpaid' };

/** Output fields of a finished check; levels stay as Digiscore writes them (high, medium, low, NA). */
export function activityFields({ requestId, data, charged }: NumberActiveResult): IDataObject {
	return {
		userPhone: data.userPhone,
		telcoType: TELCO_TYPES[data.telcoType] ?? 'unknown',
		telcoTypeCode: data.telcoType,
		activeLevel: data.activeLevel,
		topUpFrequency: data.frequencyGrade,
		charged,
		requestId,
	};
}
