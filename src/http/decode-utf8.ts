/** What this module uses of Node's `node:buffer`. */
interface NodeBufferModule {
  Buffer: { from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'latin1' | 'ucs2'): string } };
  transcode(source: Uint8Array, from: 'utf8', to: 'ucs2'): { toString(encoding: 'ucs2'): string };
  isUtf8(input: Uint8Array): boolean;
  isAscii(input: Uint8Array): boolean;
}

/**
 * `node:buffer` when running on Node (≥ 20.16 has `process.getBuiltinModule`), found at run time
 * so that a browser bundle never imports a Node built-in.
 */
function nodeBufferModule(): NodeBufferModule | undefined {
  try {
    const candidate = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:buffer') as
      | Partial<NodeBufferModule>
      | undefined;
    const usable = candidate?.Buffer && typeof candidate.transcode === 'function' && typeof candidate.isUtf8 === 'function' && typeof candidate.isAscii === 'function';
    return usable ? (candidate as NodeBufferModule) : undefined;
  } catch {
    return undefined;
  }
}

const node = nodeBufferModule();
const decoder = new TextDecoder();

/**
 * Decodes a UTF-8 body exactly as `TextDecoder` does (a leading BOM dropped, malformed bytes
 * replaced by U+FFFD). On Node, valid input goes through ICU's transcoder instead: for pages of
 * Chinese text it is about six times faster than `TextDecoder`, and decoding is the largest
 * client cost of reading a page after `JSON.parse`.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (!node || bytes.byteLength === 0) return decoder.decode(bytes);
  if (node.isAscii(bytes)) return node.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!node.isUtf8(bytes)) return decoder.decode(bytes);
  try {
    const text = node.transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    // A runtime whose `transcode` lacks ICU (or refuses the input) still decodes correctly.
    return decoder.decode(bytes);
  }
}
