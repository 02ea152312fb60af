import type { CallOptions, PortalAdapter } from '../portals/portal-adapter.js';
import { readPages } from '../records/read-pages.js';
import { contentHash } from './content-hash.js';
import type { PullResult } from './pull-result.js';
import { duplicateKey, rowKey } from './row-key.js';

export interface SnapshotRead {
  readonly dataset: string;
  readonly key: string;
  readonly pageSize: number;
  readonly concurrency: number;
  /** Column whose latest time becomes the watermark, when known. */
  readonly modifiedColumn: string | null;
  readonly call: CallOptions;
}

/**
 * Reads every row and diffs it against the previous hashes: new keys are added, other hashes
 * updated, keys not seen removed. Only changed rows are kept, so memory follows the changes
 * plus one hash per key.
 */
export async function readSnapshot(adapter: PortalAdapter, previous: ReadonlyMap<string, number> | undefined, read: SnapshotRead): Promise<PullResult> {
  const reader = await adapter.openRecords(read.dataset, { pageSize: read.pageSize }, read.call);
  const hashes = new Map<string, number>();
  const added = [];
  const updated = [];
  let watermark: number | null = null;
  let pages = 0;
  let rowsRead = 0;
  for await (const rows of readPages(reader, { concurrency: read.concurrency, maxPages: undefined, call: read.call })) {
    pages++;
    for (const row of rows) {
      const key = rowKey(row, read.key, rowsRead++, read.dataset);
      if (hashes.has(key)) throw duplicateKey(read.key, key, read.dataset);
      const hash = contentHash(row);
      hashes.set(key, hash);
      const before = previous?.get(key);
      if (before === undefined) added.push(row);
      else if (before !== hash) updated.push(row);
      if (read.modifiedColumn !== null) {
        const modified = adapter.parseTimestamp(row[read.modifiedColumn])?.getTime();
        if (modified !== undefined && !Number.isNaN(modified) && (watermark === null || modified > watermark)) watermark = modified;
      }
    }
  }
  const removed: string[] = [];
  if (previous) for (const key of previous.keys()) if (!hashes.has(key)) removed.push(key);
  return { added, updated, removed, hashes, watermark, pages, rowsRead, keyScan: true };
}
