import { mask } from '../../../ids/index.js';
import type { ColumnDefinition, DatasetDefinition, Row } from '../../data/dataset-definition.js';
import { formatShanghaiDateTime } from './shanghai-time.js';

/** A row as the platform serves it: pinyin-initial column names, every value a string. */
export type ServedRow = Record<string, string>;

/**
 * Turns a generated row into the platform's shape (section A). Columns without a pinyin name
 * are not served; numbers become strings as on the real platform, null becomes `""`,
 * datetimes are shown in Shanghai time and personal data is masked.
 */
export function toServedRow(row: Row, definition: DatasetDefinition): ServedRow {
  const served: ServedRow = {};
  for (const column of definition.columns) {
    if (column.pinyin === undefined) continue;
    served[column.pinyin] = servedValue(row[column.name], column);
  }
  return served;
}

function servedValue(value: string | number | null | undefined, column: ColumnDefinition): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (column.masked !== undefined) return mask[column.masked](text);
  if (column.type === 'datetime') {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? text : formatShanghaiDateTime(instant);
  }
  if (column.type === 'date') return text.slice(0, 10);
  return text;
}
