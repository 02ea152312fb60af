import type { z } from 'zod';
import { ArgumentError } from '../errors/argument-error.js';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { PagingError } from '../errors/paging-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { assertIdentifier } from '../portals/path-segment.js';
import type { RecordValidationError } from '../errors/record-validation-error.js';
import type { CallOptions, DatasetVersion, PortalAdapter, RawRecord } from '../portals/portal-adapter.js';
import { validateRecord } from '../records/record-stream.js';
import type { Change, ChangeSet } from './change-set.js';
import type { Checkpoint, FileMarker, PullStrategy } from './checkpoint.js';
import { chooseStrategy } from './choose-strategy.js';
import { CompactHashes } from './compact-hashes.js';
import { DatasetDriftError } from './dataset-drift-error.js';
import type { PullResult } from './pull-result.js';
import { readFileSnapshot } from './read-file-snapshot.js';
import { readModified } from './read-modified.js';
import { readSnapshot } from './read-snapshot.js';
import type { RunOptions, SyncOptions } from './sync-options.js';

const DEFAULT_KEY_SCAN_EVERY = 10;
const DEFAULT_OVERLAP = 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_PAGE_SIZE = 1000;

/** A computed pull whose checkpoint is not committed yet. */
interface PendingPull<T> {
  readonly changes: ChangeSet<T>;
  /** Whether committing would change the stored checkpoint. */
  readonly dirty: boolean;
  /** Keys of `added` then `updated`, in order, as the checkpoint holds them. */
  readonly upsertKeys: readonly string[];
}

/**
 * Keeps one dataset in step with a local copy: each pull reports rows added, updated and
 * removed since the last committed checkpoint.
 *
 * When the checkpoint is committed:
 * - `pull()` commits before it returns: use it when applying the changes cannot fail, or when
 *   losing one pull's changes on a crash is acceptable.
 * - `run(handler)` commits only after the handler resolved for every batch: a crash or a
 *   throwing handler commits nothing, and the next run delivers the same changes again
 *   (at-least-once; make the handler idempotent, e.g. upsert by key).
 * - `changes()` commits when the loop has consumed the last change; leaving it early commits nothing.
 *
 * Pulls of one `DatasetSync` run one at a time.
 */
