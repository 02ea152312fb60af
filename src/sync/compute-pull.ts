import type { z } from 'zod';
import type { EngineContext } from '../engine-context.js';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { PagingError } from '../errors/paging-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import type { RecordValidationError } from '../errors/record-validation-error.js';
import type { PortalFacts } from '../portals/define-portal.js';
import type { CallOptions, DatasetVersion, PortalAdapter, RawRecord } from '../portals/portal-adapter.js';
import { validateRecord } from '../records/record-stream.js';
import type { ChangeSet } from './change-set.js';
import type { Checkpoint, FileMarker, PullStrategy } from './checkpoint.js';
import { chooseStrategy } from './choose-strategy.js';
import { DatasetDriftError } from './dataset-drift-error.js';
import type { PullResult } from './pull-result.js';
import { readFileSnapshot } from './read-file-snapshot.js';
import { readModified } from './read-modified.js';
import { readSnapshot } from './read-snapshot.js';
import { ReadOnlyHashes } from './read-only-hashes.js';
import type { SyncOptions } from './sync-options.js';

const DEFAULT_KEY_SCAN_EVERY = 10;
const DEFAULT_OVERLAP = 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_PAGE_SIZE = 1000;

/** What one `DatasetSync` pulls with: its client's engine, dataset and (already checked) options. */
export interface SyncContext {
  readonly engine: EngineContext;
  readonly dataset: string;
  readonly options: SyncOptions;
}

/** A computed pull whose checkpoint is not committed yet. */
export interface PendingPull<T> {
  readonly changes: ChangeSet<T>;
  /** Whether committing would change the stored checkpoint. */
  readonly dirty: boolean;
  /** Keys of `added` then `updated`, in order, as the checkpoint holds them. */
  readonly upsertKeys: readonly string[];
}

/**
 * The changes of one dataset since its last committed checkpoint, read through the API (with a
 * drift check around the read) or from a dataset file. Commits nothing: the caller decides when.
 * `DatasetSync` loads this module on its first pull, so a client that never syncs never ships it.
 */
export async function computePull<T>(context: SyncContext, signal?: AbortSignal): Promise<PendingPull<T>> {
  const { engine, dataset, options } = context;
  const portal = engine.portal;
  const started = performance.now();
  const signals = [options.signal, signal].filter((item): item is AbortSignal => item !== undefined);
  const call: CallOptions = signals.length ? { signal: signals.length === 1 ? (signals[0] as AbortSignal) : AbortSignal.any(signals) } : {};
  const previous = await loadCheckpoint(context);
  const adapter = await engine.adapter();
  if (options.resource !== undefined || options.format !== undefined) return computeFile(context, adapter, previous, call, started);
  // The open-class rule, once for the whole pull: every read below is of this dataset's data.
  await engine.assertReadable(dataset, call);
  const chosen = await chooseStrategy(adapter, portal, dataset, options.strategy ?? 'auto', options.modifiedColumn, call);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const pageSize = Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, portal.capabilities.maxPageSize);
  const keyScanEvery = options.keyScanEvery ?? DEFAULT_KEY_SCAN_EVERY;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const before = await adapter.datasetVersion(dataset, call);
    // A file sync's marker describes a file, not the API: it proves nothing here.
    if (chosen.strategy !== 'full' && previous && !previous.file && sameVersion(previous.version, marker(before))) {
      const stats = { strategy: chosen.strategy, unchanged: true, pages: 0, rowsRead: 0, keyScan: false, attempts: attempt, duration: performance.now() - started };
      return { changes: { added: [], updated: [], removed: [], checkpoint: previous, stats }, dirty: false, upsertKeys: [] };
    }
    let result: PullResult;
    const incremental = chosen.strategy === 'modified-since' && previous?.watermark != null && previous.modifiedColumn === chosen.modifiedColumn;
    try {
      result = incremental
        ? await readModified(adapter, portal, previous.hashes, {
            dataset,
            key: options.key,
            modifiedColumn: chosen.modifiedColumn as string,
            watermark: previous.watermark as number,
            overlap: options.overlap ?? DEFAULT_OVERLAP,
            pageSize,
            keyScan: previous.pullsSinceKeyScan + 1 >= keyScanEvery,
            call,
          })
        : await readSnapshot(adapter, portal, previous?.hashes, {
            dataset,
            key: options.key,
            pageSize,
            concurrency: options.concurrency ?? 4,
            modifiedColumn: chosen.modifiedColumn,
            call,
          });
    } catch (error) {
      // Pages that stop adding up mean the data moved under the read: the same as drift.
      if (error instanceof PagingError && attempt < maxAttempts) continue;
      throw error;
    }
    const after = await adapter.datasetVersion(dataset, call);
    if (!sameMarkerDuring(marker(before), marker(after))) continue;
    const checkpoint: Checkpoint = {
      ...checkpointHead(portal, dataset, options.key),
      strategy: chosen.strategy,
      version: marker(after),
      modifiedColumn: chosen.modifiedColumn,
      watermark: result.watermark,
      pullsSinceKeyScan: incremental && !result.keyScan ? (previous?.pullsSinceKeyScan ?? 0) + 1 : 0,
      savedAt: new Date().toISOString(),
      hashes: result.hashes,
    };
    const stats = { strategy: chosen.strategy, unchanged: false, pages: result.pages, rowsRead: result.rowsRead, keyScan: result.keyScan, attempts: attempt, duration: performance.now() - started };
    return {
      changes: { added: typed<T>(options, result.added), updated: typed<T>(options, result.updated), removed: result.removed, checkpoint, stats },
      dirty: true,
      upsertKeys: [...result.added, ...result.updated].map((row) => String(row[options.key])),
    };
  }
  throw new DatasetDriftError(
    `${dataset} changed while it was read, ${maxAttempts} times in a row (update date or row count moved): nothing was merged or committed; pull again later`,
    { dataset, attempts: maxAttempts },
  );
}

