import { z } from 'zod';
import { RowsSchema } from '../../model/row-schema.js';
import { HttpError, NotFoundError, ResponseFormatError, UnsupportedError } from '../../errors/index.js';
import { requestFile } from '../../http/request-file.js';
import type { Transport } from '../../http/index.js';
import type { Dataset } from '../../model/dataset.js';
import { assertIdentifier } from '../path-segment.js';
import type {
  AggregateQuery,
  CallOptions,
  CatalogPage,
  ChangesQuery,
  ChangesSupport,
  CatalogQuery,
  DatasetFile,
  DeclaredType,
  FileSelection,
  DatasetVersion,
  PortalAdapter,
  RawRecord,
  RecordQuery,
  RecordReader,
} from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import { chooseFileResource } from './ckan-file.js';
import { changesSql, type ChangesPosition } from './changes-sql.js';
import { ckanErrorMessage, parseCkanResult } from './ckan-envelope.js';
import { DATASTORE_MAX_ROWS } from './ckan-capabilities.js';
import { CkanPackageSchema, PackageSearchSchema, toDataset } from './ckan-package.js';
import { quoteIdentifier, sqlAggregate } from './sql-dialect.js';

/** `package_search` silently returns at most 1000 rows whatever `rows` asks. */
const SEARCH_MAX_ROWS = 1000;
export { DATASTORE_MAX_ROWS };

const DatastoreSchema = z.object({
  fields: z.array(z.object({ id: z.string(), type: z.string().nullish() })).default([]),
  records: RowsSchema,
  total: z.number().optional(),
  _links: z.object({ start: z.string().optional(), next: z.string().optional(), next_page: z.string().optional() }).partial().optional(),
});

const FacetItemsSchema = z.object({ items: z.array(z.object({ name: z.string(), display_name: z.string().nullish() })) }).optional();
const FacetSchema = z.object({ search_facets: z.object({ groups: FacetItemsSchema, organization: FacetItemsSchema }) });

const SqlSchema = z.object({
  fields: z.array(z.object({ id: z.string(), type: z.string().nullish() })).default([]),
  records: RowsSchema,
});

/** Rows per `datastore_search_sql` page: CKAN cuts answers at `rows_max` and flags them. */
const SQL_MAX_ROWS = DATASTORE_MAX_ROWS;

export interface CkanSettings {
  readonly baseUrl: string;
  readonly token: string | undefined;
  /** Header carrying the token; some sites rename it. */
  readonly authHeader: string;
}

const NUMERIC_TYPES = new Set(['int', 'int2', 'int4', 'int8', 'integer', 'bigint', 'smallint', 'numeric', 'float', 'float4', 'float8', 'double precision', 'real']);

/**
 * CKAN Action API v3. Catalogue pages are sorted by `id asc` and advanced by what actually came
 * back, so the silent 1000-row cap loses nothing; DataStore pages follow `next_page` (keyset)
 * when the site offers it, else offsets.
 */
export class CkanAdapter implements PortalAdapter {
  constructor(
    private readonly transport: Transport,
    private readonly settings: CkanSettings,
  ) {}

  async searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage> {
    const start = cursor === undefined ? 0 : Number(cursor);
    const rows = Math.min(query.limit ?? 20, SEARCH_MAX_ROWS);
    const fq: string[] = [];
    if (query.theme) fq.push(`groups:${solrTerm(await this.facetName('groups', query.theme, options))}`);
    if (query.tag) fq.push(`tags:${solrTerm(query.tag)}`);
    if (query.publisher) fq.push(`organization:${solrTerm(await this.facetName('organization', query.publisher, options))}`);
    if (query.modifiedSince) fq.push(`metadata_modified:[${query.modifiedSince.toISOString()} TO *]`);
    // CKAN has no open classes: a private dataset is restricted, a public one unconditional.
    if (query.openClass) fq.push(`capacity:${query.openClass === 'restricted' ? 'private' : 'public'}`);
    const result = await this.action('package_search', {
      q: query.q || '*:*',
      fq: fq.length ? fq.join(' AND ') : undefined,
      // Sorting by id keeps pages stable while datasets change; by date they skip or repeat.
      sort: 'id asc',
      rows,
      start,
      include_private: this.settings.token ? true : undefined,
    }, PackageSearchSchema, options);
    const next = start + result.results.length;
    const mapped = result.results.map((pkg) => toDataset(pkg, this.settings.baseUrl));
    // A private dataset may state a stricter class (forbidden) than `capacity` can filter by.
    const items = query.openClass ? mapped.filter((dataset) => dataset.openClass === query.openClass) : mapped;
    return {
      items,
      total: result.count,
      cursor: result.results.length > 0 && next < result.count ? String(next) : undefined,
    };
  }

