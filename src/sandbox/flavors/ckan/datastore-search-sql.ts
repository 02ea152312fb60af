import type { Row } from '../../data/dataset-definition.js';
import type { DatasetState } from '../../dataset-state.js';
import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { assertReadable, findResource } from './dataset-lookup.js';
import { datastoreCell, datastoreFields, datastoreRecord, type DatastoreField, type DatastoreRecord } from './datastore-fields.js';
import { DATASTORE_MAX_ROWS } from './datastore-search.js';
import { readString } from './param-validators.js';
import { groupAggregate, type GroupMetric } from '../../group-aggregate.js';

type Literal = string | number;

/** A row that may match, with its ORDER BY values rendered. */
interface Candidate {
  readonly position: number;
  readonly row: Row;
  readonly sortKeys: readonly (Literal | null)[];
  /** Epoch ms of each timestamp sort key, `NaN` where there is none: parsed once, not per comparison. */
  readonly sortTimes: readonly number[];
}
type Condition =
  | { readonly kind: 'compare'; readonly field: string; readonly op: '=' | '<' | '<=' | '>' | '>='; readonly value: Literal }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition };

interface SelectStatement {
  readonly columns: readonly string[] | '*';
  /** Aggregate functions in the select list (`count(*) AS n`), computed per `groupBy` group. */
  readonly metrics: readonly GroupMetric[];
  readonly groupBy: readonly string[];
  readonly table: string;
  readonly where: Condition | undefined;
  readonly orderBy: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
  readonly limit: number | undefined;
  readonly offset: number;
}

/**
 * `datastore_search_sql`: a read-only `SELECT` over one DataStore table. The sandbox speaks the
 * subset incremental readers and aggregates need: `SELECT * | "col" | fn("col" | *) AS "name", …
 * FROM "resource" [WHERE cmp {AND|OR} …] [GROUP BY "col", …] [ORDER BY "col" [ASC|DESC], …]
 * [LIMIT n] [OFFSET n]` with `fn` one of count, sum, avg, min, max, where `cmp` compares a column with a
 * quoted string or a number and parentheses group. Anything else gets PostgreSQL's syntax error,
 * as a 409 Validation Error carrying it under `query`, like CKAN's.
 */
export function datastoreSearchSql(request: ActionRequest): unknown {
  const sql = readString(request.params, 'sql');
  if (!sql) throw CkanActionError.validation({ sql: 'Missing value' });
  const statement = parseSelect(sql);
  const state = findResource(request.context, statement.table);
  if (!state) throw new CkanActionError(409, { __type: 'Validation Error', query: [`relation "${statement.table}" does not exist`] });
  assertReadable(request.context, state, request.authorized, 'resource');

  const tableFields = datastoreFields(state.definition);
  const byId = new Map(tableFields.map((field) => [field.id, field]));
  const selected = statement.columns === '*' ? tableFields : statement.columns.map((name) => fieldOrFail(byId, name));
  for (const order of statement.orderBy) fieldOrFail(byId, order.field);
  if (statement.where) checkFields(statement.where, byId);
  if (statement.metrics.length || statement.groupBy.length) return groupedAnswer(sql, statement, state, byId, selected);

  const stamps: StampCache = new Map();
  // An incremental reader asks for `updated_at >= T`; after the base data only mutated rows can
  // match, and the dataset state lists those without generating the rest.
  const since = statement.where ? lowerBound(statement.where, 'updated_at') : undefined;
  const candidates = since ? state.positionsUpdatedSince(since) : undefined;
  const positions = candidates ?? allPositions(state.count);
  // Only rows stamped at or after the bound can match: the others are not rendered whole.
  const floor = candidates && since && byId.get('updated_at')?.type === 'timestamp' ? since.getTime() : undefined;
  const stampOf = datastoreCell(state.definition, 'updated_at');
  const sortCells = statement.orderBy.map((order) => datastoreCell(state.definition, order.field));
  const sortFields = statement.orderBy.map((order) => byId.get(order.field) as DatastoreField);
  const ordered: Candidate[] = [];
  for (const position of positions) {
    const row = state.rowAt(position);
    if (!row) continue;
    if (floor !== undefined && stampOf) {
      const stamp = stampOf(row);
      if (typeof stamp === 'string' && cachedTimestampMs(stamp, stamps) < floor) continue;
    }
    // `_id` is the one ordered field that is not a column.
    const sortKeys = sortCells.map((cell) => (cell ? cell(row) : (state.rowIdAt(position) as number)));
    const sortTimes = sortKeys.map((key, index) => (key !== null && sortFields[index]?.type === 'timestamp' ? cachedTimestampMs(key, stamps) : Number.NaN));
    ordered.push({ position, row, sortKeys, sortTimes });
  }
  if (statement.orderBy.length) {
    // Sorting on the ordered columns alone, then rendering and filtering in that order, returns
    // what sorting the rendered matches would (the sort is stable) without rendering every row.
    ordered.sort((a, b) => {
      for (let index = 0; index < statement.orderBy.length; index++) {
        const order = statement.orderBy[index] as SelectStatement['orderBy'][number];
        const left = a.sortTimes[index] as number;
        const right = b.sortTimes[index] as number;
        // Two parsed timestamps compare as compareValues would compare them.
        const result = !Number.isNaN(left) && !Number.isNaN(right) ? left - right : compareValues(a.sortKeys[index] ?? null, b.sortKeys[index] ?? null, sortFields[index] as DatastoreField, stamps);
        if (result !== 0) return order.direction === 'asc' ? result : -result;
      }
      return 0;
    });
  }
  const limit = Math.min(statement.limit ?? DATASTORE_MAX_ROWS, DATASTORE_MAX_ROWS);
  // Without a LIMIT at or under rows_max every match is counted, to flag a cut answer.
  const countAll = statement.limit === undefined || statement.limit > DATASTORE_MAX_ROWS;
  const matching: DatastoreRecord[] = [];
  for (const candidate of ordered) {
    if (!countAll && matching.length >= statement.offset + limit) break;
    const record = datastoreRecord(state.definition, candidate.row, state.rowIdAt(candidate.position) as number);
    if (!statement.where || evaluate(statement.where, record, byId, stamps)) matching.push(record);
  }
  const rows = matching.slice(statement.offset, statement.offset + limit);
  const records = rows.map((record) => {
    const out: DatastoreRecord = {};
    for (const field of selected) out[field.id] = record[field.id] ?? null;
    return out;
  });
  const result: Record<string, unknown> = { sql, records, fields: selected };
  // CKAN flags answers cut at rows_max rather than failing them.
  if (countAll && matching.length - statement.offset > DATASTORE_MAX_ROWS) result['records_truncated'] = true;
  return result;
}

