import { cellValue, type CellFormat } from '../../cell-value.js';
import type { ColumnType, DatasetDefinition } from '../../data/dataset-definition.js';
import type { DatasetState } from '../../dataset-state.js';

/** A SODA data type as `/api/views` names it (`X-SODA2-Types` see {@link transportType}). */
export type SodaType = 'text' | 'number' | 'calendar_date' | 'checkbox' | 'row_identifier' | 'fixed_timestamp';

/**
 * A type as `X-SODA2-Types` names it: SODA 2.1 writes its transport types there, `floating_timestamp`
 * for what views and the Discovery API call a calendar date.
 */
export function transportType(type: SodaType): string {
  return type === 'calendar_date' ? 'floating_timestamp' : type;
}

/** One queryable field: a dataset column or a system field. */
export interface SodaColumn {
  readonly fieldName: string;
  /** Human name (`/api/views` `name`). */
  readonly label: string;
  readonly type: SodaType;
}

/** A row with typed values: numbers as numbers, timestamps as text, missing cells `null`. */
export type SodaRow = Record<string, string | number | boolean | null>;

// Dates are floating timestamps (no zone), as Socrata stores calendar dates.
const TYPES: Readonly<Record<ColumnType, SodaType>> = {
  string: 'text',
  integer: 'number',
  number: 'number',
  date: 'calendar_date',
  datetime: 'calendar_date',
};

/** The system fields every row has; `$select=:*` selects them. */
export const SYSTEM_COLUMNS: readonly SodaColumn[] = [
  { fieldName: ':id', label: 'Row ID', type: 'row_identifier' },
  { fieldName: ':created_at', label: 'Created At', type: 'fixed_timestamp' },
  { fieldName: ':updated_at', label: 'Updated At', type: 'fixed_timestamp' },
];

/** The dataset's own columns, in order. */
export function sodaColumns(definition: DatasetDefinition): SodaColumn[] {
  return definition.columns.map((column) => ({ fieldName: column.name, label: column.label, type: TYPES[column.type] }));
}

/**
 * `:id` of a row: `row-` and the stable row id in base 36, zero-padded and split like Socrata's
 * (`row-0000.002s`), so text order equals row order and `:id > 'x'` pages by keyset.
 */
export function rowIdentifier(rowId: number): string {
  const digits = rowId.toString(36).padStart(8, '0');
  return `row-${digits.slice(0, 4)}.${digits.slice(4)}`;
}

/**
 * A row as SODA holds it: system fields, then the columns. Personal data is stored masked (a
 * portal serves only the masked value); dates become floating timestamps of their UTC wall time.
 */
export function sodaRow(state: DatasetState, position: number): SodaRow | undefined {
  const row = state.rowAt(position);
  const rowId = state.rowIdAt(position);
  if (!row || rowId === undefined) return undefined;
  const definition = state.definition;
  const updated = fixedTimestamp(row['updated_at']) ?? fixedTimestamp(state.updatedAt.toISOString()) ?? '';
  const released = `${definition.releasedOn}T00:00:00.000Z`;
  // Rows added after the base set were created by their mutation; base rows at release at the latest.
  const created = rowId > state.baseCount || updated < released ? updated : released;
  const out: SodaRow = { ':id': rowIdentifier(rowId), ':created_at': created, ':updated_at': updated };
  for (const column of definition.columns) out[column.name] = cellValue(column, row[column.name], SODA_CELLS);
  return out;
}

// SODA writes floating timestamps for both dates and datetimes, and omits empty cells.
const SODA_CELLS: CellFormat = { date: floatingTimestamp, datetime: floatingTimestamp };

/**
 * `2026-01-02`, `2026-01-02T03:04:05Z` or `2026-01-02 03:04` as a floating timestamp
 * (`2026-01-02T03:04:05.000`), or `null` when the text is no date.
 */
export function floatingTimestamp(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(?:Z|[+-]00:?00)?$/.exec(text.trim());
  if (!match) return null;
  const millis = (match[5] ?? '.000').slice(1).padEnd(3, '0').slice(0, 3);
  return `${match[1]}T${match[2] ?? '00'}:${match[3] ?? '00'}:${match[4] ?? '00'}.${millis}`;
}

/** An instant as a fixed timestamp (`2026-01-02T03:04:05.000Z`), or `null` when it is no date. */
export function fixedTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A typed value as SODA 2.1 writes it in JSON: numbers as strings; `undefined` (omitted) for null. */
export function renderCell(value: string | number | boolean | null | undefined): string | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return String(value);
  return value;
}
