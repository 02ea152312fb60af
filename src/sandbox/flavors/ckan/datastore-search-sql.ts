import type { DatasetState } from '../../dataset-state.js';
import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { assertReadable, findResource } from './dataset-lookup.js';
import { datastoreFields, datastoreRecord, type DatastoreField, type DatastoreRecord } from './datastore-fields.js';
import { DATASTORE_MAX_ROWS } from './datastore-search.js';
import { readString } from './param-validators.js';
import { groupAggregate, type GroupMetric } from '../../group-aggregate.js';

type Literal = string | number;
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

  const matching: DatastoreRecord[] = [];
  // An incremental reader asks for `updated_at >= T`; after the base data only mutated rows can
  // match, and the dataset state lists those without generating the rest.
  const since = statement.where ? lowerBound(statement.where, 'updated_at') : undefined;
  const candidates = since ? state.positionsUpdatedSince(since) : undefined;
  const positions = candidates ?? allPositions(state.count);
  for (const position of positions) {
    const record = recordAt(state, position);
    if (record && (!statement.where || evaluate(statement.where, record, byId))) matching.push(record);
  }
  if (statement.orderBy.length) {
    matching.sort((a, b) => {
      for (const order of statement.orderBy) {
        const field = byId.get(order.field) as DatastoreField;
        const result = compareValues(a[order.field] ?? null, b[order.field] ?? null, field);
        if (result !== 0) return order.direction === 'asc' ? result : -result;
      }
      return 0;
    });
  }
  const limit = Math.min(statement.limit ?? DATASTORE_MAX_ROWS, DATASTORE_MAX_ROWS);
  const rows = matching.slice(statement.offset, statement.offset + limit);
  const records = rows.map((record) => {
    const out: DatastoreRecord = {};
    for (const field of selected) out[field.id] = record[field.id] ?? null;
    return out;
  });
  const result: Record<string, unknown> = { sql, records, fields: selected };
  // CKAN flags answers cut at rows_max rather than failing them.
  if ((statement.limit === undefined || statement.limit > DATASTORE_MAX_ROWS) && matching.length - statement.offset > DATASTORE_MAX_ROWS) result['records_truncated'] = true;
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

/** The instant a condition requires `field` to be at or after, when every match must be (AND of comparisons). */
function lowerBound(condition: Condition, field: string): Date | undefined {
  if (condition.kind === 'and') return lowerBound(condition.left, field) ?? lowerBound(condition.right, field);
  if (condition.kind !== 'compare' || condition.field !== field || (condition.op !== '>' && condition.op !== '>=')) return undefined;
  const text = String(condition.value);
  const date = new Date(/(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
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

function evaluate(condition: Condition, record: DatastoreRecord, byId: ReadonlyMap<string, DatastoreField>): boolean {
  if (condition.kind !== 'compare') {
    const left = evaluate(condition.left, record, byId);
    return condition.kind === 'and' ? left && evaluate(condition.right, record, byId) : left || evaluate(condition.right, record, byId);
  }
  const value = record[condition.field] ?? null;
  // SQL: a comparison with NULL is never true.
  if (value === null) return false;
  const result = compareValues(value, condition.value, byId.get(condition.field) as DatastoreField);
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

/** Compares as PostgreSQL would for the column's type; NULLs sort last, as in ascending order. */
function compareValues(a: Literal | null, b: Literal | null, field: DatastoreField): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (field.type === 'timestamp') {
    const left = timestampMs(a);
    const right = timestampMs(b);
    if (!Number.isNaN(left) && !Number.isNaN(right)) return left - right;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (field.type !== 'text' && Number.isFinite(Number(a)) && Number.isFinite(Number(b))) return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
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