/** A `GROUP BY` answer: one record per group, keys then aggregates, ordered by the keys. */
function groupedAnswer(sql: string, statement: SelectStatement, state: DatasetState, byId: ReadonlyMap<string, DatastoreField>, selected: readonly DatastoreField[]): unknown {
  for (const field of selected) {
    if (!statement.groupBy.includes(field.id)) throw new CkanActionError(409, { __type: 'Validation Error', query: [`column "${field.id}" must appear in the GROUP BY clause or be used in an aggregate function`] });
  }
  for (const name of statement.groupBy) fieldOrFail(byId, name);
  for (const metric of statement.metrics) if (metric.column !== undefined) fieldOrFail(byId, metric.column);
  const matching: DatastoreRecord[] = [];
  for (let position = 0; position < state.count; position++) {
    const record = recordAt(state, position);
    if (record && (!statement.where || evaluate(statement.where, record, byId))) matching.push(record);
  }
  const groups = groupAggregate(matching, statement.groupBy, statement.metrics);
  const limit = Math.min(statement.limit ?? DATASTORE_MAX_ROWS, DATASTORE_MAX_ROWS);
  const fields = [...selected, ...statement.metrics.map((metric) => ({ id: metric.alias, type: metric.fn === 'count' ? 'int8' : 'numeric' }))];
  return { sql, records: groups.slice(statement.offset, statement.offset + limit), fields };
}

function* allPositions(count: number): Generator<number> {
  for (let position = 0; position < count; position++) yield position;
}

/**
 * The instant a condition requires `field` to be at or after, when every match must be: the
 * later of an AND's bounds, the earlier of an OR's (a keyset page's `f > t OR (f = t AND …)` is bounded by t).
 */
