import type { CsvOptions } from '../files/csv-parser.js';
import type { FileFormat } from '../files/file-format.js';
import type { TextEncodingName } from '../files/text-encoding.js';

/** How a dataset file is read as records (the file options of `records()` and `sync`). */
export interface FileReadOptions {
  /** The file's format, when neither the portal nor the answer tells it right. */
  readonly format?: FileFormat | undefined;
  /** The text encoding. @default detected: byte-order mark, `Content-Type` charset, then a sample (GB18030 when not UTF-8) */
  readonly encoding?: TextEncodingName | undefined;
  /** XLSX: the sheet's name or zero-based position. @default 0 */
  readonly sheet?: string | number | undefined;
  /** CSV: what to do with a row whose field count differs from the header's. @default 'throw' */
  readonly raggedRows?: CsvOptions['raggedRows'] | undefined;
  /**
   * `'declared'` turns text into numbers and booleans where the portal declares the column so
   * (ckan DataStore field types, zhejiang catalogue `fields[].type`), as API rows come; `false`
   * keeps CSV values as text (use `z.coerce` in the schema).
   * @default false
   */
  readonly coerce?: 'declared' | false | undefined;
  /** The largest file read, in bytes. @default the client's `maxResponseBytes` when set, else unlimited for text and 256 MiB for XLSX */
  readonly maxBytes?: number | undefined;
}
