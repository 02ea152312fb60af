import { CkanActionError } from './action-error.js';
import type { ActionParams } from './action-params.js';
import { toTimestamp, type DatastoreField, type DatastoreRecord } from './datastore-fields.js';

type Scalar = string | number | boolean | null;

/** One `sort` clause of `datastore_search`. */
export interface SortClause {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** The validated filtering, projection and ordering of one `datastore_search` call. */
export interface DatastoreQuery {
  /** Whether a record passes `filters` and `q`. */
  matches(record: DatastoreRecord): boolean;
  /** False when neither `filters` nor `q` was given, so every row matches. */
  readonly filtered: boolean;
  /** Requested columns, or every field. */
  readonly fields: readonly DatastoreField[];
  readonly sort: readonly SortClause[];
}

/**
 * Validates `filters`, `q`, `fields` and `sort` against the table's fields with CKAN's messages:
 * `Cannot parse JSON` for malformed JSON and `field "x" not in table` for an unknown column.
 */
export function readDatastoreQuery(params: ActionParams, tableFields: readonly DatastoreField[]): DatastoreQuery {
  const types = new Map(tableFields.map((field) => [field.id, field.type]));
  const known = (name: string, param: string) => {
    if (!types.has(name)) throw CkanActionError.validation({ [param]: `field "${name}" not in table` });
    return name;
  };

  const tests: ((record: DatastoreRecord) => boolean)[] = [];
  const filters = readJsonObject(params, 'filters');
  for (const [name, expected] of Object.entries(filters ?? {})) {
    known(name, 'filters');
    const wanted = (Array.isArray(expected) ? expected : [expected]).map((value) => normalise(types.get(name), value as Scalar));
    tests.push((record) => wanted.includes(normalise(types.get(name), record[name] ?? null)));
  }

  const q = readQ(params);
  if (typeof q === 'string' && q.trim() !== '') {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    tests.push((record) => {
      const text = Object.entries(record)
        .filter(([key]) => key !== '_id')
        .map(([, value]) => (value === null ? '' : String(value)))
        .join('\n')
        .toLowerCase();
      return words.every((word) => text.includes(word));
    });
  } else if (q && typeof q === 'object') {
    for (const [name, text] of Object.entries(q)) {
      known(name, 'q');
      const word = String(text ?? '').toLowerCase();
      tests.push((record) => String(record[name] ?? '').toLowerCase().includes(word));
    }
  }

  const names = readNameList(params['fields'], 'fields');
  const fields = names ? names.map((name) => ({ id: known(name, 'fields'), type: types.get(name) ?? 'text' })) : tableFields;
  const sort = readSort(params['sort']).map((clause) => ({ ...clause, field: known(clause.field, 'sort') }));

  return { matches: (record) => tests.every((test) => test(record)), filtered: tests.length > 0, fields, sort };
}

/** Compares records by the sort clauses; PostgreSQL puts NULLs last in ascending order. */
export function compareRecords(sort: readonly SortClause[], a: DatastoreRecord, b: DatastoreRecord): number {
  for (const { field, direction } of sort) {
    const x = a[field] ?? null;
    const y = b[field] ?? null;
    let difference = 0;
    if (x === null || y === null) difference = x === y ? 0 : x === null ? 1 : -1;
    else if (typeof x === 'number' && typeof y === 'number') difference = x - y;
    else difference = String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    if (difference !== 0) return direction === 'asc' ? difference : -difference;
  }
  return (a['_id'] as number) - (b['_id'] as number);
}

/** Filter values compare as PostgreSQL would after casting them to the column type. */
function normalise(type: string | undefined, value: Scalar): string | null {
  if (value === null) return null;
  if (type === 'timestamp') return toTimestamp(String(value));
  if (type === 'int' || type === 'int4' || type === 'numeric') {
    const number = Number(value);
    return Number.isFinite(number) && String(value).trim() !== '' ? String(number) : `\u0000${String(value)}`;
  }
  return String(value);
}

export function readJsonObject(params: ActionParams, name: string): Record<string, unknown> | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw CkanActionError.validation({ [name]: 'Cannot parse JSON' });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw CkanActionError.validation({ [name]: 'Not a json object' });
  for (const item of Object.values(value)) {
    const values = Array.isArray(item) ? item : [item];
    if (!values.every((entry) => entry === null || ['string', 'number', 'boolean'].includes(typeof entry))) {
      throw CkanActionError.validation({ [name]: 'Filter values must be strings, numbers or lists of them' });
    }
  }
  return value as Record<string, unknown>;
}

/** `q` is full-text, or a JSON object of column → text (CKAN's `unicode_or_json_validator`). */
function readQ(params: ActionParams): string | Record<string, unknown> | undefined {
  const raw = params['q'];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  const text = Array.isArray(raw) ? String(raw[0] ?? '') : String(raw);
  if (text.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Not JSON: CKAN searches the text itself.
    }
  }
  return text;
}

/** A comma-separated string or a list of strings. */
function readNameList(raw: unknown, name: string): string[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const items = Array.isArray(raw) ? raw : String(raw).split(',');
  if (!items.every((item) => typeof item === 'string')) throw CkanActionError.validation({ [name]: 'Not a list of strings' });
  const names = (items as string[]).map((item) => unquoteIdentifier(item.trim())).filter(Boolean);
  return names.length > 0 ? names : undefined;
}

function readSort(raw: unknown): SortClause[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const items = Array.isArray(raw) ? raw : String(raw).split(',');
  return items
    .map((item) => (typeof item === 'string' ? item.trim() : ''))
    .filter(Boolean)
    .map((clause) => {
      const match = /^("(?:[^"]|"")+"|\S+)(?:\s+(asc|desc))?$/i.exec(clause);
      if (!match) throw CkanActionError.validation({ sort: `Cannot parse sort clause "${clause}"` });
      return { field: unquoteIdentifier(match[1] as string), direction: (match[2] ?? 'asc').toLowerCase() as 'asc' | 'desc' };
    });
}

function unquoteIdentifier(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text;
}
