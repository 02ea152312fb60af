/** An incremental hash as `node:crypto` gives it. */
export interface IncrementalHash {
  update(data: Uint8Array): unknown;
  digest(encoding: 'hex'): string;
}

/**
 * A `node:crypto` hash when running on Node (loaded without a static import so that the SDK
 * still loads in browsers); `undefined` elsewhere, where checksums are not checked.
 */
export function createNodeHash(algorithm: string): IncrementalHash | undefined {
  const host = globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } };
  const crypto = host.process?.getBuiltinModule?.('node:crypto') as { createHash?: (name: string) => IncrementalHash } | undefined;
  return crypto?.createHash?.(algorithm);
}
