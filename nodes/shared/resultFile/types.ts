/** A table read from a CSV file or the first sheet of an XLSX file: header row and data rows, as text. */
export interface ResultTable {
	/** Where it came from, e.g. "result.zip/all.csv". */
	file: string;
	header: string[];
	rows: string[][];
}

/** A text file holding one value a line, e.g. "activated.txt"; `name` is the file name without extension. */
export interface ResultList {
	file: string;
	name: string;
	values: string[];
}

export type ResultFileFormat = 'csv' | 'xlsx' | 'txt';

export interface ResultFileContents {
	/** The format that was read (CSV is preferred over XLSX, tables over text lists). */
	format: ResultFileFormat;
	/** Every entry of a zip archive, read or not; [fileName] for a bare file. */
	entries: string[];
	tables: ResultTable[];
	lists: ResultList[];
}
