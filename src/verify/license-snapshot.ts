import type { Datasets } from '../datasets.js';
import type { CallOptions, RawRecord } from '../portals/portal-adapter.js';

/** What the portal said about the indexed data: equal markers mean nothing changed. */
interface SnapshotMarker {
  readonly updatedAt: Date | null;
  readonly count: number | undefined;
}

/**
 * A local index of a registry dataset by normalised number, for verification without a request
 * per item. `refresh()` asks for the dataset's metadata first (one request: update time and row
 * count) and re-reads the rows only when they changed. Entries are prepared once, when indexed.
 */
export class LicenseSnapshot<Entry> {
  private index = new Map<string, Entry>();
  private marker: SnapshotMarker | undefined;
  private running: Promise<void> | undefined;

  /**
   * @param key the normalised number of a row, or `undefined` to leave the row out
   * @param prepare what the index keeps of a row
   */
  constructor(
    private readonly datasets: Datasets,
    private readonly datasetId: string,
    private readonly key: (row: RawRecord) => string | undefined,
    private readonly prepare: (row: RawRecord, key: string) => Entry,
  ) {}

  /** Entries indexed. */
  get size(): number {
    return this.index.size;
  }

  /** When the indexed data was last updated, as the portal said. */
  get updatedAt(): Date | null {
    return this.marker?.updatedAt ?? null;
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
    const dataset = await this.datasets.get(this.datasetId, { ...options, cache: false });
    const marker: SnapshotMarker = { updatedAt: dataset.updatedAt, count: dataset.recordCount };
    if (this.marker && sameMarker(this.marker, marker)) return;
    const index = new Map<string, Entry>();
    for await (const row of this.datasets.records(this.datasetId, options)) {
      const key = this.key(row);
      if (key !== undefined) index.set(key, this.prepare(row, key));
    }
    // Swap only once the read is complete: a failed refresh keeps the previous snapshot whole.
    this.index = index;
    this.marker = marker;
  }
}

function sameMarker(a: SnapshotMarker, b: SnapshotMarker): boolean {
  // A portal that reports neither cannot say "unchanged": re-read.
  if (a.updatedAt === null && a.count === undefined) return false;
  return a.count === b.count && (a.updatedAt?.getTime() ?? null) === (b.updatedAt?.getTime() ?? null);
}
