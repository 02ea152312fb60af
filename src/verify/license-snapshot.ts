import type { CallOptions, RawRecord } from '../portals/portal-adapter.js';
import type { DatasetSync } from '../sync/dataset-sync.js';

/**
 * A local index of a registry dataset by normalised number, for verification without a request
 * per item, kept fresh by the sync engine: the first refresh reads every row; later ones cost the
 * portal's cheap change check when nothing changed, and otherwise bring only the changes
 * (record-level modified-since where the portal has it, else a full read diffed by key).
 * Entries are prepared once, when indexed.
 */
export class LicenseSnapshot<Entry> {
  private readonly index = new Map<string, Entry>();
  private dataUpdatedAt: Date | null = null;
  private running: Promise<void> | undefined;

  /**
   * @param key the normalised number of a row (or of a deleted row's key), `undefined` to leave it out
   * @param prepare what the index keeps of a row
   */
  constructor(
    private readonly sync: DatasetSync<RawRecord>,
    private readonly key: (value: unknown) => string | undefined,
    private readonly numberColumn: string,
    private readonly prepare: (row: RawRecord, key: string) => Entry,
  ) {}

  /** Entries indexed. */
  get size(): number {
    return this.index.size;
  }

  /** When the indexed data was last updated, as the portal said. */
  get updatedAt(): Date | null {
    return this.dataUpdatedAt;
  }

  /** The entry of a normalised number. */
  get(number: string): Entry | undefined {
    return this.index.get(number);
  }

  /** Brings the index up to date; concurrent calls share one refresh. */
  refresh(options: CallOptions = {}): Promise<void> {
    this.running ??= this.load(options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async load(options: CallOptions): Promise<void> {
    // The pull completes (or fails) before the index is touched: a failed refresh keeps the
    // previous snapshot whole.
    const changes = await this.sync.pull(options.signal ? { signal: options.signal } : {});
    for (const value of changes.removed) {
      const key = this.key(value);
      if (key !== undefined) this.index.delete(key);
    }
    for (const rows of [changes.added, changes.updated]) {
      for (const row of rows) {
        const key = this.key(row[this.numberColumn]);
        if (key !== undefined) this.index.set(key, this.prepare(row, key));
      }
    }
    const updatedAt = changes.checkpoint.version?.updatedAt;
    this.dataUpdatedAt = updatedAt ? new Date(updatedAt) : null;
  }
}