export class DatasetSync<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly adapter: PortalAdapter,
    /** The dataset id; also the checkpoint's id in the store. */
    readonly dataset: string,
    private readonly options: SyncOptions,
    /** The client's `maxResponseBytes`: it bounds file reads unless `maxBytes` is given. */
    private readonly limits: { readonly maxResponseBytes?: number | undefined } = {},
  ) {
    const { key, keyScanEvery, overlap, maxAttempts, pageSize, concurrency } = options;
    if (typeof key !== 'string' || key === '') throw new ArgumentError('sync needs a key column: client.sync(id, { key: "XKZBH", store })');
    if (options.resource !== undefined) assertIdentifier(options.resource, 'resource id');
    if (!options.store || typeof options.store.load !== 'function' || typeof options.store.save !== 'function') throw new ArgumentError('sync needs a checkpoint store, e.g. new MemoryCheckpointStore()');
    for (const [name, value, min] of [['keyScanEvery', keyScanEvery, 1], ['maxAttempts', maxAttempts, 1], ['pageSize', pageSize, 1], ['concurrency', concurrency, 1], ['overlap', overlap, 0]] as const) {
      if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) throw new ArgumentError(`${name} must be a whole number ≥ ${min}, got ${String(value)}`);
    }
  }

  /** Pulls the changes since the last commit and commits them before returning. `signal` aborts this pull. */
  pull(options: { readonly signal?: AbortSignal } = {}): Promise<ChangeSet<T>> {
    return this.serial(async () => {
      const pending = await this.compute(options.signal);
      if (pending.dirty) await this.commit(pending.changes.checkpoint);
      return pending.changes;
    });
  }

  /**
   * Pulls the changes and hands them to `handler` in batches (upserts first, then deletions),
   * committing the checkpoint once every batch resolved. Returns the change set.
   *
   * @example
   * await sync.run(async (batch) => { for (const change of batch) await db.apply(change); }, { batchSize: 200 });
   */
  run(handler: (batch: Change<T>[]) => unknown, options: RunOptions = {}): Promise<ChangeSet<T>> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new ArgumentError(`batchSize must be a whole number ≥ 1, got ${String(batchSize)}`);
    return this.serial(async () => {
      const pending = await this.compute();
      let batch: Change<T>[] = [];
      for (const change of toChanges(pending)) {
        batch.push(change);
        if (batch.length >= batchSize) {
          await handler(batch);
          batch = [];
        }
      }
      if (batch.length) await handler(batch);
      if (pending.dirty) await this.commit(pending.changes.checkpoint);
      return pending.changes;
    });
  }

  /**
   * The changes one by one; the checkpoint is committed when the loop asks past the last one.
   *
   * @example
   * for await (const change of sync.changes()) if (change.type === 'delete') index.delete(change.key); else index.set(change.key, change.record);
   */
  async *changes(): AsyncGenerator<Change<T>, void, undefined> {
    let release: () => void = () => undefined;
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    try {
      await previous.catch(() => undefined);
      const pending = await this.compute();
      yield* toChanges(pending);
      if (pending.dirty) await this.commit(pending.changes.checkpoint);
    } finally {
      release();
    }
  }

  private serial<R>(task: () => Promise<R>): Promise<R> {
    const result = this.queue.catch(() => undefined).then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async commit(checkpoint: Checkpoint): Promise<void> {
    await this.options.store.save(this.dataset, checkpoint);
  }

  private location(): string {
    return this.options.store.describe?.(this.dataset) ?? `checkpoint "${this.dataset}"`;
  }

  /** Loads the checkpoint and refuses one that belongs to another portal, dataset or key. */
  private async loadCheckpoint(): Promise<Checkpoint | undefined> {
    const checkpoint = await this.options.store.load(this.dataset);
    if (!checkpoint) return undefined;
    const expected = { portal: this.adapter.family, baseUrl: this.adapter.baseUrl, dataset: this.dataset, key: this.options.key };
    const mismatch = (Object.keys(expected) as (keyof typeof expected)[]).find((field) => checkpoint[field] !== expected[field]);
    if (checkpoint.format !== 1 || !(checkpoint.hashes instanceof Map || checkpoint.hashes instanceof CompactHashes) || mismatch) {
      const location = this.location();
      throw new CheckpointError(
        `Checkpoint ${location} belongs to ${checkpoint.portal} ${checkpoint.baseUrl}, dataset ${checkpoint.dataset}, key ${checkpoint.key}; ` +
          `this sync is ${expected.portal} ${expected.baseUrl}, dataset ${expected.dataset}, key ${expected.key}: delete it to start afresh (the next pull then reports every row as added)`,
        location,
      );
    }
    return checkpoint;
  }

  private async compute(signal?: AbortSignal): Promise<PendingPull<T>> {
    const started = performance.now();
    const signals = [this.options.signal, signal].filter((item): item is AbortSignal => item !== undefined);
    const call: CallOptions = signals.length ? { signal: signals.length === 1 ? (signals[0] as AbortSignal) : AbortSignal.any(signals) } : {};
    const previous = await this.loadCheckpoint();
    if (this.options.resource !== undefined || this.options.format !== undefined) return this.computeFile(previous, call, started);
    const chosen = await chooseStrategy(this.adapter, this.dataset, this.options.strategy ?? 'auto', this.options.modifiedColumn, call);
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const pageSize = Math.min(this.options.pageSize ?? DEFAULT_PAGE_SIZE, this.adapter.capabilities.maxPageSize);
    const keyScanEvery = this.options.keyScanEvery ?? DEFAULT_KEY_SCAN_EVERY;

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const before = await this.adapter.datasetVersion(this.dataset, call);
      // A file sync's marker describes a file, not the API: it proves nothing here.
      if (chosen.strategy !== 'full' && previous && !previous.file && sameVersion(previous.version, marker(before))) {
        const stats = { strategy: chosen.strategy, unchanged: true, pages: 0, rowsRead: 0, keyScan: false, attempts: attempt, duration: performance.now() - started };
        return { changes: { added: [], updated: [], removed: [], checkpoint: previous, stats }, dirty: false, upsertKeys: [] };
      }
      let result: PullResult;
      const incremental = chosen.strategy === 'modified-since' && previous?.watermark != null && previous.modifiedColumn === chosen.modifiedColumn;
      try {
        result = incremental
          ? await readModified(this.adapter, previous.hashes, {
              dataset: this.dataset,
              key: this.options.key,
              modifiedColumn: chosen.modifiedColumn as string,
              watermark: previous.watermark as number,
              overlap: this.options.overlap ?? DEFAULT_OVERLAP,
              pageSize,
              keyScan: previous.pullsSinceKeyScan + 1 >= keyScanEvery,
              call,
            })
          : await readSnapshot(this.adapter, previous?.hashes, {
              dataset: this.dataset,
              key: this.options.key,
              pageSize,
              concurrency: this.options.concurrency ?? 4,
              modifiedColumn: chosen.modifiedColumn,
              call,
            });
      } catch (error) {
        // Pages that stop adding up mean the data moved under the read: the same as drift.
        if (error instanceof PagingError && attempt < maxAttempts) continue;
        throw error;
      }
      const after = await this.adapter.datasetVersion(this.dataset, call);
      if (!sameVersion(marker(before), marker(after))) continue;
      const checkpoint: Checkpoint = {
        format: 1,
        portal: this.adapter.family,
        baseUrl: this.adapter.baseUrl,
        dataset: this.dataset,
        key: this.options.key,
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
        changes: { added: this.typed(result.added), updated: this.typed(result.updated), removed: result.removed, checkpoint, stats },
        dirty: true,
        upsertKeys: [...result.added, ...result.updated].map((row) => String(row[this.options.key])),
      };
    }
    throw new DatasetDriftError(
      `${this.dataset} changed while it was read, ${maxAttempts} times in a row (update date or row count moved): nothing was merged or committed; pull again later`,
      { dataset: this.dataset, attempts: maxAttempts },
    );
  }

  /**
   * A pull of a dataset file: one file, one response, so no drift check is needed. An unchanged
   * file commits nothing unless its validators moved (metadata touched, bytes the same).
   */
  private async computeFile(previous: Checkpoint | undefined, call: CallOptions, started: number): Promise<PendingPull<T>> {
    const requested = this.options.strategy ?? 'auto';
    if (requested === 'modified-since') throw new UnsupportedError(`A dataset file cannot be read by record modification time: sync ${this.dataset}'s file with strategy 'change-check' or 'full'`);
    const strategy: PullStrategy = requested === 'full' ? 'full' : 'change-check';
    const { resource, format, encoding, sheet, raggedRows, coerce, maxBytes } = this.options;
    const pull = await readFileSnapshot(this.adapter, previous, {
      dataset: this.dataset,
      key: this.options.key,
      selection: { ...(resource !== undefined ? { resource } : {}), ...(format !== undefined ? { format } : {}) },
      options: { format, encoding, sheet, raggedRows, coerce, maxBytes: maxBytes ?? this.limits.maxResponseBytes },
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
      format: 1,
      portal: this.adapter.family,
      baseUrl: this.adapter.baseUrl,
      dataset: this.dataset,
      key: this.options.key,
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
      changes: { added: this.typed(result.added), updated: this.typed(result.updated), removed: result.removed, checkpoint, stats },
      dirty: true,
      upsertKeys: [...result.added, ...result.updated].map((row) => String(row[this.options.key])),
    };
  }

  /** Applies the schema to changed rows only: unchanged rows never need it. */
  private typed(rows: RawRecord[]): T[] {
    const schema = this.options.schema as z.ZodType | undefined;
    if (!schema) return rows as T[];
    const invalid: RecordValidationError[] = [];
    return rows.map((row, index) => validateRecord(schema, row, index, 'throw', invalid) as T);
  }
}

/** Upserts (added, then updated) and deletions, keyed as the checkpoint is: a schema may have reshaped the records. */
function* toChanges<T>(pending: PendingPull<T>): Generator<Change<T>> {
  const { added, updated, removed } = pending.changes;
  let index = 0;
  for (const record of [...added, ...updated]) yield { type: 'upsert', key: pending.upsertKeys[index++] as string, record };
  for (const key of removed) yield { type: 'delete', key, record: undefined };
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
