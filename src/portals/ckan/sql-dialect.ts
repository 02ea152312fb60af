import type { AggregateQuery, WhereFilter } from '../portal-adapter.js';

/**
 * PostgreSQL as CKAN's `datastore_search_sql` runs it. Every identifier and literal a ckan query
 * writes goes through these two functions, so there is one escaping rule to review.
 */

/** A double-quoted PostgreSQL identifier (`"` doubled): a column or table name can never end it. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A PostgreSQL literal: `NULL`, a finite number bare, anything else single-quoted with `'` doubled. */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
}

/** A `WHERE` condition of equality filters: lists become `OR`s, `null` becomes `IS NULL`. */
function sqlWhere(where: WhereFilter | undefined): string | undefined {
  if (!where) return undefined;
  const parts = Object.entries(where).map(([column, value]) => {
    const values = Array.isArray(value) ? (value as readonly (string | number | boolean | null)[]) : [value as string | number | boolean | null];
    const each = values.map((one) => (one === null ? `${quoteIdentifier(column)} IS NULL` : `${quoteIdentifier(column)} = ${quoteLiteral(one)}`));
    return each.length === 1 ? (each[0] as string) : `(${each.join(' OR ')})`;
  });
  return parts.length ? parts.join(' AND ') : undefined;
}

/**
 * A `SELECT … GROUP BY` of an aggregate over a DataStore table, with the query's equality filters.
 * The portal answers one row per group, keys and metrics named as the query names them.
 */
export function sqlAggregate(query: AggregateQuery, table: string): string {
  const keys = query.groupBy.map(quoteIdentifier);
  const metrics = query.metrics.map((metric) => `${metric.fn}(${metric.column === undefined ? '*' : quoteIdentifier(metric.column)}) AS ${quoteIdentifier(metric.name)}`);
  const clauses = [`SELECT ${[...keys, ...metrics].join(', ')} FROM ${quoteIdentifier(table)}`];
  const where = sqlWhere(query.where);
  if (where) clauses.push(`WHERE ${where}`);
  if (keys.length) clauses.push(`GROUP BY ${keys.join(', ')}`);
  return clauses.join(' ');
}
