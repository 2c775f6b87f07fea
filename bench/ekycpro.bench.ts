// ekycpro checkNumbers for 100,000 numbers through the n8n engine; the simulator (in a child
// process, so its memory is not counted) makes each task's result ready 2 s after its upload.
// Prints the node's own time beyond the simulator's wait and the peak RSS; never passes or fails.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { runNode } from '../test/harness/engine';
import { SIM_CREDENTIALS } from '../test/simulator/credentials';

const NUMBERS = 100_000;
const PROCESSING_MS = 2000;
const TARGET_OWN_SECONDS = 3;
const TARGET_RSS_MB = 300;

interface SimRecord {
	at: number;
	durationMs?: number;
	method: string;
	path: string;
	status: number | null;
}

interface SimStats {
	vendors: { ekycpro: { charged: Array<{ at: number; ref: string; phone: string }>; resultHostRequests: number } };
}

/** The simulator CLI as TypeScript (ts-node) or as compiled JavaScript beside this file. */
function simulatorCommand(): string[] {
	const typescript = resolve(__dirname, '../test/simulator/cli.ts');
	if (__filename.endsWith('.ts') && existsSync(typescript)) return ['-r', 'ts-node/register/transpile-only', typescript];
	return [join(__dirname, '../test/simulator/cli.js')];
}

async function startSimulatorProcess(): Promise<{ child: ChildProcess; baseUrl: string }> {
	const child = spawn(process.execPath, [...simulatorCommand(), '--port', '0'], {
		cwd: resolve(__dirname, '..'),
		env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const baseUrl = await new Promise<string>((resolveUrl, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /simulator on (http:\/\/\S+)/.exec(output);
			if (match) resolveUrl(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`simulator exited (${code}) before listening: ${output}`)));
	});
	child.stdout?.resume();
	return { child, baseUrl };
}

async function control<T>(baseUrl: string, method: string, route: string, body?: object): Promise<T> {
	const send = async () =>
		await fetch(`${baseUrl}/__sim${route}`, {
			method,
			headers: body ? { 'content-type': 'application/json' } : undefined,
			body: body ? JSON.stringify(body) : undefined,
		});
	// A kept-alive socket the simulator closed meanwhile fails once; a fresh one works.
	const response = await send().catch(send);
	return (await response.json()) as T;
}

function megabytes(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(0);
}

/** Set again after every reset, which returns the simulator to its start configuration. */
async function configure(baseUrl: string): Promise<void> {
	await control(baseUrl, 'POST', '/config', { vendor: 'ekycpro', processingMs: PROCESSING_MS, latencyMs: 0, latencyJitterMs: 0, rateLimitPerSecond: 0, dailyLimit: 0 });
}

function phoneOf(index: number): string {
	// +1 202 2xx xxxx written as people do; none ends 0000 (the simulator's "not returned").
	const digits = String(2_000_001 + index * 3).padStart(7, '0');
	return `+1 (202) ${digits.slice(0, 3)}-${digits.slice(3)}`;
}

async function run(baseUrl: string, count: number, options: Record<string, number>) {
	const items = Array.from({ length: count }, (_, index) => ({ row: index + 1, name: `Contact ${index + 1}`, phone: phoneOf(index) }));
	const startedAt = Date.now();
	const result = await runNode({
		type: 'ekycpro',
		parameters: { operation: 'checkNumbers', taskType: 'coinW', phoneNumber: '={{ $json.phone }}', options: { pollIntervalSeconds: 0.1, ...options } },
		credentials: { ekycproApi: { apiKey: SIM_CREDENTIALS.ekycpro.apiKey, baseUrl: 'custom', customBaseUrl: `${baseUrl}/ekycpro` } },
		items,
		timeoutMs: 300_000,
	});
	return { result, startedAt, endedAt: Date.now() };
}

