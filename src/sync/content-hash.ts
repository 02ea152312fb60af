/** Columns a portal adds for its own bookkeeping, not content (CKAN DataStore's row id). */
const BOOKKEEPING_COLUMNS = new Set(['_id']);

/** 2^32, to join two 32-bit halves into one exact double. */
const HIGH = 0x1_0000_0000;

/** The lanes' multipliers: FNV-1a's prime, and MurmurHash2's for the second lane. */
const PRIME_A = 0x01000193;
const PRIME_B = 0x5bd1e995;

/** The two lanes while a value that is not a plain string is fed: module state, so no pair is allocated. */
let laneA = 0;
let laneB = 0;

/** Rows of one read share their columns: the last column list and its sorted copy, bookkeeping left out. */
let lastColumns: string[] = [];
let lastSorted: string[] = [];

/**
 * A 52-bit content hash of a row, the same whatever the order of its columns: two 32-bit
 * FNV-1a style lanes over a canonical rendering (columns sorted, values as JSON), joined into
 * one integer that a `Float64Array` stores exactly. Not cryptographic: it only tells "changed".
 * Each column is hashed as `name \0 json \1`; a plain string's JSON text is never built.
 */
export function contentHash(row: Readonly<Record<string, unknown>>): number {
  const columns = sortedColumns(row);
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  // One function with the lanes in locals: this loop runs for every character of every pulled row.
  for (let column = 0; column < columns.length; column++) {
    const name = columns[column] as string;
    for (let index = 0; index < name.length; index++) {
      const code = name.charCodeAt(index);
      a = Math.imul(a ^ code, PRIME_A);
      b = Math.imul(b ^ code, PRIME_B);
      b ^= b >>> 15;
    }
    // The `\0` after the name: x ^ 0 is x.
    a = Math.imul(a, PRIME_A);
    b = Math.imul(b, PRIME_B);
    b ^= b >>> 15;
    const value = row[name];
    let plain = typeof value === 'string';
    if (plain) {
      // `"value"` is the string's JSON text when nothing in it needs escaping; else start over below.
      const text = value as string;
      let quotedA = Math.imul(a ^ 0x22, PRIME_A);
      let quotedB = Math.imul(b ^ 0x22, PRIME_B);
      quotedB ^= quotedB >>> 15;
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if ((code <= 0x5c && (code < 0x20 || code === 0x22 || code === 0x5c)) || (code & 0xf800) === 0xd800) {
          plain = false;
          break;
        }
        quotedA = Math.imul(quotedA ^ code, PRIME_A);
        quotedB = Math.imul(quotedB ^ code, PRIME_B);
        quotedB ^= quotedB >>> 15;
      }
      if (plain) {
        a = Math.imul(quotedA ^ 0x22, PRIME_A);
        b = Math.imul(quotedB ^ 0x22, PRIME_B);
        b ^= b >>> 15;
      }
    }
    if (!plain) {
      laneA = a;
      laneB = b;
      hashText(canonical(value));
      a = laneA;
      b = laneB;
    }
    // The `\1` that ends the column.
    a = Math.imul(a ^ 1, PRIME_A);
    b = Math.imul(b ^ 1, PRIME_B);
    b ^= b >>> 15;
  }
  return ((a >>> 0) & 0xfffff) * HIGH + ((b ^ (a >>> 20)) >>> 0);
}

function sortedColumns(row: Readonly<Record<string, unknown>>): string[] {
  const columns = Object.keys(row);
  if (columns.length === lastColumns.length) {
    let same = true;
    for (let index = 0; index < columns.length && same; index++) same = columns[index] === lastColumns[index];
    if (same) return lastSorted;
  }
  lastColumns = columns;
  lastSorted = columns.filter((column) => !BOOKKEEPING_COLUMNS.has(column)).sort();
  return lastSorted;
}

/** Feeds `text` to the module lanes. */
function hashText(text: string): void {
  let a = laneA;
  let b = laneB;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, PRIME_A);
    b = Math.imul(b ^ code, PRIME_B);
    b ^= b >>> 15;
  }
  laneA = a;
  laneB = b;
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
