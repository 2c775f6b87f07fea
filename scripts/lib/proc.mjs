// Child processes for the runtime scripts: a clean environment, commands with captured output, progress lines.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const started = Date.now();

export function say(message) {
	const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
	process.stdout.write(`[${seconds}s] ${message}\n`);
}

// npm passes its own config to children as npm_config_* (e.g. the project's ignore-scripts=true); drop it all.
export function cleanEnv(extra = {}, nodeBinDir) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD') env[key] = value;
	}
	if (nodeBinDir) env.PATH = `${nodeBinDir}${path.delimiter}${env.PATH ?? ''}`;
	return { ...env, ...extra };
}

/** Runs a command; resolves with { code, stdout, stderr }, rejects on a non-zero exit unless allowFailure. */
export function run(command, args, { cwd, env, stream = false, allowFailure = false, timeoutMs } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env: env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (stream) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			if (stream) process.stderr.write(chunk);
		});
		const timer = timeoutMs
			? setTimeout(() => child.kill('SIGKILL'), timeoutMs)
			: undefined;
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			const result = { code: code ?? 1, signal, stdout, stderr };
			if (result.code === 0 || allowFailure) resolve(result);
			else {
				const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
				reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}:\n${tail}`));
			}
		});
	});
}

const longRunning = new Set();

// A script that dies on an error must not leave an n8n or a simulator behind.
process.on('exit', () => {
	for (const child of longRunning) child.kill('SIGKILL');
});

/** Starts a long-running child (a server) that is killed if this script exits without stopping it. */
export function spawnService(command, args, options) {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	longRunning.add(child);
	child.once('exit', () => longRunning.delete(child));
	return child;
}

/** Stops a long-running child: SIGTERM, then SIGKILL after graceMs; resolves when it has exited. */
export function stopChild(child, graceMs = 10000) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

export function formatSeconds(ms) {
	return `${(ms / 1000).toFixed(0)} s`;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Rejects with a clear message if something already listens on 127.0.0.1:port. */
export function assertPortFree(port, what) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () => reject(new Error(`Port ${port} is in use, so ${what} cannot start there. Stop whatever listens on it (another n8n?) and retry.`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}
