// Reading executions back from a running n8n over its REST API (the editor's own calls).
import { createRequire } from 'node:module';
import path from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The execution data of the REST API is flatted-encoded; use the flatted that the n8n install ships. */
function flattedOf(runtime) {
	return createRequire(path.join(runtime.installDir, 'node_modules', 'n8n', 'package.json'))('flatted');
}

/**
 * Waits for a finished execution of the workflow newer than `sinceIds` and returns it shaped like
 * `n8n execute --rawOutput` output ({ status, data: { resultData } }).
 */
export async function waitForExecution(runtime, client, workflowId, { sinceIds = new Set(), timeoutMs = 60000 } = {}) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const list = await client.get(`/rest/executions?filter=${filter}`);
		const results = list.json?.data?.results ?? [];
		const done = results.find((execution) => !sinceIds.has(execution.id) && !['new', 'running', 'waiting'].includes(execution.status));
		if (done) {
			const full = await client.get(`/rest/executions/${done.id}`);
			const execution = full.json?.data;
			return { ...execution, data: flattedOf(runtime).parse(execution.data) };
		}
		await sleep(500);
	}
	throw new Error(`no finished execution of workflow ${workflowId} within ${timeoutMs / 1000} s`);
}

export async function executionIds(client, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await client.get(`/rest/executions?filter=${filter}`);
	return new Set((list.json?.data?.results ?? []).map((execution) => execution.id));
}
