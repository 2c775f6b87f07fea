/** Text of a file as written by Excel, Windows or Unix tools: UTF-8 with or without BOM, or UTF-16 with BOM. */
export function decodeText(data: Uint8Array): string {
	if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return Buffer.from(data.buffer, data.byteOffset + 3, data.length - 3).toString('utf8');
	if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
	if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
	return Buffer.from(data.buffer, data.byteOffset, data.length).toString('utf8');
}

/** Non-empty trimmed lines, whatever the line ending. */
export function nonEmptyLines(text: string): string[] {
	return text
		.split(/\r\n|\n|\r/)
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
}

/** "result/activated.txt" -> "activated". */
export function baseName(path: string): string {
	const file = path.slice(path.lastIndexOf('/') + 1);
	const dot = file.lastIndexOf('.');
	return dot > 0 ? file.slice(0, dot) : file;
}

export function extensionOf(path: string): string {
	const file = path.slice(path.lastIndexOf('/') + 1);
	const dot = file.lastIndexOf('.');
	return dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
}
