import type { EngineContext } from '../engine-context.js';
import { ArgumentError } from '../errors/argument-error.js';
import { assertIdentifier } from '../portals/path-segment.js';
import type { Change, ChangeSet } from './change-set.js';
import type { Checkpoint } from './checkpoint.js';
import type { PendingPull } from './compute-pull.js';
import type { RunOptions, SyncOptions } from './sync-options.js';

const DEFAULT_BATCH_SIZE = 500;

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
    private readonly context: EngineContext,
    /** The dataset id; also the checkpoint's id in the store. */
    readonly dataset: string,
    private readonly options: SyncOptions,
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

  /** Computes a pull; the engine loads on the first one, so a client that never syncs never ships it. */
  private async compute(signal?: AbortSignal): Promise<PendingPull<T>> {
    const { computePull } = await import('./compute-pull.js');
    return computePull<T>({ engine: this.context, dataset: this.dataset, options: this.options }, signal);
  }
}

/** Upserts (added, then updated) and deletions, keyed as the checkpoint is: a schema may have reshaped the records. */
function* toChanges<T>(pending: PendingPull<T>): Generator<Change<T>> {
  const { added, updated, removed } = pending.changes;
  let index = 0;
  for (const record of [...added, ...updated]) yield { type: 'upsert', key: pending.upsertKeys[index++] as string, record };
  for (const key of removed) yield { type: 'delete', key, record: undefined };
}
