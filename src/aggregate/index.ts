export { toAggregateQuery } from './aggregate-query.js';
export type { AggregateOptions, AggregateResult, AggregateRow, Metric } from './aggregate-query.js';
export type { AggregateFunction, AggregateQuery } from '../portals/portal-adapter.js';
export { aggregateRows, numericValue } from './aggregate-rows.js';
export { portalAggregateRows } from './portal-aggregate-rows.js';
