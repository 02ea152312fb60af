import { NetworkError, ResponseFormatError } from '../../errors/index.js';
import type { RawRecord } from '../portal-adapter.js';

/** Options of {@link jsonlBatches}. */
export interface JsonlBatchesOptions {
  /** Rows to read and drop first (those already delivered before a reopening). */
  readonly skip: number;
  /** Rows the stream must hold; a clean end before that is an error, never a silent truncation. */
  readonly expected: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads a JSON Lines body chunk by chunk and yields the rows of each chunk, so memory stays flat
 * whatever the export's size. A stream that breaks is a `NetworkError`, a line that is not a JSON
 * object or an end short of `expected` a `ResponseFormatError`; leaving early cancels the body.
 */
export async function* jsonlBatches(body: ReadableStream<Uint8Array>, options: JsonlBatchesOptions): AsyncGenerator<RawRecord[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let seen = 0;
  let finished = false;
  const take = (lines: string[]): RawRecord[] => {
    const rows: RawRecord[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      const row = parseLine(line, seen);
      if (seen++ >= options.skip) rows.push(row);
    }
    return rows;
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`the export stream broke after ${seen} rows: ${reason}`, { cause: error });
      }
      if (chunk.done) break;
      const lines = (pending + decoder.decode(chunk.value, { stream: true })).split('\n');
      pending = lines.pop() ?? '';
      const rows = take(lines);
      if (rows.length > 0) yield rows;
    }
    finished = true;
    const rows = take([pending + decoder.decode()]);
    if (rows.length > 0) yield rows;
    if (options.expected !== undefined && seen < options.expected) {
      throw new ResponseFormatError(`the export ended after ${seen} of ${options.expected} rows`);
    }
  } finally {
    if (!finished) reader.cancel().catch(() => undefined);
  }
}

function parseLine(line: string, index: number): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ResponseFormatError(`line ${index + 1} of the export is not JSON`, { body: line });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ResponseFormatError(`line ${index + 1} of the export is not a JSON object`, { body: line });
  }
  return value as RawRecord;
}
