/**
 * Business answers of style `'code'` (section A2): `{"code": "1", "msg": "查询成功", "data":
 * {"count": n}}` from the count interface, and `{"code": "1", "msg": "查询成功", "data":
 * {"count": n, "data": "<the page's rows as a JSON string>"}}` from the paging interface;
 * `code` "0" with a `msg` for a failure. Reads `appSecret`, `userSecret`, `pageNum` and
 * `pageSize`.
 */
import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import type { BusinessParams } from './business-params.js';
import type { DataGatewayRole } from './data-gateway-interfaces.js';
import { MAX_OPEN_DATA_PAGE_SIZE } from './open-data-interfaces.js';
import { pageBounds, readPaging } from './paging.js';
import { toServedRow } from './served-row.js';

const DEFAULT_PAGE_SIZE = 10;

const failure = (msg: string) => ({ code: '0', msg, data: null });
const success = (data: unknown) => ({ code: '1', msg: '查询成功', data });

/** The business answer of one call. This style has no update-date interface. */
export function codeStyleAnswer(role: DataGatewayRole, state: DatasetState, business: BusinessParams, context: SandboxContext): unknown {
  for (const [name, expected] of [
    ['appSecret', context.credentials.appSecret],
    ['userSecret', context.credentials.userSecret],
  ] as const) {
    const value = business.get(name);
    if (value === undefined || value === '') return failure(`${name}不能为空`);
    if (value !== expected) return failure(`${name}无效`);
  }
  if (role !== 'data') return success({ count: state.count });
  const paging = readPaging(business, { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_OPEN_DATA_PAGE_SIZE });
  if (!paging.ok) return failure(paging.msg);
  const { start, end } = pageBounds(paging.pageNum, paging.pageSize);
  const rows = start >= state.count ? [] : state.slice(start, end).map((row) => toServedRow(row, state.definition));
  return success({ count: state.count, data: JSON.stringify(rows) });
}
