import type { PortalFacts } from '../portals/define-portal.js';
import type { CallOptions, PortalAdapter } from '../portals/portal-adapter.js';
import { readPages } from '../records/read-pages.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { contentHash } from './content-hash.js';
import { PatchedHashes } from './patched-hashes.js';
import type { PullResult } from './pull-result.js';
import { duplicateKey, rowKey } from './row-key.js';

export interface ModifiedRead {
  readonly dataset: string;
  readonly key: string;
  readonly modifiedColumn: string;
  /** Epoch ms of the latest modification seen so far. */
  readonly watermark: number;
  readonly overlap: number;
  readonly pageSize: number;
  /** Scan every key for deletions in this pull. */
  readonly keyScan: boolean;
  readonly call: CallOptions;
}

/**
 * Reads the rows modified since the watermark minus the overlap, in (modified, key) order.
 * Rows re-read through the overlap hash the same and are dropped; deletions need the key scan.
 */
export async function readModified(adapter: PortalAdapter, portal: PortalFacts, previous: ReadonlyMap<string, number>, read: ModifiedRead): Promise<PullResult> {
  if (!adapter.openChanges) throw new UnsupportedError(`${portal.family} portals cannot read rows by modification time`);
  const since = new Date(read.watermark - read.overlap);
  const reader = await adapter.openChanges(read.dataset, { modifiedColumn: read.modifiedColumn, key: read.key, since, pageSize: read.pageSize }, read.call);
  // Only what changed: copying every previous key would cost more than reading the changes.
  const changed = new Map<string, number>();
  const seen = new Set<string>();
  const added = [];
  const updated = [];
  let watermark = read.watermark;
  let pages = 0;
  let rowsRead = 0;
  for await (const rows of readPages(reader, { concurrency: 1, maxPages: undefined, call: read.call })) {
    pages++;
    for (const row of rows) {
      const key = rowKey(row, read.key, rowsRead++, read.dataset);
      if (seen.has(key)) throw duplicateKey(read.key, key, read.dataset);
      seen.add(key);
      const hash = contentHash(row);
      const before = previous.get(key);
      if (before !== hash) {
        if (before === undefined) added.push(row);
        else updated.push(row);
        changed.set(key, hash);
      }
      const modified = portal.parseTimestamp(row[read.modifiedColumn])?.getTime();
      if (modified !== undefined && !Number.isNaN(modified) && modified > watermark) watermark = modified;
    }
  }
  const removed: string[] = [];
  if (read.keyScan) {
    const present = await scanKeys(adapter, portal, read);
    for (const key of previous.keys()) {
      if (!present.has(key) && !seen.has(key)) removed.push(key);
    }
  }
  return { added, updated, removed, hashes: PatchedHashes.patch(previous, changed, removed), watermark, pages, rowsRead, keyScan: read.keyScan };
}

/** Every key in the dataset, reading only the key column where the portal can project. */
async function scanKeys(adapter: PortalAdapter, portal: PortalFacts, read: ModifiedRead): Promise<Set<string>> {
  const reader = await adapter.openRecords(read.dataset, { pageSize: portal.capabilities.maxPageSize, fields: [read.key] }, read.call);
  const keys = new Set<string>();
  let position = 0;
  for await (const rows of readPages(reader, { concurrency: 4, maxPages: undefined, call: read.call })) {
    for (const row of rows) {
      const key = rowKey(row, read.key, position++, read.dataset);
      if (keys.has(key)) throw duplicateKey(read.key, key, read.dataset);
      keys.add(key);
    }
  }
  return keys;
}
