import { guardBody } from '../download/guard-body.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { CallOptions, DatasetFile, OpenedFile, RawRecord } from '../portals/portal-adapter.js';
import { coerceDeclared } from './coerce-declared.js';
import type { FileReadOptions } from './file-read-options.js';

/**
 * Reads an opened dataset file as batches of rows at constant memory (XLSX excepted): a break
 * in the body is a `DownloadInterruptedError` with its byte, a malformed file a
 * `FileFormatError` with its line or byte, a body past `maxBytes` a `ResponseTooLargeError`.
 */
export async function* readOpenedFile(file: DatasetFile, opened: OpenedFile, options: FileReadOptions, call: CallOptions): AsyncGenerator<RawRecord[]> {
  if (!opened.body) throw new ResponseFormatError(`the portal answered ${opened.status} without a body for ${file.name}`);
  const types = options.coerce === 'declared' ? await file.declaredTypes(call) : undefined;
  // The readers (CSV, JSON, XLSX) load on the first file read: most apps read query APIs only.
  const { readFileRecords } = await import('../files/read-file-records.js');
  const bytes = guardBody(opened.body, { expected: opened.totalLength, maxBytes: options.maxBytes });
  const batches = readFileRecords(bytes, {
    resourceFormat: file.format,
    contentType: opened.contentType,
    url: file.url,
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.raggedRows !== undefined ? { raggedRows: options.raggedRows } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    signal: call.signal,
  });
  for await (const batch of batches) yield types ? coerceDeclared(batch, types) : batch;
}

/** Opens a dataset file and reads it as batches of rows (see {@link readOpenedFile}). */
export async function* readFileRows(file: DatasetFile, options: FileReadOptions, call: CallOptions): AsyncGenerator<RawRecord[]> {
  const opened = await file.open({}, call);
  yield* readOpenedFile(file, opened, options, call);
}
