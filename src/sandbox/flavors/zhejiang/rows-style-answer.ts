/**
 * Business answers of style `'rows'` (section A2): `{"success": true, "message": "查询成功",
 * "total": n, "rows": [[header…], [values…], …]}`, the total in every page and the column names
 * as the first row of every page (an empty page past the end still carries it); `success`
 * false with a `message`, `total` 0 and `rows` null for a failure. One interface, no count
 * interface; reads `userSecret`, `pageNumber` and `pageSize`.
 */
import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import type { BusinessParams } from './business-params.js';
import { MAX_OPEN_DATA_PAGE_SIZE } from './open-data-interfaces.js';
import { pageBounds, readPaging } from './paging.js';
import { toServedRow } from './served-row.js';

const DEFAULT_PAGE_SIZE = 10;

const failure = (message: string) => ({ success: false, message, total: 0, rows: null });

/** The business answer of one page. */
export function rowsStyleAnswer(state: DatasetState, business: BusinessParams, context: SandboxContext): unknown {
  const userSecret = business.get('userSecret');
  if (userSecret === undefined || userSecret === '') return failure('userSecret不能为空');
  if (userSecret !== context.credentials.userSecret) return failure('userSecret无效');
  const paging = readPaging(business, { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_OPEN_DATA_PAGE_SIZE, pageParam: 'pageNumber' });
  if (!paging.ok) return failure(paging.msg);
  const header = state.definition.columns.flatMap((column) => (column.pinyin === undefined ? [] : [column.pinyin]));
  const { start, end } = pageBounds(paging.pageNum, paging.pageSize);
  const rows: string[][] = [header];
  if (start < state.count) {
    for (const row of state.slice(start, end)) {
      const served = toServedRow(row, state.definition);
      rows.push(header.map((column) => served[column] ?? ''));
    }
  }
  return { success: true, message: '查询成功', total: state.count, rows };
}
