// npm start — a local n8n 1.x with this pack installed, sandbox credentials and the example workflows, against the
// vendor simulator with realistic delays. Usage: node scripts/start.mjs [--port 5678] [--sandbox-port 4010] [--fresh]
// (--fresh forgets the local n8n's data: workflows, credentials, executions, owner login).
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { importCredentials, importWorkflows, listExamples, prepareWorkflow } from './lib/examples.mjs';
import { ensureN8n, installPackTarball, RUNTIME_DIR } from './lib/n8n-install.mjs';
import { ensureOwnerLogin, n8nEnv, OWNER, runN8n, startN8n } from './lib/n8n-process.mjs';
import { buildAndPack, readPackageJson } from './lib/pack.mjs';
import { assertPortFree, say } from './lib/proc.mjs';
import { compileSandbox, simulatorCredentials, startSandbox } from './lib/sandbox.mjs';
import { sandboxCredentials } from './lib/sandbox-credentials.mjs';

const USER_FOLDER = path.join(RUNTIME_DIR, 'user');

/** Ids of the workflows already in the user folder's database (`n8n list:workflow` prints id|name lines). */
async function existingWorkflowIds(runtime, env) {
	const listed = await runN8n(runtime, env, ['list:workflow']);
	return new Set(listed.stdout.split('\n').map((line) => line.split('|')[0].trim()).filter(Boolean));
}

// Examples are imported once: a user's edits in the editor survive the next `npm start`.
async function importNewExamples(runtime, env, credentials) {
	const existing = await existingWorkflowIds(runtime, env);
	const fresh = [];
	for (const example of await listExamples()) {
		try {
			const workflow = prepareWorkflow(example, credentials);
			if (!existing.has(workflow.id)) fresh.push(workflow);
		} catch (error) {
			say(`  skipping ${example.file}: ${error.message}`);
		}
	}
	say(fresh.length ? `Importing ${fresh.length} example workflows...` : 'Example workflows already imported.');
	await importWorkflows(runtime, env, fresh);
}

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '5678' },
			'sandbox-port': { type: 'string', default: '4010' },
			fresh: { type: 'boolean', default: false },
		},
	});
	const port = Number(values.port);
	const sandboxPort = Number(values['sandbox-port']);
	await assertPortFree(port, 'n8n');
	await assertPortFree(sandboxPort, 'the sandbox');

	await compileSandbox();
	const tarball = await buildAndPack();
	const runtime = await ensureN8n('1.x');

	say(`Starting the sandbox (vendor simulator with realistic delays) on 127.0.0.1:${sandboxPort}...`);
	const sandbox = await startSandbox({ port: sandboxPort, realistic: true });
	let n8n;
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n and the sandbox...');
		await n8n?.stop();
		await sandbox.stop();
		process.exit(code);
	};
	process.once('SIGINT', () => void stopAll(0));
	process.once('SIGTERM', () => void stopAll(0));

	if (values.fresh) {
		say(`--fresh: removing the local n8n data in ${path.relative(process.cwd(), USER_FOLDER)}...`);
		await rm(USER_FOLDER, { recursive: true, force: true });
	}
	await mkdir(USER_FOLDER, { recursive: true });
	say(`Installing the packed tarball into ${path.relative(process.cwd(), USER_FOLDER)}/.n8n/nodes, as the Community Nodes panel does...`);
	const installed = await installPackTarball(USER_FOLDER, tarball, runtime.nodeBinDir);

	const env = n8nEnv(runtime, USER_FOLDER, { N8N_PORT: String(port) });
	const credentials = sandboxCredentials(await readPackageJson(), sandbox.vendorUrls, simulatorCredentials(), {
		onMissingVendor: (type, vendor) => say(`  no sandbox for ${type} yet (the simulator has no "${vendor}"): not imported`),
	});
	say(`Importing ${credentials.length} sandbox credentials (${credentials.map((credential) => credential.name).join(', ')})...`);
	await importCredentials(runtime, env, credentials);
	await importNewExamples(runtime, env, credentials);

	say(`Starting n8n ${runtime.version} on 127.0.0.1:${port}...`);
	const logFile = path.join(USER_FOLDER, 'n8n.log');
	n8n = await startN8n(runtime, env, { logFile });
	n8n.child.once('exit', (code) => {
		if (!stopping) say(`n8n exited by itself (${code}); its log: ${logFile}`);
		void stopAll(code ?? 1);
	});
	try {
		await ensureOwnerLogin(n8n.url);
	} catch {
		say('The owner account exists with another password: log in with yours.');
	}

	console.log(`
  n8n ${runtime.version} with ${installed.name}@${installed.version} is running:

    Editor     ${n8n.url}
    Login      ${OWNER.email}  /  ${OWNER.password}
    Sandbox    ${sandbox.baseUrl}  (control API: ${sandbox.baseUrl}/__sim/health)
    n8n log    ${path.relative(process.cwd(), logFile)}

  Credentials "... (sandbox)" point at the sandbox; the example workflows are in the Overview.
  Press Ctrl-C to stop n8n and the sandbox.
`);
}

main().catch((error) => {
	console.error(`npm start failed: ${error.message}`);
	process.exit(1);
});
