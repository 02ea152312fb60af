/** The text encodings dataset files come in: UTF-8, and GBK / GB18030 on Chinese portals. */
export type TextEncodingName = 'utf-8' | 'gbk' | 'gb18030';

/** A byte-order mark found at the start of a file. */
export interface ByteOrderMark {
  /** The encoding it announces; UTF-16 marks are reported so they can be refused clearly. */
  readonly encoding: TextEncodingName | 'utf-16le' | 'utf-16be';
  /** Its length in bytes, skipped before decoding. */
  readonly length: number;
}

/** The byte-order mark at the start of `bytes`, if any (UTF-8, GB18030 or UTF-16). */
export function byteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return { encoding: 'gb18030', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * The encoding a `Content-Type` header's `charset` names, when it is one of ours. Labels
 * resolve as browsers resolve them, so `gb2312`, `cp936` and `x-gbk` mean GBK. Other
 * charsets (often a server default such as `iso-8859-1`) are ignored in favour of detection.
 */
export function encodingFromContentType(contentType: string | null | undefined): TextEncodingName | undefined {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (!label) return undefined;
  let resolved: string;
  try {
    resolved = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  return resolved === 'utf-8' || resolved === 'gbk' || resolved === 'gb18030' ? resolved : undefined;
}

/**
 * Whether a sample of a file is valid UTF-8. `complete` says the sample is the whole file;
 * otherwise a character cut at the sample's end is not held against it.
 */
export function isUtf8(sample: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
