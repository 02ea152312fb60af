import { OdsError } from './ods-responses.js';

/** A row or catalogue entry as ODSQL sees it: field name → value (lists match on any item). */
export type OdsqlRecord = Readonly<Record<string, unknown>>;

export type OdsqlPredicate = (record: OdsqlRecord) => boolean;

type Token =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'word'; readonly value: string; readonly quoted: boolean }
  | { readonly kind: 'op'; readonly value: string }
  | { readonly kind: 'punct'; readonly value: '(' | ')' | ',' };

type Literal = string | number | boolean | null;

/**
 * Compiles the subset of ODSQL's `where` the sandbox understands: comparisons `=`, `!=`, `<`,
 * `>`, `<=`, `>=` between a field and a literal (`"text"`, `'text'`, numbers, `date'…'`,
 * `true`, `false`, `null`), `field is [not] null`, `and`, `or`, `not`, parentheses, and
 * full-text `search(text)`, `search(field, text)` or a bare `"text"`. Quotes are escaped with a
 * backslash. Unknown fields and syntax errors are the portal's 400 `ODSQLError`.
 */
export function compileWhere(text: string, fields: ReadonlySet<string>): OdsqlPredicate {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const isWord = (token: Token | undefined, word: string): boolean => token?.kind === 'word' && !token.quoted && token.value.toLowerCase() === word;
  const expect = (value: string): void => {
    const token = tokens[index++];
    if (!token || token.value !== value) throw OdsError.odsql(`ODSQL query is malformed: expected "${value}" ${token ? `before "${String(token.value)}"` : 'at the end'}`);
  };
  const field = (token: Token | undefined): string => {
    if (token?.kind !== 'word') throw OdsError.odsql(`ODSQL query is malformed: expected a field name${token ? ` before "${String(token.value)}"` : ' at the end'}`);
    if (!fields.has(token.value)) throw OdsError.odsql(`Unknown field: ${token.value}`);
    return token.value;
  };

  const parseOr = (): OdsqlPredicate => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      index++;
      const a = left;
      const b = parseAnd();
      left = (record) => a(record) || b(record);
    }
    return left;
  };
  const parseAnd = (): OdsqlPredicate => {
    let left = parseNot();
    while (isWord(peek(), 'and')) {
      index++;
      const a = left;
      const b = parseNot();
      left = (record) => a(record) && b(record);
    }
    return left;
  };
  const parseNot = (): OdsqlPredicate => {
    if (isWord(peek(), 'not')) {
      index++;
      const inner = parseNot();
      return (record) => !inner(record);
    }
    return parsePrimary();
  };
  const parseLiteral = (): Literal => {
    const token = tokens[index++];
    if (token?.kind === 'string' || token?.kind === 'number') return token.value;
    if (isWord(token, 'true')) return true;
    if (isWord(token, 'false')) return false;
    if (isWord(token, 'null')) return null;
    if (isWord(token, 'date') && peek()?.kind === 'string') return (tokens[index++] as { value: string }).value;
    throw OdsError.odsql(`ODSQL query is malformed: expected a value${token ? ` before "${String(token.value)}"` : ' at the end'}`);
  };
  const parsePrimary = (): OdsqlPredicate => {
    const token = tokens[index++];
    if (!token) throw OdsError.odsql('ODSQL query is malformed: unexpected end of query');
    if (token.kind === 'punct' && token.value === '(') {
      const inner = parseOr();
      expect(')');
      return inner;
    }
    if (token.kind === 'string') return searchIn(undefined, token.value);
    if (isWord(token, 'search') && peek()?.value === '(') {
      index++;
      let target: string | undefined;
      if (peek()?.kind === 'word') {
        target = field(tokens[index++]);
        expect(',');
      }
      const needle = tokens[index++];
      if (needle?.kind !== 'string') throw OdsError.odsql('ODSQL query is malformed: search() expects a quoted text');
      expect(')');
      return searchIn(target, needle.value);
    }
    const name = field(token);
    if (isWord(peek(), 'is')) {
      index++;
      const negate = isWord(peek(), 'not');
      if (negate) index++;
      if (!isWord(tokens[index++], 'null')) throw OdsError.odsql('ODSQL query is malformed: expected "null" after "is"');
      return (record) => (record[name] === null || record[name] === undefined) !== negate;
    }
    const op = tokens[index++];
    if (op?.kind !== 'op') throw OdsError.odsql(`ODSQL query is malformed: expected an operator after "${name}"`);
    const literal = parseLiteral();
    return (record) => compare(record[name], op.value, literal);
  };

  if (tokens.length === 0) return () => true;
  const predicate = parseOr();
  if (index < tokens.length) throw OdsError.odsql(`ODSQL query is malformed: unexpected "${String(tokens[index]?.value)}"`);
  return predicate;
}

function searchIn(field: string | undefined, needle: string): OdsqlPredicate {
  const lowered = needle.toLowerCase();
  const matches = (value: unknown): boolean =>
    Array.isArray(value) ? value.some(matches) : (typeof value === 'string' || typeof value === 'number') && String(value).toLowerCase().includes(lowered);
  return (record) => (field === undefined ? Object.values(record).some(matches) : matches(record[field]));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function compare(value: unknown, op: string, literal: Literal): boolean {
  if (Array.isArray(value)) return op === '!=' || op === '<>' ? !value.some((item) => compare(item, '=', literal)) : value.some((item) => compare(item, op, literal));
  if (literal === null) return op === '=' ? value === null || value === undefined : op === '!=' || op === '<>' ? value !== null && value !== undefined : false;
  if (value === null || value === undefined) return op === '!=' || op === '<>';
  let a: string | number | boolean = value as string | number | boolean;
  let b: string | number | boolean = literal;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && Number.isFinite(Number(b))) b = Number(b);
  if (typeof a === 'string' && typeof b === 'number') a = Number.isFinite(Number(a)) && a.trim() !== '' ? Number(a) : a;
  // Dates and datetimes compare as instants, whatever zone or precision each side is written in.
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b)) {
    const x = Date.parse(a);
    const y = Date.parse(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) {
      a = x;
      b = y;
    }
  }
  if (typeof a !== typeof b) {
    a = String(a);
    b = String(b);
  }
  switch (op) {
    case '=':
      return a === b;
    case '!=':
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"' || char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw OdsError.odsql('ODSQL query is malformed: unterminated string');
        const c = text.charAt(i++);
        if (c === '\\' && i < text.length) value += text.charAt(i++);
        else if (c === char) break;
        else value += c;
      }
      tokens.push({ kind: 'string', value });
    } else if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw OdsError.odsql('ODSQL query is malformed: unterminated field name');
      tokens.push({ kind: 'word', value: text.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: 'punct', value: char });
      i++;
    } else if ('=<>!'.includes(char)) {
      const two = text.slice(i, i + 2);
      const op = ['<=', '>=', '!=', '<>'].includes(two) ? two : char;
      if (op === '!') throw OdsError.odsql('ODSQL query is malformed: unexpected "!"');
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    } else {
      const match = /^(-?\d+(?:\.\d+)?(?![\w.])|[\p{L}\p{N}_.]+)/u.exec(text.slice(i));
      if (!match) throw OdsError.odsql(`ODSQL query is malformed: unexpected "${char}"`);
      const word = match[0];
      if (/^-?\d/.test(word) && Number.isFinite(Number(word))) tokens.push({ kind: 'number', value: Number(word) });
      else tokens.push({ kind: 'word', value: word, quoted: false });
      i += word.length;
    }
  }
  return tokens;
}
