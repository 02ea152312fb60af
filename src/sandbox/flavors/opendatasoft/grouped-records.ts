import type { DatasetState } from '../../dataset-state.js';
import { groupAggregate, parseGroupMetric, type GroupMetric } from '../../group-aggregate.js';
import { compileDatasetQuery, matchingRecords } from './dataset-query.js';
import { OdsError } from './ods-responses.js';
import { readWindow } from './paging.js';

/** Whether a records request asks for groups or aggregates rather than rows. */
export function isGroupedQuery(search: URLSearchParams): boolean {
  return (search.get('group_by') ?? '').trim() !== '' || (search.get('select') ?? '').includes('(');
}

/**
 * `GET /records?select=district, count(*) as n, sum(free_spaces) as free&group_by=district`: one
 * result per group with Explore's aggregate functions (count, sum, avg, min, max), paged by
 * `limit`/`offset` like rows. Explore sends no `total_count` with groups: a short page is the last.
 */
export function groupedRecords(state: DatasetState, url: URL): unknown {
  const search = url.searchParams;
  const names = state.definition.columns.map((column) => column.name);
  const known = (name: string) => {
    if (!names.includes(name)) throw OdsError.odsql(`Unknown field: ${name}`);
    return name;
  };
  const keys = (search.get('group_by') ?? '').split(',').map((part) => part.trim().replace(/^`(.*)`$/, '$1')).filter(Boolean).map(known);
  const metrics: GroupMetric[] = [];
  for (const part of (search.get('select') ?? '').split(',').map((text) => text.trim()).filter(Boolean)) {
    const metric = parseGroupMetric(part);
    if (metric) {
      if (metric.column !== undefined) known(metric.column);
      metrics.push(metric);
      continue;
    }
    const name = part.replace(/^`(.*)`$/, '$1');
    if (!keys.includes(name)) throw OdsError.odsql(`ODSQL query is malformed: "${name}" must be in group_by or inside an aggregate function`);
  }
  const filtered = new URLSearchParams(search);
  filtered.delete('select');
  filtered.delete('group_by');
  filtered.delete('order_by');
  const groups = groupAggregate(matchingRecords(compileDatasetQuery(state, filtered)), keys, metrics);
  const { limit, offset } = readWindow(search);
  return { results: groups.slice(offset, offset + limit) };
}
