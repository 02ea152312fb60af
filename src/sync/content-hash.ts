/** Columns a portal adds for its own bookkeeping, not content (CKAN DataStore's row id). */
const BOOKKEEPING_COLUMNS = new Set(['_id']);

/** 2^32, to join two 32-bit halves into one exact double. */
const HIGH = 0x1_0000_0000;

/**
 * A 52-bit content hash of a row, the same whatever the order of its columns: two 32-bit
 * FNV-1a style lanes over a canonical rendering (columns sorted, values as JSON), joined into
 * one integer that a `Float64Array` stores exactly. Not cryptographic: it only tells "changed".
 */
export function contentHash(row: Readonly<Record<string, unknown>>): number {
  const columns = Object.keys(row).sort();
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (const column of columns) {
    if (BOOKKEEPING_COLUMNS.has(column)) continue;
    const text = `${column}\u0000${canonical(row[column])}\u0001`;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return ((a >>> 0) & 0xfffff) * HIGH + ((b ^ (a >>> 20)) >>> 0);
}

/** JSON with object keys sorted; `undefined` as `null`, so a dropped cell and a null one agree. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}
