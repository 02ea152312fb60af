/** Raw file bytes: a fetch `Response.body`, a Node stream, or any async iterable of chunks. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

const isReadableStream = (source: ByteSource): source is ReadableStream<Uint8Array> =>
  typeof (source as ReadableStream<Uint8Array>).getReader === 'function';

/**
 * Iterates the chunks of a byte source. Leaving early (`break`, a thrown error) cancels a
 * `ReadableStream`, so an abandoned download stops instead of filling buffers.
 */
export async function* byteChunks(source: ByteSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (!isReadableStream(source)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Not awaited: an intercepted stream may never settle its cancel promise.
    if (!finished) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
