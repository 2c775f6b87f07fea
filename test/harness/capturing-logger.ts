import type { Logger } from 'n8n-workflow';

type Level = 'error' | 'warn' | 'info' | 'debug';

/** Each active run registers a sink; every log line goes to all of them (runs may overlap). */
const sinks = new Set<string[]>();

function toPlain(value: unknown, seen: WeakSet<object>): unknown {
	if (value === null || typeof value !== 'object') {
		return typeof value === 'bigint' ? value.toString() : value;
	}
	if (seen.has(value)) return '[Circular]';
	seen.add(value);
	if (Array.isArray(value)) return value.map((entry) => toPlain(entry, seen));
	const plain: Record<string, unknown> = {};
	// Own property names so non-enumerable Error fields (message, stack, cause) are swept too.
	const keys = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
	if (value instanceof Error) plain.name = value.name;
	for (const key of keys) {
		plain[key] = toPlain((value as Record<string, unknown>)[key], seen);
	}
	return plain;
}

export function formatLogLine(level: Level, message: string, metadata?: object): string {
	const metaText =
		metadata === undefined ? '' : ` ${JSON.stringify(toPlain(metadata, new WeakSet()))}`;
	return `${level} ${message}${metaText}`;
}

function write(level: Level, message: string, metadata?: object) {
	const line = formatLogLine(level, String(message), metadata);
	for (const sink of sinks) sink.push(line);
	if (process.env.HARNESS_ECHO_LOGS === '1') console.log(line);
}

/** Target of n8n-workflow's LoggerProxy and n8n-core's DI `Logger` (`this.logger` in nodes). */
export const capturingLogger: Logger & { scoped(): Logger } = {
	error: (message, metadata) => write('error', message, metadata),
	warn: (message, metadata) => write('warn', message, metadata),
	info: (message, metadata) => write('info', message, metadata),
	debug: (message, metadata) => write('debug', message, metadata),
	scoped: () => capturingLogger,
};

export function openLogSink(): { lines: string[]; close(): void } {
	const lines: string[] = [];
	sinks.add(lines);
	return { lines, close: () => sinks.delete(lines) };
}
