import { FileFormatError } from '../errors/file-format-error.js';
import { looksLikeHtml } from './looks-like-html.js';

/**
 * Reads JSON Lines (one JSON object per line; blank lines skipped) from text chunks, yielding
 * the objects completed by each chunk, at constant memory.
 *
 * @throws {FileFormatError} with `line` for a line that is not a JSON object, or an HTML page.
 *
 * @example
 * ```ts
 * for await (const batch of parseJsonLines(decodeTextStream(response.body!))) rows += batch.length;
 * ```
 */
export async function* parseJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<Record<string, unknown>[], void, undefined> {
  let rest = '';
  let line = 1;
  let first = true;
  const parseLine = (text: string, records: Record<string, unknown>[]): void => {
    const source = text.trim();
    if (source.length > 0) {
      if (first && looksLikeHtml(source)) throw new FileFormatError('expected JSON Lines but the file is an HTML page', { line, body: source });
      let value: unknown;
      try {
        value = JSON.parse(source);
      } catch (cause) {
        throw new FileFormatError(`JSON Lines line ${line} is not valid JSON`, { line, cause });
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new FileFormatError(`JSON Lines line ${line} is not an object`, { line });
      }
      records.push(value as Record<string, unknown>);
      first = false;
    }
    line++;
  };
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const records: Record<string, unknown>[] = [];
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      parseLine(text.slice(start, newline), records);
      start = newline + 1;
    }
    rest = text.slice(start);
    if (records.length > 0) yield records;
  }
  const records: Record<string, unknown>[] = [];
  parseLine(rest, records);
  if (records.length > 0) yield records;
}
