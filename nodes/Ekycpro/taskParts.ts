import { forEachConcurrent } from '../shared/concurrency';
import type { PollSchedule } from '../shared/poller';
import type { VendorClient } from '../shared/vendorClient';
import { CancelledError } from '../shared/wait';
import { downloadResult, readTaskResults, waitForExport } from './taskRun';
import type { ResultDownload } from './taskRun';
import { createTask } from './transport';
import type { TaskResults } from './verdicts';

/** One ekycpro task: a slice of the list, and how it ended. */
export interface TaskPart {
	identifiers: string[];
	taskId?: string;
	/** Read results (when the file is not kept as it is). */
	results?: TaskResults;
	/** The downloaded file, when the user wants it as binary. */
	file?: ResultDownload;
	error?: Error;
}

export interface PartSettings {
	taskType: string;
	maxPerTask: number;
	parallelTasks: number;
	schedule: PollSchedule;
	maxResultBytes: number;
	keepFile: boolean;
	/** Without Continue On Fail a failed part stops new uploads: their results would be thrown away. */
	stopOnFailure: boolean;
}

export function splitIntoParts(identifiers: string[], maxPerTask: number): TaskPart[] {
	const size = Math.max(1, Math.floor(maxPerTask));
	const parts: TaskPart[] = [];
	for (let start = 0; start < identifiers.length; start += size) parts.push({ identifiers: identifiers.slice(start, start + size) });
	return parts;
}

/** Upload -> wait for export -> download -> read, for every part, at most `parallelTasks` at once. */
export async function runParts(client: VendorClient, baseUrl: string, identifiers: string[], settings: PartSettings): Promise<TaskPart[]> {
	const parts = splitIntoParts(identifiers, settings.maxPerTask);
	let failed = false;
	await forEachConcurrent(
		parts.length,
		settings.parallelTasks,
		async (index) => {
			const part = parts[index];
			try {
				const created = await createTask(client, baseUrl, part.identifiers, settings.taskType);
				part.taskId = created.task_id;
				const exported = await waitForExport(client, baseUrl, created.task_id, settings.schedule);
				const download = await downloadResult(client, baseUrl, exported, settings.maxResultBytes);
				if (settings.keepFile) part.file = download;
				else part.results = readTaskResults(client, download, settings.maxResultBytes);
			} catch (error) {
				part.error = error as Error;
				failed = true;
			}
		},
		() => (settings.stopOnFailure && failed) || client.signal?.aborted === true,
	);
	if (client.signal?.aborted) throw new CancelledError();
	return parts;
}
