import { ReadOnlyHashes } from './read-only-hashes.js';

/**
 * A read-only key → content hash map made of an earlier map plus the few keys one modified-since
 * pull changed, so such a pull costs its changes rather than a copy of every key. It reads and
 * iterates exactly as a `Map` that had the changes applied in order would (keys keep their
 * place when updated, new and re-added keys come last). Patches of patches share one base; the
 * map is copied flat once its patch grows past a sixteenth of the base, which keeps each pull's
 * share of that copy proportional to its changes.
 */
export class PatchedHashes extends ReadOnlyHashes {
  override readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<string, number>,
    /** New hashes of changed, added and re-added keys, in the order they were first set. */
    private readonly changed: ReadonlyMap<string, number>,
    /** Base keys deleted; a re-added key stays here and is in `changed`, placed at the end. */
    private readonly removed: ReadonlySet<string>,
  ) {
    super();
    let appended = 0;
    for (const key of changed.keys()) if (this.isAppended(key)) appended++;
    this.size = base.size - removed.size + appended;
  }

  /**
   * `previous` with `changed` set (updated or added keys) then `removed` deleted; `previous` is
   * left as it is. A key must not be both changed and removed.
   */
  static patch(previous: ReadonlyMap<string, number>, changed: ReadonlyMap<string, number>, removed: readonly string[]): ReadonlyMap<string, number> {
    const base = previous instanceof PatchedHashes ? previous.base : previous;
    const patch = new Map(previous instanceof PatchedHashes ? previous.changed : undefined);
    const gone = new Set(previous instanceof PatchedHashes ? previous.removed : undefined);
    // A key deleted by an earlier patch and set again stays in `gone`: that places it at the end.
    for (const [key, hash] of changed) patch.set(key, hash);
    for (const key of removed) {
      patch.delete(key);
      if (base.has(key)) gone.add(key);
    }
    if ((patch.size + gone.size) * 16 > base.size) return new Map(new PatchedHashes(base, patch, gone));
    return new PatchedHashes(base, patch, gone);
  }

  override get(key: string): number | undefined {
    const hash = this.changed.get(key);
    if (hash !== undefined || this.removed.has(key)) return hash;
    return this.base.get(key);
  }

  override has(key: string): boolean {
    return this.changed.has(key) || (!this.removed.has(key) && this.base.has(key));
  }

  override *entries(): MapIterator<[string, number]> {
    for (const [key, hash] of this.base) {
      if (!this.removed.has(key)) yield [key, this.changed.get(key) ?? hash];
    }
    for (const [key, hash] of this.changed) if (this.isAppended(key)) yield [key, hash];
  }


  /** Whether a changed key sits after the base's keys: new to the base, or deleted from it and set again. */
  private isAppended(key: string): boolean {
    return this.removed.has(key) || !this.base.has(key);
  }
}