  /**
   * `fq=groups:` and `fq=organization:` match names (slugs), while datasets show titles as themes
   * and publishers: a value that is not a slug is looked up among the facet's display names
   * (one cacheable request).
   */
  private async facetName(field: 'groups' | 'organization', value: string, options: CallOptions): Promise<string> {
    if (/^[a-z0-9_-]+$/.test(value)) return value;
    const result = await this.action('package_search', { rows: 0, 'facet.field': JSON.stringify([field]), 'facet.limit': 1000, include_private: this.settings.token ? true : undefined }, FacetSchema, options);
    return result.search_facets[field]?.items.find((item) => item.display_name === value || item.name === value)?.name ?? value;
  }

  async getDataset(id: string, options: CallOptions): Promise<Dataset> {
    assertIdentifier(id);
    return toDataset(await this.action('package_show', { id }, CkanPackageSchema, options), this.settings.baseUrl);
  }

  async openRecords(datasetId: string, query: RecordQuery, options: CallOptions): Promise<RecordReader> {
    if (query.resource !== undefined) assertIdentifier(query.resource, 'resource id');
    if (query.format !== undefined) return this.fileReader(await this.openFile(datasetId, query, options));
    let resourceId = query.resource;
    if (resourceId === undefined) {
      const dataset = await this.getDataset(datasetId, options);
      const resource = dataset.resources.find((item) => item.queryable);
      // A dataset published only as files is read from its file.
      if (!resource) return this.fileReader(await this.openFile(datasetId, {}, options));
      resourceId = resource.id;
    }
    const reader = this.datastoreReader(resourceId, query);
    if (query.resource === undefined) return reader;
    // A named resource is tried as a DataStore first (no extra request when it is one); the
    // DataStore's 404 means a file resource, read from its file.
    let first: Awaited<ReturnType<typeof reader.fetchPage>>;
    try {
      first = await reader.fetchPage(undefined, options);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return this.fileReader(await this.openFile(datasetId, { resource: resourceId }, options));
    }
    let pending: typeof first | undefined = first;
    return {
      ...reader,
      fetchPage: async (cursor: string | undefined, pageOptions: CallOptions) => {
        if (cursor === undefined && pending) {
          const page = pending;
          pending = undefined;
          return page;
        }
        return reader.fetchPage(cursor, pageOptions);
      },
    };
  }

  async openFile(datasetId: string, selection: FileSelection, options: CallOptions): Promise<DatasetFile> {
    const dataset = await this.getDataset(datasetId, options);
    const resource = chooseFileResource(dataset, selection);
    const url = resource.url as string;
    const { token, authHeader } = this.settings;
    // The token goes only to the portal itself: resource URLs often point at other hosts.
    const sameSite = new URL(url, `${this.settings.baseUrl}/`).origin === new URL(this.settings.baseUrl).origin;
    const withToken = token !== undefined && sameSite;
    return {
      id: resource.id,
      name: resource.name,
      format: resource.format || null,
      url,
      size: resource.size,
      hash: resource.hash,
      updatedAt: resource.updatedAt,
      open: (request, openOptions) =>
        requestFile(
          this.transport,
          {
            url: new URL(url, `${this.settings.baseUrl}/`).href,
            ...(withToken ? { headers: { [authHeader]: token }, secrets: [token] } : {}),
          },
          request,
          openOptions,
        ),
      declaredTypes: async (typeOptions) => {
        const store = dataset.resources.find((item) => item.queryable);
        const types = new Map<string, DeclaredType>();
        if (!store) return types;
        const result = await this.get(this.actionUrl('datastore_search'), { resource_id: store.id, limit: 0 }, DatastoreSchema, typeOptions);
        for (const field of result.fields) {
          if (NUMERIC_TYPES.has(field.type ?? '')) types.set(field.id, 'number');
          else if (field.type === 'bool' || field.type === 'boolean') types.set(field.id, 'boolean');
        }
        return types;
      },
    };
  }

