import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import type { SimRequest, SimResponse } from '../../types';
import { VendorSim } from '../../vendorSim';
import { type TrustDecisionConfig, TRUSTDECISION_TEST_CONFIG } from './config';
import {
	associationResultFor,
	type AssociationRequest,
	scenarioCodeFor,
	TRUSTDECISION_MESSAGES,
} from './scenarios';

const REQUIRED_PARAMS = ['id_number', 'id_type', 'phone_number', 'country'] as const;
const OPTIONAL_PARAMS = ['emergency_contact_id', 'emergency_contact_phone', 'emergency_contact_name', 'name'] as const;
const INDONESIAN_MOBILE = /^08\d{8,11}$/;

class ParamError extends Error {
	constructor(readonly code: 11301 | 11340, param: string) {
		super(`${param} ${code === 11301 ? 'empty' : 'error'}`);
	}
}

/** TrustDecision "Indonesia Phone Number Detection": one synchronous POST under any path. */
export class TrustDecisionSim extends VendorSim<TrustDecisionConfig> {
	readonly name = 'trustdecision' as const;

	private sequenceCounter = 0;
	private readonly chargedToday = new Map<string, { day: string; count: number }>();

	constructor(overrides: Partial<TrustDecisionConfig> = {}) {
		super(TRUSTDECISION_TEST_CONFIG, overrides);
	}

	endpointOf(): string {
		return 'phoneAssociation';
	}

	rateLimitKey(req: SimRequest): string {
		return req.query.partner_code ?? '';
	}

	rateLimitedResponse(): SimResponse {
		return { status: 429, body: { code: 429, message: 'Too Many Requests' } };
	}

	vendorCodeResponse(code: number | string, message?: string): SimResponse {
		return this.envelope(Number(code), message ?? TRUSTDECISION_MESSAGES[Number(code)] ?? 'Simulated error');
	}

	httpErrorResponse(status: number): SimResponse {
		return { status, body: { code: status, message: STATUS_CODES[status] ?? 'Error' } };
	}

	handle(req: SimRequest): SimResponse {
		if (req.method !== 'POST') return this.httpErrorResponse(405);
		try {
			this.authenticate(req.query);
			const request = this.parseBody(req.bodyText);
			const scenarioCode = scenarioCodeFor(request.phone_number);
			if (scenarioCode !== undefined) return this.vendorCodeResponse(scenarioCode);
			if (this.dailyCapReached(req.query.partner_code)) return this.vendorCodeResponse(305);
			return this.success(req.query.partner_code, request);
		} catch (error) {
			if (error instanceof ParamError) return this.envelope(error.code, error.message);
			throw error;
		}
	}

	protected resetState(): void {
		this.chargedToday.clear();
	}

	private authenticate(query: Record<string, string>): void {
		if (!query.partner_code) throw new ParamError(11301, 'partner_code');
		if (!query.partner_key) throw new ParamError(11301, 'partner_key');
		if (query.partner_code !== this.config.partnerCode) throw new ParamError(11340, 'partner_code');
		if (query.partner_key !== this.config.partnerKey) throw new ParamError(11340, 'partner_key');
	}

	private parseBody(bodyText: string): AssociationRequest {
		let body: unknown = {};
		if (bodyText.trim()) {
			try {
				body = JSON.parse(bodyText);
			} catch {
				throw new ParamError(11340, 'body');
			}
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ParamError(11340, 'body');
		const fields = body as Record<string, unknown>;
		for (const param of REQUIRED_PARAMS) {
			if (fields[param] === undefined || fields[param] === null || fields[param] === '') throw new ParamError(11301, param);
			if (typeof fields[param] !== 'string') throw new ParamError(11340, param);
		}
		for (const param of OPTIONAL_PARAMS) {
			if (fields[param] !== undefined && fields[param] !== null && typeof fields[param] !== 'string') {
				throw new ParamError(11340, param);
			}
		}
		if (fields.id_type !== 'KTP') throw new ParamError(11340, 'id_type');
		if (!INDONESIAN_MOBILE.test(fields.phone_number as string)) throw new ParamError(11340, 'phone_number');
		if (fields.country !== 'ID') throw new ParamError(11340, 'country');
		const contactPhone = fields.emergency_contact_phone as string | undefined;
		if (contactPhone && !INDONESIAN_MOBILE.test(contactPhone)) throw new ParamError(11340, 'emergency_contact_phone');
		return fields as unknown as AssociationRequest;
	}

	private dailyCapReached(partnerCode: string): boolean {
		if (!this.config.dailyCap) return false;
		const today = this.chargedToday.get(partnerCode);
		return today?.day === currentDay() && today.count >= this.config.dailyCap;
	}

	private success(partnerCode: string, request: AssociationRequest): SimResponse {
		const sequenceId = this.nextSequenceId();
		const today = this.chargedToday.get(partnerCode);
		const count = today?.day === currentDay() ? today.count : 0;
		this.chargedToday.set(partnerCode, { day: currentDay(), count: count + 1 });
		this.charge({ key: partnerCode, phone: request.phone_number, what: 'phoneAssociation', ref: sequenceId });
		return {
			status: 200,
			body: { code: 200, message: '', sequence_id: sequenceId, result: associationResultFor(request) },
		};
	}

	private envelope(code: number, message: string): SimResponse {
		return { status: 200, body: { code, message, sequence_id: this.nextSequenceId() } };
	}

	/** Same shape as the page's example: 13-digit epoch ms + 19 upper-case hex. */
	private nextSequenceId(): string {
		this.sequenceCounter += 1;
		const counterHex = this.sequenceCounter.toString(16).padStart(6, '0').slice(-6);
		return `${Date.now()}${counterHex}${randomBytes(7).toString('hex').slice(0, 13)}`.toUpperCase();
	}
}

function currentDay(): string {
	return new Date().toISOString().slice(0, 10);
}
