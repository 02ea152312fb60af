import type { AggregateQuery } from './aggregate-query.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * A PostgreSQL `SELECT … GROUP BY` of an aggregate over a CKAN DataStore table, for
 * `datastore_search_sql`. Columns are cast to numeric so text cells holding numbers count.
 * `where` arrives as a ready condition so that its literals are escaped by the caller.
 */
export function sqlAggregate(query: AggregateQuery, table: string, where: string | undefined): string {
  const keys = query.groupBy.map(quote);
  const metrics = query.metrics.map((metric) => `${metric.fn}(${metric.column === undefined ? '*' : quote(metric.column)}) AS ${quote(metric.name)}`);
  const clauses = [`SELECT ${[...keys, ...metrics].join(', ')} FROM ${quote(table)}`];
  if (where) clauses.push(`WHERE ${where}`);
  if (keys.length) clauses.push(`GROUP BY ${keys.join(', ')}`);
  return clauses.join(' ');
}

/** A `WHERE` condition of equality filters, with SQL string literals (`'` doubled). */
export function sqlWhere(where: AggregateQuery['where']): string | undefined {
  if (!where) return undefined;
  const literal = (value: string | number | boolean | null): string =>
    value === null ? 'NULL' : typeof value === 'number' && Number.isFinite(value) ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  const parts = Object.entries(where).map(([column, value]) => {
    const values = Array.isArray(value) ? (value as readonly (string | number | boolean | null)[]) : [value as string | number | boolean | null];
    const each = values.map((one) => (one === null ? `${quote(column)} IS NULL` : `${quote(column)} = ${literal(one)}`));
    return each.length === 1 ? (each[0] as string) : `(${each.join(' OR ')})`;
  });
  return parts.length ? parts.join(' AND ') : undefined;
}
