/** Caps that keep a hostile or broken result file from exhausting memory. */
export interface ResultFileLimits {
	/** Entries a zip archive (or an XLSX inside it) may list. */
	maxEntries: number;
	/** Bytes all inflated entries together may take, nested archives included. */
	maxTotalBytes: number;
}

export const DEFAULT_RESULT_FILE_LIMITS: ResultFileLimits = {
	maxEntries: 1000,
	maxTotalBytes: 200 * 1024 * 1024,
};

export type ResultFileErrorCode = 'TOO_LARGE' | 'TOO_MANY_ENTRIES' | 'UNREADABLE' | 'NO_RESULTS';

export class ResultFileError extends Error {
	constructor(
		readonly code: ResultFileErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'ResultFileError';
	}
}

/** The uncompressed bytes still allowed while one result file is read. */
export class ByteBudget {
	private used = 0;

	constructor(readonly limit: number) {}

	get remaining(): number {
		return Math.max(0, this.limit - this.used);
	}

	take(bytes: number, what: string): void {
		this.used += bytes;
		if (this.used > this.limit) throw tooLarge(what, this.limit);
	}
}

export function tooLarge(what: string, limit: number): ResultFileError {
	return new ResultFileError(
		'TOO_LARGE',
		`${what} unpacks to more than ${formatBytes(limit)}: refused as a possible zip bomb`,
	);
}

export function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}
