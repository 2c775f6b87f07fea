import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/** Whether the vendor billed the call that failed: the user decides whether to re-run on this. */
export type Charged = 'yes' | 'no' | 'unknown';

export type FailureKind =
	| 'credentials'
	| 'account'
	| 'input'
	| 'rateLimit'
	| 'server'
	| 'notFound'
	| 'unexpectedResponse'
	| 'other';

export interface VendorFailure {
	vendor: string;
	/** The vendor's own code (or the HTTP status when the vendor gave none). */
	code: string;
	/** The vendor's own words. */
	reason: string;
	kind: FailureKind;
	charged: Charged;
	retryable: boolean;
	httpStatus?: number;
	/** The vendor's id for the call (request id, sequence id, task id) for support tickets. */
	requestId?: string;
	/** One sentence that tells the user what to do. */
	hint?: string;
	/** Delay the vendor asked for before the next try (Retry-After). */
	retryAfterMs?: number;
}

const CHARGED_TEXT: Record<Charged, string> = {
	yes: 'charged',
	no: 'not charged',
	unknown: 'may have been charged',
};

export function describeCharge(charged: Charged): string {
	return CHARGED_TEXT[charged];
}

/** A failure reported by a vendor (or its transport); becomes a NodeApiError at the item boundary. */
export class VendorError extends Error {
	constructor(readonly failure: VendorFailure) {
		super(`${failure.vendor} error ${failure.code}: ${failure.reason} (${CHARGED_TEXT[failure.charged]})`);
		this.name = 'VendorError';
	}
}

/** Bad input on one item (a phone that does not parse, a missing field): fails only that item. */
export class ItemInputError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'ItemInputError';
	}
}

/** A wait that ran out of time; names the id the user can fetch later. */
export class PollTimeoutError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'PollTimeoutError';
	}
}

export function vendorFailureDetails(failure: VendorFailure): JsonObject {
	const details: JsonObject = {
		vendor: failure.vendor,
		code: failure.code,
		reason: failure.reason,
		charged: failure.charged,
		retryable: failure.retryable,
	};
	if (failure.httpStatus !== undefined) details.httpStatus = failure.httpStatus;
	if (failure.requestId !== undefined) details.requestId = failure.requestId;
	return details;
}

/** Turns whatever an operation threw into the n8n error the user sees, tied to its item. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): Error {
	if (error instanceof VendorError) {
		const { failure } = error;
		const description = [failure.hint, failure.requestId ? `Vendor request ID: ${failure.requestId}` : undefined]
			.filter(Boolean)
			.join(' ');
		const apiError = new NodeApiError(node, vendorFailureDetails(failure), {
			message: error.message,
			description: description || undefined,
			httpCode: failure.httpStatus !== undefined ? String(failure.httpStatus) : undefined,
			itemIndex,
		});
		// NodeApiError swaps messages naming a network code (ECONNRESET) for generic text; ours says more.
		apiError.message = error.message;
		apiError.context.vendorFailure = vendorFailureDetails(failure);
		return apiError;
	}
	if (error instanceof ItemInputError || error instanceof PollTimeoutError) {
		return new NodeOperationError(node, error.message, { description: error.description, itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/** Fields of the error item written in place of a result when Continue On Fail is on. */
export function errorItemFields(error: Error): JsonObject {
	const fields: JsonObject = { error: error.message };
	const description = (error as { description?: string | null }).description;
	if (description) fields.errorDescription = description;
	const details =
		error instanceof VendorError
			? vendorFailureDetails(error.failure)
			: ((error as { context?: { vendorFailure?: JsonObject } }).context?.vendorFailure ?? undefined);
	if (details?.code !== undefined) fields.errorCode = details.code;
	if (details?.charged !== undefined) fields.charged = details.charged;
	if (details?.requestId !== undefined) fields.vendorRequestId = details.requestId;
	return fields;
}
