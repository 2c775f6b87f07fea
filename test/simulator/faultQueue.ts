import type { Fault, VendorName } from './types';

interface QueuedFault {
	fault: Fault;
	remaining: number;
}

/** Faults in the order they were injected; the first that matches a request is used. */
export class FaultQueue {
	private queued: QueuedFault[] = [];

	inject(fault: Fault): void {
		this.queued.push({ fault, remaining: fault.times ?? 1 });
	}

	take(vendor: VendorName, path: string): Fault | undefined {
		const entry = this.queued.find(
			(candidate) =>
				candidate.fault.vendor === vendor &&
				(candidate.fault.match === undefined || path.includes(candidate.fault.match)),
		);
		if (!entry) return undefined;
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.queued = this.queued.filter((candidate) => candidate !== entry);
		return entry.fault;
	}

	pending(): Array<Fault & { remaining: number }> {
		return this.queued.map((entry) => ({ ...entry.fault, remaining: entry.remaining }));
	}

	clear(): void {
		this.queued = [];
	}
}
