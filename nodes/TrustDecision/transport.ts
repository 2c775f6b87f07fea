import { z } from 'zod';

import type { FailureKind } from '../shared/errors';
import { parseVendorAnswer } from '../shared/validate';
import type { VendorClient, VendorHttpResponse, VendorProfile } from '../shared/vendorClient';
import type { VendorDefaults } from '../shared/options';

export const TRUST_DECISION: VendorProfile = {
	name: 'TrustDecision',
	credentialType: 'trustDecisionApi',
	secretFields: ['partnerKey'],
	defaultRequestsPerSecond: 10,
};

export const TRUST_DECISION_DEFAULTS: VendorDefaults = { concurrency: 5, requestsPerSecond: 10, defaultCountry: 'ID' };

export const NO_RECORD_CODE = 12701;

export interface TrustDecisionCredentials {
	host: string;
	baseUrl?: string;
	endpointPath: string;
}

export function endpointUrl(credentials: TrustDecisionCredentials): string {
	const base = credentials.host === 'custom' ? (credentials.baseUrl ?? '') : credentials.host;
	return `${base.replace(/\/+$/, '')}/${credentials.endpointPath.replace(/^\/+/, '')}`;
}

/** "True" / "False" / "Unknown" as the vendor writes them. */
const flag = z.string();

const usage = z.object({
	is_recently_used: flag,
	is_frequently_used: flag,
	is_other: flag,
});

const associationResult = z.object({
	phone_number_count: z.number(),
	applicator_result: usage,
	emergency_contact_result: usage.partial().extend({ relation_with_applicator: z.string().optional() }).optional(),
});

const envelope = z.object({
	code: z.number(),
	message: z.string().nullish(),
	sequence_id: z.string().nullish(),
});

const successAnswer = envelope.extend({ code: z.literal(200), sequence_id: z.string(), result: associationResult });

export type AssociationResult = z.infer<typeof associationResult>;

export interface AssociationRequest {
	phone_number: string;
	id_number: string;
	id_type: string;
	country: string;
	name?: string;
	emergency_contact_id?: string;
	emergency_contact_phone?: string;
	emergency_contact_name?: string;
}

export type AssociationAnswer =
	| { found: true; sequenceId: string; result: AssociationResult }
	| { found: false; sequenceId?: string; message: string };

interface CodeRule {
	kind: FailureKind;
	retryable: boolean;
	hint?: string;
}

/** The vendor's status codes (only 200 is charged). */
const CODE_RULES: Record<number, CodeRule> = {
	300: { kind: 'account', retryable: false, hint: 'Ask TrustDecision to open the product for your partner code.' },
	301: { kind: 'account', retryable: false, hint: 'Ask TrustDecision to open the product for your partner code.' },
	302: { kind: 'account', retryable: false, hint: 'TrustDecision blocked the traffic of this partner code; contact them.' },
	303: { kind: 'account', retryable: false, hint: 'The traffic balance is used up; top it up with TrustDecision.' },
	304: { kind: 'account', retryable: false, hint: 'The service has expired; renew it with TrustDecision.' },
	305: { kind: 'account', retryable: false, hint: 'The daily cap is reached; try again tomorrow or ask for a higher cap.' },
	11304: { kind: 'account', retryable: false, hint: 'The product is not open for the country of this partner.' },
	11350: { kind: 'server', retryable: true },
	11301: { kind: 'input', retryable: false },
	11340: { kind: 'input', retryable: false },
	9060: { kind: 'input', retryable: false },
	9061: { kind: 'input', retryable: false },
};

function failureFor(client: VendorClient, response: VendorHttpResponse, code: number, message: string, sequenceId?: string) {
	const rule = CODE_RULES[code] ?? { kind: 'other', retryable: false };
	const aboutCredentials = rule.kind === 'input' && /partner_(code|key)/i.test(message);
	return client.failure({
		code: String(code),
		reason: message || 'no message',
		kind: aboutCredentials ? 'credentials' : rule.kind,
		charged: 'no',
		retryable: rule.retryable,
		httpStatus: response.statusCode,
		requestId: sequenceId,
		hint: aboutCredentials ? 'Check the partner code and partner key in the TrustDecision credential.' : rule.hint,
	});
}

function interpretAnswer(client: VendorClient, response: VendorHttpResponse): AssociationAnswer {
	if (response.statusCode === 404) {
		throw client.failure({
			code: '404',
			reason: 'The endpoint was not found',
			kind: 'notFound',
			charged: 'no',
			retryable: false,
			httpStatus: 404,
			hint: 'Check the host and endpoint path in the TrustDecision credential.',
		});
	}
	const head = parseVendorAnswer(TRUST_DECISION.name, 'association check', envelope, response.json);
	if (head.code === 200) {
		const answer = parseVendorAnswer(TRUST_DECISION.name, 'association check', successAnswer, response.json, 'yes');
		return { found: true, sequenceId: answer.sequence_id, result: answer.result };
	}
	if (head.code === NO_RECORD_CODE) {
		return { found: false, sequenceId: head.sequence_id ?? undefined, message: head.message || 'No record' };
	}
	throw failureFor(client, response, head.code, head.message ?? '', head.sequence_id ?? undefined);
}

/** POST the association check: one synchronous, billed-on-200 call. */
export async function detectAssociation(
	client: VendorClient,
	url: string,
	request: AssociationRequest,
): Promise<AssociationAnswer> {
	return await client.call(
		{ method: 'POST', url, body: request as unknown as Record<string, string>, repeatSafe: false, purpose: 'association check' },
		(response) => interpretAnswer(client, response),
	);
}
