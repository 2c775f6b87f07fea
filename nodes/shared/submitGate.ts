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
 * For submit-then-wait operations: many items wait for their results side by side, while at most
 * `limit` calls are in flight. Submits go first (in item order) and status checks take the slots
 * left: a batch is submitted as fast as the rate allows and checked after, so the vendor's rate is
 * never idle waiting for the last results. Once an item fails without Continue On Fail, later
 * items neither submit nor keep checking, so the run stops spending credits on results it drops.
 */
export class SubmitGate {
	private inFlight = 0;

	private readonly waitingSubmits: Array<() => void> = [];

	private readonly waitingChecks: Array<() => void> = [];

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
		await this.acquire(this.waitingSubmits);
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

	/** A status check, in a slot no submit is waiting for. */
	async check<T>(itemIndex: number, send: () => Promise<T>): Promise<T> {
		this.throwIfStopped(itemIndex);
		await this.acquire(this.waitingChecks);
		try {
			this.throwIfStopped(itemIndex);
			return await send();
		} finally {
			this.release();
		}
	}

	private throwIfStopped(itemIndex: number): void {
		throwIfCancelled(this.signal);
		if (itemIndex > this.failedItemIndex) throw new StoppedAfterFailureError(this.failedItemIndex);
	}

	private recordFailure(itemIndex: number): void {
		if (this.stopOnFailure) this.failedItemIndex = Math.min(this.failedItemIndex, itemIndex);
	}

	private async acquire(queue: Array<() => void>): Promise<void> {
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
				queue.splice(queue.indexOf(grant), 1);
				reject(new CancelledError());
			};
			this.signal?.addEventListener('abort', onAbort, { once: true });
			queue.push(grant);
		});
	}

	/** Hands the slot straight to the next waiter (submits first), so the in-flight count never exceeds the limit. */
	private release(): void {
		const next = this.waitingSubmits.shift() ?? this.waitingChecks.shift();
		if (next) next();
		else this.inFlight -= 1;
	}
}
