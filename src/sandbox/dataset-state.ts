import type { DatasetDefinition, Row } from './data/dataset-definition.js';

/** Rows to add or update explicitly, or counts of rows the sandbox picks and generates itself. */
export interface MutationOptions {
  readonly dataset: string;
  /** How many rows to add, or the rows themselves (keyed by column `name`). */
  readonly add?: number | readonly Row[] | undefined;
  /** How many rows to update, or rows whose key names the row to replace (merged over it). */
  readonly update?: number | readonly Row[] | undefined;
  /** How many rows to remove, or the keys of the rows to remove. */
  readonly remove?: number | readonly (string | number)[] | undefined;
}

export interface MutationResult {
  readonly dataset: string;
  readonly added: readonly (string | number)[];
  readonly updated: readonly (string | number)[];
  readonly removed: readonly (string | number)[];
  readonly updatedAt: Date;
}

/**
 * The live state of one dataset: generated base rows plus an overlay of mutations.
 * Position `p` (0-based, the stable row order every flavor serves) maps to a base index by
 * skipping removed base rows, then to rows added later, so a late page costs O(log n) and
 * generates only its own rows.
 */
export class DatasetState {
  readonly definition: DatasetDefinition;
  readonly baseCount: number;
  /** How many rows the generator has produced, for tests that prove laziness. */
  generatedRows = 0;
  private lastMutation: Date;
  private readonly seed: number;
  private readonly now: () => Date;
  /** Sorted base indices that were removed. */
  private readonly removedBase: number[] = [];
  private readonly overrides = new Map<number, Row>();
  private readonly appended: Row[] = [];
  /** Stable row ids of appended rows (base rows have id index + 1), as CKAN's `_id`. */
  private readonly appendedIds: number[] = [];
  private nextRowId: number;
  private mutationCounter = 0;
  /** Generator index of the next added row: past every base row, never reused, so keys stay unique. */
  private nextAddedIndex: number;

  constructor(definition: DatasetDefinition, seed: number, count: number, now: () => Date) {
    this.definition = definition;
    this.seed = seed;
    this.baseCount = count;
    this.now = now;
    this.lastMutation = new Date(definition.baseUpdatedAt);
    this.nextRowId = count + 1;
    this.nextAddedIndex = count;
  }

  /** When the data last changed: the last mutation, or for live data the current minute. */
  get updatedAt(): Date {
    if (!this.definition.live) return this.lastMutation;
    const minute = Math.floor(this.now().getTime() / 60_000) * 60_000;
    return new Date(Math.max(minute, this.lastMutation.getTime()));
  }

  /** Changes with every mutation: cached renderings of the rows are keyed by it. */
  get version(): number {
    return this.mutationCounter;
  }

  get id(): string {
    return this.definition.id;
  }

  get count(): number {
    return this.baseCount - this.removedBase.length + this.appended.length;
  }

  /** The row at a visible position, or undefined past the end. */
  rowAt(position: number): Row | undefined {
    if (!Number.isInteger(position) || position < 0 || position >= this.count) return undefined;
    const visibleBase = this.baseCount - this.removedBase.length;
    if (position >= visibleBase) return this.appended[position - visibleBase];
    const index = this.baseIndexAt(position);
    return this.overrides.get(index) ?? this.generate(index);
  }

  /**
   * A stable integer id of the row at a position, increasing with the position (CKAN's `_id`):
   * base rows keep `index + 1`, added rows get ids past every earlier one.
   */
  rowIdAt(position: number): number | undefined {
    if (!Number.isInteger(position) || position < 0 || position >= this.count) return undefined;
    const visibleBase = this.baseCount - this.removedBase.length;
    if (position >= visibleBase) return this.appendedIds[position - visibleBase];
    return this.baseIndexAt(position) + 1;
  }

