/** Length and MD5 of a generated file, as a portal records them in resource metadata. */
export interface FileMeasure {
  readonly length: number;
  /** Lowercase hex; `null` where `node:crypto` is unavailable (a browser). */
  readonly md5: string | null;
}

interface HashLike {
  update(data: Uint8Array): HashLike;
  digest(encoding: 'hex'): string;
}

type CreateHash = (algorithm: string) => HashLike;

/** `node:crypto`'s `createHash` when running on Node, loaded without a static import so the sandbox still loads in browsers. */
function nodeCreateHash(): CreateHash | undefined {
  const host = globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } };
  const crypto = host.process?.getBuiltinModule?.('node:crypto') as { createHash?: CreateHash } | undefined;
  return crypto?.createHash;
}

const CACHE_LIMIT = 64;

/**
 * Measures a file by generating it once, remembered under `key` (which must change whenever
 * the bytes do, e.g. the file's ETag) in `cache`.
 */
export function measureFile(cache: Map<string, FileMeasure>, key: string, chunks: () => Iterable<Uint8Array>): FileMeasure {
  const known = cache.get(key);
  if (known) return known;
  const createHash = nodeCreateHash();
  const hash = createHash?.('md5');
  let length = 0;
  for (const chunk of chunks()) {
    length += chunk.length;
    hash?.update(chunk);
  }
  const measure = { length, md5: hash ? hash.digest('hex') : null };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, measure);
  return measure;
}
