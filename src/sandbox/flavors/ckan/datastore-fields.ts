import { cellValue, type CellFormat } from '../../cell-value.js';
import type { ColumnType, DatasetDefinition, Row } from '../../data/dataset-definition.js';

/** A DataStore column type as `datastore_search` reports it in `fields`. */
export type DatastoreType = 'int' | 'int4' | 'numeric' | 'text' | 'timestamp';

/** One entry of `datastore_search`'s `fields`. */
export interface DatastoreField {
  readonly id: string;
  readonly type: DatastoreType;
}

/** A record as `datastore_search` returns it: `_id`, then the columns in order. */
export type DatastoreRecord = Record<string, string | number | null>;

// Dates become timestamps, as the DataPusher and XLoader type them when they load a CSV.
const TYPES: Readonly<Record<ColumnType, DatastoreType>> = {
  string: 'text',
  integer: 'int4',
  number: 'numeric',
  date: 'timestamp',
  datetime: 'timestamp',
};

/** `_id` first, then every column of the dataset. */
export function datastoreFields(definition: DatasetDefinition): DatastoreField[] {
  return [{ id: '_id', type: 'int' }, ...definition.columns.map((column) => ({ id: column.name, type: TYPES[column.type] }))];
}

/**
 * A generated row as the DataStore holds it: personal data masked (a portal stores and serves
 * only the masked value), numbers as JSON numbers, dates as naive timestamps.
 */
export function datastoreRecord(definition: DatasetDefinition, row: Row, rowId: number): DatastoreRecord {
  const record: DatastoreRecord = { _id: rowId };
  for (const column of definition.columns) record[column.name] = cellValue(column, row[column.name], CKAN_CELLS);
  return record;
}

/**
 * Renders one column of generated rows as {@link datastoreRecord} does, for reading a few cells
 * without rendering whole rows; `undefined` for a column the dataset does not have.
 */
export function datastoreCell(definition: DatasetDefinition, name: string): ((row: Row) => string | number | null) | undefined {
  const column = definition.columns.find((item) => item.name === name);
  return column ? (row) => cellValue(column, row[name], CKAN_CELLS) : undefined;
}

// PostgreSQL's JSON rendering of `date`/`timestamp` columns; text columns keep "" as loaded.
const CKAN_CELLS: CellFormat = { date: toTimestamp, datetime: toTimestamp, keepEmptyText: true };

/**
 * A date or datetime in PostgreSQL's JSON rendering of `timestamp`: `2026-01-02T00:00:00`,
 * with a fraction only when there is one. Returns the input when it is not a date.
 */
export function toTimestamp(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?(Z|[+-]00:?00)?$/.exec(text.trim());
  if (!match) return text;
  const time = match[2] ?? '00:00:00';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  return `${match[1]}T${time.length === 5 ? `${time}:00` : time}${fraction === '.' ? '' : fraction}`;
}
