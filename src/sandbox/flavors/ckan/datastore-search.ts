import type { DatasetState } from '../../dataset-state.js';
import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { assertReadable, findResource } from './dataset-lookup.js';
import { datastoreFields, datastoreRecord, type DatastoreRecord } from './datastore-fields.js';
import { compareRecords, readDatastoreQuery, readJsonObject, type DatastoreQuery } from './datastore-query.js';
import { resourceId } from './package-dict.js';
import { readBoolean, readNaturalNumber, readString } from './param-validators.js';

/** CKAN's `ckan.datastore.search.rows_max`: larger limits are lowered to it. */
export const DATASTORE_MAX_ROWS = 32_000;

/**
 * The keyset parameter of `next_page` links: the `_id` after which the page starts. Following
 * `next_page` costs the same on page 1 and page 10,000, unlike `offset`. `total` still counts
 * every row that matches `filters` and `q`, wherever the page starts.
 */
export const KEYSET_PARAM = 'after';

interface Page {
  readonly records: DatastoreRecord[];
  readonly total: number | undefined;
}

/** `datastore_search`: rows of a DataStore resource with filters, full text, projection, sort and paging. */
export function datastoreSearch(request: ActionRequest): unknown {
  const { params, context } = request;
  const id = readString(params, 'resource_id') || readString(params, 'id');
  if (!id) throw CkanActionError.validation({ resource_id: 'Missing value' });
  const state = findResource(context, id);
  if (!state) throw CkanActionError.notFound(`Resource "${id}" was not found.`);
  assertReadable(context, state, request.authorized, 'resource');

  const tableFields = datastoreFields(state.definition);
  const query = readDatastoreQuery(params, tableFields);
  const limit = Math.min(readNaturalNumber(params, 'limit', 100), DATASTORE_MAX_ROWS);
  const offset = readNaturalNumber(params, 'offset', 0);
  const includeTotal = readBoolean(params, 'include_total', true);
  const idOrder = query.sort.length === 0 || (query.sort.length === 1 && query.sort[0]?.field === '_id' && query.sort[0].direction === 'asc');
  const after = params[KEYSET_PARAM] === undefined ? undefined : readNaturalNumber(params, KEYSET_PARAM, 0);
  if (after !== undefined && !idOrder) throw CkanActionError.validation({ [KEYSET_PARAM]: 'Keyset paging needs sort "_id asc"' });

  const page = idOrder ? scanInIdOrder(state, query, offset, limit, includeTotal, after) : sortedPage(state, query, offset, limit);
  const projected = page.records.map((record) => project(record, query));

  const links: Record<string, string> = {
    start: link(request, (search) => search.delete('offset')),
    next: link(request, (search) => search.set('offset', String(offset + limit))),
  };
  const last = page.records[page.records.length - 1];
  if (query.sort.length === 1 && idOrder && last) {
    links['next_page'] = link(request, (search) => {
      search.delete('offset');
      search.set(KEYSET_PARAM, String(last['_id']));
    });
  }

  const result: Record<string, unknown> = {
    include_total: includeTotal,
    limit,
    records_format: 'objects',
    resource_id: resourceId(context.seed, state.id),
    total_estimation_threshold: null,
    fields: query.fields,
    records: projected,
    _links: links,
  };
  // CKAN echoes the parameters as its validators left them: `filters` an object, `offset` a number.
  for (const echo of ['q', 'sort'] as const) if (params[echo] !== undefined) result[echo] = params[echo];
  if (params['filters'] !== undefined) result['filters'] = readJsonObject(params, 'filters');
  if (params['offset'] !== undefined) result['offset'] = offset;
  if (page.total !== undefined) {
    result['total'] = page.total;
    result['total_was_estimated'] = false;
  }
  return result;
}

/** Rows in `_id` order: a direct slice when nothing filters, otherwise one scan that stops early without a total. */
function scanInIdOrder(state: DatasetState, query: DatastoreQuery, offset: number, limit: number, includeTotal: boolean, after: number | undefined): Page {
  const first = after === undefined ? 0 : state.positionAfterRowId(after);
  if (!query.filtered) {
    const start = Math.min(first + offset, state.count);
    const end = Math.min(start + limit, state.count);
    const records: DatastoreRecord[] = [];
    for (let position = start; position < end; position++) {
      const row = state.rowAt(position);
      if (row) records.push(datastoreRecord(state.definition, row, state.rowIdAt(position) as number));
    }
    return { records, total: includeTotal ? state.count : undefined };
  }
  const records: DatastoreRecord[] = [];
  let total = 0;
  let skipped = 0;
  for (let position = includeTotal ? 0 : first; position < state.count; position++) {
    const row = state.rowAt(position);
    if (!row) continue;
    const record = datastoreRecord(state.definition, row, state.rowIdAt(position) as number);
    if (!query.matches(record)) continue;
    total++;
    if (position < first) continue;
    if (skipped < offset) skipped++;
    else if (records.length < limit) records.push(record);
    else if (!includeTotal) break;
  }
  return { records, total: includeTotal ? total : undefined };
}

/** Any other order needs every matching row, as a database would without an index. */
function sortedPage(state: DatasetState, query: DatastoreQuery, offset: number, limit: number): Page {
  const matching: DatastoreRecord[] = [];
  for (let position = 0; position < state.count; position++) {
    const row = state.rowAt(position);
    if (!row) continue;
    const record = datastoreRecord(state.definition, row, state.rowIdAt(position) as number);
    if (query.matches(record)) matching.push(record);
  }
  matching.sort((a, b) => compareRecords(query.sort, a, b));
  return { records: matching.slice(offset, offset + limit), total: matching.length };
}

function project(record: DatastoreRecord, query: DatastoreQuery): DatastoreRecord {
  const out: DatastoreRecord = {};
  for (const field of query.fields) out[field.id] = record[field.id] ?? null;
  return out;
}

/**
 * A path with the request's own parameters and one change, as CKAN builds `_links` from the
 * request URL. A JSON body has no URL parameters, so its parameters are written into the query.
 */
function link(request: ActionRequest, change: (search: URLSearchParams) => void): string {
  const search = new URLSearchParams();
  if (request.url.search !== '') for (const [key, value] of request.url.searchParams) search.append(key, value);
  else {
    for (const [key, value] of Object.entries(request.params)) {
      if (value === undefined || value === null) continue;
      search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  change(search);
  const query = search.toString();
  return `${request.url.pathname}${query ? `?${query}` : ''}`;
}
