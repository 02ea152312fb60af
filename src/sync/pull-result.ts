import type { RawRecord } from '../portals/portal-adapter.js';

/** What one read found, before the user's schema and before anything is committed. */
export interface PullResult {
  readonly added: RawRecord[];
  readonly updated: RawRecord[];
  readonly removed: string[];
  /** Key → content hash after the changes. */
  readonly hashes: ReadonlyMap<string, number>;
  readonly watermark: number | null;
  readonly pages: number;
  readonly rowsRead: number;
  readonly keyScan: boolean;
}
