import { PollTimeoutError } from '../../shared/errors';
import type { CommonOptions } from '../../shared/options';
import { pollSchedule } from '../../shared/options';
import { pollUntilDone } from '../../shared/poller';
import { DIGISCORE_POLL, queryResult } from '../transport';
import type { DigiscoreConnection, NumberActiveResult } from '../transport';

/** Queries the requestId until Digiscore has the data, "Max Wait" passes, or the execution is stopped. */
export async function waitForResult(
	connection: DigiscoreConnection,
	requestId: string,
	options: CommonOptions,
	firstDelayMs = DIGISCORE_POLL.firstDelayMs,
): Promise<NumberActiveResult> {
	return await pollUntilDone({
		check: async () => await queryResult(connection, requestId),
		schedule: pollSchedule({ ...DIGISCORE_POLL, firstDelayMs }, options),
		signal: connection.client.signal,
		timeoutError: (waitedMs) =>
			new PollTimeoutError(
				`Digiscore has no result yet for request ID "${requestId}" after ${Math.round(waitedMs / 1000)} s`,
				`Use the "Get Result" operation with request ID ${requestId} to fetch it later, or raise "Max Wait".`,
			),
	});
}
