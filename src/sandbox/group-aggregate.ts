/** An aggregate a flavor's query language asked for: `count(*)`, `sum(col)`, … named `alias`. */
export interface GroupMetric {
  readonly fn: 'count' | 'sum' | 'avg' | 'min' | 'max';
  /** The column read; absent for `count(*)`. */
  readonly column?: string;
  readonly alias: string;
}

const numberOf = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
};

/**
 * Groups records by `keys` and computes each metric per group, as a SQL `GROUP BY` does: `count`
 * counts rows (non-null cells when it names a column), the others skip cells that are not
 * numbers and give `null` for a group without any. Groups come ordered by their keys.
 */
export function groupAggregate(records: Iterable<Record<string, unknown>>, keys: readonly string[], metrics: readonly GroupMetric[]): Record<string, unknown>[] {
  const groups = new Map<string, { key: unknown[]; count: number[]; sum: number[]; seen: number[]; min: number[]; max: number[] }>();
  for (const record of records) {
    const key = keys.map((name) => record[name] ?? null);
    const id = JSON.stringify(key);
    let group = groups.get(id);
    if (!group) {
      const zeros = () => metrics.map(() => 0);
      group = { key, count: zeros(), sum: zeros(), seen: zeros(), min: metrics.map(() => Infinity), max: metrics.map(() => -Infinity) };
      groups.set(id, group);
    }
    metrics.forEach((metric, index) => {
      if (metric.fn === 'count') {
        if (metric.column === undefined || (record[metric.column] ?? null) !== null) group.count[index]! += 1;
        return;
      }
      const value = numberOf(record[metric.column ?? '']);
      if (value === undefined) return;
      group.seen[index]! += 1;
      group.sum[index]! += value;
      group.min[index] = Math.min(group.min[index]!, value);
      group.max[index] = Math.max(group.max[index]!, value);
    });
  }
  const rows = [...groups.values()].map((group) => {
    const row: Record<string, unknown> = {};
    keys.forEach((name, index) => (row[name] = group.key[index]));
    metrics.forEach((metric, index) => {
      const seen = group.seen[index]!;
      if (metric.fn === 'count') row[metric.alias] = group.count[index];
      else if (seen === 0) row[metric.alias] = null;
      else if (metric.fn === 'sum') row[metric.alias] = group.sum[index];
      else if (metric.fn === 'avg') row[metric.alias] = group.sum[index]! / seen;
      else row[metric.alias] = metric.fn === 'min' ? group.min[index] : group.max[index];
    });
    return row;
  });
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  return rows.sort((a, b) => {
    for (const name of keys) {
      const order = text(a[name]) < text(b[name]) ? -1 : text(a[name]) > text(b[name]) ? 1 : 0;
      if (order !== 0) return order;
    }
    return 0;
  });
}

const METRIC = /^\s*(count|sum|avg|min|max)\s*\(\s*(\*|`[^`]+`|"[^"]+"|[\p{L}\p{N}_]+)\s*\)\s+as\s+(`[^`]+`|"[^"]+"|[\p{L}\p{N}_]+)\s*$/iu;

/** Reads `sum(col) as x` (ODSQL and SQL alike); `undefined` when the text is not an aggregate. */
export function parseGroupMetric(text: string): GroupMetric | undefined {
  const match = METRIC.exec(text);
  if (!match) return undefined;
  const unquote = (name: string) => name.replace(/^[`"](.*)[`"]$/, '$1');
  const fn = (match[1] as string).toLowerCase() as GroupMetric['fn'];
  const column = match[2] === '*' ? undefined : unquote(match[2] as string);
  if (column === undefined && fn !== 'count') return undefined;
  return { fn, alias: unquote(match[3] as string), ...(column === undefined ? {} : { column }) };
}
