import { byteChunks } from '../files/byte-chunks.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { DownloadInterruptedError } from './download-interrupted-error.js';

/** How {@link guardBody} checks a file's bytes as they arrive. */
export interface BodyGuard {
  /** Offset of the first byte (a resumed download). @default 0 */
  readonly start?: number;
  /** The whole file's length when announced: ending short of it is an interruption. */
  readonly expected?: number | undefined;
  /** The largest file accepted, in bytes. */
  readonly maxBytes?: number | undefined;
}

/**
 * Passes a file body through, turning a broken connection or an early end into a
 * {@link DownloadInterruptedError} with the byte where it happened, and a body past `maxBytes`
 * into a `ResponseTooLargeError` (the stream is cancelled).
 */
export async function* guardBody(body: ReadableStream<Uint8Array>, guard: BodyGuard = {}): AsyncGenerator<Uint8Array, void, undefined> {
  let offset = guard.start ?? 0;
  const of = guard.expected === undefined ? '' : ` of ${guard.expected}`;
  const chunks = byteChunks(body);
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await chunks.next();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DownloadInterruptedError(`the download broke at byte ${offset}${of}: ${reason}`, { byteOffset: offset, expected: guard.expected, cause });
    }
    if (next.done) break;
    offset += next.value.length;
    if (guard.maxBytes !== undefined && offset > guard.maxBytes) {
      await chunks.return();
      throw new ResponseTooLargeError(guard.maxBytes);
    }
    yield next.value;
  }
  if (guard.expected !== undefined && offset < guard.expected) {
    throw new DownloadInterruptedError(`the download ended at byte ${offset}${of}`, { byteOffset: offset, expected: guard.expected });
  }
}
