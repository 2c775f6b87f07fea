/** Messages from the vendor page's status table (305 from sibling TD products). */
export const TRUSTDECISION_MESSAGES: Record<number, string> = {
	300: 'Service not purchased or not effective',
	301: 'Service not purchased',
	302: 'Traffic blocked',
	303: 'Traffic insufficient',
	304: 'Service expired',
	305: 'Daily cap reached',
	11304: 'The country partner located is not open',
	11350: 'Internal error',
	12701: 'No record',
};

/** Applicant phone_number suffix -> the code answered instead of a result. */
export const TRUSTDECISION_SUFFIX_CODES: Record<string, number> = {
	'0000': 12701,
	'0300': 300,
	'0301': 301,
	'0302': 302,
	'0303': 303,
	'0304': 304,
	'0305': 305,
	'1304': 11304,
	'1350': 11350,
};

/** emergency_contact_phone suffix that gives the page's all-"Unknown" emergency result. */
export const TRUSTDECISION_UNKNOWN_CONTACT_SUFFIX = '0000';

const RELATIONS = ['Spouse', 'Parents', 'Children', 'Grandparents', 'Grandchildren', 'Brothers&sisters', 'Others'];

export interface AssociationRequest {
	phone_number: string;
	id_number: string;
	emergency_contact_id?: string;
	emergency_contact_phone?: string;
}

type TrueFalse = 'True' | 'False';

export interface AssociationResult {
	phone_number_count: number;
	applicator_result: { is_recently_used: TrueFalse; is_frequently_used: TrueFalse; is_other: TrueFalse };
	emergency_contact_result?: {
		relation_with_applicator: string;
		is_recently_used?: string;
		is_frequently_used?: string;
		is_other?: string;
	};
}

export function scenarioCodeFor(phoneNumber: string): number | undefined {
	return TRUSTDECISION_SUFFIX_CODES[phoneNumber.slice(-4)];
}

function digitAt(digits: string, fromEnd: number): number {
	return Number(digits[digits.length - fromEnd] ?? 0);
}

function flags(phone: string) {
	const last = digitAt(phone, 1);
	const previous = digitAt(phone, 2);
	const trueFalse = (value: boolean): TrueFalse => (value ? 'True' : 'False');
	return {
		is_recently_used: trueFalse(last % 2 === 0),
		is_frequently_used: trueFalse(previous % 2 === 0),
		is_other: trueFalse((last + previous) % 3 === 0),
	};
}

function digitSum(value: string): number {
	return [...value].reduce((sum, char) => sum + (Number(char) || 0), 0);
}

/** Deterministic code-200 result, shaped like the page's four examples. */
export function associationResultFor(request: AssociationRequest): AssociationResult {
	const result: AssociationResult = {
		phone_number_count: (digitAt(request.phone_number, 1) % 5) + 1,
		applicator_result: flags(request.phone_number),
	};
	if (!request.emergency_contact_id) return result;
	const contactPhone = request.emergency_contact_phone;
	if (!contactPhone) {
		result.emergency_contact_result = {
			relation_with_applicator: RELATIONS[digitSum(request.emergency_contact_id) % RELATIONS.length],
		};
	} else if (contactPhone.endsWith(TRUSTDECISION_UNKNOWN_CONTACT_SUFFIX)) {
		result.emergency_contact_result = {
			relation_with_applicator: 'Unknown',
			is_recently_used: 'Unknown',
			is_frequently_used: 'Unknown',
			is_other: 'Unknown',
		};
	} else {
		result.emergency_contact_result = {
			relation_with_applicator: RELATIONS[digitAt(contactPhone, 1) % RELATIONS.length],
			...flags(contactPhone),
		};
	}
	return result;
}
