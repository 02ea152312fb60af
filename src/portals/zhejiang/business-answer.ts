import { z } from 'zod';
import { AuthError, PortalError, RateLimitError, ResponseFormatError } from '../../errors/index.js';
import type { RawRecord } from '../portal-adapter.js';
import { decodeData } from './decode-data.js';

// Section A2 of the zhejiang wire format: the business answer inside a `gateway.do` answer comes
// in one of three styles, each with its own success flag, which is read before anything else:
//   status: {"status": 1, "msg": "成功", "data": <count | rows | update date>}
//   code:   {"code": "1", "msg": "查询成功", "data": {"count": 52, "data": "<rows as JSON>"}}
//   rows:   {"success": true, "message": "查询成功", "total": 245, "rows": [[header…], [values…], …]}
const StatusStyle = z.object({ status: z.union([z.number(), z.string()]), msg: z.string().nullish(), data: z.unknown() });
const CodeStyle = z.object({ code: z.union([z.number(), z.string()]), msg: z.string().nullish(), data: z.unknown() });
const RowsStyle = z.object({
  success: z.union([z.boolean(), z.string()]),
  message: z.string().nullish(),
  total: z.union([z.number(), z.string()]).nullish(),
  rows: z.unknown(),
});

/** A page of rows, with the total when the answer carries one (styles `code` and `rows`). */
export interface RowsAnswer {
  readonly rows: RawRecord[];
  readonly total: number | undefined;
  /** The header row, when the rows came as arrays under one. */
  readonly header: readonly string[] | undefined;
}

/** What a successful answer carries, whatever its style. */
type Payload =
  | { readonly style: 'status'; readonly data: unknown }
  | { readonly style: 'code'; readonly data: unknown }
  | { readonly style: 'rows'; readonly total: unknown; readonly rows: unknown };

/** Secret complaints (appsecret无效, userSecret不能为空) and refusals of access (未授权, 无权限). */
const SECRET_WORDS = /secret|密钥|授权|无权|权限/i;
const QUOTA_WORDS = /超过|次数|限制|频繁/;

/** The rows of a paging interface's answer, in any style. */
export function readRowsAnswer(answer: unknown, interfaceId: string): RowsAnswer {
  const payload = successPayload(answer, interfaceId);
  switch (payload.style) {
    case 'status':
      return { ...toRecords(decoded(payload.data, interfaceId), interfaceId), total: undefined };
    case 'code': {
      const data = decoded(payload.data, interfaceId);
      if (Array.isArray(data)) return { ...toRecords(data, interfaceId), total: undefined };
      if (!isObject(data) || !('data' in data)) throw unexpected(interfaceId, 'its `data` holds no rows', answer);
      return { ...toRecords(decoded(data['data'], interfaceId), interfaceId), total: count(data['count'], interfaceId, answer, true) };
    }
    case 'rows':
      return { ...toRecords(payload.rows, interfaceId), total: count(payload.total, interfaceId, answer, true) };
  }
}

/** The row count of a count interface's answer, in any style. */
export function readCountAnswer(answer: unknown, interfaceId: string): number {
  const payload = successPayload(answer, interfaceId);
  switch (payload.style) {
    case 'status':
      return count(decoded(payload.data, interfaceId), interfaceId, answer, false) as number;
    case 'code': {
      const data = decoded(payload.data, interfaceId);
      return count(isObject(data) ? data['count'] : data, interfaceId, answer, false) as number;
    }
    case 'rows':
      return count(payload.total, interfaceId, answer, false) as number;
  }
}

/** The update date of a data-update interface's answer (platform local time, as text), or `null`. */
export function readUpdateDateAnswer(answer: unknown, interfaceId: string): string | null {
  const payload = successPayload(answer, interfaceId);
  const data = payload.style === 'rows' ? undefined : decoded(payload.data, interfaceId);
  if (data === null || data === '') return null;
  if (typeof data !== 'string') throw unexpected(interfaceId, 'it carries no update date', answer);
  return data;
}

