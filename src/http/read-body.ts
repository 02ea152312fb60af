import { ResponseTooLargeError } from '../errors/response-too-large-error.js';

// Cancellation is not awaited: a tee'd or intercepted stream may never settle its cancel promise.
const discard = (cancelled: Promise<void> | undefined): void => {
  cancelled?.catch(() => undefined);
};

/**
 * Reads a response body as UTF-8 text, counting bytes as they arrive and stopping (and
 * cancelling the stream) as soon as the count passes `limit`, so a runaway body never
 * fills memory.
 */
export async function readBody(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    discard(response.body?.cancel());
    throw new ResponseTooLargeError(limit);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      discard(reader.cancel());
      throw new ResponseTooLargeError(limit);
    }
    chunks.push(decoder.decode(value, { stream: true }));
  }
  chunks.push(decoder.decode());
  return chunks.join('');
}
