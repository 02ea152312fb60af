import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { ByteCollector } from '../files/concat-bytes.js';
import { decodeUtf8 } from './decode-utf8.js';

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
  const bytes = new ByteCollector(limit);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    try {
      bytes.push(value);
    } catch (error) {
      discard(reader.cancel());
      throw error;
    }
  }
  // One decode of the whole body is markedly cheaper than a streaming decode per chunk.
  return decodeUtf8(bytes.join());
}
