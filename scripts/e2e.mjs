// npm run test:e2e — the packed node pack inside real n8n 1.x (Node 20) and 2.x (Node 24): every example workflow
// through `n8n execute` against the simulator, a webhook-triggered workflow over HTTP, and the editor in headless Chromium.
// Usage: node scripts/e2e.mjs [--line 1.x|2.x ...] [--readme-screenshot]
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadPlaywright } from './lib/chromium.mjs';
import { checkEditor, executedCanvasScreenshot } from './lib/editor-check.mjs';
import { importCredentials, importWorkflows, listExamples, prepareWorkflow } from './lib/examples.mjs';
import { ensureN8n, installPackTarball, N8N_LINES, REPO_DIR } from './lib/n8n-install.mjs';
import { ensureOwnerLogin, n8nEnv, OWNER, runN8n, startN8n } from './lib/n8n-process.mjs';
import { buildAndPack, packNodeTypes, readPackageJson } from './lib/pack.mjs';
import { panelWorkflow } from './lib/panel-workflow.mjs';
import { formatSeconds, freePort, say } from './lib/proc.mjs';
import { compileSandbox, simulatorCredentials, startSandbox } from './lib/sandbox.mjs';
import { sandboxCredentials } from './lib/sandbox-credentials.mjs';
import { callWebhookExample, executeExample } from './lib/workflow-runs.mjs';

const SCREENSHOTS_DIR = path.join(REPO_DIR, 'e2e', 'screenshots');
const README_SCREENSHOT = path.join(SCREENSHOTS_DIR, 'editor.png');
// The line users of the current n8n see.
const README_SCREENSHOT_LINE = '2.x';

function modeOf(example) {
	return example.expect.mode ?? 'execute';
}

/** Every node type of the pack is used by an example; a node with webhooks by a webhook example. */
function coverageFailures(nodeTypes, examples) {
	const failures = [];
	for (const description of nodeTypes) {
		const users = examples.filter((example) => example.workflow.nodes.some((node) => node.type === description.type));
		if (users.length === 0) failures.push(`no example workflow uses the ${description.displayName} node (${description.type})`);
		else if (description.webhooks?.length && !users.some((example) => modeOf(example) === 'webhook')) {
			failures.push(`the ${description.displayName} node has webhooks but no example with "mode": "webhook" calls it`);
		}
	}
	return failures;
}

function report(prefix, name, { failures, ms }) {
	say(`${prefix} ${failures.length ? 'FAIL' : 'ok  '} ${name} (${formatSeconds(ms)})`);
	for (const failure of failures) say(`${prefix}        ${failure.replace(/\n/g, `\n${' '.repeat(prefix.length + 8)}`)}`);
}

