import { mask } from '../ids/mask.js';
import { isPersonalName } from './personal-columns.js';

/**
 * A copy of a row with personal data masked: names under personal columns (姓名, XM, FDDBR,
 * `name` when it holds a person's name, …) and every resident ID and mobile number in any text.
 * Rows that hold nothing personal come back equal.
 *
 * @example maskRecord({ ZSBM: '110330100000123', XM: '张三丰' }) // { ZSBM: '110330100000123', XM: '张**' }
 */
export function maskRecord<T>(row: T): T {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return mask.redact(row);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    copy[key] = typeof value === 'string' && isPersonalName(key, value) ? mask.name(value) : mask.redact(value);
  }
  return copy as T;
}
