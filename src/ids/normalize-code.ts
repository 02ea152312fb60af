/**
 * Normalises a code typed or pasted by a person: full-width characters (common in Chinese
 * input methods) become half-width, surrounding whitespace goes, letters become upper case.
 * Returns `undefined` for anything that is not a string, so validators can answer `type`.
 */
export function normalizeCode(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  let halfWidth = '';
  for (const char of input) {
    const code = char.codePointAt(0) as number;
    if (code >= 0xff01 && code <= 0xff5e) halfWidth += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) halfWidth += ' ';
    else halfWidth += char;
  }
  return halfWidth.trim().toUpperCase();
}
