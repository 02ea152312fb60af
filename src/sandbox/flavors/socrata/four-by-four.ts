/** Characters of Socrata 4x4 ids: lowercase letters and digits. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * The Socrata-style 4x4 alias (`abcd-2345`) of a dataset slug. The sandbox serves every dataset
 * under its slug (ids are the same in every flavor) and also under this alias, which is stable
 * for a (seed, slug) pair and appears in the catalogue's `permalink`.
 */
export function fourByFour(seed: number, slug: string): string {
  let h1 = 2166136261 ^ seed;
  let h2 = 0x9747b28c ^ Math.imul(seed, 31);
  for (let i = 0; i < slug.length; i++) {
    h1 = Math.imul(h1 ^ slug.charCodeAt(i), 16777619);
    h2 = Math.imul(h2 ^ slug.charCodeAt(i), 0x5bd1e995);
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    const h = i < 4 ? h1 >>> (i * 5) : h2 >>> ((i - 4) * 5);
    out += ALPHABET[h & 31];
    if (i === 3) out += '-';
  }
  return out;
}
