import type { AggregateQuery } from './aggregate-query.js';

const identifier = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll('`', '')}\``);

/** The SoQL `$select` and `$group` of an aggregate: `district, count(*) AS n, sum(free_spaces) AS free`. */
export function soqlAggregate(query: AggregateQuery): { $select: string; $group: string | undefined } {
  const keys = query.groupBy.map(identifier);
  const metrics = query.metrics.map((metric) => `${metric.fn}(${metric.column === undefined ? '*' : identifier(metric.column)}) AS ${identifier(metric.name)}`);
  return { $select: [...keys, ...metrics].join(', '), $group: keys.length ? keys.join(', ') : undefined };
}
