import type { ChangesQuery } from '../portal-adapter.js';

/** Where a changes read resumes: after this (modified, key) pair, as the rows themselves carry them. */
export interface ChangesPosition {
  readonly modified: string | number;
  readonly key: string | number;
}

/** A double-quoted PostgreSQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted PostgreSQL literal, or a plain number. */
export function sqlLiteral(value: string | number): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
}

/** CKAN stores naive UTC timestamps: compare against the same rendering, without a zone. */
export function naiveUtc(date: Date): string {
  return date.toISOString().slice(0, 23);
}

/**
 * One page of a changes read: rows modified at or after `since`, strictly after `after` in
 * (modified, key) order. Keyset paging, because an offset skips rows when earlier ones change.
 */
export function changesSql(resourceId: string, query: ChangesQuery, after: ChangesPosition | undefined, limit: number): string {
  const modified = sqlIdentifier(query.modifiedColumn);
  const key = sqlIdentifier(query.key);
  const conditions: string[] = [];
  if (query.since) conditions.push(`${modified} >= ${sqlLiteral(naiveUtc(query.since))}`);
  if (after) {
    conditions.push(`(${modified} > ${sqlLiteral(after.modified)} OR (${modified} = ${sqlLiteral(after.modified)} AND ${key} > ${sqlLiteral(after.key)}))`);
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT * FROM ${sqlIdentifier(resourceId)}${where} ORDER BY ${modified}, ${key} LIMIT ${limit}`;
}
