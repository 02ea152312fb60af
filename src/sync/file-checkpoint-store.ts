import { CheckpointError } from '../errors/checkpoint-error.js';
import type { Checkpoint } from './checkpoint.js';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec.js';
import type { CheckpointStore } from './checkpoint-store.js';

/**
 * Keeps each checkpoint in `<dir>/<id>.checkpoint` (Node only). Writes are atomic: a temp file
 * is written and fsynced, renamed over the old one, and the directory fsynced, so a crash at any
 * moment leaves the old checkpoint or the new one. `node:fs` is imported on first use, so
 * browser bundles of `kaifang` never load it.
 *
 * @example
 * const sync = client.sync('nb-food-licenses', { key: 'XKZBH', store: new FileCheckpointStore('.kaifang') });
 */
export class FileCheckpointStore implements CheckpointStore {
  constructor(readonly dir: string) {}

  /** The file of `id`; ids are dataset ids, made safe as a file name. */
  describe(id: string): string {
    const name = id.replace(/[^A-Za-z0-9._-]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return `${this.dir.replace(/[\\/]+$/, '')}/${name.startsWith('.') ? `%2e${name.slice(1)}` : name}.checkpoint`;
  }

  async load(id: string): Promise<Checkpoint | undefined> {
    const fs = await import('node:fs/promises');
    const file = this.describe(id);
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new CheckpointError(`Checkpoint ${file} cannot be read (${(error as Error).message}): fix its permissions, or delete it to start afresh`, file, { cause: error });
    }
    return decodeCheckpoint(bytes, file);
  }

  async save(id: string, checkpoint: Checkpoint): Promise<void> {
    const fs = await import('node:fs/promises');
    const file = this.describe(id);
    await fs.mkdir(this.dir, { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(encodeCheckpoint(checkpoint));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(fs, this.dir);
  }

  async delete(id: string): Promise<void> {
    const fs = await import('node:fs/promises');
    await fs.rm(this.describe(id), { force: true });
  }
}

/** Makes the rename durable; some platforms (Windows) cannot open a directory, and need not. */
async function syncDirectory(fs: typeof import('node:fs/promises'), dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort by design: the data file itself was fsynced before the rename.
  } finally {
    await handle?.close();
  }
}
