// Builds the node pack and packs it exactly as it would be published (npm pack).
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { REPO_DIR } from './n8n-install.mjs';
import { cleanEnv, run, say } from './proc.mjs';

export async function readPackageJson() {
	return JSON.parse(await readFile(path.join(REPO_DIR, 'package.json'), 'utf8'));
}

/** Descriptions of the pack's nodes from the build (package.json `n8n.nodes`), with `type` as workflows name it. */
export function packNodeTypes(packageJson) {
	const require = createRequire(import.meta.url);
	return packageJson.n8n.nodes.map((distPath) => {
		const exported = require(path.join(REPO_DIR, distPath));
		const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
		const { description } = new NodeClass();
		return { ...description, type: `${packageJson.name}.${description.name}` };
	});
}

/** `npm run build`, then `npm pack` into a temp folder; returns the tarball path. */
export async function buildAndPack() {
	say('Building the node pack (npm run build)...');
	await run('npm', ['run', 'build', '--silent'], { cwd: REPO_DIR, env: cleanEnv() });
	const destination = await mkdtemp(path.join(os.tmpdir(), 'phone-intel-pack-'));
	const packed = await run('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel=error'], { cwd: REPO_DIR, env: cleanEnv() });
	const [{ filename, entryCount }] = JSON.parse(packed.stdout);
	const tarball = path.join(destination, filename);
	say(`Packed ${filename} (${entryCount} files).`);
	return tarball;
}
