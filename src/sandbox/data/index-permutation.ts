import { hashString, mix32 } from './random.js';

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * A seeded affine permutation of [0, modulus): distinct indices below `modulus` always give
 * distinct results, so keys built from it (organisation codes, licence sequences) never
 * collide, yet consecutive rows do not get consecutive numbers.
 * The multiplier stays below 2^21 so `multiplier · index` is exact for indices below 2^32.
 */
export function permuteIndex(index: number, modulus: number, seed: number, salt: string): number {
  const h = mix32(seed ^ hashString(salt));
  let multiplier = (1 << 20) + (h & 0xfffff);
  while (gcd(multiplier, modulus) !== 1) multiplier++;
  const offset = mix32(h + 1) % modulus;
  return (multiplier * (index % modulus) + offset) % modulus;
}
