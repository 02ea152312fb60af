import type { CallOptions } from '../portals/portal-adapter.js';

/** A progress event of a download. */
export interface DownloadProgress {
  /** Bytes of the file received so far, counted from its start (a resumed part included). */
  readonly bytes: number;
  /** The file's length, when the server or the metadata tells it. */
  readonly total: number | undefined;
}

/** Options of `client.datasets.download()`. */
export interface DownloadOptions extends CallOptions {
  /**
   * Where the file goes: a path (Node; written to `to + '.part'`, synced, then renamed, so `to`
   * never holds half a file) or a `WritableStream`.
   */
  readonly to: string | WritableStream<Uint8Array>;
  /** Resource id or name (ckan), or download format (zhejiang: `csv`, `xlsx`, `json`). @default the first file resource */
  readonly resource?: string | undefined;
  /** The first resource of this format, when `resource` is not given. */
  readonly format?: string | undefined;
  /** Called after each chunk is written. */
  readonly onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /**
   * Paths only: continue an existing `.part` file with a `Range` request; a server that answers
   * 200 instead of 206 (or a file that changed) restarts cleanly. A break keeps the `.part` when
   * the server serves ranges, so the next call resumes.
   * @default true
   */
  readonly resume?: boolean | undefined;
  /** The largest file accepted, in bytes. @default the client's `maxResponseBytes` when set, else unlimited */
  readonly maxBytes?: number | undefined;
}

/** What a finished download tells. */
export interface DownloadResult {
  /** The resource downloaded. */
  readonly resource: { readonly id: string; readonly name: string; readonly format: string | null };
  /** Bytes of the whole file. */
  readonly bytes: number;
  /** Whether it continued an earlier `.part` file. */
  readonly resumed: boolean;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The checksum checked against the portal's, when it declares one and it could be computed. */
  readonly verified: { readonly size: boolean; readonly hash: string | null };
}
