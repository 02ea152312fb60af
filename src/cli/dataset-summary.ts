import type { Dataset } from '../model/dataset.js';

/** A dataset as `--json` prints it: everything but the portal's raw answer, dates as ISO strings. */
export function datasetJson(dataset: Dataset): Record<string, unknown> {
  const { raw: _raw, ...rest } = dataset;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/** A date as `YYYY-MM-DD`, or `-` when unknown. */
export function shortDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '-';
}

/** A count with thousands separators, or `?` when unknown. */
export function count(value: number | undefined): string {
  return value === undefined ? '?' : value.toLocaleString('en-US');
}
