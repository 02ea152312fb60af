import type { SodaRow, SodaType } from './soda-columns.js';
import { fixedTimestamp, floatingTimestamp } from './soda-columns.js';
import { SocrataError } from './socrata-error.js';
import { isKeyword, tokenize, type SoqlToken } from './soql-tokens.js';

/** A compiled `$where`: a row predicate, and the `:id` lower bound of its top-level `AND`, for keyset scans. */
export interface SoqlCondition {
  matches(row: SodaRow): boolean;
  /** Rows must have `:id` greater than this (from `:id > '…'`), so a scan may start after it. */
  readonly idAfter: string | undefined;
}

/** A literal compared with a column, already converted to the column's type. */
type Operand = string | number | boolean;

type Node =
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'not'; readonly inner: Node }
  | { readonly kind: 'compare'; readonly field: string; readonly type: SodaType; readonly op: string; readonly value: Operand }
  | { readonly kind: 'in'; readonly field: string; readonly type: SodaType; readonly values: readonly Operand[] }
  | { readonly kind: 'null'; readonly field: string; readonly negated: boolean };

const OPERATORS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);

/**
 * Compiles the sandbox's SoQL `$where` subset: comparisons (`=`, `!=`, `<>`, `<`, `<=`, `>`,
 * `>=`) of a column or system field with a literal, `IN (…)`, `IS [NOT] NULL`, `AND`, `OR`,
 * `NOT` and parentheses. Unknown columns and type mismatches are Socrata's 400 errors.
 */
export function compileWhere(text: string, types: ReadonlyMap<string, SodaType>): SoqlCondition {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): SoqlToken | undefined => tokens[i];
  const fail = (what: string): never => {
    const token = peek();
    const position = token ? token.at + 1 : text.length + 1;
    throw SocrataError.malformed(`Expected ${what} but got ${token ? `'${token.text}'` : 'end of input'} at position ${position}`, { position });
  };

  const parseOr = (): Node => {
    let left = parseAnd();
    while (isKeyword(peek(), 'OR')) {
      i++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Node => {
    let left = parseNot();
    while (isKeyword(peek(), 'AND')) {
      i++;
      left = { kind: 'and', left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): Node => {
    if (isKeyword(peek(), 'NOT')) {
      i++;
      return { kind: 'not', inner: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Node => {
    const token = peek();
    if (token?.kind === 'symbol' && token.text === '(') {
      i++;
      const inner = parseOr();
      if (peek()?.text !== ')') fail("')'");
      i++;
      return inner;
    }
    if (token?.kind !== 'identifier' || ['AND', 'OR', 'NOT'].includes(token.text.toUpperCase())) return fail('a column name');
    i++;
    const field = token.text;
    const type = types.get(field);
    if (type === undefined) throw SocrataError.noSuchColumn(field);
    if (isKeyword(peek(), 'IS')) {
      i++;
      const negated = isKeyword(peek(), 'NOT');
      if (negated) i++;
      if (!isKeyword(peek(), 'NULL')) fail('NULL');
      i++;
      return { kind: 'null', field, negated };
    }
    if (isKeyword(peek(), 'IN')) {
      i++;
      if (peek()?.text !== '(') fail("'('");
      i++;
      const values: Operand[] = [];
      for (;;) {
        values.push(parseLiteral(field, type));
        if (peek()?.text === ',') {
          i++;
          continue;
        }
        if (peek()?.text !== ')') fail("',' or ')'");
        i++;
        return { kind: 'in', field, type, values };
      }
    }
    const op = peek();
    if (op?.kind !== 'symbol' || !OPERATORS.has(op.text)) return fail('a comparison operator');
    i++;
    return { kind: 'compare', field, type, op: op.text, value: parseLiteral(field, type) };
  };
  const parseLiteral = (field: string, type: SodaType): Operand => {
    const token = peek();
    if (!token || (token.kind !== 'string' && token.kind !== 'number' && !isKeyword(token, 'TRUE') && !isKeyword(token, 'FALSE'))) return fail('a literal');
    i++;
    return convertLiteral(field, type, token);
  };

  const root = tokens.length === 0 ? fail('an expression') : parseOr();
  if (i < tokens.length) fail('end of input');
  return { matches: (row) => evaluate(root, row), idAfter: idLowerBound(root) };
}

/** Converts a literal to the column's type, as Socrata coerces `'12'` for a number column. */
function convertLiteral(field: string, type: SodaType, token: SoqlToken): Operand {
  const shown = token.kind === 'string' ? `'${token.text}'` : token.text;
  switch (type) {
    case 'number': {
      const number = Number(token.text);
      if (token.kind === 'identifier' || token.text.trim() === '' || !Number.isFinite(number)) throw SocrataError.typeMismatch(field, type, shown);
      return number;
    }
    case 'checkbox':
      if (token.kind !== 'identifier') throw SocrataError.typeMismatch(field, type, shown);
      return token.text.toUpperCase() === 'TRUE';
    case 'calendar_date': {
      const value = token.kind === 'string' ? floatingTimestamp(token.text) : null;
      if (value === null) throw SocrataError.typeMismatch(field, type, shown);
      return value;
    }
    case 'fixed_timestamp': {
      // A zone-less literal is read as UTC.
      const text = token.kind === 'string' && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(token.text) ? `${token.text.replace(' ', 'T')}Z` : token.text;
      const value = token.kind === 'string' ? fixedTimestamp(text) : null;
      if (value === null) throw SocrataError.typeMismatch(field, type, shown);
      return value;
    }
    case 'text':
    case 'row_identifier':
      if (token.kind !== 'string') throw SocrataError.typeMismatch(field, type, shown);
      return token.text;
  }
}

function evaluate(node: Node, row: SodaRow): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, row) && evaluate(node.right, row);
    case 'or':
      return evaluate(node.left, row) || evaluate(node.right, row);
    case 'not':
      return !evaluate(node.inner, row);
    case 'null': {
      const missing = row[node.field] === null || row[node.field] === undefined;
      return node.negated ? !missing : missing;
    }
    case 'in': {
      const value = row[node.field];
      return value !== null && value !== undefined && node.values.some((candidate) => compareValues(value, candidate) === 0);
    }
    case 'compare': {
      const value = row[node.field];
      // SQL semantics: a comparison with null is never true.
      if (value === null || value === undefined) return false;
      const order = compareValues(value, node.value);
      switch (node.op) {
        case '=':
          return order === 0;
        case '!=':
        case '<>':
          return order !== 0;
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        default:
          return order >= 0;
      }
    }
  }
}

/** Orders two values of the same type; text by code points, as Socrata's default collation does. */
export function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function idLowerBound(node: Node): string | undefined {
  if (node.kind === 'compare' && node.field === ':id' && (node.op === '>' || node.op === '>=') && typeof node.value === 'string') {
    // `>=` includes the bound itself: start just before it.
    return node.op === '>' ? node.value : undefined;
  }
  if (node.kind === 'and') {
    const left = idLowerBound(node.left);
    const right = idLowerBound(node.right);
    if (left === undefined) return right;
    if (right === undefined) return left;
    return left > right ? left : right;
  }
  return undefined;
}
