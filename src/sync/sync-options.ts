import type { z } from 'zod';
import type { FileReadOptions } from '../records/file-read-options.js';
import type { CheckpointStore } from './checkpoint-store.js';

/**
 * How a sync finds changes:
 * - `modified-since`: reads only rows modified since the last pull, ordered by (modified, key)
 *   (ckan with `datastore_search_sql` and a modification-time column); deletions come from a
 *   key scan every `keyScanEvery` pulls.
 * - `change-check`: asks the dataset's update date and row count first (one cheap round); when
 *   they are unchanged nothing else is read, otherwise a full pull diffed against the checkpoint.
 * - `full`: a full pull diffed against the checkpoint every time.
 * - `auto`: the best the portal can do, in that order.
 *
 * A sync of a dataset file (`resource` or `format` given) runs `change-check` (or `full`): the
 * portal's checksum or modification time for the resource, else a conditional GET, tells
 * "unchanged"; otherwise the whole file is read and diffed by key.
 */
export type SyncStrategy = 'auto' | 'modified-since' | 'change-check' | 'full';

/** Options of `client.sync(datasetId, options)`. */
export interface SyncOptions<S extends z.ZodType = z.ZodType> extends Pick<FileReadOptions, 'encoding' | 'sheet' | 'raggedRows' | 'coerce' | 'maxBytes'> {
  /**
   * Column that identifies a row, e.g. `XKZBH` (zhejiang) or `license_no` (ckan). A row without
   * it, or two rows sharing a value, is a `SyncKeyError`.
   */
  readonly key: string;
  /** Validates and types the records of the change sets (deletions carry only keys). */
  readonly schema?: S | undefined;
  /** Where the checkpoint lives between pulls, e.g. `new FileCheckpointStore('.kaifang')`. */
  readonly store: CheckpointStore;
  /** @default 'auto' */
  readonly strategy?: SyncStrategy | undefined;
  /**
   * `modified-since` only: scan every key for deletions on every n-th pull (the first pull
   * reads everything anyway). @default 10
   */
  readonly keyScanEvery?: number | undefined;
  /**
   * `modified-since` only: milliseconds re-read before the last modification time seen, for
   * rows committed late with an earlier time; rows re-read unchanged are not reported. @default 60_000
   */
  readonly overlap?: number | undefined;
  /** `modified-since` only: the modification-time column. @default found among `updated_at`, `last_modified`, `modified`, `GXSJ`, … */
  readonly modifiedColumn?: string | undefined;
  /** Rows per request. @default the portal's largest page, up to 1000 (zhejiang: 200) */
  readonly pageSize?: number | undefined;
  /** Numbered pages fetched at once (zhejiang). @default 4 */
  readonly concurrency?: number | undefined;
  /**
   * Reads of one pull before giving up when the dataset's update date or row count changes
   * while reading (a `DatasetDriftError`). @default 3
   */
  readonly maxAttempts?: number | undefined;
  /**
   * Sync from a dataset file instead of the API: the resource id or name (ckan; its download
   * even when it also has a DataStore), or the download `csv` / `xlsx` / `json` (zhejiang).
   */
  readonly resource?: string | undefined;
  /** Sync from the dataset's first file of this format (`csv`, `json`, `jsonl`, `xlsx`), or read `resource` as it. */
  readonly format?: FileReadOptions['format'] | undefined;
  /** Aborts every pull of this sync. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of `DatasetSync.run`. */
export interface RunOptions {
  /** Changes per handler call. @default 500 */
  readonly batchSize?: number | undefined;
}
