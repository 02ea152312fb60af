import type { SodaColumn, SodaRow, SodaType } from './soda-columns.js';
import { SYSTEM_COLUMNS } from './soda-columns.js';
import { SocrataError } from './socrata-error.js';
import { compareValues, compileWhere, type SoqlCondition } from './soql-where.js';
import { isKeyword, tokenize } from './soql-tokens.js';
import { readGroupedSelect, type GroupedSelection } from './soql-group.js';

/** SODA's default `$limit`. */
export const DEFAULT_LIMIT = 1000;
/** The largest `$limit` the sandbox accepts (SODA 2.1 pages of up to 50,000 rows). */
export const MAX_LIMIT = 50_000;

/** What `$select` asks for: fields in order, or one `count(*)`. */
export type Selection = { readonly kind: 'fields'; readonly fields: readonly SodaColumn[] } | { readonly kind: 'count'; readonly alias: string } | GroupedSelection;

export interface OrderTerm {
  readonly field: string;
  readonly descending: boolean;
}

/** A `/resource` request read and checked against the dataset's columns. */
export interface SoqlQuery {
  readonly selection: Selection;
  readonly conditions: readonly SoqlCondition[];
  /** `$order`; empty means row (`:id`) order. */
  readonly order: readonly OrderTerm[];
  readonly limit: number;
  readonly offset: number;
  /** `$q` words, lowercase: every one must occur in some text or number cell. */
  readonly words: readonly string[];
}

/**
 * Reads `$select`, `$where`, `$order`, `$limit`, `$offset`, `$q` and `column=value` filters.
 * Unknown `$` parameters and bad values are Socrata's 400 answers.
 */
