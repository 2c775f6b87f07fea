// AccuAuth checkStatus for 1,000 numbers: 50 ms per call, results ready 2 s after submit,
// 200 requests/s per API ID. Prints figures; never passes or fails.
// The simulator runs in its own process, like a remote vendor: in-process it shares n8n's event
// loop, and its own lag bunches arrivals into its 1 s rate-limit window.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

import { runNode } from '../test/harness/engine';
import { SIM_CREDENTIALS } from '../test/simulator';
import type { SimRequestRecord } from '../test/simulator';

const NUMBERS = 1000;
const LIMIT_PER_SECOND = 200;
const CONCURRENCY = 20;
const RUNS = 3;
const TARGET_RATIO = 1.2;
const TARGET_STATUS_CALLS = 3;
const SIM_CONFIG = { vendor: 'accuauth', latencyMs: 50, latencyJitterMs: 0, rateLimitPerSecond: LIMIT_PER_SECOND, resultDelayMs: 2000 };

interface AccuAuthStats {
	calls: Record<string, number>;
	charged: unknown[];
	rateLimited: number;
}

function phoneOf(index: number): string {
	// +52 55 nnnn 3101: no suffix of the simulator's special scenarios (status ring).
	return `+5255${String(index).padStart(4, '0')}3101`;
}

/** Starts test/simulator/cli in a child process (same loader as this script) and returns its base URL. */
async function startSimulatorProcess(): Promise<{ child: ChildProcess; baseUrl: string }> {
	const child = spawn(process.execPath, [...process.execArgv, require.resolve('../test/simulator/cli'), '--port', '0'], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const baseUrl = await new Promise<string>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
		child.stdout?.on('data', (chunk: Buffer) => {
			const match = /simulator on (http:\/\/\S+)/.exec(chunk.toString());
			if (match) resolve(match[1]);
		});
	});
	return { child, baseUrl };
}

async function control<T>(baseUrl: string, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(`${baseUrl}/__sim${route}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
		headers: { 'content-type': 'application/json' },
	});
	return (await response.json()) as T;
}

export async function main(): Promise<void> {
	const { child, baseUrl } = await startSimulatorProcess();
	try {
		const checkStatus = async (phones: string[]) =>
			await runNode({
				type: 'accuAuth',
				parameters: {
					operation: 'checkStatus',
					phoneNumber: '={{ $json.phone }}',
					options: { requestsPerSecond: LIMIT_PER_SECOND, concurrency: CONCURRENCY, maxWaitSeconds: 120 },
				},
				credentials: { accuAuthApi: { ...SIM_CREDENTIALS.accuauth, region: 'custom', baseUrl: `${baseUrl}/accuauth` } },
				items: phones.map((phone) => ({ phone })),
				timeoutMs: 300_000,
			});
		// Loads the engine and node types first: n8n is already running when a workflow starts.
		await checkStatus([phoneOf(NUMBERS)]);

		console.log(`AccuAuth checkStatus: ${NUMBERS} numbers, 50 ms/call, results 2 s after submit, ${LIMIT_PER_SECOND} req/s per API ID`);
		console.log(`  node options: ${LIMIT_PER_SECOND} requests/s, concurrency ${CONCURRENCY}; poll schedule defaults (first check 2 s, then 1 s growing)`);
		// Every number needs one submit and one status call at least.
		const minimumSeconds = (2 * NUMBERS) / LIMIT_PER_SECOND;
		console.log(`  limit-implied minimum: ${minimumSeconds.toFixed(2)} s (${2 * NUMBERS} calls / ${LIMIT_PER_SECOND} per s)`);
		const ratios: number[] = [];
		for (let round = 1; round <= RUNS; round++) {
			await control(baseUrl, 'POST', '/reset');
			await control(baseUrl, 'POST', '/config', SIM_CONFIG);
			const startedAt = Date.now();
			const run = await checkStatus(Array.from({ length: NUMBERS }, (_, index) => phoneOf(index)));
			const wallSeconds = (Date.now() - startedAt) / 1000;

			const { accuauth } = (await control<{ vendors: { accuauth: AccuAuthStats } }>(baseUrl, 'GET', '/stats')).vendors;
			const requests = await control<SimRequestRecord[]>(baseUrl, 'GET', '/requests');
			const pending = requests.filter((record) => record.path.endsWith('/task_result/o1') && record.status === 400).length;
			const statusCalls = accuauth.calls.taskResult ?? 0;
			const done = run.items.filter((item) => item.json.error === undefined && item.json.phoneStatus !== undefined).length;
			const ratio = wallSeconds / minimumSeconds;
			ratios.push(ratio);
			console.log(
				`  run ${round}: ${run.status}, ${done}/${NUMBERS} with a status, ${accuauth.charged.length} charged; ` +
					`submit ${accuauth.calls.submit ?? 0}, task_result ${statusCalls} (${pending} PENDING), ${accuauth.rateLimited} rate-limited; ` +
					`wall ${wallSeconds.toFixed(2)} s, ratio ${ratio.toFixed(3)}, status calls/number ${(statusCalls / NUMBERS).toFixed(2)}`,
			);
		}
		const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
		console.log(`  median ratio ${median.toFixed(3)} (target <= ${TARGET_RATIO}); status calls/number target <= ${TARGET_STATUS_CALLS}`);
	} finally {
		child.kill('SIGTERM');
	}
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
