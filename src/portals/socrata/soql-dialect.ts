import type { AggregateQuery, WhereFilter } from '../portal-adapter.js';

/**
 * SoQL as SODA 2.1 reads it. Every identifier and literal a socrata query writes goes through
 * these two functions, so there is one escaping rule to review.
 */

/** A SoQL identifier: plain when it is one, else in backquotes (system fields keep their colon). */
export function quoteIdentifier(name: string): string {
  return /^:?[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll('`', '')}\``;
}

/** A SoQL literal: numbers and booleans bare, text single-quoted with quotes doubled. */
export function quoteLiteral(value: string | number | boolean): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Equality filters as a SoQL `$where`: lists become `IN (…)`, `null` becomes `IS NULL`. */
export function soqlWhere(where: WhereFilter): string | undefined {
  const parts: string[] = [];
  for (const [column, expected] of Object.entries(where)) {
    const name = quoteIdentifier(column);
    const values = Array.isArray(expected) ? (expected as readonly (string | number | boolean | null)[]) : [expected as string | number | boolean | null];
    const present = values.filter((value): value is string | number | boolean => value !== null);
    const terms: string[] = [];
    if (present.length === 1) terms.push(`${name} = ${quoteLiteral(present[0] as string | number | boolean)}`);
    else if (present.length > 1) terms.push(`${name} IN (${present.map(quoteLiteral).join(', ')})`);
    if (present.length < values.length) terms.push(`${name} IS NULL`);
    // An empty list matches nothing: every row has an `:id`.
    if (terms.length === 0) terms.push(':id IS NULL');
    parts.push(terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : undefined;
}

/** The SoQL `$select` and `$group` of an aggregate: `district, count(*) AS n, sum(free_spaces) AS free`. */
export function soqlAggregate(query: AggregateQuery): { $select: string; $group: string | undefined } {
  const keys = query.groupBy.map(quoteIdentifier);
  const metrics = query.metrics.map((metric) => `${metric.fn}(${metric.column === undefined ? '*' : quoteIdentifier(metric.column)}) AS ${quoteIdentifier(metric.name)}`);
  return { $select: [...keys, ...metrics].join(', '), $group: keys.length ? keys.join(', ') : undefined };
}
