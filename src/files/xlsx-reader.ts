import { FileFormatError } from '../errors/file-format-error.js';
import { byteChunks, type ByteSource } from './byte-chunks.js';
import { ByteCollector } from './concat-bytes.js';
import { looksLikeHtml } from './looks-like-html.js';
import { uniqueHeaders } from './unique-headers.js';

/** A spreadsheet cell as a record value: text, number or boolean; dates become ISO text. */
export type XlsxValue = string | number | boolean;

/** Options of {@link readXlsx}. */
export interface XlsxOptions {
  /**
   * The sheet to read: its name, or its zero-based position.
   * @default 0 (the first sheet)
   */
  readonly sheet?: string | number | undefined;
  /**
   * The largest file read, in bytes. A workbook is a zip whose directory sits at its end, so
   * the whole file is held while it is read; this bounds that.
   * @default 268_435_456 (256 MiB)
   */
  readonly maxBytes?: number | undefined;
  /** Records per yielded batch. @default 1000 */
  readonly batchSize?: number | undefined;
}

interface Cell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

interface DateCode {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean => magic.every((byte, index) => bytes[at + index] === byte);

// A zip's end-of-directory record sits within its last 64 KiB + 22 bytes; a cut download lacks it.
const hasEndOfDirectory = (bytes: Uint8Array): boolean => {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (startsWith(bytes, END_OF_DIRECTORY, at)) return true;
  }
  return false;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

async function readAll(source: ByteSource, limit: number): Promise<Uint8Array> {
  const bytes = new ByteCollector(limit);
  for await (const chunk of byteChunks(source)) bytes.push(chunk);
  return bytes.join();
}

/**
 * Reads one sheet of an XLSX (or legacy XLS) workbook as records keyed by its first row
 * (trimmed, blanks named `column_N`, repeats suffixed `_2`). Numbers and booleans keep their
 * type, date cells become `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm:ss` with a time, as written in
 * the sheet, no time zone), empty cells `''`; fully empty rows are skipped. Uses SheetJS
 * (`@e965/xlsx`), loaded on first use.
 *
 * @throws {FileFormatError} when the file is not a workbook (e.g. an HTML page), is cut short,
 *   is corrupt, or has no such sheet.
 * @throws {ResponseTooLargeError} past `maxBytes`.
 *
 * @example
 * ```ts
 * for await (const batch of readXlsx(response.body!, { sheet: '食品经营许可' })) rows.push(...batch);
 * ```
 */
export async function* readXlsx(source: ByteSource, options: XlsxOptions = {}): AsyncGenerator<Record<string, XlsxValue>[], void, undefined> {
  const bytes = await readAll(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, OLE_MAGIC)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 1024));
    if (looksLikeHtml(start.replace(/^\uFEFF/, ''))) throw new FileFormatError('expected an XLSX workbook but the file is an HTML page', { byteOffset: 0, body: start });
    throw new FileFormatError('expected an XLSX workbook but the file does not start like one', { byteOffset: 0 });
  }
  if (startsWith(bytes, ZIP_MAGIC) && !hasEndOfDirectory(bytes)) {
    throw new FileFormatError(`the XLSX workbook is cut short: it ends at byte ${bytes.length} without its zip directory`, { byteOffset: bytes.length });
  }
  const XLSX = await import('@e965/xlsx');
  const sheetOption = options.sheet ?? 0;
  let workbook: ReturnType<typeof XLSX.read>;
  try {
    workbook = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: false, sheets: sheetOption });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new FileFormatError(`the XLSX workbook is corrupt: ${reason}`, { cause });
  }
  const name = typeof sheetOption === 'number' ? workbook.SheetNames[sheetOption] : sheetOption;
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet) {
    throw new FileFormatError(`the workbook has no sheet ${JSON.stringify(sheetOption)}; its sheets: ${workbook.SheetNames.join(', ')}`);
  }
  const ssf = XLSX.SSF as { is_date(format: string | number): boolean; parse_date_code(value: number): DateCode };
  const valueOf = (cell: Cell | undefined): XlsxValue => {
    if (!cell || cell.v === undefined || cell.v === null) return '';
    if (cell.t === 'n' && typeof cell.v === 'number' && cell.z !== undefined && ssf.is_date(cell.z)) {
      const date = ssf.parse_date_code(cell.v);
      const day = `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
      return date.H || date.M || date.S ? `${day}T${pad(date.H)}:${pad(date.M)}:${pad(date.S)}` : day;
    }
    if (cell.t === 'e') return cell.w ?? '';
    if (typeof cell.v === 'number' || typeof cell.v === 'boolean' || typeof cell.v === 'string') return cell.v;
    return String(cell.v);
  };

  const rows = (sheet['!data'] ?? []) as (Cell[] | undefined)[];
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const headerRow = rows[range.s.r] ?? [];
  const headerCells: string[] = [];
  for (let column = range.s.c; column <= range.e.c; column++) headerCells.push(String(valueOf(headerRow[column])));
  while (headerCells.length > 0 && headerCells[headerCells.length - 1] === '') headerCells.pop();
  const keys = uniqueHeaders(headerCells);
  const batchSize = options.batchSize ?? 1000;
  let batch: Record<string, XlsxValue>[] = [];
  for (let rowIndex = range.s.r + 1; rowIndex <= range.e.r; rowIndex++) {
    const row = rows[rowIndex];
    if (!row) continue;
    const record: Record<string, XlsxValue> = {};
    let empty = true;
    for (let index = 0; index < keys.length; index++) {
      const value = valueOf(row[range.s.c + index]);
      if (value !== '') empty = false;
      Object.defineProperty(record, keys[index] as string, { value, enumerable: true, writable: true, configurable: true });
    }
    if (empty) continue;
    batch.push(record);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
