import { inflateRawSync } from 'node:zlib';
import { Unzip, UnzipPassThrough, unzipSync } from 'fflate';
import type { AsyncFlateStreamHandler, UnzipDecoder, UnzipDecoderConstructor } from 'fflate';

import { ByteBudget, ResultFileError, tooLarge } from './limits';
import type { ResultFileLimits } from './limits';

export interface ZipEntry {
	name: string;
	/** Uncompressed size as the central directory declares it (a hostile file may lie). */
	declaredSize: number;
	compression: number;
}

const DEFLATE = 8;
const STORED = 0;

export function isZip(data: Uint8Array): boolean {
	return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The archive's central directory: names and declared sizes, nothing inflated. */
export function listZipEntries(data: Uint8Array, file: string, limits: ResultFileLimits): ZipEntry[] {
	const entries: ZipEntry[] = [];
	try {
		unzipSync(data, {
			filter: (info) => {
				if (entries.length >= limits.maxEntries) {
					throw new ResultFileError('TOO_MANY_ENTRIES', `${file} lists more than ${limits.maxEntries} entries: refused`);
				}
				entries.push({ name: info.name, declaredSize: info.originalSize, compression: info.compression });
				return false;
			},
		});
	} catch (error) {
		if (error instanceof ResultFileError) throw error;
		throw new ResultFileError('UNREADABLE', `${file} is not a readable zip archive (${describe(error)})`);
	}
	return entries;
}

/**
 * Inflates one deflate entry with node's zlib, which stops at `maxOutputLength`: an entry that
 * inflates beyond what it declared (or beyond the budget) is refused without being inflated in full.
 */
function cappedInflate(file: string, declaredSizes: Map<string, number>, budget: ByteBudget): UnzipDecoderConstructor {
	return class CappedInflate implements UnzipDecoder {
		static compression = DEFLATE;

		ondata: AsyncFlateStreamHandler = () => {};

		private readonly compressed: Buffer[] = [];

		constructor(private readonly name: string) {}

		push(data: Uint8Array, final: boolean): void {
			this.compressed.push(Buffer.from(data));
			if (!final) return;
			const what = `${file}/${this.name}`;
			const declared = declaredSizes.get(this.name) ?? 0;
			const cap = Math.min(declared, budget.remaining);
			let inflated: Buffer;
			try {
				inflated = inflateRawSync(Buffer.concat(this.compressed), { maxOutputLength: cap + 1 });
			} catch (error) {
				if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') {
					throw new ResultFileError('UNREADABLE', `${what} is damaged (${describe(error)})`);
				}
				throw cap < declared
					? tooLarge(what, budget.limit)
					: new ResultFileError('TOO_LARGE', `${what} inflates beyond the size it declares: refused as a possible zip bomb`);
			}
			if (inflated.length > declared) {
				throw new ResultFileError('TOO_LARGE', `${what} inflates beyond the size it declares: refused as a possible zip bomb`);
			}
			this.ondata(null, new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.length), true);
		}
	};
}

/**
 * Inflates the entries whose names `wanted` accepts. Declared sizes are checked against the
 * budget before anything is inflated, and actual sizes while inflating.
 */
export function readZipEntries(
	data: Uint8Array,
	file: string,
	wanted: (name: string) => boolean,
	budget: ByteBudget,
	limits: ResultFileLimits,
): Map<string, Buffer> {
	const entries = listZipEntries(data, file, limits).filter((entry) => wanted(entry.name));
	const declaredSizes = new Map<string, number>();
	let declaredTotal = 0;
	for (const entry of entries) {
		if (entry.compression !== DEFLATE && entry.compression !== STORED) {
			throw new ResultFileError('UNREADABLE', `${file}/${entry.name} uses compression method ${entry.compression}, which is not supported`);
		}
		declaredSizes.set(entry.name, entry.declaredSize);
		declaredTotal += entry.declaredSize;
		if (declaredTotal > budget.remaining) throw tooLarge(file, budget.limit);
	}

	const contents = new Map<string, Buffer>();
	const unzip = new Unzip((entry) => {
		if (!declaredSizes.has(entry.name) || contents.has(entry.name)) return;
		const chunks: Buffer[] = [];
		let size = 0;
		entry.ondata = (error, chunk, final) => {
			if (error) throw new ResultFileError('UNREADABLE', `${file}/${entry.name} is damaged (${describe(error)})`);
			size += chunk.length;
			if (size > (declaredSizes.get(entry.name) ?? 0)) {
				throw new ResultFileError('TOO_LARGE', `${file}/${entry.name} holds more than the size it declares: refused as a possible zip bomb`);
			}
			budget.take(chunk.length, file);
			chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
			if (final) contents.set(entry.name, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
		};
		entry.start();
	});
	unzip.register(UnzipPassThrough);
	unzip.register(cappedInflate(file, declaredSizes, budget));
	try {
		unzip.push(data, true);
	} catch (error) {
		if (error instanceof ResultFileError) throw error;
		throw new ResultFileError('UNREADABLE', `${file} is not a readable zip archive (${describe(error)})`);
	}
	for (const name of declaredSizes.keys()) {
		if (!contents.has(name)) throw new ResultFileError('UNREADABLE', `${file}/${name} could not be read (truncated archive?)`);
	}
	return contents;
}
