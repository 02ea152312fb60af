import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import type { Caller } from './api-key.js';
import { isRestricted } from './catalog-entry.js';
import { OdsError } from './ods-responses.js';
import { odsRecord } from './ods-record.js';
import { parseOrderBy, parseSelect } from './odsql-clauses.js';
import { compileWhere, type OdsqlPredicate, type OdsqlRecord } from './odsql-where.js';

/** The `select`, `where` and `order_by` of a records or export request, compiled against a dataset. */
export interface DatasetQuery {
  readonly state: DatasetState;
  readonly select: readonly string[];
  readonly where: OdsqlPredicate | undefined;
  readonly order: ((a: OdsqlRecord, b: OdsqlRecord) => number) | undefined;
}

/**
 * The dataset a caller asked for. A restricted dataset is invisible without the key: Explore
 * answers 404 rather than telling it exists; a wrong key is a 401.
 */
export function findDataset(context: SandboxContext, id: string, caller: Caller): DatasetState {
  if (caller === 'invalid') throw new OdsError(401, 'AuthenticationError', 'The API key provided is invalid.');
  const state = context.datasets.get(id);
  if (!state || (isRestricted(state) && caller !== 'authorized')) throw OdsError.unknownDataset(id);
  return state;
}

export function compileDatasetQuery(state: DatasetState, search: URLSearchParams): DatasetQuery {
  const names = state.definition.columns.map((column) => column.name);
  const whereText = search.get('where') ?? '';
  return {
    state,
    select: parseSelect(search.get('select'), names),
    where: whereText.trim() === '' ? undefined : compileWhere(whereText, new Set(names)),
    order: parseOrderBy(search.get('order_by'), names),
  };
}

/** The served record at a position, or undefined past the end. */
export function recordAt(state: DatasetState, position: number): OdsqlRecord | undefined {
  const row = state.rowAt(position);
  return row ? odsRecord(state.definition, row) : undefined;
}

/** Keeps the selected fields, in the order `select` names them. */
export function project(record: OdsqlRecord, select: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of select) result[name] = record[name] ?? null;
  return result;
}

/**
 * Every matching record in order. Without `order_by` the records come lazily in the dataset's
 * stable order; with it they are collected and sorted first.
 */
export function* matchingRecords(query: DatasetQuery): Generator<OdsqlRecord> {
  const { state, where, order } = query;
  if (!order) {
    for (let position = 0; position < state.count; position++) {
      const record = recordAt(state, position);
      if (record && (!where || where(record))) yield record;
    }
    return;
  }
  const records: OdsqlRecord[] = [];
  for (let position = 0; position < state.count; position++) {
    const record = recordAt(state, position);
    if (record && (!where || where(record))) records.push(record);
  }
  // Array.prototype.sort is stable, so ties keep the dataset's order.
  yield* records.sort(order);
}
