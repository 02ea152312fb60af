import { mask } from '../ids/index.js';
import type { ColumnDefinition } from './data/dataset-definition.js';

/** How a flavor writes dates and datetimes, and whether it keeps empty strings in text columns. */
export interface CellFormat {
  readonly date: (text: string) => string | null;
  readonly datetime: (text: string) => string | null;
  /** CKAN keeps `""` in text columns; Socrata and Opendatasoft send nothing (null). @default false */
  readonly keepEmptyText?: boolean;
}

/**
 * A generated value as the JSON-typed flavors (ckan, socrata, opendatasoft) serve it: numbers as
 * numbers, dates in the flavor's own spelling, personal data masked.
 */
export function cellValue(column: ColumnDefinition, value: string | number | null | undefined, format: CellFormat): string | number | null {
  if (value === undefined || value === null || value === '') return value === '' && format.keepEmptyText && column.type === 'string' ? '' : null;
  switch (column.type) {
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? number : null;
    }
    case 'date':
      return format.date(String(value));
    case 'datetime':
      return format.datetime(String(value));
    case 'string': {
      const text = String(value);
      return column.masked ? mask[column.masked](text) : text;
    }
  }
}
