import type { DatasetState } from '../../dataset-state.js';
import { compileDatasetQuery, matchingRecords, project } from './dataset-query.js';
import { OdsError } from './ods-responses.js';
import { readInteger } from './odsql-clauses.js';

/** Export formats the sandbox serves. */
export type ExportFormat = 'jsonl' | 'csv';

/** Records encoded per pulled chunk: large enough to be quick, small enough to stay flat in memory. */
const CHUNK_RECORDS = 500;

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * `GET /catalog/datasets/{id}/exports/{jsonl|csv}`: every matching record (no 10,000 cap), with
 * `select`, `where`, `order_by` and `limit` (default -1: all). The body is a stream pulled in
 * chunks, so a 1.02M-row export never sits in memory. CSV uses `;` as Explore's exports do.
 */
export function datasetExport(state: DatasetState, url: URL, format: string): Response {
  if (format !== 'jsonl' && format !== 'csv') throw new OdsError(404, 'NotFound', `Unknown export format: ${format}`);
  const query = compileDatasetQuery(state, url.searchParams);
  const limit = readInteger(url.searchParams, 'limit', -1, -1, Number.MAX_SAFE_INTEGER);
  const records = matchingRecords(query);
  const encoder = new TextEncoder();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(`${query.select.map(csvCell).join(';')}\r\n`));
    },
    pull(controller) {
      let text = '';
      for (let n = 0; n < CHUNK_RECORDS; n++) {
        if (limit !== -1 && sent >= limit) break;
        const next = records.next();
        if (next.done) break;
        const record = project(next.value, query.select);
        text += format === 'jsonl' ? `${JSON.stringify(record)}\n` : csvLine(record, query.select);
        sent++;
      }
      if (text) controller.enqueue(encoder.encode(text));
      else controller.close();
    },
    cancel() {
      records.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${state.id}.${format}"`,
    },
  });
}

function csvLine(record: Record<string, unknown>, select: readonly string[]): string {
  return `${select.map((name) => (record[name] === null || record[name] === undefined ? '' : csvCell(String(record[name])))).join(';')}\r\n`;
}

function csvCell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
