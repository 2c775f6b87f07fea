import { setMaxListeners } from 'node:events';
import { sleepWithAbort } from 'n8n-workflow';

/** A cancellable pause: rejects at once when the execution is stopped. */
export async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return await sleepWithAbort(ms);
	// Forward through a child signal so a finished pause leaves no listener on the execution's signal.
	const child = new AbortController();
	const forward = () => child.abort();
	setMaxListeners(0, signal);
	signal.addEventListener('abort', forward, { once: true });
	try {
		await sleepWithAbort(ms, child.signal);
	} finally {
		signal.removeEventListener('abort', forward);
	}
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new CancelledError();
}

export class CancelledError extends Error {
	constructor() {
		super('The execution was stopped');
		this.name = 'CancelledError';
	}
}
