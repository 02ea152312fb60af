/**
 * Business answers of style `'status'` (section A2): `{"status": 1, "msg": "成功", "data": …}`,
 * the count, a page of rows or the update date; `status` 0 with a `msg` for a failure. Reads
 * `appsecret`, `pageNum` and `pageSize`, as section A does.
 */
import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import type { BusinessParams } from './business-params.js';
import type { DataGatewayRole, ServedDataGateway } from './data-gateway-interfaces.js';
import { encodeData } from './encode-data.js';
import { MAX_OPEN_DATA_PAGE_SIZE } from './open-data-interfaces.js';
import { pageBounds, readPaging } from './paging.js';
import { toServedRow } from './served-row.js';
import { formatShanghaiDateTime } from './shanghai-time.js';

const DEFAULT_PAGE_SIZE = 10;

const failure = (msg: string) => ({ status: 0, msg, data: null });
const success = (data: unknown) => ({ status: 1, msg: '成功', data });

/** The business answer of one call; `context.encodeData` JSON-encodes `data` further, as for section A. */
export function statusStyleAnswer(gateway: ServedDataGateway, role: DataGatewayRole, state: DatasetState, business: BusinessParams, context: SandboxContext): unknown {
  const appsecret = business.get('appsecret');
  if (appsecret === undefined || appsecret === '') return failure('appsecret不能为空');
  if (appsecret !== context.credentials.appSecret) return failure('appsecret无效');
  switch (role) {
    case 'count':
      return success(encodeData(state.count, context.encodeData));
    case 'updateDate':
      return success(encodeData(formatShanghaiDateTime(state.updatedAt), context.encodeData));
    case 'data': {
      const paging = readPaging(business, { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_OPEN_DATA_PAGE_SIZE });
      if (!paging.ok) return failure(paging.msg);
      const { start, end } = pageBounds(paging.pageNum, paging.pageSize);
      const rows = start >= state.count ? [] : state.slice(start, end).map((row) => toServedRow(row, state.definition));
      const times = Math.max(context.encodeData, gateway.rowsAsString ? 1 : 0) as 0 | 1 | 2;
      return success(encodeData(rows, times));
    }
  }
}
