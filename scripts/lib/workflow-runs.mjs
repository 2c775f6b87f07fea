// Running one example workflow for real: `n8n execute` for manual/scheduled ones, an HTTP call for webhook-triggered ones.
import { executionIds, waitForExecution } from './executions.mjs';
import { checkRun } from './expectations.mjs';
import { parseExecuteOutput, runN8n } from './n8n-process.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function vendorRequestCounts(sandbox) {
	const requests = await sandbox.control('GET', '/requests');
	const counts = {};
	for (const { vendor } of requests) if (vendor) counts[vendor] = (counts[vendor] ?? 0) + 1;
	return counts;
}

/** A fresh simulator for each run, with the example's own vendor settings (expect.simulatorConfig: { vendor: {...} }). */
async function resetSimulator(sandbox, example) {
	await sandbox.control('POST', '/reset');
	for (const [vendor, config] of Object.entries(example.expect.simulatorConfig ?? {})) await sandbox.control('POST', '/config', { vendor, ...config });
}

function outputTail(result) {
	return `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
}

/** `n8n execute --id <id> --rawOutput` against a freshly reset simulator; returns { failures, ms }. */
export async function executeExample(runtime, env, sandbox, example, workflowId) {
	await resetSimulator(sandbox, example);
	const startedAt = Date.now();
	const result = await runN8n(runtime, env, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const ms = Date.now() - startedAt;
	const run = parseExecuteOutput(result.stdout);
	const failures = checkRun(example, run, await vendorRequestCounts(sandbox));
	if (failures.length > 0 && !run) failures.push(`n8n output:\n${outputTail(result)}`);
	return { failures, ms };
}

// The production webhook is registered a moment after n8n reports ready; a CORS preflight finds it without running anything.
async function waitForWebhook(url) {
	for (let attempt = 0; attempt < 40; attempt++) {
		const response = await fetch(url, { method: 'OPTIONS' });
		if (response.status !== 404) return;
		await sleep(500);
	}
	throw new Error(`${url} stayed 404: the webhook was not registered (is the workflow active?)`);
}

/** Replaces {{webhookUrl}} and {{sim.<vendor>.<field>}} in every string of a request template. */
function fillTemplate(value, variables) {
	if (typeof value === 'string') return value.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name) => String(name.split('.').reduce((scope, key) => scope?.[key], variables) ?? whole));
	if (Array.isArray(value)) return value.map((entry) => fillTemplate(entry, variables));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fillTemplate(entry, variables)]));
	return value;
}

/**
 * The call that should trigger the workflow: straight to its webhook (request.to "n8n", the default), or to the
 * simulator (request.to "simulator", path under the sandbox), which then calls the webhook as the vendor would.
 */
async function sendTrigger(webhookUrl, sandbox, simCredentials, request = {}) {
	const filled = fillTemplate(request, { webhookUrl, sim: simCredentials });
	const { to = 'n8n', method = 'POST', path = '', headers = {}, query, body } = filled;
	const base = to === 'simulator' ? `${sandbox.baseUrl}${path}` : webhookUrl;
	const target = query ? `${base}?${new URLSearchParams(query)}` : base;
	return fetch(target, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined || method === 'GET' ? undefined : JSON.stringify(body),
	});
}

/** Triggers an active webhook workflow on a running n8n and checks the execution it produced; returns { failures, ms }. */
export async function callWebhookExample(runtime, n8n, client, sandbox, simCredentials, example, workflowId) {
	const { webhook } = example.expect;
	const webhookUrl = `${n8n.url}/webhook/${webhook.path}`;
	await waitForWebhook(webhookUrl);
	await resetSimulator(sandbox, example);
	const before = await executionIds(client, workflowId);
	const startedAt = Date.now();
	const response = await sendTrigger(webhookUrl, sandbox, simCredentials, webhook.request);
	if (!response.ok) return { failures: [`trigger call answered ${response.status}: ${(await response.text()).slice(0, 300)}`], ms: Date.now() - startedAt };
	const run = await waitForExecution(runtime, client, workflowId, { sinceIds: before });
	const ms = Date.now() - startedAt;
	return { failures: checkRun(example, run, await vendorRequestCounts(sandbox)), ms };
}
