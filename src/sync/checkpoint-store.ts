import type { Checkpoint } from './checkpoint.js';

/**
 * Where a sync keeps its checkpoints. Implement it to keep them in your own database:
 *
 * - `load(id)` returns what `save` last stored under `id` in full, or `undefined` when nothing
 *   was ever saved. When a stored checkpoint cannot be read, throw a `CheckpointError` that says
 *   how to reset it: never return `undefined` for it, or the next pull reports every row as new.
 * - `save(id, checkpoint)` replaces the checkpoint atomically: after a crash at any moment,
 *   `load` returns either the previous checkpoint or the new one, never a mix.
 * - `delete(id)` forgets it; the next pull starts afresh.
 *
 * A sync calls `save` only after the consumer has taken the changes (see `DatasetSync`). Ids are
 * dataset ids; one store may hold the checkpoints of many datasets.
 *
 * @example
 * const store: CheckpointStore = {
 *   load: async (id) => decodeCheckpoint(await db.get(id), `row ${id} of checkpoints`),
 *   save: async (id, checkpoint) => db.put(id, encodeCheckpoint(checkpoint)),
 *   delete: async (id) => db.del(id),
 * };
 */
export interface CheckpointStore {
  load(id: string): Promise<Checkpoint | undefined>;
  save(id: string, checkpoint: Checkpoint): Promise<void>;
  delete(id: string): Promise<void>;
  /** Where `id` lives, for error messages (a file path); optional. */
  describe?(id: string): string;
}
