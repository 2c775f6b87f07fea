import { setMaxListeners } from 'node:events';

import { CancelledError, throwIfCancelled } from './wait';

/** Refusal for an item after an earlier item failed the run (Continue On Fail off). */
export class StoppedAfterFailureError extends Error {
	constructor(failedItemIndex: number) {
		super(`Not checked: item ${failedItemIndex} failed first`);
		this.name = 'StoppedAfterFailureError';
	}
}

/**
 * For submit-then-wait operations: many items may wait for their results side by side, while
 * at most `limit` submits (the billed calls) are in flight, granted in the order asked (item order).
 * Once an item fails without Continue On Fail, later items neither submit nor keep waiting,
 * so the run stops spending credits on results that would be thrown away.
 */
export class SubmitGate {
	private inFlight = 0;

	private readonly waiters: Array<() => void> = [];

	private failedItemIndex = Number.POSITIVE_INFINITY;

	/** `stopOnFailure`: Continue On Fail is off, so one failed item fails the run. */
	constructor(
		private readonly limit: number,
		private readonly stopOnFailure: boolean,
		private readonly signal: AbortSignal | undefined,
	) {
		if (signal) setMaxListeners(0, signal);
	}

	/** Runs one item's whole work; its failure stops the items after it when the run will fail. */
	async item<T>(itemIndex: number, work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			this.recordFailure(itemIndex);
			throw error;
		}
	}

	/** A failed submit fails its item: it is recorded before the slot passes on, so the next item cannot slip through. */
	async submit<T>(itemIndex: number, send: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			this.throwIfStopped(itemIndex);
			return await send();
		} catch (error) {
			this.recordFailure(itemIndex);
			throw error;
		} finally {
			this.release();
		}
	}

	/** Call before each status check of a waiting item. */
	throwIfStopped(itemIndex: number): void {
		throwIfCancelled(this.signal);
		if (itemIndex > this.failedItemIndex) throw new StoppedAfterFailureError(this.failedItemIndex);
	}

	private recordFailure(itemIndex: number): void {
		if (this.stopOnFailure) this.failedItemIndex = Math.min(this.failedItemIndex, itemIndex);
	}

	private async acquire(): Promise<void> {
		throwIfCancelled(this.signal);
		if (this.inFlight < this.limit) {
			this.inFlight += 1;
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const grant = () => {
				this.signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			const onAbort = () => {
				this.waiters.splice(this.waiters.indexOf(grant), 1);
				reject(new CancelledError());
			};
			this.signal?.addEventListener('abort', onAbort, { once: true });
			this.waiters.push(grant);
		});
	}

	/** Hands the slot straight to the next waiter, so the in-flight count never exceeds the limit. */
	private release(): void {
		const next = this.waiters.shift();
		if (next) next();
		else this.inFlight -= 1;
	}
}
