export { toAggregateQuery } from './aggregate-query.js';
export type { AggregateFunction, AggregateOptions, AggregateQuery, AggregateResult, AggregateRow, Metric } from './aggregate-query.js';
export { aggregateRows, numericValue } from './aggregate-rows.js';
export { portalAggregateRows } from './portal-aggregate-rows.js';
export { soqlAggregate } from './soql-aggregate.js';
export { odsqlAggregate } from './odsql-aggregate.js';
export { sqlAggregate, sqlWhere } from './sql-aggregate.js';
