import { PollTimeoutError } from '../../shared/errors';
import { pollUntilDone } from '../../shared/poller';
import type { PollSchedule, PollState } from '../../shared/poller';
import { fetchTaskResult } from '../transport';
import type { AccuAuthConnection, PhoneCheckResult } from '../transport';

/** Asks for the task's result until it is done, "Max Wait" passes, or the execution is stopped. */
export async function waitForTask(
	connection: AccuAuthConnection,
	taskId: string,
	schedule: PollSchedule,
	/** Runs each status check, e.g. in a slot of the run's SubmitGate. */
	runCheck: <T>(check: () => Promise<T>) => Promise<T> = async (check) => await check(),
): Promise<PhoneCheckResult> {
	return await pollUntilDone<PhoneCheckResult>({
		check: async (): Promise<PollState<PhoneCheckResult>> => {
			const answer = await runCheck(async () => await fetchTaskResult(connection, taskId));
			return answer.done ? { done: true, value: answer.result } : { done: false };
		},
		schedule,
		signal: connection.client.signal,
		timeoutError: (waitedMs) =>
			new PollTimeoutError(
				`AccuAuth task "${taskId}" was still pending after ${Math.round(waitedMs / 1000)} s`,
				`Fetch it later with the "Get Result" operation and task ID ${taskId} (valid 24 hours), or raise "Max Wait".`,
			),
	});
}
