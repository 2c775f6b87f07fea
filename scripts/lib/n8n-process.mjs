// Running an installed n8n headless: its environment, one-shot CLI commands, a served instance and its owner login.
import { createWriteStream } from 'node:fs';

import { assertPortFree, cleanEnv, run, spawnService, stopChild } from './proc.mjs';

// Local sandbox only: the key encrypts the imported sandbox credentials in the runtime's own database.
const SANDBOX_ENCRYPTION_KEY = 'phone-intel-local-sandbox-key';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Sandbox',
	lastName: 'Owner',
	password: 'Sandbox-Owner-1',
};

/** Environment for a headless n8n of the given runtime (from ensureN8n) using userFolder as its home. */
export function n8nEnv(runtime, userFolder, extra = {}) {
	return cleanEnv(
		{
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: SANDBOX_ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: '5678',
			N8N_SECURE_COOKIE: 'false',
			...runtime.env,
			...extra,
		},
		runtime.nodeBinDir,
	);
}

/** Runs `n8n <args>`; resolves with { code, stdout, stderr } (allowFailure by default: callers judge the output). */
export function runN8n(runtime, env, args, { allowFailure = true, timeoutMs = 300000 } = {}) {
	return run(runtime.nodeBin, [runtime.n8nBin, ...args], { env, allowFailure, timeoutMs });
}

/** Parses `n8n execute --rawOutput` output: 2.x prints log lines before the JSON. */
export function parseExecuteOutput(stdout) {
	const start = stdout.indexOf('{');
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		return undefined;
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const LOG_TAIL_CHARS = 64 * 1024;

/**
 * Starts `n8n start` and waits for /healthz/readiness and the REST API; its output goes to logFile when given.
 * Returns { url, child, output() (the last 64 KB), stop() }; rejects with the log tail if n8n exits or is not ready in time.
 */
export async function startN8n(runtime, env, { readyTimeoutMs = 180000, logFile } = {}) {
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	await assertPortFree(Number(env.N8N_PORT), `n8n ${runtime.version}`);
	const child = spawnService(runtime.nodeBin, [runtime.n8nBin, 'start'], { env });
	const logStream = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
	let tail = '';
	const collect = (chunk) => {
		tail = (tail + chunk).slice(-LOG_TAIL_CHARS);
		logStream?.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	child.once('exit', () => logStream?.end());
	const instance = { url, child, output: () => tail, stop: () => stopChild(child) };

	const deadline = Date.now() + readyTimeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		try {
			// Readiness answers before the REST routes are mounted; the editor needs both.
			const ready = await fetch(`${url}/healthz/readiness`);
			const settings = ready.ok ? await fetch(`${url}/rest/settings`) : undefined;
			if (settings?.ok) return instance;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	await instance.stop();
	const lastLines = tail.trim().split('\n').slice(-30).join('\n');
	throw new Error(`n8n ${runtime.version} did not become ready at ${url}:\n${lastLines}`);
}

/** A cookie-keeping client for n8n's internal REST API (the one the editor uses). */
export function restClient(baseUrl) {
	let cookie = '';
	// n8n binds the auth cookie to a browser id sent as a header.
	const browserId = 'phone-intel-runtime-scripts';
	async function request(method, path, body) {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': browserId, ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, ok: response.ok, json, text };
	}
	return {
		request,
		get: (path) => request('GET', path),
		post: (path, body) => request('POST', path, body),
		patch: (path, body) => request('PATCH', path, body),
		cookie: () => cookie,
	};
}

/** Creates the owner account on a fresh instance, or logs in if it exists; returns the logged-in client. */
export async function ensureOwnerLogin(baseUrl, owner = OWNER) {
	const client = restClient(baseUrl);
	const setup = await client.post('/rest/owner/setup', owner);
	if (setup.ok) return client;
	const login = await client.post('/rest/login', { email: owner.email, emailOrLdapLoginId: owner.email, password: owner.password });
	if (!login.ok) {
		throw new Error(`Owner setup failed (${setup.status} ${setup.text.slice(0, 200)}) and login failed (${login.status} ${login.text.slice(0, 200)})`);
	}
	return client;
}