async function runLine(lineName, context) {
	const prefix = `[${lineName}]`;
	const startedAt = Date.now();
	const summary = { line: lineName, examplesRun: 0, examplesPassed: 0, skipped: 0, failures: [], problems: 0, screenshots: 0 };
	const problem = (message) => {
		summary.failures.push(message);
		summary.problems++;
	};
	const runtime = await ensureN8n(lineName);
	summary.version = runtime.version;

	const userFolder = path.join(REPO_DIR, '.e2e', lineName);
	await rm(userFolder, { recursive: true, force: true });
	await mkdir(userFolder, { recursive: true });
	say(`${prefix} Installing the packed tarball into a fresh .n8n/nodes, as the Community Nodes panel does...`);
	await installPackTarball(userFolder, context.tarball, runtime.nodeBinDir);

	const env = n8nEnv(runtime, userFolder, { N8N_PORT: String(await freePort()), N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	const prepared = context.examples.map((example) => ({ example, workflow: prepareWorkflow(example, context.credentials) }));
	say(`${prefix} Importing ${context.credentials.length} sandbox credentials and ${prepared.length} example workflows (+ the panels workflow)...`);
	await importCredentials(runtime, env, context.credentials);
	await importWorkflows(runtime, env, [...prepared.map(({ workflow }) => workflow), context.panels]);

	const record = (name, result) => {
		report(prefix, name, result);
		summary.examplesRun++;
		if (result.failures.length === 0) summary.examplesPassed++;
		else summary.failures.push(...result.failures.map((failure) => `${name}: ${failure}`));
	};

	for (const { example, workflow } of prepared) {
		const mode = modeOf(example);
		if (mode === 'skip') {
			say(`${prefix} skip ${example.file}: ${example.expect.reason ?? 'no reason given'}`);
			summary.skipped++;
		} else if (mode === 'execute') {
			say(`${prefix} n8n execute ${example.file}...`);
			record(example.file, await executeExample(runtime, env, context.sandbox, example, workflow.id));
		} else if (mode !== 'webhook') {
			problem(`${example.name}.expect.json: unknown mode "${mode}"`);
		}
	}

	const webhookExamples = prepared.filter(({ example }) => modeOf(example) === 'webhook');
	for (const { workflow } of webhookExamples) {
		const activated = await runN8n(runtime, env, runtime.activateArgs(workflow.id));
		if (activated.code !== 0) problem(`activating ${workflow.name} failed: ${activated.stderr.slice(-300)}`);
	}

	say(`${prefix} Starting n8n ${runtime.version} (editor + webhooks)...`);
	const n8n = await startN8n(runtime, env);
	try {
		const client = await ensureOwnerLogin(n8n.url);
		const listed = new Set(((await client.get('/types/nodes.json')).json ?? []).map((type) => type.name));
		for (const { type } of context.nodeTypes) if (!listed.has(type)) problem(`n8n does not list node type ${type}`);

		if (webhookExamples.length === 0) say(`${prefix} No webhook-triggered example yet (the Enrow Trigger brings one): webhook check skipped.`);
		for (const { example, workflow } of webhookExamples) {
			say(`${prefix} Calling the webhook of ${example.file}...`);
			record(example.file, await callWebhookExample(runtime, n8n, client, context.sandbox, context.simCredentials, example, workflow.id));
		}

		say(`${prefix} Opening the editor in headless Chromium: ${prepared.length + 1} workflows and our nodes' panels...`);
		const screenshotDir = path.join(SCREENSHOTS_DIR, lineName);
		await rm(screenshotDir, { recursive: true, force: true });
		try {
			const editor = await checkEditor({
				url: n8n.url,
				owner: OWNER,
				workflows: [...prepared.map(({ workflow }) => workflow), context.panels],
				screenshotDir,
			});
			summary.screenshots = editor.screenshots;
			for (const failure of editor.failures) say(`${prefix} FAIL editor: ${failure}`);
			for (const failure of editor.failures) problem(`editor: ${failure}`);
		} catch (error) {
			problem(`editor check could not run: ${error.message.split('\n')[0]}`);
		}
		if (context.readmeScreenshot && lineName === README_SCREENSHOT_LINE) {
			const [first] = prepared.filter(({ example }) => modeOf(example) === 'execute');
			if (first) {
				await executedCanvasScreenshot({ url: n8n.url, owner: OWNER, workflow: first.workflow, file: README_SCREENSHOT });
				say(`${prefix} README screenshot updated: e2e/screenshots/editor.png (${first.example.file}, run from the editor)`);
			}
		}
	} finally {
		await n8n.stop();
	}
	summary.seconds = Math.round((Date.now() - startedAt) / 1000);
	return summary;
}

async function main() {
	const { values } = parseArgs({
		options: {
			line: { type: 'string', multiple: true, default: Object.keys(N8N_LINES) },
			'readme-screenshot': { type: 'boolean', default: false },
		},
	});
	const startedAt = Date.now();
	loadPlaywright();
	await compileSandbox();
	const tarball = await buildAndPack();
	const packageJson = await readPackageJson();
	const nodeTypes = packNodeTypes(packageJson);
	const examples = await listExamples();
	say(`The pack has ${nodeTypes.length} node types; examples/ has ${examples.length} workflows.`);

	say('Starting the vendor simulator...');
	const sandbox = await startSandbox();
	const summaries = [];
	let globalFailures = [];
	try {
		const simCredentials = simulatorCredentials();
		const credentials = sandboxCredentials(packageJson, sandbox.vendorUrls, simCredentials);
		globalFailures = coverageFailures(nodeTypes, examples);
		const context = {
			tarball,
			examples,
			nodeTypes,
			credentials,
			simCredentials,
			sandbox,
			packageName: packageJson.name,
			panels: panelWorkflow(nodeTypes, credentials),
			readmeScreenshot: values['readme-screenshot'],
		};
		for (const lineName of values.line) {
			try {
				summaries.push(await runLine(lineName, context));
			} catch (error) {
				summaries.push({ line: lineName, examplesRun: 0, examplesPassed: 0, skipped: 0, screenshots: 0, problems: 1, failures: [`aborted: ${error.message}`] });
			}
		}
	} finally {
		await sandbox.stop();
	}

	console.log('\n=== e2e summary ===');
	for (const summary of summaries) {
		const label = summary.version ? `n8n ${summary.version}` : `n8n ${summary.line}`;
		console.log(
			`${label.padEnd(16)} examples run ${summary.examplesRun}, passed ${summary.examplesPassed}${summary.skipped ? `, skipped ${summary.skipped}` : ''}; ` +
				`editor screenshots ${summary.screenshots}; other problems ${summary.problems}${summary.seconds ? ` (${summary.seconds} s)` : ''}`,
		);
		for (const failure of summary.failures) console.log(`  - ${failure}`);
	}
	for (const failure of globalFailures) console.log(`  - coverage: ${failure}`);
	// Counted: example runs, plus each problem outside them (unknown node, panel error, coverage gap, aborted line).
	const passed = summaries.reduce((sum, summary) => sum + summary.examplesPassed, 0);
	const failed = globalFailures.length + summaries.reduce((sum, summary) => sum + summary.examplesRun - summary.examplesPassed + summary.problems, 0);
	console.log(`Wall time ${formatSeconds(Date.now() - startedAt)}; screenshots in e2e/screenshots/<line>/`);
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(`e2e failed: ${error.message}`);
	process.exitCode = 1;
});
