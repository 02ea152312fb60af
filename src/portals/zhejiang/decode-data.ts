import { ResponseFormatError } from '../../errors/index.js';
import { parseJsonSafely } from '../../http/parse-json-safely.js';

/**
 * Real interfaces send `data`/`datas` as an object, an array, or that value JSON-encoded as a
 * string — sometimes twice. Decode until it is not a string that looks like JSON.
 */
export function decodeData(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 4 && typeof current === 'string'; depth++) {
    const text = current.trim();
    if (!(text.startsWith('{') || text.startsWith('[') || text.startsWith('"'))) return current;
    try {
      current = parseJsonSafely(text);
    } catch (cause) {
      throw new ResponseFormatError('The portal sent `data` as a string that is not valid JSON', { cause, body: text });
    }
  }
  return current;
}
