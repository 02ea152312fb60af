import { FileFormatError } from '../errors/file-format-error.js';
import { byteChunks, type ByteSource } from './byte-chunks.js';
import { completeLength } from './character-boundary.js';
import { concatBytes } from './concat-bytes.js';
import { locateInvalidByte } from './locate-invalid-byte.js';
import { byteOrderMark, encodingFromContentType, isUtf8, type TextEncodingName } from './text-encoding.js';

/** How {@link decodeTextStream} chooses the encoding. */
export interface DecodeTextOptions {
  /**
   * Forces the encoding. A byte-order mark still wins, since it cannot be wrong about itself.
   * @default detected: byte-order mark, then the `contentType` charset, then a sample of the first 64 KB
   */
  readonly encoding?: TextEncodingName | undefined;
  /** The response's `Content-Type`; its `charset` is trusted when it names UTF-8, GBK or GB18030. */
  readonly contentType?: string | null | undefined;
  /** Called once with the encoding chosen and why, before the first text is yielded. */
  readonly onEncoding?: ((encoding: TextEncodingName, source: 'bom' | 'option' | 'content-type' | 'detected') => void) | undefined;
}

/** Bytes sampled to tell UTF-8 from GB18030 when nothing declares the encoding. */
export const SNIFF_BYTES = 64 * 1024;

const EMPTY = new Uint8Array(0);

/**
 * Decodes a file's bytes to text chunks at constant memory. The encoding is UTF-8, GBK or
 * GB18030, from (in order) a byte-order mark, `options.encoding`, the `Content-Type` charset,
 * or detection (a first 64 KB that is not valid UTF-8 is read as GB18030, the superset of GBK
 * and GB2312 that Chinese portals use). The byte-order mark is dropped.
 *
 * @throws {FileFormatError} with `byteOffset` when a byte sequence is invalid in the chosen
 *   encoding (e.g. GBK bytes read as UTF-8), or the file is UTF-16.
 *
 * @example
 * ```ts
 * const response = await fetch(url);
 * for await (const text of decodeTextStream(response.body!, { contentType: response.headers.get('content-type') })) {}
 * ```
 */
export async function* decodeTextStream(source: ByteSource, options: DecodeTextOptions = {}): AsyncGenerator<string, void, undefined> {
  const chunks = byteChunks(source);
  try {
    const head: Uint8Array[] = [];
    let headLength = 0;
    let ended = false;
    while (headLength < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    const sample = concatBytes(head, headLength);
    const bom = byteOrderMark(sample);
    if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
      throw new FileFormatError(`the file is ${bom.encoding.toUpperCase()} text; only UTF-8, GBK and GB18030 are supported`, { byteOffset: 0 });
    }
    const marked = bom?.encoding;
    const declared = encodingFromContentType(options.contentType);
    const [encoding, reason] = marked
      ? [marked, 'bom' as const]
      : options.encoding
        ? [options.encoding, 'option' as const]
        : declared
          ? [declared, 'content-type' as const]
          : [isUtf8(sample, ended) ? ('utf-8' as const) : ('gb18030' as const), 'detected' as const];
    options.onEncoding?.(encoding, reason);

    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    let carry = EMPTY;
    let offset = bom?.length ?? 0;
    const decode = (bytes: Uint8Array): string => {
      const joined = carry.length === 0 ? bytes : concatBytes([carry, bytes]);
      const cut = completeLength(joined, encoding);
      const piece = joined.subarray(0, cut);
      carry = joined.slice(cut);
      let text: string;
      try {
        // Pieces end on character boundaries, so the decoder holds nothing between them;
        // `stream` is still passed because Node's streaming path is about twice as fast.
        text = decoder.decode(piece, { stream: true });
      } catch (cause) {
        const at = offset + locateInvalidByte(piece, encoding);
        throw new FileFormatError(`the file is not valid ${encoding.toUpperCase()} at byte ${at}; pass the right \`encoding\``, { byteOffset: at, cause });
      }
      offset += cut;
      return text;
    };

    const first = decode(bom ? sample.subarray(bom.length) : sample);
    if (first) yield first;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      const text = decode(next.value);
      if (text) yield text;
    }
    let flushed = true;
    try {
      decoder.decode();
    } catch {
      flushed = false;
    }
    if (carry.length > 0 || !flushed) {
      throw new FileFormatError(`the file ends inside a ${encoding.toUpperCase()} character at byte ${offset}`, { byteOffset: offset });
    }
  } finally {
    await chunks.return();
  }
}
