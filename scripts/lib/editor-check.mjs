// The editor as a person sees it: log in, open workflows, open our nodes' parameter panels, take screenshots.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { CHROMIUM_ARGS, ensureChromium, loadPlaywright } from './chromium.mjs';
import { PACKAGE_NODE_PREFIX } from './expectations.mjs';

const PANEL_PROBLEMS = /not currently installed|Install this node to use it|problem loading the parameters|Could not load/i;

function fileSafe(text) {
	return text.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-|-$/g, '');
}

/** File name of a workflow's canvas screenshot, or of one node's open panel over it. */
export function screenshotName(workflowName, nodeName) {
	return nodeName ? `${fileSafe(workflowName)}--${fileSafe(nodeName)}.png` : `${fileSafe(workflowName)}.png`;
}

async function logIn(page, url, owner) {
	await page.goto(`${url}/signin`);
	await page.locator('input[type=email]').fill(owner.email);
	await page.locator('input[type=password]').fill(owner.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((target) => !target.pathname.includes('signin'), { timeout: 30000 });
}

async function openPanel(page, nodeName) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 15000 });
	// Parameters render a beat after the panel opens; a broken panel never shows them.
	await page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]').waitFor({ timeout: 10000 }).catch(() => undefined);
	// Let the opening animation finish so the screenshot shows the panel, not a fade.
	await page.waitForTimeout(400);
	return panel;
}

async function closePanel(page) {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden', timeout: 10000 });
}

/** Opens one workflow, checks that no node is unknown and that each of our nodes' panels renders its parameters. */
async function checkWorkflow(page, url, workflow, screenshotDir, failures) {
	const label = `workflow "${workflow.name}"`;
	await page.goto(`${url}/workflow/${workflow.id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30000 });
	await page.waitForTimeout(800);
	await page.screenshot({ path: path.join(screenshotDir, screenshotName(workflow.name)) });
	let shots = 1;

	const unknown = await page.locator('[data-test-id="canvas-node"]:has([data-test-id="node-not-installed"])').evaluateAll((nodes) => nodes.map((node) => node.dataset.nodeName));
	for (const name of unknown) failures.push(`${label}: node "${name}" is unknown to n8n (not installed)`);

	const ours = workflow.nodes.filter((node) => node.type.startsWith(PACKAGE_NODE_PREFIX));
	for (const node of ours) {
		try {
			const panel = await openPanel(page, node.name);
			const parameters = await panel.locator('[data-test-id="parameter-item"], [data-test-id="parameter-input"]').count();
			const text = await panel.innerText();
			const problem = PANEL_PROBLEMS.exec(text);
			if (problem) failures.push(`${label}: panel of "${node.name}" says "${problem[0]}"`);
			else if (parameters === 0) failures.push(`${label}: panel of "${node.name}" shows no parameters`);
			await page.screenshot({ path: path.join(screenshotDir, screenshotName(workflow.name, node.name)) });
			shots++;
			await closePanel(page);
		} catch (error) {
			failures.push(`${label}: panel of "${node.name}" did not open: ${error.message.split('\n')[0]}`);
			await page.keyboard.press('Escape');
		}
	}
	return shots;
}

/**
 * Logs into the editor at `url` and checks every workflow ({ id, name, nodes }).
 * Returns { failures, screenshots, pageErrors }; screenshots land in screenshotDir, page errors in page-errors.log there.
 */
export async function checkEditor({ url, owner, workflows, screenshotDir }) {
	const executablePath = await ensureChromium();
	const { chromium } = loadPlaywright();
	await mkdir(screenshotDir, { recursive: true });
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	const failures = [];
	const pageErrors = [];
	let screenshots = 0;
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
		await logIn(page, url, owner);
		for (const workflow of workflows) {
			try {
				screenshots += await checkWorkflow(page, url, workflow, screenshotDir, failures);
			} catch (error) {
				failures.push(`workflow "${workflow.name}" did not open in the editor: ${error.message.split('\n')[0]}`);
			}
		}
	} finally {
		await browser.close();
	}
	// n8n's own editor logs some errors offline (banners, telemetry): kept for reading, not judged.
	await writeFile(path.join(screenshotDir, 'page-errors.log'), pageErrors.join('\n'));
	return { failures, screenshots, pageErrors };
}

/** Runs a workflow from the editor (Execute workflow) and saves the canvas with its item counts, for the README. */
export async function executedCanvasScreenshot({ url, owner, workflow, file }) {
	const executablePath = await ensureChromium();
	const { chromium } = loadPlaywright();
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await logIn(page, url, owner);
		await page.goto(`${url}/workflow/${workflow.id}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30000 });
		await page.locator('[data-test-id="execute-workflow-button"]').click();
		const nodeCount = workflow.nodes.filter((node) => !node.type.endsWith('.stickyNote')).length;
		await page.waitForFunction(
			(count) => document.querySelectorAll('[data-test-id="canvas-node-status-success"]').length >= count,
			nodeCount,
			{ timeout: 120000 },
		);
		await page.mouse.move(0, 0);
		await page.waitForTimeout(500);
		await page.screenshot({ path: file });
	} finally {
		await browser.close();
	}
}
