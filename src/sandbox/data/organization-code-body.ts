import { permuteIndex } from './index-permutation.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MODERN_SPACE = 31 ** 6;
const LEGACY_SPACE = 10 ** 8;

/**
 * The 8-character body of a GB 11714 organisation code, unique per index within its style:
 * `MA` + 6 characters for organisations registered since the 2015 reform (as in
 * `MA27YJ5H`), 8 digits for older ones. Only characters of the USCC alphabet are used.
 */
export function organizationCodeBody(index: number, seed: number, salt: string, modern: boolean): string {
  if (!modern) return String(permuteIndex(index, LEGACY_SPACE, seed, salt)).padStart(8, '0');
  let value = permuteIndex(index, MODERN_SPACE, seed, salt);
  let body = '';
  for (let i = 0; i < 6; i++) {
    body = (ALPHABET[value % 31] as string) + body;
    value = Math.floor(value / 31);
  }
  return `MA${body}`;
}
