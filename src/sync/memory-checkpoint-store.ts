import type { Checkpoint } from './checkpoint.js';
import type { CheckpointStore } from './checkpoint-store.js';

/**
 * Keeps checkpoints in memory, for tests and for processes that sync from scratch on every
 * start. Checkpoints are immutable, so they are kept by reference.
 */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly checkpoints = new Map<string, Checkpoint>();

  async load(id: string): Promise<Checkpoint | undefined> {
    return this.checkpoints.get(id);
  }

  async save(id: string, checkpoint: Checkpoint): Promise<void> {
    this.checkpoints.set(id, checkpoint);
  }

  async delete(id: string): Promise<void> {
    this.checkpoints.delete(id);
  }

  describe(id: string): string {
    return `checkpoint "${id}" in a MemoryCheckpointStore`;
  }
}