async function measure(baseUrl: string, label: string, options: Record<string, number>): Promise<void> {
	await control(baseUrl, 'POST', '/reset');
	await configure(baseUrl);
	(global as { gc?: () => void }).gc?.();
	const { result, startedAt, endedAt } = await run(baseUrl, NUMBERS, options);
	const stats = await control<SimStats>(baseUrl, 'GET', '/stats');
	const requests = await control<SimRecord[]>(baseUrl, 'GET', '/requests');

	const tasks = stats.vendors.ekycpro.charged;
	const uploads = requests.filter((record) => record.path.endsWith('/v1/tasks'));
	const polls = requests.filter((record) => record.path.endsWith('/v1/gettasks'));
	const readyAt = Math.max(...tasks.map((task) => task.at + PROCESSING_MS));
	const firstUpload = Math.min(...uploads.map((record) => record.at));
	const lastSeenReady = Math.max(...tasks.map((task) => polls.find((poll) => poll.at >= task.at + PROCESSING_MS)?.at ?? readyAt));
	const simulatorWait = readyAt - firstUpload;
	const totalMs = endedAt - startedAt;
	const [task] = result.runData['Node under test'];
	const nodeStartedAt = task.startTime;
	const nodeMs = task.executionTime;
	const ownMs = nodeMs - simulatorWait;
	const verdicts = result.items.filter((item) => typeof item.json.registered === 'boolean').length;

	console.log(`\n  ${label}`);
	console.log(`    run                ${result.status}${result.error ? ` (${result.error.message})` : ''}, ${result.items.length} items out, ${verdicts} with a verdict`);
	console.log(`    tasks              ${tasks.length} (${tasks.map((task) => task.phone).join(', ')}), ${polls.length} status checks, ${stats.vendors.ekycpro.resultHostRequests} downloads`);
	const timeline = [...uploads, ...polls]
		.sort((a, b) => a.at - b.at)
		.map((record) => `${record.path.split('/').pop()} @${((record.at - nodeStartedAt) / 1000).toFixed(2)}+${((record.durationMs ?? 0) / 1000).toFixed(2)}`);
	console.log(`    calls (s after node start + duration): ${timeline.join(', ')}; ready @${((readyAt - nodeStartedAt) / 1000).toFixed(2)}; node end @${(nodeMs / 1000).toFixed(2)}`);
	console.log(`    wall time          ${(totalMs / 1000).toFixed(2)} s (whole workflow: harness source node with 100k items + ekycpro node)`);
	console.log(`    ekycpro node       ${(nodeMs / 1000).toFixed(2)} s (n8n's executionTime of the node)`);
	console.log(`    simulator's wait   ${(simulatorWait / 1000).toFixed(2)} s (first upload received -> last result ready)`);
	console.log(`    node's own time    ${(ownMs / 1000).toFixed(2)} s (target < ${TARGET_OWN_SECONDS} s, ratio ${(ownMs / 1000 / TARGET_OWN_SECONDS).toFixed(2)})`);
	console.log(`      before upload    ${((firstUpload - nodeStartedAt) / 1000).toFixed(2)} s (read 100k numbers, E.164, de-dup, build the file)`);
	console.log(`      poll overshoot   ${((lastSeenReady - readyAt) / 1000).toFixed(2)} s (ready -> seen exported; waiting, not work)`);
	console.log(`      after export     ${((nodeStartedAt + nodeMs - lastSeenReady) / 1000).toFixed(2)} s (download, unzip, CSV, 100k output items)`);
}

export async function main(): Promise<void> {
	const { child, baseUrl } = await startSimulatorProcess();
	const sampled = { peak: process.memoryUsage() };
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		if (usage.rss > sampled.peak.rss) sampled.peak = usage;
	}, 25);
	try {
		await configure(baseUrl);
		console.log(`ekycpro checkNumbers: ${NUMBERS.toLocaleString('en')} numbers, results ready ${PROCESSING_MS / 1000} s after each upload`);
		console.log(`  zip result (activated.txt, unregistered.txt, all.csv, result.xlsx); poll interval 0.1 s; simulator in a child process`);
		const warm = await run(baseUrl, 10, {});
		(global as { gc?: () => void }).gc?.();
		const baselineMb = process.memoryUsage().rss / 1024 / 1024;
		console.log(`  warm-up (10 numbers, loads the engine and node types): ${warm.result.status}, ${((warm.endedAt - warm.startedAt) / 1000).toFixed(2)} s; RSS after it ${baselineMb.toFixed(0)} MB`);
		await measure(baseUrl, 'default options: 2 tasks of 50,000 side by side', {});
		await measure(baseUrl, 'one task of 100,000 (Max Numbers per Task 100000)', { maxNumbersPerTask: NUMBERS });
		const maxRssMb = process.resourceUsage().maxRSS / 1024;
		console.log(`\n  peak RSS            ${maxRssMb.toFixed(0)} MB (this process: engine + node + harness, target < ${TARGET_RSS_MB} MB, ratio ${(maxRssMb / TARGET_RSS_MB).toFixed(2)}); sampled ${megabytes(sampled.peak.rss)} MB`);
		console.log(`  at the sampled peak heap ${megabytes(sampled.peak.heapUsed)} of ${megabytes(sampled.peak.heapTotal)} MB used, external ${megabytes(sampled.peak.external)} MB (array buffers ${megabytes(sampled.peak.arrayBuffers)} MB)`);
	} finally {
		clearInterval(sampler);
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
