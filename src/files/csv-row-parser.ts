import { FileFormatError } from '../errors/file-format-error.js';
import { looksLikeHtml } from './looks-like-html.js';
import { sniffDelimiter, type CsvDelimiter } from './sniff-delimiter.js';

/** Options of the raw CSV parser. */
export interface CsvRowOptions {
  /**
   * The field delimiter.
   * @default sniffed among `,` `;` tab `|` from the first lines
   */
  readonly delimiter?: CsvDelimiter | undefined;
  /**
   * The longest record, in characters, held while waiting for its end. A stray quote would
   * otherwise make the parser buffer the rest of the file as one field.
   * @default 16_777_216
   */
  readonly maxRecordLength?: number | undefined;
}

/** Rows parsed from one text chunk, with the one-based line each row starts on. */
export interface CsvRowBatch {
  readonly rows: string[][];
  readonly lines: number[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SNIFF_CHARS = 64 * 1024;
const DEFAULT_MAX_RECORD_LENGTH = 16 * 1024 * 1024;

/**
 * An incremental RFC 4180 parser: `push` text as it arrives, get back the complete rows.
 * Quoted fields may hold delimiters, newlines and doubled quotes; lines end with LF or CRLF;
 * blank lines are skipped. Lines without a quote take a fast path through `split`.
 */
export class CsvRowParser {
  readonly #delimiter: string;
  readonly #delimiterCode: number;
  readonly #maxRecordLength: number;
  #rest = '';
  #line = 1;
  #rows: string[][] = [];
  #lines: number[] = [];

  constructor(delimiter: CsvDelimiter, maxRecordLength = DEFAULT_MAX_RECORD_LENGTH) {
    this.#delimiter = delimiter;
    this.#delimiterCode = delimiter.charCodeAt(0);
    this.#maxRecordLength = maxRecordLength;
  }

  /** Parses the next chunk of text; returns the rows it completed. */
  push(text: string): CsvRowBatch {
    const input = this.#rest.length > 0 ? this.#rest + text : text;
    this.#rest = '';
    return this.#parse(input, false);
  }

  /** Ends the input: the last row may lack its newline; an open quote is an error. */
  end(): CsvRowBatch {
    const input = this.#rest;
    this.#rest = '';
    if (input.length === 0) return { rows: [], lines: [] };
    return this.#parse(input.endsWith('\n') ? input : `${input}\n`, true);
  }

  #parse(text: string, final: boolean): CsvRowBatch {
    this.#rows = [];
    this.#lines = [];
    const rows = this.#rows;
    const lines = this.#lines;
    const delimiter = this.#delimiter;
    const length = text.length;
    let position = 0;
    let line = this.#line;
    let quoteAt = text.indexOf('"');
    if (quoteAt === -1) quoteAt = length;
    while (position < length) {
      const newline = text.indexOf('\n', position);
      if (newline === -1) break;
      if (quoteAt < position) {
        quoteAt = text.indexOf('"', position);
        if (quoteAt === -1) quoteAt = length;
      }
      if (quoteAt > newline) {
        let end = newline;
        if (end > position && text.charCodeAt(end - 1) === CR) end--;
        if (end > position) {
          rows.push(text.slice(position, end).split(delimiter));
          lines.push(line);
        }
        line++;
        position = newline + 1;
        continue;
      }
      const next = this.#parseQuoted(text, position, line, final);
      if (next < 0) break;
      position = next;
      line = this.#line;
    }
    this.#line = line;
    if (position < length) {
      this.#rest = text.slice(position);
      if (this.#rest.length > this.#maxRecordLength) {
        throw new FileFormatError(`CSV record on line ${line} is longer than ${this.#maxRecordLength} characters (an unterminated quote?)`, { line });
      }
    }
    return { rows, lines };
  }

  // One record that contains a quote somewhere. Returns the position after it, or -1 when the
  // text ends first (the record is parsed again once more text arrives); sets #line.
  #parseQuoted(text: string, start: number, startLine: number, final: boolean): number {
    const fields: string[] = [];
    const length = text.length;
    const delimiter = this.#delimiter;
    const delimiterCode = this.#delimiterCode;
    let position = start;
    let line = startLine;
    let lineEnd = -1;
    for (;;) {
      if (text.charCodeAt(position) === QUOTE) {
        const fieldLine = line;
        let value = '';
        let from = position + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1 || (quote + 1 >= length && !final)) {
            if (final) throw new FileFormatError(`CSV quoted field opened on line ${fieldLine} is never closed`, { line: fieldLine });
            return -1;
          }
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          for (let at = text.indexOf('\n', position); at !== -1 && at < quote; at = text.indexOf('\n', at + 1)) line++;
          position = quote + 1;
          break;
        }
        fields.push(value);
        const next = text.charCodeAt(position);
        if (next === delimiterCode) {
          position++;
          continue;
        }
        if (next === LF) {
          position++;
          break;
        }
        if (next === CR) {
          if (position + 1 >= length && !final) return -1;
          if (text.charCodeAt(position + 1) === LF) {
            position += 2;
            break;
          }
        }
        throw new FileFormatError(`CSV line ${line} has text after a closing quote`, { line });
      }
      if (lineEnd < position) {
        lineEnd = text.indexOf('\n', position);
        if (lineEnd === -1) return -1;
      }
      const next = text.indexOf(delimiter, position);
      if (next !== -1 && next < lineEnd) {
        fields.push(text.slice(position, next));
        position = next + 1;
        continue;
      }
      let end = lineEnd;
      if (end > position && text.charCodeAt(end - 1) === CR) end--;
      fields.push(text.slice(position, end));
      position = lineEnd + 1;
      break;
    }
    this.#rows.push(fields);
    this.#lines.push(startLine);
    this.#line = line + 1;
    return position;
  }
}

/**
 * Parses CSV text chunks into rows of fields, at constant memory: each yielded batch holds the
 * rows completed by one chunk. A leading BOM is dropped; the delimiter is sniffed when not given.
 *
 * @throws {FileFormatError} for an HTML page instead of CSV (line 1), an unterminated quote or
 *   text after a closing quote (with the line).
 *
 * @example
 * ```ts
 * for await (const { rows } of parseCsvRows(decodeTextStream(response.body!))) count += rows.length;
 * ```
 */
export async function* parseCsvRows(chunks: AsyncIterable<string>, options: CsvRowOptions = {}): AsyncGenerator<CsvRowBatch, void, undefined> {
  let parser: CsvRowParser | undefined;
  let head = '';
  const start = (): CsvRowParser => {
    if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
    if (looksLikeHtml(head)) throw new FileFormatError('expected CSV but the file is an HTML page', { line: 1, body: head });
    return new CsvRowParser(options.delimiter ?? sniffDelimiter(head), options.maxRecordLength);
  };
  for await (const chunk of chunks) {
    if (parser) {
      const batch = parser.push(chunk);
      if (batch.rows.length > 0) yield batch;
      continue;
    }
    head += chunk;
    if (head.length < SNIFF_CHARS) continue;
    parser = start();
    const batch = parser.push(head);
    head = '';
    if (batch.rows.length > 0) yield batch;
  }
  if (!parser) {
    parser = start();
    const batch = parser.push(head);
    if (batch.rows.length > 0) yield batch;
  }
  const last = parser.end();
  if (last.rows.length > 0) yield last;
}
