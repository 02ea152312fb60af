import type { CallOptions, DatasetFile, FileRequest, FileSelection, PortalAdapter } from '../portals/portal-adapter.js';
import type { FileReadOptions } from '../records/file-read-options.js';
import { readOpenedFile } from '../records/read-file-rows.js';
import type { Checkpoint, FileMarker } from './checkpoint.js';
import type { PullResult } from './pull-result.js';
import { SnapshotDiff } from './snapshot-diff.js';

export interface FileSnapshotRead {
  readonly dataset: string;
  readonly key: string;
  readonly selection: FileSelection;
  readonly options: FileReadOptions;
  /** Read the whole file even when the validators say it is unchanged (strategy `full`). */
  readonly force: boolean;
  readonly call: CallOptions;
}

/** A file pull: unchanged (nothing read), or the file's rows diffed against the checkpoint. */
export type FilePull =
  | { readonly unchanged: true; readonly marker: FileMarker; readonly previous: Checkpoint }
  | { readonly unchanged: false; readonly marker: FileMarker; readonly result: PullResult };

/**
 * Pulls a dataset file. When the checkpoint holds validators of the same file, the portal's
 * metadata (checksum, else modification time) is compared first, at no extra request; else one
 * conditional GET (`If-None-Match` / `If-Modified-Since`) answers 304 for an unchanged file. A
 * changed file is read whole, streamed, and diffed by key.
 */
export async function readFileSnapshot(openFile: NonNullable<PortalAdapter['openFile']>, previous: Checkpoint | undefined, read: FileSnapshotRead): Promise<FilePull> {
  // Fresh metadata: a cached checksum or date would hide a change.
  const file = await openFile(read.dataset, read.selection, { ...read.call, cache: false });
  const stored = previous?.file?.id === file.id ? previous.file : undefined;
  const same = stored && previous ? { previous } : undefined;
  const metadata = { hash: file.hash || null, updatedAt: file.updatedAt ? file.updatedAt.toISOString() : null };
  if (!read.force && same && stored && sameMetadata(stored, metadata)) return { unchanged: true, marker: stored, ...same };

  const request: FileRequest = read.force || !stored ? {} : {
    ...(stored.etag !== null ? { ifNoneMatch: stored.etag } : {}),
    ...(stored.lastModified !== null ? { ifModifiedSince: stored.lastModified } : {}),
  };
  const opened = await file.open(request, read.call);
  const marker: FileMarker = { id: file.id, etag: opened.etag ?? stored?.etag ?? null, lastModified: opened.lastModified ?? stored?.lastModified ?? null, ...metadata };
  if (opened.status === 304 && same) return { unchanged: true, marker, ...same };
  // A server that ignores conditional requests still names the same strong ETag: stop there.
  if (!read.force && same && stored?.etag && opened.etag === stored.etag && !stored.etag.startsWith('W/')) {
    await opened.body?.cancel();
    return { unchanged: true, marker, ...same };
  }
  return { unchanged: false, marker, result: await diffFile(file, opened, previous?.hashes, read) };
}

async function diffFile(file: DatasetFile, opened: Awaited<ReturnType<DatasetFile['open']>>, previous: ReadonlyMap<string, number> | undefined, read: FileSnapshotRead): Promise<PullResult> {
  const diff = new SnapshotDiff(previous, read.key, read.dataset);
  for await (const rows of readOpenedFile(file, opened, read.options, read.call)) for (const row of rows) diff.add(row);
  return { added: diff.added, updated: diff.updated, removed: diff.removed(), hashes: diff.hashes, watermark: null, pages: 1, rowsRead: diff.rowsRead, keyScan: true };
}

/** The portal's checksum decides when both sides have one; else its modification time; else nothing does. */
function sameMetadata(stored: FileMarker, current: { readonly hash: string | null; readonly updatedAt: string | null }): boolean {
  if (stored.hash !== null && current.hash !== null) return stored.hash === current.hash;
  if (stored.updatedAt !== null && current.updatedAt !== null) return stored.updatedAt === current.updatedAt;
  return false;
}
