import { ArgumentError } from '../errors/argument-error.js';
import type { AggregateFunction, AggregateQuery, CallOptions, WhereFilter } from '../portals/portal-adapter.js';

/** One metric: `'count'`, or a function and the column it reads, e.g. `['sum', 'KXBW']`. */
export type Metric = 'count' | readonly ['sum' | 'avg' | 'min' | 'max', string];

/** Options of `datasets.aggregate`. */
export interface AggregateOptions extends CallOptions {
  /** Equality filters applied before grouping. */
  readonly where?: WhereFilter | undefined;
  /** Columns to group by; none gives one row for the whole dataset. */
  readonly groupBy?: string | readonly string[] | undefined;
  /**
   * Result name → metric.
   * @example { n: 'count', free: ['sum', 'KXBW'] }
   */
  readonly metrics: Readonly<Record<string, Metric>>;
  /** `false` always streams the rows and aggregates on the client. @default true */
  readonly pushdown?: boolean | undefined;
}

/** One result row: the group's key columns, then each metric (`null` when no row had a number). */
export type AggregateRow = Record<string, string | number | null>;

/** What `datasets.aggregate` resolves to. */
export interface AggregateResult {
  /** One row per group, ordered by the group keys. */
  readonly rows: AggregateRow[];
  /** `portal` when the portal computed it (only results crossed the wire), `client` when rows were streamed. */
  readonly computedBy: 'portal' | 'client';
}

const FUNCTIONS = new Set(['sum', 'avg', 'min', 'max']);
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Checks `aggregate` options and turns them into an {@link AggregateQuery}; bad input is an `ArgumentError`. */
export function toAggregateQuery(options: AggregateOptions): AggregateQuery {
  if (typeof options !== 'object' || options === null) throw new ArgumentError('aggregate needs options with metrics');
  const groupBy = options.groupBy === undefined ? [] : typeof options.groupBy === 'string' ? [options.groupBy] : [...options.groupBy];
  for (const column of groupBy) if (typeof column !== 'string' || !NAME.test(column)) throw new ArgumentError(`groupBy: not a column name: ${String(column)}`);
  const entries = typeof options.metrics === 'object' && options.metrics !== null ? Object.entries(options.metrics) : [];
  if (entries.length === 0) throw new ArgumentError('aggregate needs at least one metric, e.g. { n: "count" }');
  const metrics = entries.map(([name, metric]) => {
    if (!NAME.test(name) || groupBy.includes(name)) throw new ArgumentError(`metric name ${JSON.stringify(name)} must be a plain name that is not a groupBy column`);
    if (metric === 'count') return { name, fn: 'count' as const };
    if (Array.isArray(metric) && metric.length === 2 && FUNCTIONS.has(metric[0]) && typeof metric[1] === 'string' && NAME.test(metric[1])) {
      return { name, fn: metric[0] as AggregateFunction, column: metric[1] as string };
    }
    throw new ArgumentError(`metric ${name}: expected 'count' or [sum|avg|min|max, column], got ${JSON.stringify(metric)}`);
  });
  return { ...(options.where ? { where: options.where } : {}), groupBy, metrics };
}
