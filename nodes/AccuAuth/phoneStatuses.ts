import type { IDataObject } from 'n8n-workflow';

import type { PhoneCheckResult } from './transport';

interface PhoneStatusMeaning {
	description: string;
	/** The phone is on and the line works. */
	reachable: boolean;
	/** AccuAuth says "try again later". */
	temporary: boolean;
}

/** The page's phone_status values. */
export const PHONE_STATUSES: Record<string, PhoneStatusMeaning> = {
	ring: { description: 'The phone is on and rings', reachable: true, temporary: false },
	connected: { description: 'The user answered the call', reachable: true, temporary: false },
	busy: { description: 'The phone is busy now', reachable: true, temporary: false },
	empty: { description: 'The number is not in use (empty number)', reachable: false, temporary: false },
	turned_off: { description: 'The phone is turned off', reachable: false, temporary: false },
	outside_service_area: { description: 'The phone is outside the service area', reachable: false, temporary: false },
	line_abnormal: { description: 'Line abnormality; try again later', reachable: false, temporary: true },
	temp_unavailable: { description: 'Temporarily unreachable; try again later', reachable: false, temporary: true },
};

export function isTemporaryStatus(phoneStatus: string): boolean {
	return PHONE_STATUSES[phoneStatus]?.temporary ?? false;
}

/** Output fields of a finished check; an undocumented status keeps its value with reachable null. */
export function phoneStatusFields(result: PhoneCheckResult): IDataObject {
	const meaning = PHONE_STATUSES[result.phoneStatus];
	return {
		phoneNumberReturned: result.phoneNumber,
		phoneStatus: result.phoneStatus,
		statusDescription: meaning?.description ?? `Status "${result.phoneStatus}" is not documented by AccuAuth`,
		reachable: meaning ? meaning.reachable : null,
		tryAgainLater: meaning?.temporary ?? false,
		taskId: result.taskId ?? null,
		requestId: result.requestId ?? null,
	};
}