/** Loads the checkpoint and refuses one that belongs to another portal, dataset or key. */
async function loadCheckpoint({ engine, dataset, options }: SyncContext): Promise<Checkpoint | undefined> {
  const checkpoint = await options.store.load(dataset);
  if (!checkpoint) return undefined;
  const expected = { portal: engine.portal.family, baseUrl: engine.portal.baseUrl, dataset, key: options.key };
  const mismatch = (Object.keys(expected) as (keyof typeof expected)[]).find((field) => checkpoint[field] !== expected[field]);
  if (checkpoint.format !== 1 || !(checkpoint.hashes instanceof Map || checkpoint.hashes instanceof ReadOnlyHashes) || mismatch) {
    const location = options.store.describe?.(dataset) ?? `checkpoint "${dataset}"`;
    throw new CheckpointError(
      `Checkpoint ${location} belongs to ${checkpoint.portal} ${checkpoint.baseUrl}, dataset ${checkpoint.dataset}, key ${checkpoint.key}; ` +
        `this sync is ${expected.portal} ${expected.baseUrl}, dataset ${expected.dataset}, key ${expected.key}: delete it to start afresh (the next pull then reports every row as added)`,
      location,
    );
  }
  return checkpoint;
}

/**
 * A pull of a dataset file: one file, one response, so no drift check is needed. An unchanged
 * file commits nothing unless its validators moved (metadata touched, bytes the same).
 */
