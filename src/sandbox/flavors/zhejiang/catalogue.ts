/**
 * Section B of the zhejiang wire format (our shape, as the platform has no public catalogue
 * API spec): `dopServer/rest/catalog/search` and `dopServer/rest/catalog/{id}`.
 */
import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { catalogueEntry } from './catalogue-entry.js';
import { openDataFailure, openDataSuccess } from './open-data-answer.js';
import { pageBounds, readPaging } from './paging.js';
import type { RequestParams } from './request-params.js';

/** A catalogue search returns at most this many entries per page. */
export const MAX_CATALOGUE_PAGE_SIZE = 100;

const DEFAULT_CATALOGUE_PAGE_SIZE = 10;

/** Datasets the catalogue lists: all of them, forbidden ones with `openType: 3` (their data is never served). */
function published(context: SandboxContext): DatasetState[] {
  return [...context.datasets.values()];
}

const OPEN_TYPE_OF = { unconditional: '1', restricted: '2', forbidden: '3' } as const;

/**
 * Searches the catalogue. `keyword` matches the title, the summary and the fields' names and
 * labels (substring, case-insensitive); `domain` is an exact theme; `openType` is 1 or 2 (the
 * platform's search offers no filter for forbidden entries);
 * `orgName` matches part of the publisher. Empty parameters do not filter.
 */
export function answerCatalogueSearch(params: RequestParams, context: SandboxContext): Response {
  const paging = readPaging(params, { defaultSize: DEFAULT_CATALOGUE_PAGE_SIZE, maxSize: MAX_CATALOGUE_PAGE_SIZE });
  if (!paging.ok) return openDataFailure(paging.msg);
  const openType = params.get('openType')?.trim() ?? '';
  if (openType !== '' && openType !== '1' && openType !== '2') return openDataFailure('openType必须为1或2');
  const keyword = (params.get('keyword') ?? '').trim().toLowerCase();
  const domain = (params.get('domain') ?? '').trim();
  const orgName = (params.get('orgName') ?? '').trim();

  const matches = published(context).filter((state) => {
    const definition = state.definition;
    if (domain !== '' && definition.theme !== domain) return false;
    if (openType !== '' && OPEN_TYPE_OF[definition.openClass] !== openType) return false;
    if (orgName !== '' && !definition.publisher.includes(orgName)) return false;
    if (keyword === '') return true;
    const haystacks = [definition.title, definition.description];
    for (const column of definition.columns) {
      if (column.pinyin !== undefined) haystacks.push(column.pinyin, column.label);
    }
    return haystacks.some((text) => text.toLowerCase().includes(keyword));
  });

  const { start, end } = pageBounds(paging.pageNum, paging.pageSize);
  const list = start >= matches.length ? [] : matches.slice(start, end).map(catalogueEntry);
  return openDataSuccess({ total: matches.length, pageNum: paging.pageNum, pageSize: paging.pageSize, list }, context);
}

/** One catalogue entry by id; unknown ids answer `status 0` "目录不存在". */
export function answerCatalogueEntry(cataId: string, context: SandboxContext): Response {
  const state = context.datasets.get(cataId);
  if (!state) return openDataFailure('目录不存在');
  return openDataSuccess(catalogueEntry(state), context);
}
