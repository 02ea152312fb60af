/** Columns a portal adds for its own bookkeeping, not content (CKAN DataStore's row id). */
const BOOKKEEPING_COLUMNS = new Set(['_id']);

/** 2^32, to join two 32-bit halves into one exact double. */
const HIGH = 0x1_0000_0000;

/** The two lanes of the row being hashed: module state, so hashing a row allocates no strings. */
let laneA = 0;
let laneB = 0;

/** Rows of one read share their columns: the last column list and its sorted copy. */
let lastColumns: string[] = [];
let lastSorted: string[] = [];

/**
 * A 52-bit content hash of a row, the same whatever the order of its columns: two 32-bit
 * FNV-1a style lanes over a canonical rendering (columns sorted, values as JSON), joined into
 * one integer that a `Float64Array` stores exactly. Not cryptographic: it only tells "changed".
 * Each column is hashed as `name \0 json \1`; a plain string's JSON text is never built.
 */
export function contentHash(row: Readonly<Record<string, unknown>>): number {
  laneA = 0x811c9dc5;
  laneB = 0x9e3779b9;
  for (const column of sortedColumns(row)) {
    if (BOOKKEEPING_COLUMNS.has(column)) continue;
    hashText(column, '\u0000');
    const value = row[column];
    if (typeof value !== 'string' || !hashPlainString(value)) hashText(canonical(value), '\u0001');
  }
  const a = laneA;
  return ((a >>> 0) & 0xfffff) * HIGH + ((laneB ^ (a >>> 20)) >>> 0);
}

function sortedColumns(row: Readonly<Record<string, unknown>>): string[] {
  const columns = Object.keys(row);
  if (columns.length === lastColumns.length) {
    let same = true;
    for (let index = 0; index < columns.length && same; index++) same = columns[index] === lastColumns[index];
    if (same) return lastSorted;
  }
  lastColumns = columns;
  lastSorted = [...columns].sort();
  return lastSorted;
}

/** Feeds `text` then `suffix` to the lanes. */
function hashText(text: string, suffix: string): void {
  let a = laneA;
  let b = laneB;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  for (let index = 0; index < suffix.length; index++) {
    const code = suffix.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  laneA = a;
  laneB = b;
}

/**
 * Feeds `"value"` and the column end when that is the string's JSON text, i.e. nothing in it
 * needs escaping (quote, backslash, control character; surrogates may be escaped). Otherwise
 * leaves the lanes untouched and returns `false`.
 */
function hashPlainString(value: string): boolean {
  let a = Math.imul(laneA ^ 0x22, 0x01000193);
  let b = Math.imul(laneB ^ 0x22, 0x5bd1e995);
  b ^= b >>> 15;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x22 || code === 0x5c || code < 0x20 || (code >= 0xd800 && code <= 0xdfff)) return false;
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  laneA = a;
  laneB = b;
  hashText('', '"\u0001');
  return true;
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
