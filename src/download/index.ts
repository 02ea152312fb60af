export { downloadFile } from './download-file.js';
export type { DownloadOptions, DownloadProgress, DownloadResult } from './download-options.js';
export { DownloadIntegrityError } from './download-integrity-error.js';
export type { DownloadIntegrityErrorOptions } from './download-integrity-error.js';
export { DownloadInterruptedError } from './download-interrupted-error.js';
export type { DownloadInterruptedErrorOptions } from './download-interrupted-error.js';
export { parseExpectedHash } from './expected-hash.js';
export type { ExpectedHash } from './expected-hash.js';
