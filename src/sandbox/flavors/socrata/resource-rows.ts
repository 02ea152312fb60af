import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { heapOrder } from './heap-order.js';
import { entityTag, httpDate, notModified } from './http-dates.js';
import { renderCell, rowIdentifier, sodaColumns, sodaRow, transportType, type SodaRow } from './soda-columns.js';
import { jsonResponse } from './socrata-error.js';
import type { SocrataRules } from './socrata-rules.js';
import { compareRows, matchesWords, readSoqlQuery, type SoqlQuery } from './soql-query.js';
import { groupRows } from './soql-group.js';

const WARM_KEY = 'socrata:warm';

/**
 * `GET /resource/{id}.json`: rows as a bare JSON array, numbers as strings, null cells omitted,
 * with `X-SODA2-Fields` / `X-SODA2-Types`, `ETag` / `Last-Modified` and 304 on revalidation.
 * A cold dataset (see {@link SocrataRules.coldStartMinRows}) answers 202 once.
 */
export function resourceRows(request: Request, url: URL, context: SandboxContext, state: DatasetState, rules: SocrataRules): Response {
  const columns = sodaColumns(state.definition);
  const query = readSoqlQuery(url.searchParams, columns);

  const warm = warmSet(context);
  if (state.count > rules.coldStartMinRows && !warm.has(state.id)) {
    warm.add(state.id);
    return jsonResponse(202, { message: `Dataset ${state.id} is being prepared for querying; please retry shortly` });
  }

  let fields: string[];
  let types: string[];
  let body: string;
  let lastModified = state.updatedAt;
  if (query.selection.kind === 'count') {
    const total = countRows(state, query);
    fields = [query.selection.alias];
    types = ['number'];
    body = JSON.stringify([{ [query.selection.alias]: String(total) }]);
  } else if (query.selection.kind === 'grouped') {
    const selection = query.selection;
    fields = [...selection.keys, ...selection.metrics.map((metric) => metric.alias)];
    types = fields.map((_, i) => (i < selection.keys.length ? 'text' : 'number'));
    body = JSON.stringify(groupRows(selection, matchingRows(state, query)).slice(query.offset, query.offset + query.limit));
  } else {
    const selected = query.selection.fields;
    fields = selected.map((field) => field.fieldName);
    types = selected.map((field) => transportType(field.type));
    const rows = selectRows(state, query);
    const rendered = rows.map((row) => {
      const out: Record<string, string | boolean> = {};
      for (const field of fields) {
        const value = renderCell(row[field]);
        if (value !== undefined) out[field] = value;
      }
      return out;
    });
    // Live rows (parking free spaces) change with the clock: the newest row decides.
    for (const row of rows) {
      const updated = new Date(String(row[':updated_at']));
      if (updated.getTime() > lastModified.getTime()) lastModified = updated;
    }
    body = JSON.stringify(rendered);
  }

  const etag = entityTag(`${fields.join(',')}\n${body}`);
  const headers: Record<string, string> = {
    etag,
    'last-modified': httpDate(lastModified),
    'x-soda2-fields': JSON.stringify(fields),
    'x-soda2-types': JSON.stringify(types),
    'x-soda2-truth-last-modified': httpDate(state.updatedAt),
  };
  if (notModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

function warmSet(context: SandboxContext): Set<string> {
  let warm = context.state.get(WARM_KEY) as Set<string> | undefined;
  if (!warm) {
    warm = new Set();
    context.state.set(WARM_KEY, warm);
  }
  return warm;
}

/** The first position a scan needs: past the `:id` keyset bound, found by bisection (`:id` grows with position). */
function startPosition(state: DatasetState, query: SoqlQuery): number {
  let bound: string | undefined;
  for (const condition of query.conditions) if (condition.idAfter !== undefined && (bound === undefined || condition.idAfter > bound)) bound = condition.idAfter;
  if (bound === undefined) return 0;
  let lo = 0;
  let hi = state.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowIdentifier(state.rowIdAt(mid) as number) <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matches(query: SoqlQuery, row: SodaRow): boolean {
  return query.conditions.every((condition) => condition.matches(row)) && matchesWords(query.words, row);
}

function inRowOrder(query: SoqlQuery): boolean {
  return query.order.length === 0 || (query.order.length === 1 && query.order[0]?.field === ':id' && !query.order[0].descending);
}

/**
 * In row order a scan stops after the page; any other order sorts every matching row, as a
 * database without an index would. Without `$order` rows come in heap order (see {@link heapOrder}).
 */
function selectRows(state: DatasetState, query: SoqlQuery): SodaRow[] {
  const start = startPosition(state, query);
  const unfiltered = query.conditions.length === 0 && query.words.length === 0;
  const out: SodaRow[] = [];
  const heap = query.order.length === 0 ? heapOrder(state) : undefined;
  if (heap) {
    let skipped = unfiltered ? query.offset : 0;
    for (let index = unfiltered ? query.offset : 0; index < heap.count && out.length < query.limit; index++) {
      const row = sodaRow(state, heap.positionAt(index));
      if (!row || !matches(query, row)) continue;
      if (skipped < query.offset) skipped++;
      else out.push(row);
    }
    return out;
  }
  if (inRowOrder(query)) {
    let skipped = unfiltered ? query.offset : 0;
    for (let position = unfiltered ? start + query.offset : start; position < state.count && out.length < query.limit; position++) {
      const row = sodaRow(state, position);
      if (!row || !matches(query, row)) continue;
      if (skipped < query.offset) skipped++;
      else out.push(row);
    }
    return out;
  }
  const matching: SodaRow[] = [];
  for (let position = start; position < state.count; position++) {
    const row = sodaRow(state, position);
    if (row && matches(query, row)) matching.push(row);
  }
  // Array.prototype.sort is stable: ties keep row order.
  matching.sort((a, b) => compareRows(query.order, a, b));
  return matching.slice(query.offset, query.offset + query.limit);
}

function countRows(state: DatasetState, query: SoqlQuery): number {
  const start = startPosition(state, query);
  if (query.conditions.length === 0 && query.words.length === 0) return state.count - start;
  let total = 0;
  for (let position = start; position < state.count; position++) {
    const row = sodaRow(state, position);
    if (row && matches(query, row)) total++;
  }
  return total;
}

/** Every row the query's conditions keep, in row order, one at a time. */
function* matchingRows(state: DatasetState, query: SoqlQuery): Generator<SodaRow> {
  for (let position = startPosition(state, query); position < state.count; position++) {
    const row = sodaRow(state, position);
    if (row && matches(query, row)) yield row;
  }
}
