#!/usr/bin/env node
// Runs the benchmarks in bench/*.bench.ts (all, or those named on the command line).
// Benchmarks print figures and ratios; they never pass or fail on a target.
const { execFileSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const wanted = process.argv.slice(2);
const benches = readdirSync(__dirname)
	.filter((file) => file.endsWith('.bench.ts'))
	.filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)));

for (const file of benches) {
	console.log(`\n=== ${file}`);
	execFileSync(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', path.join(__dirname, file)], {
		stdio: 'inherit',
		env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
	});
}
