import type { RunResult } from '../harness/engine';

/** Everything a user or an operator could read from a run: items, errors, log lines. */
export function readableText(run: RunResult & { items?: unknown[] }): string {
	return [
		JSON.stringify(run.items ?? []),
		JSON.stringify(run.runData ?? {}),
		run.error ? JSON.stringify({ ...run.error, message: run.error.message, description: run.error.description }) : '',
		...run.logs,
	].join('\n');
}

/** Fails with the place where a secret shows, if any does. */
export function expectNoSecrets(runs: Array<RunResult & { items?: unknown[] }>, secrets: string[]): void {
	for (const [index, run] of runs.entries()) {
		const text = readableText(run);
		for (const secret of secrets) {
			const at = text.indexOf(secret);
			if (at >= 0) {
				throw new Error(`run ${index} shows a secret: ...${text.slice(Math.max(0, at - 80), at)}<SECRET>...`);
			}
		}
	}
}
