import { SlidingWindowLimiter } from '../../slidingWindowLimiter';

/** Key Enrow's reads are filed under: never limited (its documented limit is on POSTs). */
export const UNLIMITED_KEY = '\u0000unlimited-read';

export class PostOnlyLimiter extends SlidingWindowLimiter {
	override take(key: string, limitPerSecond: number, now = Date.now()): number {
		return key === UNLIMITED_KEY ? 0 : super.take(key, limitPerSecond, now);
	}
}
