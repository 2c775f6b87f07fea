import type { z } from 'zod';

import { VendorError } from './errors';
import type { Charged } from './errors';

function fieldPath(path: Array<string | number>): string {
	return path.length === 0 ? '(the whole answer)' : path.map(String).join('.');
}

/**
 * Checks a vendor answer against its schema. An unexpected shape becomes a clear error that
 * names the vendor, the call and the field, never a TypeError further down.
 */
export function parseVendorAnswer<S extends z.ZodTypeAny>(
	vendor: string,
	purpose: string,
	schema: S,
	data: unknown,
	charged: Charged = 'unknown',
): z.infer<S> {
	const result = schema.safeParse(data);
	if (result.success) return result.data as z.infer<S>;
	const issue = result.error.issues[0];
	const detail = data === undefined ? 'the answer is not JSON' : `field ${fieldPath(issue.path)}: ${issue.message}`;
	throw new VendorError({
		vendor,
		code: 'UNEXPECTED_RESPONSE',
		reason: `${vendor} answered the ${purpose} in an unexpected shape (${detail})`,
		kind: 'unexpectedResponse',
		charged,
		retryable: false,
		hint: 'The vendor may have changed its API; check the base URL in the credential.',
	});
}
