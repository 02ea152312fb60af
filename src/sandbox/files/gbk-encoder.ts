let table: Uint16Array | undefined;

/**
 * The GBK code of every BMP character GBK has, inverted once from the platform's own
 * `TextDecoder('gbk')`, so no code page ships with the sandbox.
 */
function gbkTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  const decoder = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const char = decoder.decode(pair);
      if (char.length !== 1 || char === '\uFFFD') continue;
      const code = char.charCodeAt(0);
      if (table[code] === 0) table[code] = (lead << 8) | trail;
    }
  }
  return table;
}

/** Encodes text as GBK: ASCII as is, other characters as their two-byte code, `?` where GBK has none. */
export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let at = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    const gbk = codes[code] ?? 0;
    if (gbk === 0) {
      out[at++] = 0x3f;
      continue;
    }
    out[at++] = gbk >> 8;
    out[at++] = gbk & 0xff;
  }
  return out.subarray(0, at);
}
