import { VendorError } from './errors';
import { pause } from './wait';

export interface RetryPolicy {
	/** Tries in all, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 400, maxDelayMs: 15_000 };

/** Exponential backoff with full jitter; a vendor's Retry-After wins when it asks for longer. */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
	return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered / 4) : jittered;
}

/**
 * Calls `attempt` until it succeeds, throws an error that is not retryable, or the tries run out.
 * Whether an error is retryable is decided where it is raised (see transport.ts): a VendorError
 * carries `retryable`, anything else is final.
 */
export async function withRetry<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	policy: RetryPolicy,
	signal: AbortSignal | undefined,
	onRetry?: (error: VendorError, attemptNumber: number, delayMs: number) => void,
): Promise<T> {
	for (let attemptNumber = 1; ; attemptNumber++) {
		try {
			return await attempt(attemptNumber);
		} catch (error) {
			if (!(error instanceof VendorError) || !error.failure.retryable || attemptNumber >= policy.maxAttempts) {
				throw error;
			}
			const delayMs = backoffDelay(policy, attemptNumber, error.failure.retryAfterMs);
			onRetry?.(error, attemptNumber, delayMs);
			await pause(delayMs, signal);
		}
	}
}
