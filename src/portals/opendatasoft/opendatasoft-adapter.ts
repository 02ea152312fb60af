import type { z } from 'zod';
import { ResponseFormatError } from '../../errors/index.js';
import type { Transport } from '../../http/index.js';
import type { Dataset } from '../../model/dataset.js';
import { pathSegment } from '../path-segment.js';
import type {
  AggregateQuery,
  CallOptions,
  CatalogPage,
  CatalogQuery,
  ChangesQuery,
  ChangesSupport,
  DatasetVersion,
  PortalAdapter,
  RawRecord,
  RecordQuery,
  RecordReader,
} from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import { jsonlBatches } from './jsonl-batches.js';
import { ODS_MAX_LIMIT } from './opendatasoft-capabilities.js';
import { parseOdsDate, toDataset } from './ods-dataset.js';
import { CatalogEntrySchema, CatalogSchema, GroupsSchema, odsErrorMessage, odsQuotaError, parseOds, RecordsSchema } from './ods-envelope.js';
import { odsqlAggregate, odsqlOrderBy, odsqlWhere, quoteDate, quoteIdentifier, quoteLiteral } from './odsql-dialect.js';

export { ODS_MAX_LIMIT };
/** Explore refuses `offset + limit` past this: deeper reads go through an export. */
export const ODS_MAX_WINDOW = 10_000;

export interface OpendatasoftSettings {
  /** The domain's root, e.g. `https://data.example.com`. */
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
}

type Params = Record<string, string | number | undefined>;

/**
 * Opendatasoft Explore API v2.1. Reads of at most 10,000 rows page through `/records` (100 rows a
 * page, in parallel); anything larger or unbounded streams `exports/jsonl` in one request, since
 * `/records` refuses `offset + limit` past 10,000. Changed rows are read by keyset over
 * (modified, key) at offset 0, which the 10,000 window never limits.
 */
export class OpendatasoftAdapter implements PortalAdapter {
  private readonly apiBase: string;

  constructor(
    private readonly transport: Transport,
    private readonly settings: OpendatasoftSettings,
  ) {
    this.apiBase = `${settings.baseUrl}/api/explore/v2.1`;
  }

  async searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage> {
    const offset = cursor === undefined ? 0 : Number(cursor);
    const limit = Math.min(query.limit ?? 20, ODS_MAX_LIMIT, ODS_MAX_WINDOW - offset);
    const where: string[] = [];
    if (query.q) where.push(`search(${quoteLiteral(query.q)})`);
    if (query.modifiedSince) where.push(`modified >= ${quoteDate(query.modifiedSince.toISOString())}`);
    const params = new URLSearchParams({ limit: String(limit), offset: String(offset), order_by: 'dataset_id asc' });
    if (where.length) params.set('where', where.join(' and '));
    if (query.theme) params.append('refine', `theme:${query.theme}`);
    if (query.tag) params.append('refine', `keyword:${query.tag}`);
    if (query.publisher) params.append('refine', `publisher:${query.publisher}`);
    const result = await this.get(`${this.apiBase}/catalog/datasets`, params, CatalogSchema, 'catalogue', options);
    const items = result.results.map((entry) => toDataset(entry, this.apiBase, this.settings.baseUrl));
    const next = offset + result.results.length;
    return {
      // Explore has no open-class filter: restricted (needs a key) or not is checked here.
      items: query.openClass ? items.filter((dataset) => dataset.openClass === query.openClass) : items,
      total: result.total_count,
      cursor: result.results.length > 0 && next < result.total_count && next < ODS_MAX_WINDOW ? String(next) : undefined,
    };
  }

  async getDataset(id: string, options: CallOptions): Promise<Dataset> {
    const entry = await this.get(this.datasetUrl(id), undefined, CatalogEntrySchema, 'dataset', options);
    return toDataset(entry, this.apiBase, this.settings.baseUrl);
  }

