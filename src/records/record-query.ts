import { ArgumentError } from '../errors/index.js';
import type { OrderBy } from '../portals/portal-adapter.js';

/** `'KXBW desc'`, `'-KXBW'` or `{ field, direction }`. */
export type OrderByInput = string | OrderBy;

/** Reads the user's `orderBy` in any of its spellings. */
export function parseOrderBy(input: OrderByInput | readonly OrderByInput[] | undefined): OrderBy[] {
  if (input === undefined) return [];
  const items: readonly OrderByInput[] = Array.isArray(input) ? input : [input as OrderByInput];
  return items.map((item) => {
    if (typeof item !== 'string') return item;
    const text = item.trim();
    if (text.startsWith('-')) return { field: text.slice(1), direction: 'desc' as const };
    const match = /^(.+?)\s+(asc|desc)$/i.exec(text);
    if (match) return { field: match[1] as string, direction: (match[2] as string).toLowerCase() as 'asc' | 'desc' };
    if (text === '') throw new ArgumentError('orderBy has an empty field name');
    return { field: text, direction: 'asc' as const };
  });
}

/** A page size the engine can use: a positive whole number, lowered to the portal's maximum. */
export function checkPageSize(pageSize: number | undefined, fallback: number, max: number): number {
  if (pageSize === undefined) return Math.min(fallback, max);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new ArgumentError(`pageSize must be a positive whole number, got ${String(pageSize)}`);
  return Math.min(pageSize, max);
}

export function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 0) throw new ArgumentError(`limit must be a whole number ≥ 0, got ${String(limit)}`);
  return limit;
}

/** Column names portals use for a row's modification time, tried in order for `since`. */
export const MODIFIED_COLUMNS = ['updated_at', 'last_modified', 'modified', 'GXSJ', '更新时间', 'update_time', 'UPDATE_TIME', ':updated_at'];
