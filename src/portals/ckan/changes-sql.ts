import type { ChangesQuery } from '../portal-adapter.js';
import { quoteIdentifier, quoteLiteral } from './sql-dialect.js';

/** Where a changes read resumes: after this (modified, key) pair, as the rows themselves carry them. */
export interface ChangesPosition {
  readonly modified: string | number;
  readonly key: string | number;
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
  const modified = quoteIdentifier(query.modifiedColumn);
  const key = quoteIdentifier(query.key);
  const conditions: string[] = [];
  if (query.since) conditions.push(`${modified} >= ${quoteLiteral(naiveUtc(query.since))}`);
  if (after) {
    conditions.push(`(${modified} > ${quoteLiteral(after.modified)} OR (${modified} = ${quoteLiteral(after.modified)} AND ${key} > ${quoteLiteral(after.key)}))`);
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT * FROM ${quoteIdentifier(resourceId)}${where} ORDER BY ${modified}, ${key} LIMIT ${limit}`;
}
