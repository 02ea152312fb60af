import type { RawRecord } from '../portals/portal-adapter.js';
import { contentHash } from './content-hash.js';
import { duplicateKey, rowKey } from './row-key.js';
import { SnapshotHashes } from './snapshot-hashes.js';

/** Empty `extra` of a freshly laid out {@link SnapshotHashes}. */
const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Diffs a full read, row by row, against the previous hashes: new keys are added, other
 * changed hashes updated, keys never seen removed. Only changed rows are kept, so memory
 * follows the changes plus one hash per key. Against hashes of an earlier full read (a
 * {@link SnapshotHashes}) a row costs one lookup and a flag instead of an entry in a new map.
 */
export class SnapshotDiff {
  readonly added: RawRecord[] = [];
  readonly updated: RawRecord[] = [];
  /** Rows seen so far. */
  rowsRead = 0;

  /** The previous hashes when they can be built on; then the fields below are used. */
  private readonly base: SnapshotHashes | undefined;
  /** Base slot → 1 once this read saw its key. */
  private readonly seen: Uint8Array;
  private seenCount = 0;
  /** The slot after the last base key seen. */
  private nextSlot = 0;
  /** The base's hashes with this read's updates. */
  private readonly hashAt: Float64Array;
  /** Hashes of keys seen that have no live base slot. */
  private readonly extra = new Map<string, number>();

  /** Otherwise: key → slot, slot → key and slot → hash of every key seen. */
  private readonly slots = new Map<string, number>();
  private readonly slotKeys: string[] = [];
  private readonly slotHashes: number[] = [];

  private result: SnapshotHashes | undefined;

  constructor(
    private readonly previous: ReadonlyMap<string, number> | undefined,
    private readonly key: string,
    private readonly dataset: string,
  ) {
    this.base = previous instanceof SnapshotHashes ? previous : undefined;
    this.seen = new Uint8Array(this.base ? this.base.keyAt.length : 0);
    this.hashAt = this.base ? this.base.hashAt.slice() : new Float64Array(0);
  }

  /** Takes one row of the read; a missing or repeated key is a `SyncKeyError`. */
  add(row: RawRecord): void {
    const key = rowKey(row, this.key, this.rowsRead++, this.dataset);
    const hash = contentHash(row);
    const base = this.base;
    if (base) {
      // Reads mostly come in the previous read's order: try the slot after the last one first.
      let slot = this.nextSlot;
      if (base.keyAt[slot] !== key || (base.alive !== null && base.alive[slot] !== 1)) slot = base.slotOf(key);
      if (slot !== -1) {
        this.nextSlot = slot + 1;
        if (this.seen[slot] === 1) throw duplicateKey(this.key, key, this.dataset);
        this.seen[slot] = 1;
        this.seenCount++;
        if (this.hashAt[slot] !== hash) {
          this.hashAt[slot] = hash;
          this.updated.push(row);
        }
        return;
      }
      this.track(this.extra, key, hash);
    } else {
      this.track(this.slots, key, this.slotKeys.length);
      this.slotKeys.push(key);
      this.slotHashes.push(hash);
    }
    const before = this.previous?.get(key);
    if (before === undefined) this.added.push(row);
    else if (before !== hash) this.updated.push(row);
  }

  /** Keys of the previous read that this one did not see; call once the read is complete. */
  removed(): string[] {
    const removed: string[] = [];
    const base = this.base;
    if (base) {
      for (let slot = 0; slot < this.seen.length; slot++) {
        if (this.seen[slot] === 0 && (base.alive === null || base.alive[slot] === 1)) removed.push(base.keyAt[slot] as string);
      }
      for (const key of base.extra.keys()) if (!this.extra.has(key)) removed.push(key);
    } else if (this.previous) {
      for (const key of this.previous.keys()) if (!this.slots.has(key)) removed.push(key);
    }
    return removed;
  }

  /** Key → content hash of every row seen; call once the read is complete. */
  get hashes(): SnapshotHashes {
    this.result ??= this.build();
    return this.result;
  }

  private build(): SnapshotHashes {
    const base = this.base;
    if (!base) return new SnapshotHashes(this.slots, this.slotKeys, Float64Array.from(this.slotHashes), null, 0, NONE);
    const removedSlots = this.seen.length - this.seenCount;
    // Past a sixteenth the lookups and the arrays carry too much that is gone: lay out afresh.
    if ((removedSlots + this.extra.size) * 16 <= this.seen.length) return new SnapshotHashes(base.slots, base.keyAt, this.hashAt, this.seen, removedSlots, this.extra);
    const slots = new Map<string, number>();
    const keys: string[] = [];
    const hashes = new Float64Array(this.seenCount + this.extra.size);
    for (let slot = 0; slot < this.seen.length; slot++) {
      if (this.seen[slot] === 0) continue;
      const key = base.keyAt[slot] as string;
      slots.set(key, keys.length);
      hashes[keys.length] = this.hashAt[slot] as number;
      keys.push(key);
    }
    for (const [key, hash] of this.extra) {
      slots.set(key, keys.length);
      hashes[keys.length] = hash;
      keys.push(key);
    }
    return new SnapshotHashes(slots, keys, hashes, null, 0, NONE);
  }

  /** Adds `key` to `map`, refusing a key seen before in this read. */
  private track(map: Map<string, number>, key: string, value: number): void {
    const size = map.size;
    // One lookup instead of has + set: a key seen before leaves the size unchanged.
    if (map.set(key, value).size === size) throw duplicateKey(this.key, key, this.dataset);
  }
}
