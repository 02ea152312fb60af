import type { RawRecord, WhereFilter } from '../portals/portal-adapter.js';

/**
 * The part of a record query that runs on the client when the portal cannot run it
 * (zhejiang interfaces have no server-side filters). Values compare as text, because portals
 * send numbers as strings as often as not: `{ KXBW: 0 }` matches `"KXBW": "0"`.
 */
export function matchesWhere(row: RawRecord, where: WhereFilter): boolean {
  for (const [field, expected] of Object.entries(where)) {
    const actual = row[field];
    const accepted = Array.isArray(expected) ? expected : [expected];
    if (!accepted.some((value) => sameValue(actual, value))) return false;
  }
  return true;
}

/** Case-insensitive substring match over every text or number value of the row. */
export function matchesText(row: RawRecord, q: string): boolean {
  const needle = q.toLocaleLowerCase();
  for (const value of Object.values(row)) {
    if ((typeof value === 'string' || typeof value === 'number') && String(value).toLocaleLowerCase().includes(needle)) return true;
  }
  return false;
}

/** Keeps only the named columns, in the order given. */
export function pickFields(row: RawRecord, fields: readonly string[]): RawRecord {
  const picked: RawRecord = {};
  for (const field of fields) if (Object.hasOwn(row, field)) picked[field] = row[field];
  return picked;
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined || actual === '';
  if (actual === null || actual === undefined) return false;
  return String(actual) === String(expected);
}
