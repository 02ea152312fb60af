import type { TextEncodingName } from './text-encoding.js';

// Bytes that are never part of a GBK/GB18030 multi-byte character: after one of them the next
// byte always starts a character, so the forward scan can start there instead of at 0.
const isGbBoundary = (byte: number): boolean => byte < 0x30 || (byte >= 0x3a && byte <= 0x3f) || byte === 0x7f;

const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

// Bytes in a UTF-8 character led by `byte`; 0 when it cannot lead one.
const utf8Size = (byte: number): number => {
  if (byte < 0x80) return 1;
  if (byte < 0xc2 || byte > 0xf4) return 0;
  return byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
};

// Where a character cut by the end of `bytes` starts, or `bytes.length` when none is.
function utf8Cut(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(4, length); back++) {
    const byte = bytes[length - back] as number;
    if (isContinuation(byte)) continue;
    return utf8Size(byte) > back ? length - back : length;
  }
  return length;
}

/**
 * The length of the longest prefix of `bytes` that ends on a character boundary, given that
 * `bytes` starts on one. Decoding whole characters per chunk keeps the decoder stateless
 * between chunks, so an error can be traced to an exact byte offset.
 */
export function completeLength(bytes: Uint8Array, encoding: TextEncodingName): number {
  const length = bytes.length;
  if (encoding === 'utf-8') {
    const cut = utf8Cut(bytes);
    // The character before the cut must be whole: were it malformed, the decoder would hold it
    // as pending and only fail on the next chunk, at the wrong offset. Keep such bytes in.
    if (cut === length || cut === 0) return cut;
    let lead = cut - 1;
    while (lead > 0 && cut - lead < 4 && isContinuation(bytes[lead] as number)) lead--;
    return utf8Size(bytes[lead] as number) === cut - lead ? cut : length;
  }
  let start = length;
  while (start > 0 && !isGbBoundary(bytes[start - 1] as number)) start--;
  let index = start;
  while (index < length) {
    const lead = bytes[index] as number;
    if (lead < 0x81 || lead === 0xff) {
      index++;
      continue;
    }
    if (index + 1 >= length) return index;
    const second = bytes[index + 1] as number;
    const size = second >= 0x30 && second <= 0x39 ? 4 : 2;
    if (index + size > length) return index;
    index += size;
  }
  return length;
}
