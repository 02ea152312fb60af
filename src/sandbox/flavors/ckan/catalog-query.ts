import { CkanActionError } from './action-error.js';

/** What `package_search` can match on for one dataset, as CKAN indexes it in Solr. */
export interface CatalogDocument {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly notes: string;
  readonly tags: readonly string[];
  readonly organization: string;
  readonly groups: readonly string[];
  readonly res_format: readonly string[];
  readonly license_id: string;
  readonly capacity: 'public' | 'private';
  readonly state: 'active';
  readonly type: 'dataset';
  readonly metadata_modified: Date;
  readonly metadata_created: Date;
}

/** A compiled `q` or `fq`: a filter, and a relevance score for `score desc`. */
export interface CatalogQuery {
  matches(document: CatalogDocument): boolean;
  score(document: CatalogDocument): number;
}

type Clause = { readonly negate: boolean; readonly test: (document: CatalogDocument) => boolean; readonly words: readonly string[] };

const STRING_FIELDS = ['id', 'name', 'organization', 'license_id', 'capacity', 'state', 'type'] as const;
const LIST_FIELDS = ['tags', 'groups', 'res_format'] as const;
const TEXT_FIELDS = ['title', 'notes', 'text'] as const;
const DATE_FIELDS = ['metadata_modified', 'metadata_created'] as const;

/**
 * Compiles the subset of Solr's lucene syntax CKAN clients send: plain words (all must match
 * title, notes, tags or name), `field:value`, `field:"phrase"`, `field:(a OR b)`, wildcards,
 * `field:[from TO to]` date ranges (`*`, `NOW-1DAY`), `+`/`-`/`NOT`, and `OR` between clauses.
 * Clauses are ANDed otherwise. An unknown field or bad date is Solr's error, so a Search Error.
 */
export function compileCatalogQuery(text: string, now: Date): CatalogQuery {
  const groups: Clause[][] = [];
  let pendingOr = false;
  let pendingNot = false;
  for (const token of tokenize(text)) {
    if (token === 'AND' || token === '&&') continue;
    if (token === 'OR' || token === '||') {
      pendingOr = groups.length > 0;
      continue;
    }
    if (token === 'NOT') {
      pendingNot = true;
      continue;
    }
    let body = token;
    let negate = pendingNot;
    pendingNot = false;
    if (body.startsWith('+')) body = body.slice(1);
    else if (body.startsWith('-') || body.startsWith('!')) {
      negate = !negate;
      body = body.slice(1);
    }
    if (body === '') continue;
    const clause = { negate, ...compileTerm(body, now) };
    const last = groups[groups.length - 1];
    if (pendingOr && last) last.push(clause);
    else groups.push([clause]);
    pendingOr = false;
  }
  const passes = (clause: Clause, document: CatalogDocument) => clause.test(document) !== clause.negate;
  return {
    matches: (document) => groups.every((group) => group.some((clause) => passes(clause, document))),
    score: (document) => {
      let score = 0;
      for (const group of groups) for (const clause of group) if (!clause.negate) for (const word of clause.words) score += wordScore(document, word);
      return score;
    },
  };
}

function compileTerm(body: string, now: Date): Omit<Clause, 'negate'> {
  if (body === '*:*' || body === '*') return { test: () => true, words: [] };
  const fielded = /^([A-Za-z_][\w.]*):(.*)$/s.exec(body);
  if (!fielded) {
    const word = unquote(body).toLowerCase();
    return { test: (document) => searchableText(document).includes(word), words: [word] };
  }
  const field = fielded[1] as string;
  const value = fielded[2] as string;
  if ((DATE_FIELDS as readonly string[]).includes(field)) {
    const range = parseDateValue(value, now);
    return { test: (document) => range(document[field as (typeof DATE_FIELDS)[number]]), words: [] };
  }
  const alternatives = splitAlternatives(value);
  if ((TEXT_FIELDS as readonly string[]).includes(field)) {
    const words = alternatives.map((item) => item.toLowerCase());
    const read = (document: CatalogDocument) =>
      field === 'text' ? searchableText(document) : document[field as 'title' | 'notes'].toLowerCase();
    return { test: (document) => words.some((word) => word === '*' || read(document).includes(word)), words: field === 'text' ? words : [] };
  }
  const patterns = alternatives.map((item) => wildcard(item, field === 'res_format'));
  if ((STRING_FIELDS as readonly string[]).includes(field)) {
    return { test: (document) => patterns.some((pattern) => pattern.test(document[field as (typeof STRING_FIELDS)[number]])), words: [] };
  }
  if ((LIST_FIELDS as readonly string[]).includes(field)) {
    return {
      test: (document) => document[field as (typeof LIST_FIELDS)[number]].some((item) => patterns.some((pattern) => pattern.test(item))),
      words: [],
    };
  }
  throw CkanActionError.search(`SOLR returned an error running query: undefined field ${field}`);
}

