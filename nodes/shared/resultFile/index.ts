export { readResultFile } from './readResultFile';
export { parseCsvRows } from './csvTable';
export { decodeText } from './text';
export { DEFAULT_RESULT_FILE_LIMITS, ResultFileError } from './limits';
export type { ResultFileErrorCode, ResultFileLimits } from './limits';
export type { ResultFileContents, ResultFileFormat, ResultList, ResultTable } from './types';
