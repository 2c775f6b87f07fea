// The vendor simulator as a separate local service (the sandbox): compile it, start it, drive its control API.
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO_DIR } from './n8n-install.mjs';
import { cleanEnv, run, say, spawnService, stopChild } from './proc.mjs';

const SANDBOX_BUILD_DIR = path.join(REPO_DIR, 'build', 'sandbox');
const SIMULATOR_DIR = path.join(SANDBOX_BUILD_DIR, 'test', 'simulator');

/** Compiles test/simulator/** to build/sandbox (tsconfig.sandbox.json). */
export async function compileSandbox() {
	say('Compiling the vendor simulator (tsconfig.sandbox.json -> build/sandbox)...');
	const tsc = path.join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
	await run(process.execPath, [tsc, '-p', path.join(REPO_DIR, 'tsconfig.sandbox.json')], { cwd: REPO_DIR });
}

/** The credential values the simulator accepts, per vendor (from the compiled simulator). */
export function simulatorCredentials() {
	const require = createRequire(import.meta.url);
	return require(path.join(SIMULATOR_DIR, 'credentials.js')).SIM_CREDENTIALS;
}

/**
 * Starts the compiled simulator CLI; port 0 picks a free one.
 * Returns { baseUrl, vendorUrls, control(method, route, body), output(), stop() }.
 */
export async function startSandbox({ port = 0, realistic = false } = {}) {
	const args = [path.join(SIMULATOR_DIR, 'cli.js'), '--port', String(port), ...(realistic ? ['--realistic'] : [])];
	const child = spawnService(process.execPath, args, { cwd: REPO_DIR, env: cleanEnv() });
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));

	const baseUrl = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${log}`)), 20000);
		const onData = () => {
			const match = /https?:\/\/[^\s)]+/.exec(log);
			if (!match) return;
			clearTimeout(timer);
			child.stdout.off('data', onData);
			resolve(match[0]);
		};
		child.stdout.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`simulator exited with ${code}:\n${log}`));
		});
	});

	async function control(method, route, body) {
		const response = await fetch(`${baseUrl}/__sim${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await response.json();
		if (!response.ok) throw new Error(`simulator ${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	}

	const health = await control('GET', '/health');
	return {
		baseUrl,
		vendorUrls: health.vendors,
		control,
		output: () => log,
		stop: () => stopChild(child, 5000),
	};
}
