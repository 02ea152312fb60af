import type { AggregateRow } from './aggregate-query.js';

/** Orders result rows by their group keys (nulls first), so portal and client answers line up. */
export function sortAggregateRows(rows: AggregateRow[], groupBy: readonly string[]): AggregateRow[] {
  return rows.sort((a, b) => {
    for (const column of groupBy) {
      const x = a[column] ?? null;
      const y = b[column] ?? null;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  });
}
