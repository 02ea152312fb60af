import type { DatasetState } from '../../dataset-state.js';

/**
 * The order rows come in without `$order`, as a heap table returns them: rows never rewritten
 * in their original place, then every rewritten or added row at the end, in the order of their
 * last write. An update therefore moves a row to the end, so an offset loop without `$order`
 * (soda-js, sodapy) that runs while rows change sees some rows twice and misses others, as on a
 * real SODA server. `$order=:id` keeps the stable row order.
 */
export interface HeapOrder {
  /** Rows in the order. */
  readonly count: number;
  /** The row position (in `:id` order) at an index of the heap order. */
  positionAt(index: number): number;
}

/**
 * The heap order of a dataset now, or `undefined` when it equals the `:id` order (nothing
 * rewritten yet, or live data whose rows change with the clock and are never listed).
 */
export function heapOrder(state: DatasetState): HeapOrder | undefined {
  const after = new Date(new Date(state.definition.baseUpdatedAt).getTime() + 1);
  const written = state.positionsUpdatedSince(after);
  if (!written || written.length === 0) return undefined;
  const stamp = (position: number) => String(state.rowAt(position)?.['updated_at'] ?? '');
  // Rows written in one mutation share a stamp: they keep their row order.
  const tail = written.map((position) => ({ position, stamp: stamp(position) })).sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.position - b.position));
  const untouched = state.count - written.length;
  return {
    count: state.count,
    positionAt(index) {
      if (index >= untouched) return tail[index - untouched]?.position ?? -1;
      // The index-th position not in `written` (sorted): step past every written position at or below it.
      let position = index;
      for (const skipped of written) {
        if (skipped <= position) position++;
        else break;
      }
      return position;
    },
  };
}
