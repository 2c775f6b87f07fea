import { createHash, timingSafeEqual } from 'node:crypto';

export const SECRET_QUERY_PARAMETER = 'secret';

export interface Refusal {
	status: 401 | 403;
	message: string;
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Enrow does not sign its calls, so the URL it is given carries a secret; a call without the
 * right one is refused before anything runs. Digests keep the comparison constant-time.
 */
export function secretRefusal(expected: string, given: unknown): Refusal | undefined {
	if (!expected) return { status: 403, message: 'This Enrow Trigger has no secret set' };
	if (typeof given !== 'string' || !given) {
		return { status: 401, message: `Missing "${SECRET_QUERY_PARAMETER}" query parameter` };
	}
	return timingSafeEqual(digest(expected), digest(given)) ? undefined : { status: 403, message: 'Wrong secret' };
}
