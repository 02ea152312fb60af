import type { AggregateQuery, RawRecord } from '../portals/portal-adapter.js';
import type { AggregateRow } from './aggregate-query.js';
import { sortAggregateRows } from './sort-aggregate-rows.js';

/** A cell as a number: numbers as they are, numeric text (SODA, zhejiang) parsed; anything else `undefined`. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}

/** A group key cell as text, so `3` and `'3'` fall into one group whatever the portal sent. */
export const keyValue = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value));

interface Accumulator {
  count: number;
  sums: number[];
  seen: number[];
  mins: number[];
  maxs: number[];
}

/**
 * Aggregates rows on the client, one pass, memory proportional to the number of groups. Metrics
 * skip cells that are not numbers (as SQL's aggregates skip NULL); a group with no number gets `null`.
 */
export async function aggregateRows(rows: AsyncIterable<RawRecord> | Iterable<RawRecord>, query: AggregateQuery): Promise<AggregateRow[]> {
  const groups = new Map<string, { keys: (string | null)[]; acc: Accumulator }>();
  const width = query.metrics.length;
  for await (const row of rows) {
    const keys = query.groupBy.map((column) => keyValue(row[column]));
    const id = JSON.stringify(keys);
    let group = groups.get(id);
    if (!group) {
      group = { keys, acc: { count: 0, sums: new Array<number>(width).fill(0), seen: new Array<number>(width).fill(0), mins: new Array<number>(width).fill(Infinity), maxs: new Array<number>(width).fill(-Infinity) } };
      groups.set(id, group);
    }
    const { acc } = group;
    acc.count++;
    query.metrics.forEach((metric, i) => {
      if (metric.column === undefined) return;
      const value = numericValue(row[metric.column]);
      if (value === undefined) return;
      acc.sums[i] = (acc.sums[i] as number) + value;
      acc.seen[i] = (acc.seen[i] as number) + 1;
      acc.mins[i] = Math.min(acc.mins[i] as number, value);
      acc.maxs[i] = Math.max(acc.maxs[i] as number, value);
    });
  }
  // Without groupBy, an empty dataset still has one (empty) total, as SQL answers.
  if (groups.size === 0 && query.groupBy.length === 0) groups.set('[]', { keys: [], acc: { count: 0, sums: [], seen: new Array<number>(width).fill(0), mins: [], maxs: [] } });
  const result = [...groups.values()].map(({ keys, acc }) => {
    const row: AggregateRow = {};
    query.groupBy.forEach((column, i) => (row[column] = keys[i] ?? null));
    query.metrics.forEach((metric, i) => {
      const seen = acc.seen[i] ?? 0;
      row[metric.name] =
        metric.fn === 'count' ? acc.count : seen === 0 ? null : metric.fn === 'sum' ? (acc.sums[i] as number) : metric.fn === 'avg' ? (acc.sums[i] as number) / seen : metric.fn === 'min' ? (acc.mins[i] as number) : (acc.maxs[i] as number);
    });
    return row;
  });
  return sortAggregateRows(result, query.groupBy);
}
