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
  /** Set by a sync of a dataset file: what tells next time whether the file changed. */
  readonly file?: FileMarker;
}

/**
 * The validators of the file a sync read: the answer's `ETag` / `Last-Modified` (sent back as
 * `If-None-Match` / `If-Modified-Since`) and the checksum and modification time the portal's
 * metadata gave for it (compared without fetching the file).
 */
export interface FileMarker {
  /** Resource id (ckan) or download name (zhejiang) the rows came from. */
  readonly id: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The resource's checksum in the metadata, e.g. a bare MD5. */
  readonly hash: string | null;
  /** The resource's modification time in the metadata, ISO 8601. */
  readonly updatedAt: string | null;
}
