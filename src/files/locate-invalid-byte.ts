import type { TextEncodingName } from './text-encoding.js';

const decodes = (bytes: Uint8Array, encoding: TextEncodingName, stream: boolean): boolean => {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
};

/**
 * The offset in `bytes` (which starts on a character boundary and failed to decode) where the
 * first invalid character starts. `TextDecoder` does not say where it failed, so this bisects
 * for the shortest failing prefix, then steps back to the start of that character. Runs only
 * on the error path.
 */
export function locateInvalidByte(bytes: Uint8Array, encoding: TextEncodingName): number {
  let low = 1;
  let high = bytes.length;
  // Valid as a stream: only a cut character at the very end is wrong.
  if (decodes(bytes, encoding, true)) low = high = bytes.length + 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (decodes(bytes.subarray(0, middle), encoding, true)) low = middle + 1;
    else high = middle;
  }
  for (let start = low - 1; start >= Math.max(0, low - 4); start--) {
    if (decodes(bytes.subarray(0, start), encoding, false)) return start;
  }
  return low - 1;
}