  private fileReader(file: DatasetFile): RecordReader {
    return { kind: 'file', applied: { where: false, q: false, fields: false, orderBy: false }, total: undefined, file };
  }

  private datastoreReader(resourceId: string, query: RecordQuery): Extract<RecordReader, { kind: 'cursor' }> {
    const limit = Math.min(query.pageSize, DATASTORE_MAX_ROWS);
    const sort = query.orderBy?.length ? query.orderBy.map((order) => `${quoteField(order.field)} ${order.direction}`).join(', ') : '_id asc';
    const first: Record<string, string | number | undefined> = {
      resource_id: resourceId,
      limit,
      filters: query.where && Object.keys(query.where).length ? JSON.stringify(query.where) : undefined,
      q: query.q,
      fields: query.fields?.length ? query.fields.join(',') : undefined,
      sort,
    };
    return {
      kind: 'cursor',
      applied: { where: true, q: true, fields: true, orderBy: true },
      total: undefined,
      fetchPage: async (cursor, pageOptions) => {
        const request = cursor === undefined ? { url: this.actionUrl('datastore_search'), params: first } : this.followCursor(cursor, first);
        const result = await this.get(request.url, request.params, DatastoreSchema, { cache: false, ...pageOptions });
        const rows = coerceNumbers(result.records, result.fields);
        const offset = Number(request.params['offset'] ?? 0);
        // Prefer the keyset link; else advance by the rows that really came back.
        const nextCursor = result._links?.next_page ? `link:${result._links.next_page}` : `offset:${offset + rows.length}`;
        const done = rows.length === 0 || (result.total !== undefined && !result._links?.next_page && offset + rows.length >= result.total);
        return { rows, cursor: done ? undefined : nextCursor, total: result.total };
      },
    };
  }

  async datasetVersion(datasetId: string, options: CallOptions): Promise<DatasetVersion> {
    const dataset = await this.getDataset(datasetId, { cache: false, ...options });
    const resource = dataset.resources.find((item) => item.queryable);
    let total: number | undefined;
    if (resource) {
      const result = await this.get(this.actionUrl('datastore_search'), { resource_id: resource.id, limit: 0 }, DatastoreSchema, { cache: false, ...options });
      total = result.total;
    }
    const times = [dataset.updatedAt, ...dataset.resources.map((item) => item.updatedAt)].filter((date): date is Date => date !== null);
    const latest = times.length ? new Date(Math.max(...times.map((date) => date.getTime()))) : null;
    return { updatedAt: latest, total };
  }

  /**
   * `datastore_search_sql` is off on most sites (`ckan.datastore.sqlsearch.enabled`): one
   * `LIMIT 1` query tells, and the answer is kept for this client's life.
   */
  async probeChanges(datasetId: string, options: CallOptions): Promise<ChangesSupport | null> {
    const cached = this.changesSupport.get(datasetId);
    if (cached !== undefined) return cached;
    const resourceId = await this.datastoreResource(datasetId, options);
    let support: ChangesSupport | null;
    try {
      const result = await this.get(this.actionUrl('datastore_search_sql'), { sql: `SELECT * FROM ${quoteIdentifier(resourceId)} LIMIT 1` }, SqlSchema, { cache: false, ...options });
      support = { columns: result.fields.map((field) => field.id) };
    } catch (error) {
      // An unregistered action answers 400 "Action name not known"; a refused one 403.
      if (error instanceof HttpError && (error.status === 400 || error.status === 403)) support = null;
      else throw error;
    }
    this.changesSupport.set(datasetId, support);
    return support;
  }

  /**
   * `GROUP BY` through `datastore_search_sql` where the site allows it (see `probeChanges`):
   * only the groups travel. `null` where SQL is off or the groups pass one answer's `rows_max`.
   */
  async aggregate(datasetId: string, query: AggregateQuery, options: CallOptions): Promise<RawRecord[] | null> {
    if (!(await this.probeChanges(datasetId, options))) return null;
    const resourceId = await this.datastoreResource(datasetId, options);
    const sql = `${sqlAggregate(query, resourceId)} LIMIT ${SQL_MAX_ROWS}`;
    const result = await this.get(this.actionUrl('datastore_search_sql'), { sql }, SqlSchema, { cache: false, ...options });
    if (result.records.length >= SQL_MAX_ROWS) return null;
    return result.records;
  }

