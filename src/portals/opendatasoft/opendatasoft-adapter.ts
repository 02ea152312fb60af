import type { z } from 'zod';
import { ResponseFormatError } from '../../errors/index.js';
import type { Transport } from '../../http/index.js';
import type { Dataset } from '../../model/dataset.js';
import { pathSegment } from '../path-segment.js';
import type {
  CallOptions,
  CatalogPage,
  CatalogQuery,
  DatasetVersion,
  PortalAdapter,
  RawRecord,
  RecordQuery,
  RecordReader,
} from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import { jsonlBatches } from './jsonl-batches.js';
import { parseOdsDate, toDataset } from './ods-dataset.js';
import { CatalogEntrySchema, CatalogSchema, odsErrorMessage, odsQuotaError, parseOds, RecordsSchema } from './ods-envelope.js';
import { odsqlField, odsqlOrderBy, odsqlString, odsqlWhere } from './odsql-filter.js';

/** Largest `limit` of `/records` and `/catalog/datasets`. */
export const ODS_MAX_LIMIT = 100;
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
 * `/records` refuses `offset + limit` past 10,000.
 */
export class OpendatasoftAdapter implements PortalAdapter {
  readonly family = 'opendatasoft' as const;
  readonly capabilities = {
    serverFilters: true,
    serverFullText: true,
    serverOrder: true,
    maxPageSize: ODS_MAX_LIMIT,
    parallelPages: true,
  };
  private readonly apiBase: string;

  constructor(
    private readonly transport: Transport,
    private readonly settings: OpendatasoftSettings,
    private readonly credentialFingerprint: string,
  ) {
    this.apiBase = `${settings.baseUrl}/api/explore/v2.1`;
  }

  get baseUrl(): string {
    return this.settings.baseUrl;
  }

  parseTimestamp(value: unknown): Date | null {
    return parseOdsDate(value);
  }

  async searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage> {
    const offset = cursor === undefined ? 0 : Number(cursor);
    const limit = Math.min(query.limit ?? 20, ODS_MAX_LIMIT, ODS_MAX_WINDOW - offset);
    const where: string[] = [];
    if (query.q) where.push(`search(${odsqlString(query.q)})`);
    if (query.modifiedSince) where.push(`modified >= date'${query.modifiedSince.toISOString()}'`);
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
      select: query.fields?.length ? query.fields.map(odsqlField).join(', ') : undefined,
      order_by: odsqlOrderBy(query.orderBy),
    };
    const applied = { where: true, q: true, fields: true, orderBy: true };
    // One count first: it sizes the parallel pages, and tells how many rows an export must hold.
    const counted = await this.get(`${url}/records`, { ...filters, limit: 0 }, RecordsSchema, 'records', { cache: false, ...options });
    const total = counted.total_count;

    if (query.limit !== undefined && query.limit <= ODS_MAX_WINDOW) {
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

    const expected = query.limit === undefined ? total : Math.min(total, query.limit);
    return {
      kind: 'stream',
      applied,
      total: expected,
      rows: (from, streamOptions) => this.exportRows(`${url}/exports/jsonl`, { ...filters, limit: query.limit }, from, expected, streamOptions),
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

  /**
   * Streams an export from its start, dropping the first `from` rows: Explore exports have no
   * resumable offset, and their order is the dataset's own stable one (or `order_by`'s).
   */
  private async *exportRows(url: string, params: Params, from: number, expected: number, options: CallOptions): AsyncGenerator<RawRecord[]> {
    const { data: body } = await this.transport.request({
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
      credentialFingerprint: this.credentialFingerprint,
      ...transportCallOptions(options),
    });
    yield* jsonlBatches(body, { skip: from, expected, signal: options.signal });
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
      credentialFingerprint: this.credentialFingerprint,
      ...transportCallOptions(options),
    });
    return response.data;
  }
}
