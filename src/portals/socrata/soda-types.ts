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

/**
 * SODA sends every number as a string; the declared types say which cells are numbers and
 * booleans (`checkbox`). Text that is no number is left as it came rather than guessed.
 */
export function coerceRow(row: RawRecord, types: ReadonlyMap<string, string>): RawRecord {
  for (const [field, value] of Object.entries(row)) {
    const type = types.get(field);
    if (type === undefined) continue;
    if (NUMERIC.has(type) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) row[field] = Number(value);
    else if (type === 'checkbox' && (value === 'true' || value === 'false')) row[field] = value === 'true';
  }
  return row;
}
