import type { SodaRow, SodaType } from './soda-columns.js';
import { SocrataError } from './socrata-error.js';
import { isKeyword, tokenize } from './soql-tokens.js';

type GroupFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';

/** `$select` with aggregate functions, grouped by `$group`. */
export interface GroupedSelection {
  readonly kind: 'grouped';
  readonly keys: readonly string[];
  readonly metrics: readonly { readonly fn: GroupFunction; readonly column: string | undefined; readonly alias: string }[];
}

const FUNCTIONS = new Set(['count', 'sum', 'avg', 'min', 'max']);

/**
 * Reads `$select=district, count(*) AS n, sum(free_spaces) AS free` with `$group=district`: every
 * plain column selected must be grouped, as SODA requires; `sum`/`avg` need a number column.
 */
export function readGroupedSelect(select: string, group: string | null, types: ReadonlyMap<string, SodaType>): GroupedSelection {
  const keys = group === null ? [] : group.split(',').map((key) => key.trim().replace(/^`|`$/g, ''));
  for (const key of keys) if (!types.has(key)) throw SocrataError.noSuchColumn(key);
  const tokens = tokenize(select);
  const metrics: { fn: GroupFunction; column: string | undefined; alias: string }[] = [];
  const plain: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as (typeof tokens)[number];
    if (token.kind !== 'identifier') throw SocrataError.malformed(`Unexpected '${token.text}' in $select at position ${token.at + 1}`, { position: token.at + 1 });
    const fn = token.text.toLowerCase();
    if (FUNCTIONS.has(fn) && tokens[i + 1]?.text === '(') {
      const argument = tokens[i + 2];
      if (tokens[i + 3]?.text !== ')' || !argument) throw SocrataError.malformed(`Expected one argument to ${fn}() at position ${token.at + 1}`, { position: token.at + 1 });
      const column = argument.text === '*' && fn === 'count' ? undefined : argument.kind === 'identifier' ? argument.text : null;
      if (column === null) throw SocrataError.malformed(`${fn}() takes a column name`, { position: argument.at + 1 });
      if (column !== undefined && !types.has(column)) throw SocrataError.noSuchColumn(column);
      if ((fn === 'sum' || fn === 'avg') && column !== undefined && types.get(column) !== 'number') {
        throw SocrataError.malformed(`Function ${fn} is not defined for type ${types.get(column) ?? 'text'}`, { position: argument.at + 1 });
      }
      i += 4;
      let alias = `${fn}_${column ?? ''}`.replace(/_$/, '');
      if (isKeyword(tokens[i], 'AS')) {
        const name = tokens[i + 1];
        if (name?.kind !== 'identifier') throw SocrataError.malformed('Expected an alias after AS', { position: token.at + 1 });
        alias = name.text;
        i += 2;
      }
      metrics.push({ fn: fn as GroupFunction, column, alias });
    } else {
      if (!types.has(token.text)) throw SocrataError.noSuchColumn(token.text);
      plain.push(token.text);
      i++;
    }
    if (i < tokens.length) {
      if (tokens[i]?.text !== ',') throw SocrataError.malformed(`Expected ',' in $select at position ${(tokens[i]?.at ?? 0) + 1}`);
      i++;
    }
  }
  for (const column of plain) if (!keys.includes(column)) throw SocrataError.malformed(`column ${column} must appear in $group or be used in an aggregate function`);
  return { kind: 'grouped', keys: plain, metrics };
}

/** Groups rows and computes the metrics; values come back as SODA sends them: text. */
export function groupRows(selection: GroupedSelection, rows: Iterable<SodaRow>): Record<string, string>[] {
  const groups = new Map<string, { keys: (string | undefined)[]; count: number; sums: number[]; seen: number[]; mins: number[]; maxs: number[] }>();
  const width = selection.metrics.length;
  for (const row of rows) {
    const keys = selection.keys.map((key) => (row[key] === null || row[key] === undefined ? undefined : String(row[key])));
    const id = JSON.stringify(keys);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { keys, count: 0, sums: Array<number>(width).fill(0), seen: Array<number>(width).fill(0), mins: Array<number>(width).fill(Infinity), maxs: Array<number>(width).fill(-Infinity) }));
    group.count++;
    selection.metrics.forEach((metric, m) => {
      if (metric.column === undefined) return;
      const value = Number(row[metric.column]);
      if (row[metric.column] === null || row[metric.column] === undefined || !Number.isFinite(value)) return;
      group.sums[m] = (group.sums[m] as number) + value;
      group.seen[m] = (group.seen[m] as number) + 1;
      group.mins[m] = Math.min(group.mins[m] as number, value);
      group.maxs[m] = Math.max(group.maxs[m] as number, value);
    });
  }
  if (groups.size === 0 && selection.keys.length === 0) groups.set('[]', { keys: [], count: 0, sums: [], seen: [], mins: [], maxs: [] });
  return [...groups.values()].map((group) => {
    const out: Record<string, string> = {};
    selection.keys.forEach((key, k) => {
      const value = group.keys[k];
      if (value !== undefined) out[key] = value;
    });
    selection.metrics.forEach((metric, m) => {
      const seen = group.seen[m] ?? 0;
      const value =
        metric.fn === 'count' ? (metric.column === undefined ? group.count : seen) : seen === 0 ? undefined : metric.fn === 'sum' ? group.sums[m] : metric.fn === 'avg' ? (group.sums[m] as number) / seen : metric.fn === 'min' ? group.mins[m] : group.maxs[m];
      // Null results are omitted, like null cells.
      if (value !== undefined) out[metric.alias] = String(value);
    });
    return out;
  });
}
