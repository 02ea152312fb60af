import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { byteChunks, type ByteSource } from './byte-chunks.js';

/**
 * Passes a byte source through, throwing once more than `limit` bytes have arrived (the
 * source is cancelled), so a runaway file stops even when it is read as a stream.
 */
export async function* limitBytes(source: ByteSource, limit: number): AsyncGenerator<Uint8Array, void, undefined> {
  let total = 0;
  for await (const chunk of byteChunks(source)) {
    total += chunk.length;
    if (total > limit) throw new ResponseTooLargeError(limit);
    yield chunk;
  }
}
