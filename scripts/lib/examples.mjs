// The example workflows (examples/*.json), their expectations (examples/<name>.expect.json) and importing them into n8n.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { REPO_DIR } from './n8n-install.mjs';
import { runN8n } from './n8n-process.mjs';

const EXAMPLES_DIR = path.join(REPO_DIR, 'examples');

// `n8n execute --id` needs an id of at most 16 characters.
function idFromName(name) {
	return `ex${name.replace(/[^a-zA-Z0-9]/g, '')}`.slice(0, 16);
}

/** Returns [{ name, file, workflow, expect }] sorted by file name; expect is {} when there is no .expect.json. */
export async function listExamples() {
	if (!existsSync(EXAMPLES_DIR)) return [];
	const files = (await readdir(EXAMPLES_DIR)).filter((file) => file.endsWith('.json') && !file.endsWith('.expect.json')).sort();
	return Promise.all(
		files.map(async (file) => {
			const name = file.replace(/\.json$/, '');
			const workflow = JSON.parse(await readFile(path.join(EXAMPLES_DIR, file), 'utf8'));
			const expectFile = path.join(EXAMPLES_DIR, `${name}.expect.json`);
			const expect = existsSync(expectFile) ? JSON.parse(await readFile(expectFile, 'utf8')) : {};
			return { name, file, workflow, expect };
		}),
	);
}

/** A copy of the workflow with an id, inactive, and every credential reference pointing at the sandbox credential of its type. */
export function prepareWorkflow(example, credentials) {
	const byType = new Map(credentials.map((credential) => [credential.type, credential]));
	const workflow = structuredClone(example.workflow);
	workflow.id = workflow.id && workflow.id.length <= 16 ? workflow.id : idFromName(example.name);
	workflow.active = false;
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			const credential = byType.get(type);
			if (!credential) throw new Error(`${example.file}: node "${node.name}" uses credential type ${type}, which the pack does not define`);
			node.credentials[type] = { id: credential.id, name: credential.name };
		}
	}
	return workflow;
}

async function importJson(runtime, env, command, value, extraArgs = []) {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'phone-intel-import-'));
	try {
		const file = path.join(dir, 'input.json');
		await writeFile(file, JSON.stringify(value));
		const result = await runN8n(runtime, env, [command, `--input=${file}`, ...extraArgs]);
		if (result.code !== 0) throw new Error(`n8n ${command} failed:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export async function importCredentials(runtime, env, credentials) {
	if (credentials.length > 0) await importJson(runtime, env, 'import:credentials', credentials);
}

export async function importWorkflows(runtime, env, workflows) {
	if (workflows.length > 0) await importJson(runtime, env, 'import:workflow', workflows);
}
