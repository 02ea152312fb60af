import type { AggregateQuery, RawRecord } from '../portals/portal-adapter.js';
import type { AggregateRow } from './aggregate-query.js';
import { keyValue, numericValue } from './aggregate-rows.js';
import { sortAggregateRows } from './sort-aggregate-rows.js';

/**
 * A portal's aggregate answer in the unified shape: group keys as text, metrics as numbers (SODA
 * sends them as strings), `null` where the portal had no number.
 */
export function portalAggregateRows(rows: readonly RawRecord[], query: AggregateQuery): AggregateRow[] {
  const result = rows.map((raw) => {
    const row: AggregateRow = {};
    for (const column of query.groupBy) row[column] = keyValue(raw[column]);
    for (const metric of query.metrics) row[metric.name] = numericValue(raw[metric.name]) ?? (metric.fn === 'count' ? 0 : null);
    return row;
  });
  return sortAggregateRows(result, query.groupBy);
}
