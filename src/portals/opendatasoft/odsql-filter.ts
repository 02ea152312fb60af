import { ArgumentError } from '../../errors/index.js';
import type { OrderBy, WhereFilter } from '../portal-adapter.js';

/** An ODSQL string literal: double quotes, with `\` and `"` escaped, so a value can never end the literal. */
export function odsqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** A field name in backquotes when it is not a plain identifier; a backquote inside is refused. */
export function odsqlField(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  if (name === '' || name.includes('`')) throw new ArgumentError(`Cannot use ${JSON.stringify(name)} as an Opendatasoft field name`);
  return `\`${name}\``;
}

function literal(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArgumentError(`Cannot filter on ${String(value)}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return odsqlString(value);
}

function condition(field: string, value: string | number | boolean | null): string {
  return value === null ? `${odsqlField(field)} is null` : `${odsqlField(field)} = ${literal(value)}`;
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
  if (q !== undefined && q.trim() !== '') clauses.push(`search(${odsqlString(q)})`);
  return clauses.length ? clauses.join(' and ') : undefined;
}

/** `order_by`: `a asc, b desc`. */
export function odsqlOrderBy(orderBy: readonly OrderBy[] | undefined): string | undefined {
  return orderBy?.length ? orderBy.map((order) => `${odsqlField(order.field)} ${order.direction}`).join(', ') : undefined;
}
