import { OdsError } from './ods-responses.js';
import type { OdsqlRecord } from './odsql-where.js';

/** `select=a,b` → the field names, in order; `*` or an empty value is every field. */
export function parseSelect(text: string | null, fields: readonly string[]): readonly string[] {
  if (text === null || text.trim() === '' || text.trim() === '*') return fields;
  return text.split(',').map((part) => {
    const name = part.trim().replace(/^`(.*)`$/, '$1');
    if (name === '*') throw OdsError.odsql('ODSQL query is malformed: "*" must be the only selected field');
    if (!fields.includes(name)) throw OdsError.odsql(`Unknown field: ${name}`);
    return name;
  });
}

/** `order_by=a desc, b` → a comparator; nulls sort first ascending, as Elasticsearch-backed Explore does. */
export function parseOrderBy(text: string | null, fields: readonly string[]): ((a: OdsqlRecord, b: OdsqlRecord) => number) | undefined {
  if (text === null || text.trim() === '') return undefined;
  const keys = text.split(',').map((part) => {
    const match = /^\s*`?([\p{L}\p{N}_.]+)`?(?:\s+(asc|desc))?\s*$/iu.exec(part);
    if (!match) throw OdsError.odsql(`ODSQL query is malformed: cannot order by "${part.trim()}"`);
    const name = match[1] as string;
    if (!fields.includes(name)) throw OdsError.odsql(`Unknown field: ${name}`);
    return { name, sign: (match[2] ?? 'asc').toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { name, sign } of keys) {
      const order = compareValues(a[name], b[name]);
      if (order !== 0) return order * sign;
    }
    return 0;
  };
}

function compareValues(a: unknown, b: unknown): number {
  const x = Array.isArray(a) ? a[0] : a;
  const y = Array.isArray(b) ? b[0] : b;
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

/**
 * A whole-number REST parameter (`limit`, `offset`), or the portal's 400 with the message shape
 * Explore uses: `Invalid value for limit API parameter: 200 was found but -1 <= limit <= 100 is expected.`
 */
export function readInteger(search: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = search.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw OdsError.parameter(`Invalid value for ${name} API parameter: ${raw} was found but ${min} <= ${name} <= ${max} is expected.`);
  }
  return value;
}
