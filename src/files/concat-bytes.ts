import { ResponseTooLargeError } from '../errors/response-too-large-error.js';

/**
 * Collects byte chunks up to `limit` bytes and joins them once at the end: one copy of the whole,
 * and never more than `limit` bytes held, so a runaway body stops with `ResponseTooLargeError`.
 *
 * @example
 * const bytes = new ByteCollector(1024);
 * bytes.push(chunk);
 * const whole = bytes.join();
 */
export class ByteCollector {
  readonly #chunks: Uint8Array[] = [];
  #length = 0;

  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  /** Bytes collected so far. */
  get length(): number {
    return this.#length;
  }

  /** Adds a chunk; throws `ResponseTooLargeError` when the total would pass the limit. */
  push(chunk: Uint8Array): void {
    if (this.#length + chunk.byteLength > this.limit) throw new ResponseTooLargeError(this.limit);
    this.#chunks.push(chunk);
    this.#length += chunk.byteLength;
  }

  /** The chunks as one array (the chunk itself when there is only one). */
  join(): Uint8Array {
    return concatBytes(this.#chunks, this.#length);
  }
}

/** Joins byte chunks into one array; a single chunk is returned as is. */
export function concatBytes(chunks: readonly Uint8Array[], length = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
