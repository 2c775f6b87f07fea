import { PollTimeoutError, VendorError } from '../shared/errors';
import type { PollSchedule } from '../shared/poller';
import { pollUntilDone } from '../shared/poller';
import { readResultFile, ResultFileError } from '../shared/resultFile';
import type { VendorClient } from '../shared/vendorClient';
import { FAILED_STATUSES, getTask } from './transport';
import type { TaskStatus } from './transport';
import { taskResultsFrom } from './verdicts';
import type { TaskResults } from './verdicts';

export type ExportedTask = TaskStatus & { result_url: string };

const MIME_TYPES: Record<string, string> = {
	zip: 'application/zip',
	csv: 'text/csv',
	txt: 'text/plain',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeOf(fileName: string): string {
	return MIME_TYPES[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

export interface ResultDownload {
	taskId: string;
	fileName: string;
	data: Buffer;
}

/** First check after one interval; later ones spaced out by a quarter each, up to a minute. */
export function pollScheduleFor(pollIntervalMs: number, maxWaitMs: number): PollSchedule {
	return { firstDelayMs: pollIntervalMs, intervalMs: pollIntervalMs, growth: 1.25, maxIntervalMs: Math.max(pollIntervalMs, 60_000), timeoutMs: maxWaitMs };
}

export function isExported(task: TaskStatus): task is ExportedTask {
	return task.status === 'exported' && typeof task.result_url === 'string' && task.result_url !== '';
}

/** A task that ended without results; ekycpro does not say whether it is billed. */
export function taskFailure(client: VendorClient, task: TaskStatus): VendorError {
	const done = task.success !== undefined && task.total !== undefined ? ` after ${task.success} of ${task.total} numbers` : '';
	return client.failure({
		code: `task_${task.status}`,
		reason: `Task ${task.task_id} ${task.status}${done}${task.message ? `: ${task.message}` : ''}`,
		kind: 'other',
		charged: 'unknown',
		retryable: false,
		requestId: task.task_id,
		hint: 'ekycpro does not document whether a failed task is billed; compare "Get Balance" before and after. Run the check again to retry.',
	});
}

/** Polls the task until it is exported with a result link, fails, or the wait runs out. */
export async function waitForExport(client: VendorClient, baseUrl: string, taskId: string, schedule: PollSchedule): Promise<ExportedTask> {
	return await pollUntilDone<ExportedTask>({
		schedule,
		signal: client.signal,
		check: async () => {
			const task = await getTask(client, baseUrl, taskId);
			if (isExported(task)) return { done: true, value: task };
			if (FAILED_STATUSES.has(task.status)) throw taskFailure(client, task);
			return { done: false };
		},
		timeoutError: (waitedMs) =>
			new PollTimeoutError(
				`ekycpro task ${taskId} had no results after ${Math.round(waitedMs / 1000)} s`,
				`The task keeps running at ekycpro. Fetch its results later with the "Get Results" operation and task ID ${taskId}, or raise "Max Wait".`,
			),
	});
}

function fileNameOf(resultUrl: string, taskId: string): string {
	try {
		const name = decodeURIComponent(new URL(resultUrl).pathname.split('/').pop() ?? '');
		return name || `${taskId}.zip`;
	} catch {
		return `${taskId}.zip`;
	}
}

/** Downloads the presigned result (no API key); an expired link (403) is renewed once by asking for the task again. */
export async function downloadResult(client: VendorClient, baseUrl: string, task: ExportedTask, maxBytes: number): Promise<ResultDownload> {
	const fetchFile = async (resultUrl: string) => ({
		taskId: task.task_id,
		fileName: fileNameOf(resultUrl, task.task_id),
		data: await client.download(resultUrl, 'result download', maxBytes),
	});
	const first = await fetchFile(task.result_url).catch((error: unknown) => error as Error);
	if (!(first instanceof Error)) return first;
	if (!(first instanceof VendorError) || first.failure.httpStatus !== 403) throw first;
	const renewed = await getTask(client, baseUrl, task.task_id);
	if (!isExported(renewed)) throw first;
	const second = await fetchFile(renewed.result_url).catch((error: unknown) => error as Error);
	if (!(second instanceof Error)) return second;
	if (!(second instanceof VendorError) || second.failure.httpStatus !== 403) throw second;
	throw client.failure({
		...second.failure,
		code: 'RESULT_LINK_REFUSED',
		reason: `The result host refused both links of task ${task.task_id} (HTTP 403: expired or not valid for this request)`,
		charged: 'yes',
		requestId: task.task_id,
		hint: `Task ${task.task_id} finished and was charged: fetch it again later with "Get Results". If this repeats, check the clock of the n8n host (presigned links are time-limited).`,
	});
}

/** A hostile or unreadable result file as a vendor error naming the task; other errors as they are. */
function resultFileFailure(client: VendorClient, download: ResultDownload, error: unknown): Error {
	if (!(error instanceof ResultFileError)) return error as Error;
	return client.failure({
		code: error.code === 'TOO_LARGE' || error.code === 'TOO_MANY_ENTRIES' ? 'RESULT_REFUSED' : 'RESULT_UNREADABLE',
		reason: error.message,
		kind: 'unexpectedResponse',
		charged: 'yes',
		retryable: false,
		requestId: download.taskId,
		hint: `Task ${download.taskId} finished and was charged. Fetch it with "Get Results" and "Output: Result File" to look at the file, or raise "Max Result Size" if it is genuinely this large.`,
	});
}

/** Reads a downloaded result into rows with verdicts. */
export function readTaskResults(client: VendorClient, download: ResultDownload, maxBytes: number): TaskResults {
	try {
		return taskResultsFrom(readResultFile(download.data, download.fileName, { maxTotalBytes: maxBytes }));
	} catch (error) {
		throw resultFileFailure(client, download, error);
	}
}