function lowerBound(condition: Condition, field: string): Date | undefined {
  if (condition.kind !== 'compare') {
    const left = lowerBound(condition.left, field);
    const right = lowerBound(condition.right, field);
    if (condition.kind === 'or') return left && right ? (left < right ? left : right) : undefined;
    return left && right ? (left > right ? left : right) : (left ?? right);
  }
  if (condition.field !== field || (condition.op !== '>' && condition.op !== '>=' && condition.op !== '=')) return undefined;
  // Read as the comparison reads it, so the bound never excludes a row the filter keeps.
  const ms = timestampMs(condition.value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function recordAt(state: DatasetState, position: number): DatastoreRecord | undefined {
  const row = state.rowAt(position);
  return row ? datastoreRecord(state.definition, row, state.rowIdAt(position) as number) : undefined;
}

function fieldOrFail(byId: ReadonlyMap<string, DatastoreField>, name: string): DatastoreField {
  const field = byId.get(name);
  if (!field) throw new CkanActionError(409, { __type: 'Validation Error', query: [`column "${name}" does not exist`] });
  return field;
}

function checkFields(condition: Condition, byId: ReadonlyMap<string, DatastoreField>): void {
  if (condition.kind === 'compare') fieldOrFail(byId, condition.field);
  else {
    checkFields(condition.left, byId);
    checkFields(condition.right, byId);
  }
}

function evaluate(condition: Condition, record: DatastoreRecord, byId: ReadonlyMap<string, DatastoreField>, stamps?: StampCache): boolean {
  if (condition.kind !== 'compare') {
    const left = evaluate(condition.left, record, byId, stamps);
    return condition.kind === 'and' ? left && evaluate(condition.right, record, byId, stamps) : left || evaluate(condition.right, record, byId, stamps);
  }
  const value = record[condition.field] ?? null;
  // SQL: a comparison with NULL is never true.
  if (value === null) return false;
  const result = compareValues(value, condition.value, byId.get(condition.field) as DatastoreField, stamps);
  switch (condition.op) {
    case '=':
      return result === 0;
    case '<':
      return result < 0;
    case '<=':
      return result <= 0;
    case '>':
      return result > 0;
    case '>=':
      return result >= 0;
  }
}

/**
 * Parsed timestamps of one statement by their text: a filter and a sort compare the same cells
 * many times, and parsing dominated the cost of a query.
 */
type StampCache = Map<Literal, number>;

/** Compares as PostgreSQL would for the column's type; NULLs sort last, as in ascending order. */
function compareValues(a: Literal | null, b: Literal | null, field: DatastoreField, stamps?: StampCache): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (field.type === 'timestamp') {
    const left = stamps ? cachedTimestampMs(a, stamps) : timestampMs(a);
    const right = stamps ? cachedTimestampMs(b, stamps) : timestampMs(b);
    if (!Number.isNaN(left) && !Number.isNaN(right)) return left - right;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (field.type !== 'text' && Number.isFinite(Number(a)) && Number.isFinite(Number(b))) return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function cachedTimestampMs(value: Literal, stamps: StampCache): number {
  let time = stamps.get(value);
  if (time === undefined) {
    time = timestampMs(value);
    stamps.set(value, time);
  }
  return time;
}

/** A naive timestamp is UTC in the DataStore. */
function timestampMs(value: Literal): number {
  const text = String(value);
  return Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
}

type Token = { readonly kind: 'ident' | 'word' | 'string' | 'number' | 'symbol'; readonly text: string };

function syntaxError(near: string | undefined): CkanActionError {
  const message = near === undefined ? 'syntax error at end of input' : `syntax error at or near "${near}"`;
  return new CkanActionError(409, { __type: 'Validation Error', query: [message] });
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < sql.length) {
    const char = sql[index] as string;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '"' || char === "'") {
      let text = '';
      index++;
      for (;;) {
        if (index >= sql.length) throw syntaxError(undefined);
        const next = sql[index] as string;
        if (next === char) {
          // A doubled quote is the quote itself.
          if (sql[index + 1] === char) {
            text += char;
            index += 2;
            continue;
          }
          index++;
          break;
        }
        text += next;
        index++;
      }
      tokens.push({ kind: char === '"' ? 'ident' : 'string', text });
    } else if (/[0-9-]/.test(char) && /[0-9]/.test(sql[index + (char === '-' ? 1 : 0)] ?? '')) {
      const match = /^-?\d+(?:\.\d+)?/.exec(sql.slice(index)) as RegExpExecArray;
      tokens.push({ kind: 'number', text: match[0] });
      index += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(index)) as RegExpExecArray;
      tokens.push({ kind: 'word', text: match[0] });
      index += match[0].length;
    } else {
      const two = sql.slice(index, index + 2);
      const symbol = two === '>=' || two === '<=' ? two : char;
      if (!['*', ',', '(', ')', '=', '<', '>', '>=', '<=', ';'].includes(symbol)) throw syntaxError(symbol);
      tokens.push({ kind: 'symbol', text: symbol });
      index += symbol.length;
    }
  }
  return tokens;
}

