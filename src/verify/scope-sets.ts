/** Distinct scope lists kept shared; beyond this a registry's lists are too varied to be worth sharing. */
const MAX_SHARED = 10_000;

/**
 * One set per distinct scope list. The licences of a registry repeat a few lists of activities:
 * entries that share a set keep a snapshot lookup on memory already in cache, and the index small.
 * The sets are only read, never changed.
 */
export class ScopeSets {
  private readonly sets = new Map<string, ReadonlySet<string>>();

  /** The set of a scope list, shared with every earlier list of the same items in the same order. */
  of(items: readonly string[]): ReadonlySet<string> {
    // JSON keeps the items apart whatever they contain.
    const key = JSON.stringify(items);
    const known = this.sets.get(key);
    if (known !== undefined) return known;
    const set: ReadonlySet<string> = new Set(items);
    if (this.sets.size < MAX_SHARED) this.sets.set(key, set);
    return set;
  }
}