  async openRecords(datasetId: string, query: RecordQuery, options: CallOptions): Promise<RecordReader> {
    const url = this.datasetUrl(datasetId);
    const filters: Params = {
      where: odsqlWhere(query.where, query.q),
      select: query.fields?.length ? query.fields.map(quoteIdentifier).join(', ') : undefined,
      order_by: odsqlOrderBy(query.orderBy),
    };
    const applied = { where: true, q: true, fields: true, orderBy: true };
    // A read that fits one page (a look-up by number) is that page alone, with no count before it.
    if (query.limit !== undefined && query.limit <= ODS_MAX_LIMIT) {
      const limit = query.limit;
      return {
        kind: 'cursor',
        applied,
        total: undefined,
        fetchPage: async (_cursor, pageOptions) => {
          const page = await this.get(`${url}/records`, { ...filters, limit, offset: 0 }, RecordsSchema, 'records', { cache: false, ...pageOptions });
          return { rows: page.results, cursor: undefined, total: page.total_count };
        },
      };
    }
    // One count: it sizes the parallel pages, and tells how many rows an export must hold.
    const counting = this.get(`${url}/records`, { ...filters, limit: 0 }, RecordsSchema, 'records', { cache: false, ...options }).then((page) => page.total_count);

    if (query.limit !== undefined && query.limit <= ODS_MAX_WINDOW) {
      const total = await counting;
      const pageSize = Math.min(query.pageSize, ODS_MAX_LIMIT);
      return {
        kind: 'pages',
        applied,
        pageSize,
        total: Math.min(total, ODS_MAX_WINDOW),
        fetchPage: async (pageNumber, pageOptions) => {
          const offset = (pageNumber - 1) * pageSize;
          if (offset >= ODS_MAX_WINDOW) return [];
          const limit = Math.min(pageSize, ODS_MAX_WINDOW - offset);
          const page = await this.get(`${url}/records`, { ...filters, limit, offset }, RecordsSchema, 'records', { cache: false, ...pageOptions });
          return page.results;
        },
      };
    }

    // The export opens while the count is on its way rather than one round trip after it; a stream
    // that is never read must not leave the count's failure unhandled.
    counting.catch(() => undefined);
    const limit = query.limit;
    const expecting = counting.then((total) => (limit === undefined ? total : Math.min(total, limit)));
    return {
      kind: 'stream',
      applied,
      total: undefined,
      rows: (from, streamOptions) => this.exportRows(`${url}/exports/jsonl`, { ...filters, limit }, from, expecting, streamOptions),
    };
  }

  async datasetVersion(datasetId: string, options: CallOptions): Promise<DatasetVersion> {
    const entry = await this.get(this.datasetUrl(datasetId), undefined, CatalogEntrySchema, 'dataset', { cache: false, ...options });
    const metas = entry.metas.default;
    const times = [parseOdsDate(metas.modified), parseOdsDate(metas.data_processed)].filter((date): date is Date => date !== null);
    return {
      updatedAt: times.length ? new Date(Math.max(...times.map((date) => date.getTime()))) : null,
      total: typeof metas.records_count === 'number' ? metas.records_count : undefined,
    };
  }

  /** A dataset with a date or datetime column can be read by modification time: its fields. */
  async probeChanges(datasetId: string, options: CallOptions): Promise<ChangesSupport | null> {
    const dataset = await this.getDataset(datasetId, options);
    const dated = dataset.fields.some((field) => field.type === 'datetime' || field.type === 'date');
    return dated ? { columns: dataset.fields.map((field) => field.name) } : null;
  }

  /**
   * Rows modified at or after `since`, ordered by (modified, key), each page starting after the
   * last pair seen (`where modified > m or (modified = m and key > k)`, always at offset 0).
   */
  async openChanges(datasetId: string, query: ChangesQuery, _options: CallOptions): Promise<RecordReader> {
    const url = `${this.datasetUrl(datasetId)}/records`;
    const limit = Math.min(query.pageSize, ODS_MAX_LIMIT);
    const modified = quoteIdentifier(query.modifiedColumn);
    const key = quoteIdentifier(query.key);
    return {
      kind: 'cursor',
      applied: { where: false, q: false, fields: false, orderBy: true },
      total: undefined,
      fetchPage: async (cursor, pageOptions) => {
        const after = cursor === undefined ? undefined : (JSON.parse(cursor) as { modified: string; key: string | number });
        const conditions: string[] = [];
        if (query.since) conditions.push(`${modified} >= ${quoteDate(query.since.toISOString())}`);
        if (after) {
          const m = quoteDate(after.modified);
          conditions.push(`(${modified} > ${m} or (${modified} = ${m} and ${key} > ${quoteLiteral(after.key)}))`);
        }
        const params: Params = { where: conditions.length ? conditions.join(' and ') : undefined, order_by: `${modified} asc, ${key} asc`, limit };
        const page = await this.get(url, params, RecordsSchema, 'records', { cache: false, ...pageOptions });
        const last = page.results[page.results.length - 1];
        const lastModified = last?.[query.modifiedColumn];
        const lastKey = last?.[query.key];
        const next =
          page.results.length >= limit && typeof lastModified === 'string' && (typeof lastKey === 'string' || typeof lastKey === 'number')
            ? JSON.stringify({ modified: lastModified, key: lastKey })
            : undefined;
        return { rows: page.results, cursor: next, total: undefined };
      },
    };
  }