function parseSelect(sql: string): SelectStatement {
  const tokens = tokenize(sql);
  if (tokens[tokens.length - 1]?.text === ';') tokens.pop();
  let position = 0;
  const peek = () => tokens[position];
  const isWord = (word: string) => peek()?.kind === 'word' && peek()?.text.toUpperCase() === word;
  const expectWord = (word: string) => {
    if (!isWord(word)) throw syntaxError(peek()?.text);
    position++;
  };
  const expectSymbol = (symbol: string) => {
    if (peek()?.kind !== 'symbol' || peek()?.text !== symbol) throw syntaxError(peek()?.text);
    position++;
  };
  const column = (): string => {
    const token = peek();
    if (!token || (token.kind !== 'ident' && token.kind !== 'word')) throw syntaxError(token?.text);
    position++;
    return token.text;
  };
  const natural = (): number => {
    const token = peek();
    if (token?.kind !== 'number' || !/^\d+$/.test(token.text)) throw syntaxError(token?.text);
    position++;
    return Number(token.text);
  };
  const comparison = (): Condition => {
    if (peek()?.kind === 'symbol' && peek()?.text === '(') {
      position++;
      const inner = disjunction();
      expectSymbol(')');
      return inner;
    }
    const field = column();
    const op = peek();
    if (op?.kind !== 'symbol' || !['=', '<', '<=', '>', '>='].includes(op.text)) throw syntaxError(op?.text);
    position++;
    const literal = peek();
    if (literal?.kind !== 'string' && literal?.kind !== 'number') throw syntaxError(literal?.text);
    position++;
    return { kind: 'compare', field, op: op.text as '=' | '<' | '<=' | '>' | '>=', value: literal.kind === 'number' ? Number(literal.text) : literal.text };
  };
  const conjunction = (): Condition => {
    let left = comparison();
    while (isWord('AND')) {
      position++;
      left = { kind: 'and', left, right: comparison() };
    }
    return left;
  };
  const disjunction = (): Condition => {
    let left = conjunction();
    while (isWord('OR')) {
      position++;
      left = { kind: 'or', left, right: conjunction() };
    }
    return left;
  };

  const metrics: GroupMetric[] = [];
  const FUNCTIONS = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'];
  /** A plain column, or an aggregate `fn("col" | *) AS "name"` kept in `metrics` (then `undefined`). */
  const selectItem = (): string | undefined => {
    const token = peek();
    const next = tokens[position + 1];
    if (token?.kind !== 'word' || !FUNCTIONS.includes(token.text.toUpperCase()) || next?.text !== '(' || next.kind !== 'symbol') return column();
    position += 2;
    let argument: string | undefined;
    if (peek()?.kind === 'symbol' && peek()?.text === '*') position++;
    else argument = column();
    expectSymbol(')');
    expectWord('AS');
    const fn = token.text.toLowerCase() as GroupMetric['fn'];
    if (argument === undefined && fn !== 'count') throw syntaxError('*');
    metrics.push({ fn, alias: column(), ...(argument === undefined ? {} : { column: argument }) });
    return undefined;
  };

  expectWord('SELECT');
  let columns: string[] | '*';
  if (peek()?.kind === 'symbol' && peek()?.text === '*') {
    position++;
    columns = '*';
  } else {
    columns = [];
    const push = (name: string | undefined) => {
      if (name !== undefined) (columns as string[]).push(name);
    };
    push(selectItem());
    while (peek()?.text === ',' && peek()?.kind === 'symbol') {
      position++;
      push(selectItem());
    }
  }
  expectWord('FROM');
  const table = column();
  let where: Condition | undefined;
  if (isWord('WHERE')) {
    position++;
    where = disjunction();
  }
  const groupBy: string[] = [];
  if (isWord('GROUP')) {
    position++;
    expectWord('BY');
    groupBy.push(column());
    while (peek()?.kind === 'symbol' && peek()?.text === ',') {
      position++;
      groupBy.push(column());
    }
  }
  const orderBy: { field: string; direction: 'asc' | 'desc' }[] = [];
  if (isWord('ORDER')) {
    position++;
    expectWord('BY');
    do {
      if (orderBy.length) position++;
      const field = column();
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord('ASC') || isWord('DESC')) direction = (tokens[position++] as Token).text.toLowerCase() as 'asc' | 'desc';
      orderBy.push({ field, direction });
    } while (peek()?.kind === 'symbol' && peek()?.text === ',');
  }
  let limit: number | undefined;
  let offset = 0;
  if (isWord('LIMIT')) {
    position++;
    limit = natural();
  }
  if (isWord('OFFSET')) {
    position++;
    offset = natural();
  }
  if (position < tokens.length) throw syntaxError(peek()?.text);
  return { columns, metrics, groupBy, table, where, orderBy, limit, offset };
}