  async openChanges(datasetId: string, query: ChangesQuery, options: CallOptions): Promise<RecordReader> {
    const resourceId = query.resource ?? (await this.datastoreResource(datasetId, options));
    assertIdentifier(resourceId, 'resource id');
    const limit = Math.min(query.pageSize, SQL_MAX_ROWS);
    return {
      kind: 'cursor',
      applied: { where: false, q: false, fields: false, orderBy: true },
      total: undefined,
      fetchPage: async (cursor, pageOptions) => {
        const after = cursor === undefined ? undefined : (JSON.parse(cursor) as ChangesPosition);
        const sql = changesSql(resourceId, query, after, limit);
        const result = await this.get(this.actionUrl('datastore_search_sql'), { sql }, SqlSchema, { cache: false, ...pageOptions });
        const rows = coerceNumbers(result.records, result.fields);
        const last = rows[rows.length - 1];
        const next = last && rows.length >= limit ? JSON.stringify({ modified: last[query.modifiedColumn], key: last[query.key] }) : undefined;
        return { rows, cursor: next, total: undefined };
      },
    };
  }

  private readonly changesSupport = new Map<string, ChangesSupport | null>();

  private async datastoreResource(datasetId: string, options: CallOptions): Promise<string> {
    const dataset = await this.getDataset(datasetId, options);
    const resource = dataset.resources.find((item) => item.queryable);
    if (!resource) {
      throw new UnsupportedError(`${datasetId} has no DataStore resource to query (resources: ${dataset.resources.map((item) => `${item.name} [${item.format}]`).join(', ') || 'none'})`);
    }
    return resource.id;
  }

  /** A cursor is either a keyset link the site gave (kept on the site's own origin) or an offset. */
  private followCursor(cursor: string, first: Record<string, string | number | undefined>): { url: string; params: Record<string, string | number | undefined> } {
    if (cursor.startsWith('offset:')) return { url: this.actionUrl('datastore_search'), params: { ...first, offset: Number(cursor.slice(7)) } };
    const link = new URL(cursor.slice(5), `${this.settings.baseUrl}/`);
    const base = new URL(this.settings.baseUrl);
    if (link.origin !== base.origin) throw new ResponseFormatError(`The portal's next_page link points to another site (${link.origin}); refusing to follow it`);
    const params: Record<string, string> = {};
    link.searchParams.forEach((value, key) => {
      params[key] = value;
    });
    return { url: `${this.actionUrl('datastore_search')}`, params };
  }

  private actionUrl(action: string): string {
    return `${this.settings.baseUrl}/api/3/action/${action}`;
  }

  private async action<T extends z.ZodType>(action: string, params: Record<string, string | number | boolean | undefined>, schema: T, options: CallOptions): Promise<z.output<T>> {
    return this.get(this.actionUrl(action), params, schema, options);
  }

  private async get<T extends z.ZodType>(url: string, params: Record<string, string | number | boolean | undefined>, schema: T, options: CallOptions): Promise<z.output<T>> {
    const { token, authHeader } = this.settings;
    const response = await this.transport.request({
      method: 'GET',
      url,
      searchParams: params,
      headers: token ? { [authHeader]: token } : {},
      secrets: token ? [token] : [],
      parse: (body) => parseCkanResult(body, schema),
      errorMessage: ckanErrorMessage,
      ...transportCallOptions(options),
    });
    return response.data;
  }
}

/** Text columns of many sites carry numbers as strings; the DataStore's declared types say which are numbers. */
function coerceNumbers(records: RawRecord[], fields: readonly { id: string; type?: string | null | undefined }[]): RawRecord[] {
  const numeric = fields.filter((field) => NUMERIC_TYPES.has(field.type ?? '')).map((field) => field.id);
  if (numeric.length === 0) return records;
  for (const record of records) {
    for (const field of numeric) {
      const value = record[field];
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) record[field] = Number(value);
    }
  }
  return records;
}

function solrTerm(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** A `datastore_search` sort field: a plain name as it is, any other as a quoted identifier. */
function quoteField(field: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) ? field : quoteIdentifier(field);
}
