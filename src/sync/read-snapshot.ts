import type { PortalFacts } from '../portals/define-portal.js';
import type { CallOptions, PortalAdapter } from '../portals/portal-adapter.js';
import { readPages } from '../records/read-pages.js';
import type { PullResult } from './pull-result.js';
import { SnapshotDiff } from './snapshot-diff.js';

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
 * Reads every row and diffs it against the previous hashes (see {@link SnapshotDiff}), keeping
 * the latest modification time as the watermark when the dataset has such a column.
 */
export async function readSnapshot(adapter: PortalAdapter, portal: PortalFacts, previous: ReadonlyMap<string, number> | undefined, read: SnapshotRead): Promise<PullResult> {
  const reader = await adapter.openRecords(read.dataset, { pageSize: read.pageSize }, read.call);
  const diff = new SnapshotDiff(previous, read.key, read.dataset);
  let watermark: number | null = null;
  let pages = 0;
  for await (const rows of readPages(reader, { concurrency: read.concurrency, maxPages: undefined, call: read.call })) {
    pages++;
    for (const row of rows) {
      diff.add(row);
      if (read.modifiedColumn !== null) {
        const modified = portal.parseTimestamp(row[read.modifiedColumn])?.getTime();
        if (modified !== undefined && !Number.isNaN(modified) && (watermark === null || modified > watermark)) watermark = modified;
      }
    }
  }
  return { added: diff.added, updated: diff.updated, removed: diff.removed(), hashes: diff.hashes, watermark, pages, rowsRead: diff.rowsRead, keyScan: true };
}
