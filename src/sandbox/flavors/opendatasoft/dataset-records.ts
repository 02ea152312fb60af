import { compileDatasetQuery, matchingRecords, project, recordAt, type DatasetQuery } from './dataset-query.js';
import type { DatasetState } from '../../dataset-state.js';
import { groupedRecords, isGroupedQuery } from './grouped-records.js';
import { readWindow } from './paging.js';

/**
 * `GET /catalog/datasets/{id}/records`: `{ total_count, results }` with `select`, `where`,
 * `order_by`, `limit` (default 10, at most 100) and `offset` (`offset + limit` at most 10,000).
 * An unfiltered, unordered page generates only its own rows. `group_by` and aggregate functions
 * in `select` answer groups instead (see {@link groupedRecords}).
 */
export function datasetRecords(state: DatasetState, url: URL): unknown {
  if (isGroupedQuery(url.searchParams)) return groupedRecords(state, url);
  const { limit, offset } = readWindow(url.searchParams);
  const query = compileDatasetQuery(state, url.searchParams);
  if (!query.where && !query.order) {
    const results = [];
    for (let position = offset; position < Math.min(offset + limit, state.count); position++) {
      const record = recordAt(state, position);
      if (record) results.push(project(record, query.select));
    }
    return { total_count: state.count, results };
  }
  return filteredPage(query, offset, limit);
}

function filteredPage(query: DatasetQuery, offset: number, limit: number): unknown {
  let total = 0;
  const results = [];
  for (const record of matchingRecords(query)) {
    if (total >= offset && total < offset + limit) results.push(project(record, query.select));
    total++;
  }
  return { total_count: total, results };
}
