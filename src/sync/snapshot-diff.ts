import type { RawRecord } from '../portals/portal-adapter.js';
import { contentHash } from './content-hash.js';
import { duplicateKey, rowKey } from './row-key.js';

/**
 * Diffs a full read, row by row, against the previous hashes: new keys are added, other
 * changed hashes updated, keys never seen removed. Only changed rows are kept, so memory
 * follows the changes plus one hash per key.
 */
export class SnapshotDiff {
  /** Key → content hash of every row seen. */
  readonly hashes = new Map<string, number>();
  readonly added: RawRecord[] = [];
  readonly updated: RawRecord[] = [];
  /** Rows seen so far. */
  rowsRead = 0;

  constructor(
    private readonly previous: ReadonlyMap<string, number> | undefined,
    private readonly key: string,
    private readonly dataset: string,
  ) {}

  /** Takes one row of the read; a missing or repeated key is a `SyncKeyError`. */
  add(row: RawRecord): void {
    const key = rowKey(row, this.key, this.rowsRead++, this.dataset);
    const hash = contentHash(row);
    const size = this.hashes.size;
    // One lookup instead of has + set: a key seen before leaves the size unchanged.
    if (this.hashes.set(key, hash).size === size) throw duplicateKey(this.key, key, this.dataset);
    const before = this.previous?.get(key);
    if (before === undefined) this.added.push(row);
    else if (before !== hash) this.updated.push(row);
  }

  /** Keys of the previous read that this one did not see; call once the read is complete. */
  removed(): string[] {
    const removed: string[] = [];
    if (this.previous) for (const key of this.previous.keys()) if (!this.hashes.has(key)) removed.push(key);
    return removed;
  }
}
