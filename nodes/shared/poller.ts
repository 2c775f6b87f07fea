import { PollTimeoutError } from './errors';
import { pause } from './wait';

export type PollState<T> = { done: true; value: T } | { done: false };

export interface PollSchedule {
	/** Wait before the first check: results are rarely ready at once. */
	firstDelayMs: number;
	intervalMs: number;
	maxIntervalMs: number;
	growth: number;
	/** Total time limit of the wait (the node's "Max Wait" option). */
	timeoutMs: number;
}

export interface PollRequest<T> {
	check: () => Promise<PollState<T>>;
	schedule: PollSchedule;
	signal: AbortSignal | undefined;
	/** Names what was waited for and how to fetch it later, e.g. `task "abc" (use "Get Result")`. */
	timeoutError: (waitedMs: number) => PollTimeoutError;
}

/** Checks until the task is final, the time limit passes, or the execution is stopped. */
export async function pollUntilDone<T>({ check, schedule, signal, timeoutError }: PollRequest<T>): Promise<T> {
	const startedAt = Date.now();
	const deadline = startedAt + schedule.timeoutMs;
	let delayMs = schedule.firstDelayMs;
	let interval = schedule.intervalMs;
	for (;;) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) throw timeoutError(Date.now() - startedAt);
		await pause(Math.min(delayMs, remaining), signal);
		const state = await check();
		if (state.done) return state.value;
		delayMs = interval;
		interval = Math.min(schedule.maxIntervalMs, interval * schedule.growth);
	}
}
