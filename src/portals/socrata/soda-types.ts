import type { RawRecord } from '../portal-adapter.js';

const NUMERIC = new Set(['number', 'double', 'money', 'percent']);

/** Column types of an answer from `X-SODA2-Fields` / `X-SODA2-Types`, or `undefined` when absent or unreadable (Socrata drops them for wide datasets). */
export function typesFromHeaders(headers: Headers): Map<string, string> | undefined {
  const fields = readJsonArray(headers.get('x-soda2-fields'));
  const types = readJsonArray(headers.get('x-soda2-types'));
  if (!fields || !types || fields.length !== types.length) return undefined;
  return new Map(fields.map((field, i) => [field, types[i] as string]));
}

function readJsonArray(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How one column's cells are typed: the column and its converter. */
export type CellConverter = readonly [field: string, convert: (value: unknown) => unknown];

const toNumber = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
const toBoolean = (value: unknown): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * SODA sends every number as a string; the declared types say which cells are numbers and
 * booleans (`checkbox`). Only those columns get a converter, worked out once per page rather
 * than per cell, so text columns cost nothing.
 */
export function cellConverters(types: ReadonlyMap<string, string>): CellConverter[] {
  const converters: CellConverter[] = [];
  for (const [field, type] of types) {
    if (NUMERIC.has(type)) converters.push([field, toNumber]);
    else if (type === 'checkbox') converters.push([field, toBoolean]);
  }
  return converters;
}

/** Types a row's cells in place. Text that is no number is left as it came rather than guessed. */
export function coerceCells(row: RawRecord, converters: readonly CellConverter[]): RawRecord {
  for (const [field, convert] of converters) {
    // Own cells only: a column named like an Object method must not read the prototype.
    if (!Object.hasOwn(row, field)) continue;
    const value = row[field];
    const typed = convert(value);
    if (typed !== value) row[field] = typed;
  }
  return row;
}

/** Types one row's cells from its columns' declared types (see {@link cellConverters}). */
export function coerceRow(row: RawRecord, types: ReadonlyMap<string, string>): RawRecord {
  return coerceCells(row, cellConverters(types));
}