  /** The first visible position whose row id is greater than `rowId` (keyset paging). */
  positionAfterRowId(rowId: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.rowIdAt(mid) as number) <= rowId) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rows in [start, end) of the visible order. */
  slice(start: number, end: number): Row[] {
    const rows: Row[] = [];
    const stop = Math.min(end, this.count);
    for (let position = Math.max(0, start); position < stop; position++) {
      const row = this.rowAt(position);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Every visible row in order, generated lazily. */
  *rows(): Generator<Row> {
    for (let position = 0; position < this.count; position++) {
      const row = this.rowAt(position);
      if (row) yield row;
    }
  }

  /** Applies a mutation and bumps the dataset's update time, strictly later than before. */
  mutate(options: MutationOptions): MutationResult {
    const at = this.nextUpdateTime();
    const stamp = at.toISOString();
    const key = this.definition.key;
    const added: (string | number)[] = [];
    const updated: (string | number)[] = [];
    const removed: (string | number)[] = [];

    const toRemove = options.remove ?? 0;
    if (typeof toRemove === 'number') {
      for (let n = 0; n < toRemove && this.count > 0; n++) {
        // Spread removals over the dataset instead of always taking the first rows.
        const position = this.pick(this.count, n, 'remove');
        const row = this.rowAt(position);
        if (row) removed.push(row[key] as string | number);
        this.removeAt(position);
      }
    } else {
      for (const value of toRemove) {
        const position = this.positionOfKey(value);
        if (position === undefined) throw new Error(`Sandbox: no row with ${key}=${String(value)} in ${this.id}`);
        removed.push(value);
        this.removeAt(position);
      }
    }

    const toUpdate = options.update ?? 0;
    if (typeof toUpdate === 'number') {
      for (let n = 0; n < toUpdate && this.count > 0; n++) {
        const position = this.pick(this.count, n, 'update');
        const current = this.rowAt(position);
        if (!current) continue;
        const fresh = this.generateVariant(current, n);
        this.replaceAt(position, { ...fresh, [key]: current[key] ?? null, updated_at: stamp });
        updated.push(current[key] as string | number);
      }
    } else {
      for (const patch of toUpdate) {
        const value = patch[key];
        const position = value === undefined || value === null ? undefined : this.positionOfKey(value);
        if (position === undefined) throw new Error(`Sandbox: no row with ${key}=${String(value)} in ${this.id}`);
        const current = this.rowAt(position) ?? {};
        this.replaceAt(position, { ...current, ...patch, updated_at: stamp });
        updated.push(value as string | number);
      }
    }

    const toAdd = options.add ?? 0;
    if (typeof toAdd === 'number') {
      for (let n = 0; n < toAdd; n++) {
        // New rows come from generator indices past the base range, so they are as realistic
        // as the rest and their keys do not collide with existing ones.
        const index = this.nextAddedIndex++;
        const row: Row = { ...this.definition.row(this.seed, index, this.now()), updated_at: stamp };
        this.append(row);
        added.push(row[key] as string | number);
      }
    } else {
      for (const row of toAdd) {
        if (row[key] === undefined || row[key] === null) throw new Error(`Sandbox: an added row needs ${key}`);
        this.append({ ...row, updated_at: stamp });
        added.push(row[key] as string | number);
      }
    }

    this.mutationCounter++;
    this.lastMutation = at;
    return { dataset: this.id, added, updated, removed, updatedAt: at };
  }

  /**
   * Positions (in order) of every row that can have been stamped at or after `since`, without
   * generating the others: mutated rows, plus the base rows whose generated `updated_at` is that
   * late, found in an index of base stamps built on first use (one pass over the base rows, as a
   * database keeps an index on its modification column). `undefined` for live data: every row
   * changes with the clock.
   */
  positionsUpdatedSince(since: Date): number[] | undefined {
    if (this.definition.live) return undefined;
    const positions = new Set<number>();
    if (since.getTime() <= new Date(this.definition.baseUpdatedAt).getTime()) {
      const stamps = this.baseStamps();
      const threshold = since.getTime();
      // Stamps are sorted: walk back from the end while they are late enough.
      for (let entry = stamps.times.length - 1; entry >= 0 && (stamps.times[entry] as number) >= threshold; entry--) {
        const index = stamps.indices[entry] as number;
        // One search tells both whether the row was removed and how many removed rows precede it.
        const below = removedBelow(this.removedBase, index);
        if (this.removedBase[below] !== index) positions.add(index - below);
      }
    }
    for (const index of this.overrides.keys()) positions.add(index - removedBelow(this.removedBase, index));
    const visibleBase = this.baseCount - this.removedBase.length;
    for (let offset = 0; offset < this.appended.length; offset++) positions.add(visibleBase + offset);
    return [...positions].sort((a, b) => a - b);
  }

  private stampIndex: { readonly times: Float64Array; readonly indices: Uint32Array } | undefined;

  /** Base rows' generated `updated_at`, sorted, with their indices (built once, not counted as generated rows). */
  private baseStamps(): { readonly times: Float64Array; readonly indices: Uint32Array } {
    if (this.stampIndex) return this.stampIndex;
    const order = new Uint32Array(this.baseCount);
    const byIndex = new Float64Array(this.baseCount);
    for (let index = 0; index < this.baseCount; index++) {
      order[index] = index;
      const stamp = this.definition.row(this.seed, index, this.now())['updated_at'];
      byIndex[index] = typeof stamp === 'string' ? Date.parse(stamp) : Number.NEGATIVE_INFINITY;
    }
    order.sort((a, b) => (byIndex[a] as number) - (byIndex[b] as number));
    const times = new Float64Array(this.baseCount);
    for (let entry = 0; entry < order.length; entry++) times[entry] = byIndex[order[entry] as number] as number;
    this.stampIndex = { times, indices: order };
    return this.stampIndex;
  }

  /** Finds the visible position of the row whose key equals `value` (a scan: the sandbox has no index). */
  positionOfKey(value: string | number): number | undefined {
    const key = this.definition.key;
    for (let position = 0; position < this.count; position++) {
      if (String(this.rowAt(position)?.[key]) === String(value)) return position;
    }
    return undefined;
  }

  private generate(index: number): Row {
    this.generatedRows++;
    return this.definition.row(this.seed, index, this.now());
  }

  /** A plausible new version of a row: another generated row's content under the same key. */
  private generateVariant(current: Row, n: number): Row {
    const other = this.definition.row(this.seed, this.baseCount + 5_000_000 + this.mutationCounter * 10_000 + n, this.now());
    const columns = this.definition.columns;
    // Change a few non-key columns only, as a real update would.
    const result: Row = { ...current };
    let changed = 0;
    for (const column of columns) {
      if (column.name === this.definition.key || column.name === 'updated_at') continue;
      if (changed >= 2) break;
      if (other[column.name] !== current[column.name]) {
        result[column.name] = other[column.name] ?? null;
        changed++;
      }
    }
    return result;
  }

  private nextUpdateTime(): Date {
    const now = this.now().getTime();
    return new Date(Math.max(now, this.lastMutation.getTime() + 1000));
  }

  /** A deterministic spread of positions for count-based mutations. */
  private pick(count: number, n: number, salt: string): number {
    let h = 2166136261 ^ (this.seed + this.mutationCounter * 7919 + n * 104729);
    for (const char of salt) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
    return (h >>> 0) % count;
  }

  /** Base index of a visible position below the base range, skipping removed indices. */
  private baseIndexAt(position: number): number {
    // Find the smallest index i with i - (removed indices ≤ i) === position and i not removed.
    let index = position;
    let lo = 0;
    // removedBase is sorted: advance past every removed index ≤ the candidate.
    for (;;) {
      let hi = this.removedBase.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.removedBase[mid] as number) <= index) lo = mid + 1;
        else hi = mid;
      }
      const candidate = position + lo;
      if (candidate === index) return index;
      index = candidate;
    }
  }

  private append(row: Row): void {
    this.appended.push(row);
    this.appendedIds.push(this.nextRowId++);
  }

  private removeAt(position: number): void {
    const visibleBase = this.baseCount - this.removedBase.length;
    if (position >= visibleBase) {
      this.appended.splice(position - visibleBase, 1);
      this.appendedIds.splice(position - visibleBase, 1);
      return;
    }
    const index = this.baseIndexAt(position);
    this.overrides.delete(index);
    const at = sortedInsertionPoint(this.removedBase, index);
    this.removedBase.splice(at, 0, index);
  }

  private replaceAt(position: number, row: Row): void {
    const visibleBase = this.baseCount - this.removedBase.length;
    if (position >= visibleBase) this.appended[position - visibleBase] = row;
    else this.overrides.set(this.baseIndexAt(position), row);
  }
}

/** How many removed base indices are below `index`. */
function removedBelow(sorted: number[], index: number): number {
  return sortedInsertionPoint(sorted, index);
}

function sortedInsertionPoint(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
