/**
 * Dataset downloads (sandbox shape: the platform offers CSV/XLSX/JSON downloads on each
 * catalogue page but documents no download API, so this route is ours):
 * `GET {base}/jdop_front/download/cata_{id}.{csv|xlsx|json}?appsecret=S`. Errors answer the
 * section-A failure envelope with HTTP 200, as the platform's interfaces do.
 */
import type { SandboxContext } from '../../flavor.js';
import { datasetFile, serveFile, XLSX_MAX_ROWS, type DatasetFileSource, type ServedFileFormat } from '../../files/index.js';
import type { DatasetState } from '../../dataset-state.js';
import { openDataAccess } from './open-data-access.js';
import { openDataFailure } from './open-data-answer.js';
import type { RequestParams } from './request-params.js';
import { toServedRow } from './served-row.js';

/** The download formats, by file extension. CSV is GBK, sent without a charset, as the platform sends it. */
const FORMATS: Readonly<Record<string, ServedFileFormat>> = { csv: 'csv-gbk', xlsx: 'xlsx', json: 'json' };

/** The download extensions every open catalogue entry offers. */
export const downloadExtensions = Object.keys(FORMATS);

function zhejiangFileSource(state: DatasetState): DatasetFileSource {
  const definition = state.definition;
  const columns = definition.columns.flatMap((column) => (column.pinyin === undefined ? [] : [column.pinyin]));
  return {
    owner: state,
    id: state.id,
    updatedAt: state.updatedAt,
    table: {
      columns,
      count: state.count,
      row(position) {
        const row = state.rowAt(position);
        if (!row) return undefined;
        const served = toServedRow(row, definition);
        return columns.map((column) => served[column] ?? '');
      },
    },
  };
}

/** Answers one download, after the same checks as the open-data interfaces. */
export async function answerFileDownload(request: Request, cataId: string, extension: string, params: RequestParams, context: SandboxContext): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return openDataFailure('请求方式不支持');
  const state = openDataAccess(cataId, params, context);
  if (state instanceof Response) return state;
  const format = FORMATS[extension.toLowerCase()];
  if (!format) return openDataFailure('文件格式不支持');
  const file = await datasetFile(zhejiangFileSource(state), format, format === 'csv-gbk' ? 'text/csv' : undefined);
  if (file === 'too-large') return openDataFailure(`数据量超过${XLSX_MAX_ROWS}条，不提供Excel下载，请使用CSV或接口获取`);
  return serveFile(request, file);
}