async function computeFile<T>(context: SyncContext, adapter: PortalAdapter, previous: Checkpoint | undefined, call: CallOptions, started: number): Promise<PendingPull<T>> {
  const { engine, dataset, options } = context;
  const requested = options.strategy ?? 'auto';
  if (requested === 'modified-since') throw new UnsupportedError(`A dataset file cannot be read by record modification time: sync ${dataset}'s file with strategy 'change-check' or 'full'`);
  const strategy: PullStrategy = requested === 'full' ? 'full' : 'change-check';
  const { resource, format, encoding, sheet, raggedRows, coerce, maxBytes } = options;
  if (!adapter.openFile) throw new UnsupportedError(`${engine.portal.family} portals offer no dataset files in kaifang: sync ${dataset} without resource or format`);
  await engine.assertReadable(dataset, call);
  const pull = await readFileSnapshot(adapter.openFile.bind(adapter), previous, {
    dataset,
    key: options.key,
    selection: { ...(resource !== undefined ? { resource } : {}), ...(format !== undefined ? { format } : {}) },
    options: { format, encoding, sheet, raggedRows, coerce, maxBytes: maxBytes ?? engine.maxResponseBytes },
    force: strategy === 'full',
    call,
  });
  if (pull.unchanged) {
    const kept = pull.previous;
    const dirty = !sameMarker(kept.file, pull.marker);
    const checkpoint: Checkpoint = dirty ? { ...kept, file: pull.marker, savedAt: new Date().toISOString() } : kept;
    const stats = { strategy, unchanged: true, pages: 0, rowsRead: 0, keyScan: false, attempts: 1, duration: performance.now() - started };
    return { changes: { added: [], updated: [], removed: [], checkpoint, stats }, dirty, upsertKeys: [] };
  }
  const result = pull.result;
  const checkpoint: Checkpoint = {
    ...checkpointHead(engine.portal, dataset, options.key),
    strategy,
    version: { updatedAt: pull.marker.updatedAt ?? httpDate(pull.marker.lastModified), total: result.rowsRead },
    modifiedColumn: null,
    watermark: null,
    pullsSinceKeyScan: 0,
    savedAt: new Date().toISOString(),
    hashes: result.hashes,
    file: pull.marker,
  };
  const stats = { strategy, unchanged: false, pages: result.pages, rowsRead: result.rowsRead, keyScan: true, attempts: 1, duration: performance.now() - started };
  return {
    changes: { added: typed<T>(options, result.added), updated: typed<T>(options, result.updated), removed: result.removed, checkpoint, stats },
    dirty: true,
    upsertKeys: [...result.added, ...result.updated].map((row) => String(row[options.key])),
  };
}

/** Applies the schema to changed rows only: unchanged rows never need it. */
function typed<T>(options: SyncOptions, rows: RawRecord[]): T[] {
  const schema = options.schema as z.ZodType | undefined;
  if (!schema) return rows as T[];
  const invalid: RecordValidationError[] = [];
  return rows.map((row, index) => validateRecord(schema, row, index, 'throw', invalid) as T);
}

function sameMarker(stored: FileMarker | undefined, current: FileMarker): boolean {
  return stored !== undefined && (Object.keys(current) as (keyof FileMarker)[]).every((field) => stored[field] === current[field]);
}

/** An HTTP date as ISO 8601, or `null`. */
function httpDate(value: string | null): string | null {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function marker(version: DatasetVersion): NonNullable<Checkpoint['version']> {
  return { updatedAt: version.updatedAt ? version.updatedAt.toISOString() : null, total: version.total ?? null };
}

function sameVersion(stored: Checkpoint['version'], current: NonNullable<Checkpoint['version']>): boolean {
  // Without an update date there is nothing to trust: always read.
  return stored !== null && stored.updatedAt !== null && stored.updatedAt === current.updatedAt && stored.total === current.total;
}

/**
 * Whether a dataset's marker stayed put while it was read. Unlike `sameVersion` an absent update
 * date is no reason to doubt: a dataset that tells only its count (zhejiang's data gateway
 * without an update-date interface) is trusted when the count held.
 */
function sameMarkerDuring(before: NonNullable<Checkpoint['version']>, after: NonNullable<Checkpoint['version']>): boolean {
  return before.updatedAt === after.updatedAt && before.total === after.total;
}

/** What every checkpoint of a dataset starts with: the format and whose data it holds. */
function checkpointHead(portal: PortalFacts, dataset: string, key: string): Pick<Checkpoint, 'format' | 'portal' | 'baseUrl' | 'dataset' | 'key'> {
  return { format: 1, portal: portal.family, baseUrl: portal.baseUrl, dataset, key };
}