/** Splits on whitespace outside quotes, brackets and parentheses; a backslash escapes one character. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\' && i + 1 < text.length) {
      current += char + text.charAt(++i);
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '[' || char === '{' || char === '(')) depth++;
    else if (!quoted && (char === ']' || char === '}' || char === ')')) depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && /\s/.test(char)) {
      if (current) tokens.push(current);
      current = '';
    } else current += char;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** `(a OR b)` → [a, b]; `"a b"` → [a b]; anything else → [itself], unescaped. */
function splitAlternatives(value: string): string[] {
  if (value.startsWith('(') && value.endsWith(')')) {
    return tokenize(value.slice(1, -1))
      .filter((token) => !['OR', 'AND', '||', '&&'].includes(token))
      .map(unquote);
  }
  return [unquote(value)];
}

function unquote(value: string): string {
  const inner = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return inner.replace(/\\(.)/g, '$1');
}

function wildcard(value: string, ignoreCase: boolean): RegExp {
  const source = value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'iu' : 'u');
}

function searchableText(document: CatalogDocument): string {
  return [document.name, document.title, document.notes, ...document.tags, document.organization].join('\n').toLowerCase();
}

function wordScore(document: CatalogDocument, word: string): number {
  if (word === '' || word === '*') return 0;
  let score = 0;
  if (document.title.toLowerCase().includes(word)) score += 4;
  if (document.tags.some((tag) => tag.toLowerCase().includes(word))) score += 2;
  if (document.name.includes(word)) score += 2;
  if (document.notes.toLowerCase().includes(word)) score += 1;
  return score;
}

/** A date value or range: `2024-01-01T00:00:00Z`, `[A TO B]` (inclusive), `{A TO B}` (exclusive), `*`, `NOW-1DAY`. */
function parseDateValue(value: string, now: Date): (date: Date) => boolean {
  const range = /^([[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])$/.exec(value);
  if (!range) {
    if (value === '*') return () => true;
    const exact = parseSolrDate(unquote(value), now);
    return (date) => date.getTime() === exact;
  }
  const from = range[2] === '*' ? -Infinity : parseSolrDate(range[2] as string, now);
  const to = range[3] === '*' ? Infinity : parseSolrDate(range[3] as string, now);
  const fromInclusive = range[1] === '[';
  const toInclusive = range[4] === ']';
  return (date) => {
    const time = date.getTime();
    return (fromInclusive ? time >= from : time > from) && (toInclusive ? time <= to : time < to);
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };

/** Solr's date syntax: ISO 8601 in UTC with a `Z`, or `NOW` with `±N UNIT` steps and `/DAY` rounding. */
function parseSolrDate(text: string, now: Date): number {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/.exec(text);
  if (iso) {
    const time = Date.parse(`${text.slice(0, 19)}${(iso[7] ?? '').slice(0, 4)}Z`);
    if (!Number.isNaN(time)) return time;
  }
  const math = /^NOW((?:[+-]\d+(?:YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?)*)(\/DAY)?$/.exec(text);
  if (math) {
    const date = new Date(now.getTime());
    for (const step of (math[1] ?? '').matchAll(/([+-]\d+)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)/g)) {
      const amount = Number(step[1]);
      const unit = step[2] as string;
      if (unit === 'YEAR') date.setUTCFullYear(date.getUTCFullYear() + amount);
      else if (unit === 'MONTH') date.setUTCMonth(date.getUTCMonth() + amount);
      else date.setTime(date.getTime() + amount * (UNIT_MS[unit] as number));
    }
    if (math[2]) date.setUTCHours(0, 0, 0, 0);
    if (!Number.isNaN(date.getTime())) return date.getTime();
  }
  throw CkanActionError.search(`SOLR returned an error running query: Invalid Date String:'${text}'`);
}
