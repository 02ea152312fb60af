/** The strategy a pull actually ran. */
export type PullStrategy = 'modified-since' | 'change-check' | 'full';

/**
 * What a sync remembers between pulls. Stores keep it as they get it; `FileCheckpointStore`
 * writes it in a compact versioned format (keys plus 52-bit content hashes).
 */
export interface Checkpoint {
  /** Format version; a store refuses versions it does not know. */
  readonly format: 1;
  /** Portal family, e.g. `zhejiang`. */
  readonly portal: string;
  readonly baseUrl: string;
  readonly dataset: string;
  /** The key column. */
  readonly key: string;
  /** The strategy of the pull that produced it. */
  readonly strategy: PullStrategy;
  /** The dataset's change marker when it was read. */
  readonly version: { readonly updatedAt: string | null; readonly total: number | null } | null;
  /** Column of the record modification time, when the dataset has one. */
  readonly modifiedColumn: string | null;
  /** Latest record modification time seen, in epoch ms (modified-since reads start there minus the overlap). */
  readonly watermark: number | null;
  /** Modified-since pulls since the last full key scan. */
  readonly pullsSinceKeyScan: number;
  /** ISO 8601 time of the pull. */
  readonly savedAt: string;
  /** Key → content hash of every row. */
  readonly hashes: ReadonlyMap<string, number>;
}