  /**
   * Streams an export from its start, dropping the first `from` rows: Explore exports have no
   * resumable offset, and their order is the dataset's own stable one (or `order_by`'s).
   */
  private async *exportRows(url: string, params: Params, from: number, expecting: Promise<number>, options: CallOptions): AsyncGenerator<RawRecord[]> {
    const opening = this.transport.request({
      method: 'GET',
      url,
      searchParams: params,
      responseType: 'stream',
      ...this.auth(),
      parse: (stream, response) => {
        const type = response.headers.get('content-type') ?? '';
        if (stream === null || /\btext\/html\b/i.test(type)) {
          (stream as ReadableStream | null)?.cancel().catch(() => undefined);
          throw new ResponseFormatError(`expected a JSON Lines export, got ${type || 'no body'}`);
        }
        return stream as ReadableStream<Uint8Array>;
      },
      errorMessage: odsErrorMessage,
      mapError: odsQuotaError,
      ...transportCallOptions(options),
    });
    let expected: number;
    try {
      // The count's failure (a bad filter, a missing dataset) is the one reported, as when it went first.
      expected = await expecting;
    } catch (error) {
      opening.then(({ data }) => data.cancel().catch(() => undefined), () => undefined);
      throw error;
    }
    const { data: body } = await opening;
    yield* jsonlBatches(body, { skip: from, expected, signal: options.signal });
  }

  /** `select` with aggregate functions and `group_by` on `/records`: only the groups travel, 100 a page. */
  async aggregate(datasetId: string, query: AggregateQuery, options: CallOptions): Promise<RawRecord[] | null> {
    const url = `${this.datasetUrl(datasetId)}/records`;
    const where = odsqlWhere(query.where, undefined);
    const groups: RawRecord[] = [];
    let complete = false;
    for (let offset = 0; offset < ODS_MAX_WINDOW; offset += ODS_MAX_LIMIT) {
      const page = await this.get(url, { ...odsqlAggregate(query), where, limit: ODS_MAX_LIMIT, offset }, GroupsSchema, 'records', { cache: false, ...options });
      groups.push(...page.results);
      const short = page.results.length < ODS_MAX_LIMIT;
      // Grouped answers carry no `total_count`: a short page is the last one.
      complete = page.total_count === undefined ? short : groups.length >= page.total_count;
      if (short || complete) break;
    }
    // More groups than the 10,000-result window: the rows are aggregated on the client instead.
    return complete ? groups : null;
  }

  private datasetUrl(id: string): string {
    return `${this.apiBase}/catalog/datasets/${pathSegment(id)}`;
  }

  private auth(): { headers: Record<string, string>; secrets: string[] } {
    const key = this.settings.apiKey;
    return key ? { headers: { Authorization: `Apikey ${key}` }, secrets: [key] } : { headers: {}, secrets: [] };
  }

  private async get<T extends z.ZodType>(url: string, params: Params | URLSearchParams | undefined, schema: T, what: string, options: CallOptions): Promise<z.output<T>> {
    const response = await this.transport.request({
      method: 'GET',
      url,
      searchParams: params,
      ...this.auth(),
      parse: (body) => parseOds(body, schema, what),
      errorMessage: odsErrorMessage,
      mapError: odsQuotaError,
      ...transportCallOptions(options),
    });
    return response.data;
  }
}
