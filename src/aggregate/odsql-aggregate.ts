import { odsqlField } from '../portals/opendatasoft/odsql-filter.js';
import type { AggregateQuery } from './aggregate-query.js';

/** The ODSQL `select` and `group_by` of an aggregate: `district, count(*) as n, sum(free_spaces) as free`. */
export function odsqlAggregate(query: AggregateQuery): { select: string; group_by: string | undefined } {
  const keys = query.groupBy.map(odsqlField);
  const metrics = query.metrics.map((metric) => `${metric.fn}(${metric.column === undefined ? '*' : odsqlField(metric.column)}) as ${odsqlField(metric.name)}`);
  return { select: [...keys, ...metrics].join(', '), group_by: keys.length ? keys.join(', ') : undefined };
}
