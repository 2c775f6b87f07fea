import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { VendorError } from '../shared/errors';
import { VendorClient } from '../shared/vendorClient';
import { bulkProgressFields, bulkResultFields, searchResultFields } from '../Enrow/resultFields';
import { apiBaseUrl, ENROW, fetchBulkResult } from '../Enrow/transport';
import type { EnrowCredentials } from '../Enrow/transport';
import { BULK_FINISHED, noticeFields, noticeSchema, SINGLE_FINISHED } from './notices';
import type { Notice } from './notices';
import { SECRET_QUERY_PARAMETER, secretRefusal } from './webhookSecret';

/** Enrow waits for the webhook's answer: a few quick tries only. */
const FETCH_RETRY_POLICY = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4000 };

interface HttpAnswer {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

function answer(response: HttpAnswer, status: number, message: string): IWebhookResponseData {
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

async function bulkItems(ctx: IWebhookFunctions, notice: Notice): Promise<IDataObject[]> {
	const client = await VendorClient.create(ctx, ENROW, { retryPolicy: FETCH_RETRY_POLICY });
	const baseUrl = apiBaseUrl((await ctx.getCredentials(ENROW.credentialType)) as unknown as EnrowCredentials);
	try {
		const state = await fetchBulkResult(client, baseUrl, notice.id);
		if (!state.done) {
			return [{ ...noticeFields(notice), ...bulkProgressFields(state.answer), resultsError: 'Enrow still reports the bulk search as running' }];
		}
		return bulkResultFields(state.answer)
			.sort((a, b) => a.index - b.index)
			.map(({ fields }) => ({ event: notice.event, ...fields }));
	} catch (error) {
		// The run still starts, so the notice is not lost: its search ID can be fetched later.
		const reason = error instanceof VendorError ? error.message : client.redact(String((error as Error).message ?? error));
		return [{ ...noticeFields(notice), resultsError: reason }];
	}
}

// Enrow has no API to register webhooks (the URL goes with each search or into its dashboard), so there is no lifecycle to implement.
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class EnrowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enrow Trigger',
		name: 'enrowTrigger',
		icon: { light: 'file:enrow.svg', dark: 'file:enrow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when an Enrow phone search finishes',
		defaults: { name: 'Enrow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enrowApi', required: true, displayOptions: { show: { fetchBulkResults: [true] } } }],
		// responseData '' makes n8n answer {"message":"Workflow was started"} instead of its default text "firstEntryJson".
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'enrow' }],
		properties: [
			{
				displayName:
					'Give Enrow this node\'s Production URL followed by ?secret= and the secret below: in "Webhook URL" of the Enrow node (Start Single Search, Start Bulk Search) or in the webhook setting of the Enrow dashboard. Calls without the secret are refused.',
				name: 'urlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: `Any long random text (e.g. 32 characters from a password manager); Enrow must call the URL with ?${SECRET_QUERY_PARAMETER}= and this text`,
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Single Phone Search Finished', value: SINGLE_FINISHED, description: 'Carries the result of the search' },
					{ name: 'Bulk Phone Search Finished', value: BULK_FINISHED, description: 'Announces a finished bulk search' },
				],
				default: [SINGLE_FINISHED, BULK_FINISHED],
			},
			{
				displayName: 'Fetch Bulk Results',
				name: 'fetchBulkResults',
				type: 'boolean',
				default: true,
				description: 'Whether to fetch the results of a finished bulk search and emit one item per result (uses the Enrow credential); otherwise the notice itself is emitted',
			},
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject() as HttpAnswer;
		const query = this.getQueryData() as IDataObject;
		const refusal = secretRefusal(String(this.getNodeParameter('secret', '') ?? ''), query[SECRET_QUERY_PARAMETER]);
		if (refusal) {
			this.logger.warn(`Enrow Trigger refused a call: ${refusal.message}`);
			return answer(response, refusal.status, refusal.message);
		}
		const parsed = noticeSchema.safeParse(this.getBodyData());
		if (!parsed.success) return answer(response, 400, 'The body is not an Enrow search notice');
		const notice = parsed.data;
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(notice.event)) return { webhookResponse: { message: `Event ${notice.event} ignored` } };

		let items: IDataObject[];
		if (notice.event === SINGLE_FINISHED && notice.result) {
			items = [{ event: notice.event, ...searchResultFields(notice.id, notice.result, notice.credits?.cost ?? null) }];
		} else if (notice.event === BULK_FINISHED && this.getNodeParameter('fetchBulkResults', true) === true) {
			items = await bulkItems(this, notice);
		} else {
			items = [noticeFields(notice)];
		}
		const workflowData: INodeExecutionData[][] = [items.map((json) => ({ json }))];
		return { workflowData };
	}
}
