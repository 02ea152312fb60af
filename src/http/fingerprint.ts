const OFFSET_BASIS = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const encoder = new TextEncoder();

/**
 * A short, stable, non-cryptographic digest (FNV-1a, 64 bit, 16 hex digits) for cache keys and
 * credential fingerprints: two different credentials get different keys without the
 * credentials themselves being kept anywhere. Not a password hash.
 *
 * @example
 * ```ts
 * fingerprint('appKey:appSecret'); // e.g. '5b1d6c2e9f0a4d3c'
 * ```
 */
export function fingerprint(text: string): string {
  let hash = OFFSET_BASIS;
  for (const byte of encoder.encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * PRIME);
  }
  return hash.toString(16).padStart(16, '0');
}
