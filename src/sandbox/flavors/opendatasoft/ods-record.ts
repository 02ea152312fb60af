import { cellValue, type CellFormat } from '../../cell-value.js';
import type { ColumnType, DatasetDefinition, Row } from '../../data/dataset-definition.js';

/** Explore's field types, as `fields[].type` reports them. */
export type OdsFieldType = 'text' | 'int' | 'double' | 'date' | 'datetime';

const TYPES: Readonly<Record<ColumnType, OdsFieldType>> = {
  string: 'text',
  integer: 'int',
  number: 'double',
  date: 'date',
  datetime: 'datetime',
};

/** One entry of a dataset's `fields`. */
export interface OdsField {
  readonly name: string;
  readonly label: string;
  readonly type: OdsFieldType;
  readonly description: null;
  readonly annotations: Readonly<Record<string, never>>;
}

export function odsFields(definition: DatasetDefinition): OdsField[] {
  return definition.columns.map((column) => ({ name: column.name, label: column.label, type: TYPES[column.type], description: null, annotations: {} }));
}

/**
 * A generated row as Explore serves it: every field present (nulls included), numbers as JSON
 * numbers, datetimes with their zone (`+00:00`), personal data masked.
 */
export function odsRecord(definition: DatasetDefinition, row: Row): Record<string, string | number | null> {
  const record: Record<string, string | number | null> = {};
  for (const column of definition.columns) record[column.name] = cellValue(column, row[column.name], ODS_CELLS);
  return record;
}

// Explore writes dates as days and datetimes with an explicit zone.
const ODS_CELLS: CellFormat = { date: (text) => text.slice(0, 10), datetime: withZone };

/** `2026-01-02T03:04:05Z` or `…05.000Z` → `2026-01-02T03:04:05+00:00`, as Explore writes datetimes. */
export function withZone(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]00:?00)?$/.exec(text.trim());
  return match ? `${match[1]}T${match[2]}+00:00` : text;
}
