import type { DeclaredType, RawRecord } from '../portals/portal-adapter.js';

/** Turns text cells into the portal's declared types, in place: `'12.5'` → 12.5, `'true'` → true. Unreadable text stays text. */
export function coerceDeclared(rows: RawRecord[], types: ReadonlyMap<string, DeclaredType>): RawRecord[] {
  if (types.size === 0) return rows;
  for (const row of rows) {
    for (const [column, type] of types) {
      const value = row[column];
      if (typeof value !== 'string' || value.trim() === '') continue;
      if (type === 'number') {
        const number = Number(value);
        if (Number.isFinite(number)) row[column] = number;
      } else if (type === 'boolean') {
        const text = value.trim().toLowerCase();
        if (text === 'true' || text === 'false') row[column] = text === 'true';
      }
    }
  }
  return rows;
}