export function readSoqlQuery(search: URLSearchParams, columns: readonly SodaColumn[]): SoqlQuery {
  const all = [...SYSTEM_COLUMNS, ...columns];
  const types = new Map<string, SodaType>(all.map((column) => [column.fieldName, column.type]));
  const conditions: SoqlCondition[] = [];
  let selection: Selection = { kind: 'fields', fields: columns };
  let order: OrderTerm[] = [];
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  let words: string[] = [];
  const group = search.get('$group');
  for (const [name, value] of search) {
    if (!name.startsWith('$')) {
      const type = types.get(name);
      if (type === undefined) throw SocrataError.noSuchColumn(name);
      // A plain `column=value` filter is `column = 'value'` with the literal read for the column's type.
      conditions.push(compileWhere(`\`${name}\` = ${literalFor(type, value)}`, types));
      continue;
    }
    switch (name) {
      case '$select':
        selection = group !== null || /\b(sum|avg|min|max)\s*\(/i.test(value) ? readGroupedSelect(value, group, types) : readSelect(value, columns, types);
        break;
      case '$group':
        if (!search.has('$select')) throw SocrataError.malformed('$group needs a $select of grouped columns and aggregates');
        break;
      case '$where':
        conditions.push(compileWhere(value, types));
        break;
      case '$order':
        order = readOrder(value, types);
        break;
      case '$limit':
        limit = readWhole(name, value, MAX_LIMIT);
        break;
      case '$offset':
        offset = readWhole(name, value, Number.MAX_SAFE_INTEGER);
        break;
      case '$q':
        words = value.toLowerCase().split(/\s+/).filter(Boolean);
        break;
      case '$$app_token':
        break;
      default:
        throw SocrataError.malformed(`Unrecognized query parameter ${name}`, { parameter: name });
    }
  }
  return { selection, conditions, order, limit, offset, words };
}

function literalFor(type: SodaType, value: string): string {
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return value.trim();
  if (type === 'checkbox' && /^(true|false)$/i.test(value)) return value;
  return `'${value.replaceAll("'", "''")}'`;
}

function readWhole(name: string, value: string, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw SocrataError.malformed(`${name} must be a non-negative whole number, got '${value}'`, { parameter: name });
  const number = Number(value.trim());
  if (number > max) throw SocrataError.malformed(`${name} must be at most ${max}, got ${value}`, { parameter: name });
  return number;
}

function readSelect(text: string, columns: readonly SodaColumn[], types: ReadonlyMap<string, SodaType>): Selection {
  const tokens = tokenize(text);
  const fields: SodaColumn[] = [];
  const byName = new Map([...SYSTEM_COLUMNS, ...columns].map((column) => [column.fieldName, column]));
  let i = 0;
  let count: string | undefined;
  while (i < tokens.length) {
    const token = tokens[i] as (typeof tokens)[number];
    if (token.kind === 'identifier' && token.text.toLowerCase() === 'count' && tokens[i + 1]?.text === '(') {
      if (tokens[i + 2]?.text !== '*' || tokens[i + 3]?.text !== ')') throw SocrataError.malformed('Only count(*) is supported in $select', { position: token.at + 1 });
      i += 4;
      count = 'count';
      if (isKeyword(tokens[i], 'AS')) {
        const alias = tokens[i + 1];
        if (alias?.kind !== 'identifier') throw SocrataError.malformed('Expected an alias after AS', { position: token.at + 1 });
        count = alias.text;
        i += 2;
      }
    } else if (token.kind === 'identifier' && token.text === ':*') {
      fields.push(...SYSTEM_COLUMNS);
      i++;
    } else if (token.kind === 'symbol' && token.text === '*') {
      fields.push(...columns);
      i++;
    } else if (token.kind === 'identifier') {
      const column = byName.get(token.text);
      if (!column || !types.has(token.text)) throw SocrataError.noSuchColumn(token.text);
      fields.push(column);
      i++;
    } else {
      throw SocrataError.malformed(`Unexpected '${token.text}' in $select at position ${token.at + 1}`, { position: token.at + 1 });
    }
    if (i < tokens.length) {
      if (tokens[i]?.text !== ',') throw SocrataError.malformed(`Expected ',' in $select at position ${(tokens[i]?.at ?? 0) + 1}`);
      i++;
      if (i === tokens.length) throw SocrataError.malformed('$select ends with a comma');
    }
  }
  if (count !== undefined) {
    // Without GROUP BY an aggregate cannot stand next to plain columns.
    if (fields.length > 0) throw SocrataError.malformed('count(*) cannot be selected with other columns without $group');
    return { kind: 'count', alias: count };
  }
  if (fields.length === 0) throw SocrataError.malformed('$select is empty');
  // `:*,*` may name a field twice; SODA answers each once.
  return { kind: 'fields', fields: [...new Map(fields.map((field) => [field.fieldName, field])).values()] };
}

function readOrder(text: string, types: ReadonlyMap<string, SodaType>): OrderTerm[] {
  const terms: OrderTerm[] = [];
  const tokens = tokenize(text);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token?.kind !== 'identifier') throw SocrataError.malformed(`Expected a column in $order at position ${(token?.at ?? 0) + 1}`);
    if (!types.has(token.text)) throw SocrataError.noSuchColumn(token.text);
    i++;
    let descending = false;
    if (isKeyword(tokens[i], 'DESC') || isKeyword(tokens[i], 'ASC')) {
      descending = isKeyword(tokens[i], 'DESC');
      i++;
    }
    terms.push({ field: token.text, descending });
    if (i < tokens.length) {
      if (tokens[i]?.text !== ',') throw SocrataError.malformed(`Expected ',' in $order at position ${(tokens[i]?.at ?? 0) + 1}`);
      i++;
    }
  }
  if (terms.length === 0) throw SocrataError.malformed('$order is empty');
  return terms;
}

/** Orders two rows by `$order`; nulls last ascending, first descending, as PostgreSQL does. */
export function compareRows(order: readonly OrderTerm[], a: SodaRow, b: SodaRow): number {
  for (const term of order) {
    const left = a[term.field] ?? null;
    const right = b[term.field] ?? null;
    let result: number;
    if (left === null || right === null) result = left === right ? 0 : left === null ? 1 : -1;
    else result = compareValues(left, right);
    if (result !== 0) return term.descending ? -result : result;
  }
  return 0;
}

/** Whether a row holds every `$q` word in one of its cells. */
export function matchesWords(words: readonly string[], row: SodaRow): boolean {
  if (words.length === 0) return true;
  const cells: string[] = [];
  for (const [field, value] of Object.entries(row)) if (!field.startsWith(':') && value !== null) cells.push(String(value).toLowerCase());
  return words.every((word) => cells.some((cell) => cell.includes(word)));
}
