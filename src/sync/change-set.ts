import type { Checkpoint, PullStrategy } from './checkpoint.js';

/** What one pull did. */
export interface SyncStats {
  /** The strategy that ran. */
  readonly strategy: PullStrategy;
  /** The change check found the dataset unchanged: no data page was read. */
  readonly unchanged: boolean;
  /** Data pages read (version checks and key scans not counted). */
  readonly pages: number;
  /** Rows read from the portal. */
  readonly rowsRead: number;
  /** Whether every key was scanned for deletions. */
  readonly keyScan: boolean;
  /** Reads needed; more than 1 when the dataset changed while it was read. */
  readonly attempts: number;
  /** Wall time of the pull in ms. */
  readonly duration: number;
}

/** The changes of one pull: records typed by the sync's schema, deletions as keys. */
export interface ChangeSet<T> {
  /** Rows whose key the checkpoint did not have. */
  readonly added: T[];
  /** Rows whose content changed since the checkpoint. */
  readonly updated: T[];
  /** Keys of rows that are gone. */
  readonly removed: string[];
  /** The checkpoint after these changes. */
  readonly checkpoint: Checkpoint;
  readonly stats: SyncStats;
}

/** One change, as `DatasetSync.changes()` and `run` hand them out. */
export type Change<T> =
  | { readonly type: 'upsert'; readonly key: string; readonly record: T }
  | { readonly type: 'delete'; readonly key: string; readonly record: undefined };
