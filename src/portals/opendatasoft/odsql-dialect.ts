import { ArgumentError } from '../../errors/index.js';
import type { AggregateQuery, OrderBy, WhereFilter } from '../portal-adapter.js';

/**
 * ODSQL as Opendatasoft's Explore API v2.1 reads it. Every identifier and literal an opendatasoft
 * query writes goes through these functions, so there is one escaping rule to review.
 */

/** A field name in backquotes when it is not a plain identifier; a backquote inside is refused. */
export function quoteIdentifier(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  if (name === '' || name.includes('`')) throw new ArgumentError(`Cannot use ${JSON.stringify(name)} as an Opendatasoft field name`);
  return `\`${name}\``;
}

/**
 * An ODSQL literal: `null`, a finite number or a boolean bare, text in double quotes with `\` and
 * `"` escaped, so a value can never end the literal.
 */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArgumentError(`Cannot filter on ${String(value)}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** An ODSQL date literal (`date'…'`); the value's own quotes are escaped so it can never end the literal. */
export function quoteDate(value: string): string {
  return `date'${value.replace(/[\\']/g, '\\$&')}'`;
}

function condition(field: string, value: string | number | boolean | null): string {
  return value === null ? `${quoteIdentifier(field)} is null` : `${quoteIdentifier(field)} = ${quoteLiteral(value)}`;
}

/**
 * The unified equality filters and full text as one ODSQL `where`: `a = "x" and (b = 1 or b = 2)
 * and search("text")`. `undefined` when there is nothing to filter.
 */
export function odsqlWhere(where: WhereFilter | undefined, q: string | undefined): string | undefined {
  const clauses: string[] = [];
  for (const [field, value] of Object.entries(where ?? {})) {
    if (Array.isArray(value)) {
      const list = value as readonly (string | number | boolean | null)[];
      if (list.length === 0) throw new ArgumentError(`where.${field} is an empty list: it would match no row`);
      clauses.push(`(${list.map((item) => condition(field, item)).join(' or ')})`);
    } else clauses.push(condition(field, value as string | number | boolean | null));
  }
  if (q !== undefined && q.trim() !== '') clauses.push(`search(${quoteLiteral(q)})`);
  return clauses.length ? clauses.join(' and ') : undefined;
}

/** `order_by`: `a asc, b desc`. */
export function odsqlOrderBy(orderBy: readonly OrderBy[] | undefined): string | undefined {
  return orderBy?.length ? orderBy.map((order) => `${quoteIdentifier(order.field)} ${order.direction}`).join(', ') : undefined;
}

/** The ODSQL `select` and `group_by` of an aggregate: `district, count(*) as n, sum(free_spaces) as free`. */
export function odsqlAggregate(query: AggregateQuery): { select: string; group_by: string | undefined } {
  const keys = query.groupBy.map(quoteIdentifier);
  const metrics = query.metrics.map((metric) => `${metric.fn}(${metric.column === undefined ? '*' : quoteIdentifier(metric.column)}) as ${quoteIdentifier(metric.name)}`);
  return { select: [...keys, ...metrics].join(', '), group_by: keys.length ? keys.join(', ') : undefined };
}
