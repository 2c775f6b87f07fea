// A headless Chromium for the editor check: Debian's chromium package driven by playwright-core.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO_DIR } from './n8n-install.mjs';
import { cleanEnv, run, say } from './proc.mjs';

const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** playwright-core from the project's devDependencies. */
export function loadPlaywright() {
	try {
		return createRequire(path.join(REPO_DIR, 'package.json'))('playwright-core');
	} catch {
		throw new Error('playwright-core is not installed: it is a devDependency, run `npm ci` first');
	}
}

/** Installs Debian's chromium with apt-get when it is missing; returns the executable path. */
export async function ensureChromium() {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: install the Debian package "chromium" (apt-get install chromium)`);
	say('Installing Chromium (Debian package "chromium") for the editor check (first run, ~1-2 min)...');
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	// Another apt run (a colleague's, unattended upgrades) may hold the lock for a while.
	const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
	await run('apt-get', [...lockWait, 'update', '-qq'], { env });
	await run('apt-get', [...lockWait, 'install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
	return CHROMIUM;
}
