import { ReadOnlyHashes } from './read-only-hashes.js';

/**
 * The key → content hash map a full read produces, laid out so that the next full read can diff
 * against it without building a fresh map of every key: keys get slots in a `Map` that later
 * generations share and never change, hashes and "still there" flags are flat per-generation
 * arrays, and keys new since the slots were made sit in a small map of their own. A read that
 * changes few rows then costs a copy of two flat arrays; once those new and removed keys pass a
 * sixteenth of the slots, the next read lays the map out afresh. Read-only, like a checkpoint's.
 */
export class SnapshotHashes extends ReadOnlyHashes {
  override readonly size: number;

  /**
   * Used by `SnapshotDiff`, which keeps the layout consistent: `alive` is `null` when every slot
   * holds a key, and `extra` holds no key that is in a live slot.
   */
  constructor(
    /** Key → slot; shared by the generations built on it, so never changed. */
    readonly slots: ReadonlyMap<string, number>,
    /** Slot → key; shared like `slots`. */
    readonly keyAt: readonly string[],
    /** Slot → content hash, this generation's own. */
    readonly hashAt: Float64Array,
    /** Slot → 1 when its key is still there, 0 when removed since; `null` when all are there. */
    readonly alive: Uint8Array | null,
    /** How many slots `alive` marks removed. */
    readonly removedSlots: number,
    /** Hashes of keys not in a live slot, in the order they were added. */
    readonly extra: ReadonlyMap<string, number>,
  ) {
    super();
    this.size = keyAt.length - removedSlots + extra.size;
  }

  /** The live slot of `key`, or -1. */
  slotOf(key: string): number {
    const slot = this.slots.get(key);
    return slot !== undefined && (this.alive === null || this.alive[slot] === 1) ? slot : -1;
  }

  override get(key: string): number | undefined {
    const slot = this.slotOf(key);
    return slot === -1 ? this.extra.get(key) : this.hashAt[slot];
  }

  override has(key: string): boolean {
    return this.slotOf(key) !== -1 || this.extra.has(key);
  }

  override *entries(): MapIterator<[string, number]> {
    for (let slot = 0; slot < this.keyAt.length; slot++) {
      if (this.alive === null || this.alive[slot] === 1) yield [this.keyAt[slot] as string, this.hashAt[slot] as number];
    }
    yield* this.extra;
  }

}
