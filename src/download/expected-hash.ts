/** A checksum a portal declares for a file. */
export interface ExpectedHash {
  readonly algorithm: 'md5' | 'sha1' | 'sha256' | 'sha512';
  /** Lowercase hex. */
  readonly hex: string;
}

const BY_LENGTH: Readonly<Record<number, ExpectedHash['algorithm']>> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

/**
 * Reads a resource's `hash` as portals write it: `md5:…`, `sha256:…` (CKAN style, also with
 * `=` or a dash: `sha-256`) or bare hex, whose length tells the algorithm. `undefined` when it
 * is empty or not a checksum kaifang can compute.
 */
export function parseExpectedHash(value: string | null | undefined): ExpectedHash | undefined {
  const text = (value ?? '').trim().toLowerCase();
  const match = /^(?:(md5|sha-?1|sha-?256|sha-?512)\s*[:=]\s*)?([0-9a-f]+)$/.exec(text);
  if (!match) return undefined;
  const hex = match[2] as string;
  const named = match[1]?.replace('-', '') as ExpectedHash['algorithm'] | undefined;
  const algorithm = named ?? BY_LENGTH[hex.length];
  if (!algorithm || BY_LENGTH[hex.length] !== algorithm) return undefined;
  return { algorithm, hex };
}