/** The style of an answer and what its success carries; a failure becomes a typed error first. */
function successPayload(answer: unknown, interfaceId: string): Payload {
  if (isObject(answer)) {
    if ('success' in answer) {
      const parsed = RowsStyle.safeParse(answer);
      if (parsed.success) {
        const { success, message, total, rows } = parsed.data;
        if (success !== true && success !== 'true') throw businessFailure('false', message, interfaceId);
        return { style: 'rows', total, rows };
      }
    } else if ('status' in answer) {
      const parsed = StatusStyle.safeParse(answer);
      if (parsed.success) {
        if (String(parsed.data.status).trim() !== '1') throw businessFailure(String(parsed.data.status), parsed.data.msg, interfaceId);
        if (!('data' in answer)) throw unexpected(interfaceId, 'it has no `data`', answer);
        return { style: 'status', data: parsed.data.data };
      }
    } else if ('code' in answer) {
      const parsed = CodeStyle.safeParse(answer);
      if (parsed.success) {
        if (String(parsed.data.code).trim() !== '1') throw businessFailure(String(parsed.data.code), parsed.data.msg, interfaceId);
        if (!('data' in answer)) throw unexpected(interfaceId, 'it has no `data`', answer);
        return { style: 'code', data: parsed.data.data };
      }
    }
  }
  throw unexpected(interfaceId, 'it is in none of the known styles ({status, msg, data}, {code: "1", msg, data}, {success, total, rows})', answer);
}

/** A failure inside a successful call: the platform's words decide the error class. */
function businessFailure(code: string, msg: string | null | undefined, interfaceId: string): Error {
  const message = msg?.trim() || '(no message)';
  if (SECRET_WORDS.test(message)) {
    return new AuthError({ status: 200, portalMessage: message, message: `The platform refused this app's secrets or access for ${interfaceId} (${message}): check appSecret and userSecret, and that the app is approved for the dataset` });
  }
  if (QUOTA_WORDS.test(message)) {
    return new RateLimitError({ status: 200, portalMessage: message, message: `Quota exceeded for ${interfaceId} (${message})` });
  }
  return new PortalError(code, message);
}

/** Rows as objects, or as arrays under a header row (the records are then keyed by the header). */
function toRecords(value: unknown, interfaceId: string): { rows: RawRecord[]; header: readonly string[] | undefined } {
  if (!Array.isArray(value)) throw unexpected(interfaceId, 'its rows are not a list', value);
  if (value.length === 0) return { rows: [], header: undefined };
  if (!Array.isArray(value[0])) {
    for (let index = 0; index < value.length; index++) {
      if (!isObject(value[index])) throw unexpected(interfaceId, `row ${index} is not an object`, value[index]);
    }
    return { rows: value as RawRecord[], header: undefined };
  }
  const header = value[0] as unknown[];
  if (header.length === 0 || !header.every((cell) => typeof cell === 'string' && cell !== '') || new Set(header).size !== header.length) {
    throw unexpected(interfaceId, 'its first row is not a header row of distinct column names (the header row is missing)', header);
  }
  const columns = header as string[];
  const rows: RawRecord[] = [];
  for (let index = 1; index < value.length; index++) {
    const cells: unknown = value[index];
    if (!Array.isArray(cells)) throw unexpected(interfaceId, `row ${index} is not a list like its header row`, cells);
    if (cells.length > columns.length) {
      throw unexpected(interfaceId, `row ${index} has ${cells.length} cells but the header row names ${columns.length} columns (the header row is missing or short)`, cells);
    }
    const record: RawRecord = {};
    // Cells past the end of a short row are absent, as an omitted key would be.
    for (let column = 0; column < cells.length; column++) {
      const name = columns[column] as string;
      // A `__proto__` column would set the record's prototype: dropped, as JSON parsing drops it.
      if (name !== '__proto__') record[name] = cells[column];
    }
    rows.push(record);
  }
  return { rows, header: columns };
}

/** A count: a whole number, or its decimal text. `optional` allows an absent one. */
function count(value: unknown, interfaceId: string, answer: unknown, optional: boolean): number | undefined {
  if (optional && (value === undefined || value === null || value === '')) return undefined;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) throw unexpected(interfaceId, 'it carries no row count', answer);
  return number;
}

function decoded(value: unknown, interfaceId: string): unknown {
  try {
    return decodeData(value);
  } catch (error) {
    if (error instanceof ResponseFormatError) throw new ResponseFormatError(`The answer of ${interfaceId} holds a string that is not valid JSON`, { cause: error, bodyExcerpt: error.bodyExcerpt });
    throw error;
  }
}

function unexpected(interfaceId: string, why: string, value: unknown): ResponseFormatError {
  return new ResponseFormatError(`The data gateway's answer from ${interfaceId} is not one kaifang can read: ${why}`, { body: excerptOf(value) });
}

function excerptOf(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
