/** Where paging values are read from: a request's parameters, or a data gateway call's business parameters. */
export interface ParamSource {
  get(name: string): string | undefined;
}

/** Page-number paging as the platform validates it. */
export type Paging =
  | { readonly ok: true; readonly pageNum: number; readonly pageSize: number }
  | { readonly ok: false; readonly msg: string };

/** The default and maximum `pageSize` of one interface. */
export interface PagingLimits {
  readonly defaultSize: number;
  readonly maxSize: number;
  /** The name of the page-number parameter. @default 'pageNum' (some data gateway interfaces read 'pageNumber') */
  readonly pageParam?: string | undefined;
}

/**
 * Reads `pageNum` (1-based, default 1) and `pageSize` (default and maximum per interface).
 * An empty value counts as absent. A `pageNum` too large to represent is kept as `Infinity`:
 * it is simply past the end.
 */
export function readPaging(params: ParamSource, limits: PagingLimits): Paging {
  const pageParam = limits.pageParam ?? 'pageNum';
  const pageNum = readPositive(params.get(pageParam), 1);
  if (pageNum === undefined) return { ok: false, msg: `${pageParam}必须为正整数` };
  const pageSize = readPositive(params.get('pageSize'), limits.defaultSize);
  if (pageSize === undefined) return { ok: false, msg: 'pageSize必须为正整数' };
  if (pageSize > limits.maxSize) return { ok: false, msg: `pageSize不能超过${limits.maxSize}` };
  return { ok: true, pageNum, pageSize };
}

function readPositive(raw: string | undefined, fallback: number): number | undefined {
  const text = raw?.trim();
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/** The [start, end) positions of a page, safe for any page number. */
export function pageBounds(pageNum: number, pageSize: number): { start: number; end: number } {
  const start = (pageNum - 1) * pageSize;
  return Number.isSafeInteger(start) ? { start, end: start + pageSize } : { start: Infinity, end: Infinity };
}
