/** One webhook call the simulator made, for tests to look at. */
export interface WebhookDelivery {
	at: number;
	url: string;
	event: string;
	id: string;
	/** HTTP status of the receiver's answer; undefined when the call failed. */
	status?: number;
	error?: string;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** POSTs JSON to the URL a search was given, once (Enrow documents no retry), and records the outcome. */
export async function sendWebhook(url: string, payload: { event: string; id: string }, deliveries: WebhookDelivery[]): Promise<void> {
	const delivery: WebhookDelivery = { at: Date.now(), url, event: payload.event, id: payload.id };
	deliveries.push(delivery);
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(payload),
			signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
		});
		delivery.status = response.status;
		await response.arrayBuffer();
	} catch (error) {
		delivery.error = (error as Error).message;
	}
}
