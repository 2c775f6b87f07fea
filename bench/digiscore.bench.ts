// Digiscore checkActivity for 1,000 items: 50 ms per call, results ready 1 s after handle,
// 200 requests/s per app key at the simulator. Prints figures; never passes or fails.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { runNode } from '../test/harness/engine';
import { SIM_CREDENTIALS } from '../test/simulator';

const ITEMS = 1000;
const LIMIT_PER_SECOND = 200;
const CONCURRENCY = 350;
const RUNS = 3;
const TARGET_RATIO = 1.15;
const SIM_CONFIG = { vendor: 'digiscore', latencyMs: 50, latencyJitterMs: 0, rateLimitPerSecond: LIMIT_PER_SECOND, resultDelayMs: 1000 };

interface DigiscoreStats {
	calls: Record<string, number>;
	charged: unknown[];
	rateLimited: number;
}

interface Simulator {
	baseUrl: string;
	control: <T>(method: string, path: string, body?: unknown) => Promise<T>;
	process: ChildProcess;
}

/** The simulator in a process of its own, like a vendor on another machine: its clock is not slowed by the node's work. */
async function startSimulatorProcess(): Promise<Simulator> {
	const folder = join(__dirname, '..', 'test', 'simulator');
	const cli = existsSync(join(folder, 'cli.ts')) ? join(folder, 'cli.ts') : join(folder, 'cli.js');
	const child = spawn(process.execPath, [...process.execArgv, cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
	const baseUrl = await new Promise<string>((resolve, reject) => {
		let printed = '';
		child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
		child.stdout?.on('data', (chunk: Buffer) => {
			printed += chunk.toString('utf8');
			const url = /simulator on (http:\/\/\S+)/.exec(printed)?.[1];
			if (url) resolve(url);
		});
	});
	const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${baseUrl}/__sim${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
		return (await response.json()) as T;
	};
	return { baseUrl, control, process: child };
}

function phoneOf(index: number): string {
	// Mobile numbers 0812 3xxx xxx1: none ends like the simulator's special scenarios.
	return `08123${String(index).padStart(6, '0')}1`;
}

async function checkActivity(sim: Simulator, items: number, concurrency: number) {
	return await runNode({
		type: 'digiscore',
		parameters: {
			operation: 'checkActivity',
			phoneNumber: '={{ $json.phone }}',
			options: { concurrency, requestsPerSecond: LIMIT_PER_SECOND, maxWaitSeconds: 120 },
		},
		credentials: { digiscoreApi: { ...SIM_CREDENTIALS.digiscore, environment: 'custom', baseUrl: `${sim.baseUrl}/digiscore` } },
		items: Array.from({ length: items }, (_, index) => ({ phone: phoneOf(index) })),
		timeoutMs: 300_000,
	});
}

async function measuredRun(sim: Simulator, runNumber: number): Promise<number> {
	await sim.control('POST', '/reset');
	await sim.control('POST', '/config', SIM_CONFIG);
	const load = loadavg()[0];
	const startedAt = Date.now();
	const run = await checkActivity(sim, ITEMS, CONCURRENCY);
	const wallSeconds = (Date.now() - startedAt) / 1000;

	const { vendors } = await sim.control<{ vendors: { digiscore: DigiscoreStats } }>('GET', '/stats');
	const { calls, charged, rateLimited } = vendors.digiscore;
	const handles = calls.handle ?? 0;
	const queries = calls.query ?? 0;
	const accepted = handles + queries - rateLimited;
	const minimumSeconds = accepted / LIMIT_PER_SECOND;
	const ratio = wallSeconds / minimumSeconds;
	const withData = run.items.filter((item) => item.json.telcoType !== undefined && item.json.error === undefined).length;

	console.log(`run ${runNumber}: ${run.status}, ${withData}/${ITEMS} items with data, ${charged.length} charged (load average ${load.toFixed(1)})`);
	console.log(`  calls         ${handles + queries} (handle ${handles}, query ${queries}) = ${((handles + queries) / ITEMS).toFixed(2)} per item`);
	console.log(`  429s met      ${rateLimited}`);
	console.log(`  wall time     ${wallSeconds.toFixed(2)} s`);
	console.log(`  minimum       ${minimumSeconds.toFixed(2)} s (${accepted} accepted calls / ${LIMIT_PER_SECOND} per s)`);
	console.log(`  ratio         ${ratio.toFixed(3)}`);
	return ratio;
}

export async function main(): Promise<void> {
	const sim = await startSimulatorProcess();
	try {
		console.log(`Digiscore checkActivity: ${ITEMS} items, 50 ms per call, result 1 s after handle, ${LIMIT_PER_SECOND} requests/s per app key`);
		console.log(`node options: concurrency ${CONCURRENCY}, Max Requests per Second ${LIMIT_PER_SECOND}`);
		// Loads the node and engine modules so the measured runs time the node, not the loader.
		await sim.control('POST', '/config', SIM_CONFIG);
		await checkActivity(sim, 1, 1);
		const ratios: number[] = [];
		for (let runNumber = 1; runNumber <= RUNS; runNumber++) ratios.push(await measuredRun(sim, runNumber));
		const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
		console.log(`median ratio ${median.toFixed(3)} (target <= ${TARGET_RATIO}); runs ${ratios.map((ratio) => ratio.toFixed(3)).join(', ')}`);
	} finally {
		sim.process.kill('SIGTERM');
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
