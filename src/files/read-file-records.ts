import { FileFormatError } from '../errors/file-format-error.js';
import type { ByteSource } from './byte-chunks.js';
import { parseCsv, type CsvOptions } from './csv-parser.js';
import { decodeTextStream, type DecodeTextOptions } from './decode-text-stream.js';
import { chooseFileFormat, type FileFormat, type FileFormatHints } from './file-format.js';
import { parseJsonArray } from './json-array-stream.js';
import { parseJsonLines } from './jsonl-stream.js';
import { limitBytes } from './limit-bytes.js';
import { readXlsx, type XlsxOptions } from './xlsx-reader.js';

/** Options of {@link readFileRecords}: the format hints, the decoding, and each reader's options. */
export interface FileRecordsOptions extends FileFormatHints, Omit<DecodeTextOptions, 'contentType'>, CsvOptions, XlsxOptions {
  /** Stops reading between batches; the file's stream is cancelled. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads a dataset file's rows as batches of records, whatever its format: CSV (values are
 * strings), a JSON array, JSON Lines, or an XLSX sheet. Text is decoded as
 * {@link decodeTextStream} does; the reader is chosen as {@link chooseFileFormat} does. Text
 * formats stream at constant memory; a workbook is held whole while read (up to `maxBytes`).
 *
 * @throws {FileFormatError} when the format cannot be told or the file does not match it.
 * @throws {ResponseTooLargeError} when `maxBytes` is given and the file is larger.
 * @throws the signal's reason once `signal` aborts.
 *
 * @example
 * ```ts
 * const response = await fetch(resource.url);
 * const batches = readFileRecords(response.body!, {
 *   resourceFormat: resource.format,
 *   contentType: response.headers.get('content-type'),
 *   url: resource.url,
 * });
 * for await (const batch of batches) for (const row of batch) console.log(row);
 * ```
 */
export async function* readFileRecords(source: ByteSource, options: FileRecordsOptions = {}): AsyncGenerator<Record<string, unknown>[], void, undefined> {
  const format = chooseFileFormat(options);
  if (!format) {
    // Nobody will read the body now; cancelling lets the connection go.
    if (source instanceof ReadableStream) source.cancel().catch(() => undefined);
    throw new FileFormatError('cannot tell the file format from the resource, the Content-Type or the URL; pass `format`');
  }
  const bytes = options.maxBytes === undefined ? source : limitBytes(source, options.maxBytes);
  options.signal?.throwIfAborted();
  for await (const batch of readAs(format, bytes, options)) {
    options.signal?.throwIfAborted();
    yield batch;
  }
}

function readAs(format: FileFormat, bytes: ByteSource, options: FileRecordsOptions): AsyncIterable<Record<string, unknown>[]> {
  if (format === 'xlsx') return readXlsx(bytes, options);
  const text = decodeTextStream(bytes, options);
  if (format === 'csv') return parseCsv(text, options);
  return format === 'json' ? parseJsonArray(text) : parseJsonLines(text);
}
