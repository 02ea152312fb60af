/**
 * Section A of the zhejiang wire format: the open-data interfaces of one catalogue entry,
 * `jdop_front/interfaces/cata_{id}/get_data.do | get_total.do | get_dataupdate_date.do`.
 */
import type { SandboxContext } from '../../flavor.js';
import { pageCacheOf } from '../../page-cache.js';
import { JSON_CONTENT_TYPE, jsonResponse } from './json-response.js';
import { openDataAccess } from './open-data-access.js';
import { openDataFailure, openDataSuccess, openDataSuccessBody } from './open-data-answer.js';
import { pageBounds, readPaging } from './paging.js';
import type { RequestParams } from './request-params.js';
import { toServedRow } from './served-row.js';
import { formatShanghaiDateTime } from './shanghai-time.js';

/** The three interfaces every open catalogue entry offers. */
export const openDataInterfaces = ['get_data', 'get_total', 'get_dataupdate_date'] as const;

/** The name of one open-data interface, as in its URL and in a catalogue entry's `interfaces`. */
export type OpenDataInterface = (typeof openDataInterfaces)[number];

/** `get_data` serves at most this many rows per page. */
export const MAX_OPEN_DATA_PAGE_SIZE = 200;

const DEFAULT_OPEN_DATA_PAGE_SIZE = 10;

/**
 * Answers one open-data interface call. Checks run in the platform's order: the app secret,
 * then the catalogue entry, then the approval of a restricted entry, then paging.
 */
export function answerOpenData(
  cataId: string,
  name: OpenDataInterface,
  method: string,
  params: RequestParams,
  context: SandboxContext,
): Response {
  if (method !== 'GET' && method !== 'POST') return openDataFailure('请求方式不支持');
  const state = openDataAccess(cataId, params, context);
  if (state instanceof Response) return state;

  switch (name) {
    case 'get_total':
      return openDataSuccess(state.count, context);
    case 'get_dataupdate_date':
      return openDataSuccess(formatShanghaiDateTime(state.updatedAt), context);
    case 'get_data': {
      const paging = readPaging(params, { defaultSize: DEFAULT_OPEN_DATA_PAGE_SIZE, maxSize: MAX_OPEN_DATA_PAGE_SIZE });
      if (!paging.ok) return openDataFailure(paging.msg);
      const { start, end } = pageBounds(paging.pageNum, paging.pageSize);
      const render = () => {
        const rows = start >= state.count ? [] : state.slice(start, end);
        return openDataSuccessBody(rows.map((row) => toServedRow(row, state.definition)), context);
      };
      // Live rows change with the clock: render them every time.
      if (state.definition.live) return jsonResponse(render());
      const key = `${cataId}|${state.version}|${start}|${end}|${context.encodeData}`;
      const body = pageCacheOf(context).get(key, () => new TextEncoder().encode(JSON.stringify(render())));
      return new Response(body, { headers: { 'content-type': JSON_CONTENT_TYPE } });
    }
  }
}

