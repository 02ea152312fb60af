/**
 * What the key → content hash maps a sync builds without a `Map` have in common (a loaded
 * checkpoint's compact layout, a modified-since pull's patch, a full read's snapshot): a read-only
 * `ReadonlyMap` whose iteration comes from `entries()`. A checkpoint's hashes are a `Map` or one of these.
 */
export abstract class ReadOnlyHashes implements ReadonlyMap<string, number> {
  abstract readonly size: number;
  abstract get(key: string): number | undefined;
  abstract has(key: string): boolean;
  abstract entries(): MapIterator<[string, number]>;

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [key, hash] of this.entries()) callback.call(thisArg, hash, key, this);
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<number> {
    for (const [, hash] of this.entries()) yield hash;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
