import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { singleResultSchema } from '../Enrow/transport';

export const SINGLE_FINISHED = 'single_phone_search_finished';
export const BULK_FINISHED = 'bulk_phone_search_finished';

/** What Enrow posts when a search finishes: the result itself (single) or a notice (bulk). */
export const noticeSchema = z
	.object({
		event: z.string(),
		id: z.string().min(1),
		credits: z.object({ cost: z.number() }).partial().passthrough().optional(),
		result: singleResultSchema.optional(),
	})
	.passthrough();

export type Notice = z.infer<typeof noticeSchema>;

/** The notice as one item, when its results are not (or could not be) fetched. */
export function noticeFields(notice: Notice): IDataObject {
	return { event: notice.event, searchId: notice.id, creditsUsed: notice.credits?.cost ?? null };
}
