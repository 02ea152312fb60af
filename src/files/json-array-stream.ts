import { FileFormatError } from '../errors/file-format-error.js';
import { looksLikeHtml } from './looks-like-html.js';

type Phase = 'start' | 'value' | 'comma' | 'element' | 'done';

const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An incremental reader of a file holding one top-level JSON array of objects. It finds each
 * element's end by scanning (strings, escapes and nesting) and parses elements one by one with
 * `JSON.parse`, so only the element being read is ever held, never the whole file.
 */
export class JsonArrayScanner {
  #phase: Phase = 'start';
  #pending = '';
  #depth = 0;
  #inString = false;
  #escaped = false;
  #line = 1;
  #elementLine = 1;
  #index = 0;
  #seen = '';

  /** Scans the next chunk; returns the elements it completed. */
  push(text: string): Record<string, unknown>[] {
    const records: Record<string, unknown>[] = [];
    if (this.#phase === 'start' && this.#seen.length < 1024) this.#seen += text.slice(0, 1024);
    let position = 0;
    const length = text.length;
    while (position < length) {
      if (this.#phase === 'element') {
        const end = this.#scanElement(text, position);
        if (end === -1) {
          this.#pending += text.slice(position);
          return records;
        }
        records.push(this.#parse(this.#pending + text.slice(position, end)));
        this.#pending = '';
        this.#phase = 'comma';
        position = end;
        continue;
      }
      const code = text.charCodeAt(position);
      if (code === 10) this.#line++;
      if (isSpace(code)) {
        position++;
        continue;
      }
      position = this.#structural(code, position);
    }
    return records;
  }

  /** Ends the input; throws when the array was never closed. */
  end(): void {
    if (this.#phase === 'done') return;
    if (this.#phase === 'start') throw new FileFormatError('expected a JSON array but the file is empty', { line: 1 });
    throw new FileFormatError(`the JSON array is not closed: the file ends on line ${this.#line}`, { line: this.#line });
  }

  #structural(code: number, position: number): number {
    const char = String.fromCharCode(code);
    switch (this.#phase) {
      case 'start':
        if (char === '[') {
          this.#phase = 'value';
          return position + 1;
        }
        if (looksLikeHtml(this.#seen.replace(/^\uFEFF/, ''))) {
          throw new FileFormatError('expected a JSON array but the file is an HTML page', { line: this.#line, body: this.#seen });
        }
        throw new FileFormatError(`expected a JSON array but the file starts with "${char}" on line ${this.#line}`, { line: this.#line });
      case 'value':
        if (char === ']' && this.#index === 0) {
          this.#phase = 'done';
          return position + 1;
        }
        if (char === ',' || char === ']') break;
        this.#phase = 'element';
        this.#elementLine = this.#line;
        this.#depth = 0;
        this.#inString = false;
        this.#escaped = false;
        return position;
      case 'comma':
        if (char === ',') {
          this.#phase = 'value';
          return position + 1;
        }
        if (char === ']') {
          this.#phase = 'done';
          return position + 1;
        }
        break;
      default:
        break;
    }
    throw new FileFormatError(`unexpected "${char}" in the JSON array on line ${this.#line}`, { line: this.#line });
  }

  // The position just after the element that starts (or continues) at `from`, or -1 if the
  // text ends first. Scalars end at the next `,` `]` or whitespace outside a string.
  #scanElement(text: string, from: number): number {
    for (let position = from; position < text.length; position++) {
      const code = text.charCodeAt(position);
      if (code === 10) this.#line++;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (code === 92) this.#escaped = true;
        else if (code === 34) {
          this.#inString = false;
          if (this.#depth === 0) return position + 1;
        }
        continue;
      }
      if (code === 34) this.#inString = true;
      else if (code === 123 || code === 91) this.#depth++;
      else if (code === 125 || code === 93) {
        if (this.#depth === 0) return position;
        this.#depth--;
        if (this.#depth === 0) return position + 1;
      } else if (this.#depth === 0 && (code === 44 || isSpace(code))) {
        if (code === 10) this.#line--;
        return position;
      }
    }
    return -1;
  }

  #parse(source: string): Record<string, unknown> {
    const index = this.#index++;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (cause) {
      throw new FileFormatError(`JSON array element ${index} (line ${this.#elementLine}) is not valid JSON`, { line: this.#elementLine, cause });
    }
    if (!isRecord(value)) throw new FileFormatError(`JSON array element ${index} (line ${this.#elementLine}) is not an object`, { line: this.#elementLine });
    return value;
  }
}

/**
 * Reads a top-level JSON array of objects from text chunks, yielding the objects completed by
 * each chunk, at constant memory.
 *
 * @throws {FileFormatError} with `line` when the file is not an array (or is an HTML page), an
 *   element is broken JSON or not an object, or the array is never closed (a truncated file).
 *
 * @example
 * ```ts
 * for await (const batch of parseJsonArray(decodeTextStream(response.body!))) rows += batch.length;
 * ```
 */
export async function* parseJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<Record<string, unknown>[], void, undefined> {
  const scanner = new JsonArrayScanner();
  for await (const chunk of chunks) {
    const records = scanner.push(chunk);
    if (records.length > 0) yield records;
  }
  scanner.end();
}
