import { z } from 'zod';
import { RowSchema, RowsSchema } from '../../model/row-schema.js';
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
import { DiscoveryAnswerSchema, discoveryToDataset } from './discovery-result.js';
import { SODA_MAX_PAGE } from './socrata-capabilities.js';
import { cellConverters, coerceCells, typesFromHeaders } from './soda-types.js';
import { parseSodaAnswer, sodaErrorMessage } from './soda-envelope.js';
import { SocrataViewSchema, viewToDataset } from './socrata-view.js';
import { quoteIdentifier, quoteLiteral, soqlAggregate, soqlWhere } from './soql-dialect.js';

export { SODA_MAX_PAGE };
/** The Discovery API's largest page. */
const DISCOVERY_MAX_LIMIT = 100;

const CountSchema = z.array(RowSchema).min(1);

export interface SocrataSettings {
  readonly baseUrl: string;
  readonly appToken: string | undefined;
  /** The site's domain for the Discovery API's `domains=`. */
  readonly domain: string;
  /** Root of the Discovery API (`/api/catalog/v1` is appended). */
  readonly discoveryUrl: string;
  /** Wait before asking again after a 202 without `Retry-After`, in ms. */
  readonly pollInterval: number;
}

/** Revalidate on every use: a change check must see changes at once, and a 304 keeps it cheap. */
const REVALIDATE = { ttl: 1 } as const;

/**
 * Socrata SODA 2.1 and the Discovery API. Rows are read in `:id` order by keyset
 * (`$where=… AND :id > 'last'`), so a full pull never skips or repeats rows and costs the same
 * on the last page as on the first; a user `orderBy` pages by offset with `:id` as tiebreak.
 * Cells are typed from `X-SODA2-Types` (or the view's columns when a wide dataset drops the header).
 */
export class SocrataAdapter implements PortalAdapter {
  private readonly columnTypes = new Map<string, Promise<Map<string, string>>>();
  private readonly changesSupport = new Map<string, Promise<ChangesSupport | null>>();

  constructor(
    private readonly transport: Transport,
    private readonly settings: SocrataSettings,
  ) {}

  /** Discovery pages advance by `scroll_id` (the last id seen), which has no 10,000-result window. */
  async searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage> {
    const limit = Math.min(Math.max(1, query.limit ?? 20), DISCOVERY_MAX_LIMIT);
    const answer = await this.get(
      `${this.settings.discoveryUrl}/api/catalog/v1`,
      { domains: this.settings.domain, only: 'datasets', q: query.q || undefined, categories: query.theme, tags: query.tag, limit, scroll_id: cursor },
      DiscoveryAnswerSchema,
      options,
    );
    const all = answer.results.map((hit) => discoveryToDataset(hit, this.settings.baseUrl));
    const since = query.modifiedSince?.getTime();
    // Discovery cannot filter these: they are checked here.
    const items = all.filter(
      (dataset) =>
        (!query.openClass || dataset.openClass === query.openClass) &&
        (!query.publisher || dataset.publisher?.name === query.publisher || dataset.publisher?.id === query.publisher) &&
        (since === undefined || (dataset.updatedAt !== null && dataset.updatedAt.getTime() >= since)),
    );
    const last = answer.results[answer.results.length - 1];
    return { items, total: answer.resultSetSize, cursor: last && answer.results.length >= limit ? last.resource.id : undefined };
  }

  async getDataset(id: string, options: CallOptions): Promise<Dataset> {
    const view = await this.get(`${this.settings.baseUrl}/api/views/${pathSegment(id)}.json`, {}, SocrataViewSchema, options);
    return viewToDataset(view, this.settings.baseUrl);
  }

  async openRecords(datasetId: string, query: RecordQuery, _options: CallOptions): Promise<RecordReader> {
    const url = this.resourceUrl(datasetId);
    const limit = Math.min(query.pageSize, SODA_MAX_PAGE);
    const userWhere = query.where ? soqlWhere(query.where) : undefined;
    const keepId = query.fields?.includes(':id') ?? false;
    const columns = query.fields?.length ? query.fields.filter((field) => field !== ':id').map(quoteIdentifier) : ['*'];
    // An unwanted `:id` goes last: deleting an object's last key is cheap, deleting its first turns every row into a slow dictionary.
    const select = (keepId ? [':id', ...columns] : [...columns, ':id']).join(',');
    const ordered = query.orderBy?.length ? query.orderBy : undefined;
    const order = ordered ? [...ordered.map((term) => `${quoteIdentifier(term.field)} ${term.direction.toUpperCase()}`), ':id'].join(',') : ':id';
    return {
      kind: 'cursor',
      applied: { where: true, q: true, fields: true, orderBy: true },
      total: undefined,
      fetchPage: async (cursor, pageOptions) => {
        const params: Record<string, string | number | undefined> = { $select: select, $order: order, $limit: limit, $q: query.q || undefined };
        if (ordered) {
          params['$where'] = userWhere;
          params['$offset'] = cursor === undefined ? undefined : Number(cursor);
        } else {
          const after = cursor === undefined ? undefined : `:id > ${quoteLiteral(cursor)}`;
          params['$where'] = [userWhere && after ? `(${userWhere})` : userWhere, after].filter(Boolean).join(' AND ') || undefined;
        }
        const rows = await this.readRows(datasetId, url, params, { cache: false, ...pageOptions });
        const lastId = rows[rows.length - 1]?.[':id'];
        if (!keepId) for (const row of rows) delete row[':id'];
        let next: string | undefined;
        if (rows.length >= limit) next = ordered ? String(Number(cursor ?? 0) + rows.length) : typeof lastId === 'string' ? lastId : undefined;
        return { rows, cursor: next, total: undefined };
      },
    };
  }

  /** The view's `rowsUpdatedAt` and a `count(*)`, both revalidated with `ETag` (a 304 when nothing changed). */
  async datasetVersion(datasetId: string, options: CallOptions): Promise<DatasetVersion> {
    const call: CallOptions = { cache: REVALIDATE, ...options };
    const dataset = await this.getDataset(datasetId, call);
    const counted = await this.get(this.resourceUrl(datasetId), { $select: 'count(*) AS row_count' }, CountSchema, call);
    const value = Number(counted[0]?.['row_count']);
    return { updatedAt: dataset.updatedAt, total: Number.isFinite(value) ? value : undefined };
  }

  /** `$select` with aggregate functions and `$group`: only the result rows travel. */
  async aggregate(datasetId: string, query: AggregateQuery, options: CallOptions): Promise<RawRecord[]> {
    const { $select, $group } = soqlAggregate(query);
    const params = { $select, $group, $where: query.where ? soqlWhere(query.where) : undefined, $limit: SODA_MAX_PAGE };
    return this.readRows(datasetId, this.resourceUrl(datasetId), params, { cache: false, ...options });
  }

  /**
   * Every SODA dataset can be read by modification time through the `:updated_at` system field.
   * The columns are asked once per dataset and client (like the ckan SQL probe): they rarely
   * change, and the change check must stay one view and one count.
   */
  probeChanges(datasetId: string, options: CallOptions): Promise<ChangesSupport | null> {
    let support = this.changesSupport.get(datasetId);
    if (!support) {
      support = this.getDataset(datasetId, options).then((dataset) => ({ columns: [':id', ':created_at', ':updated_at', ...dataset.fields.map((field) => field.name)] }));
      // A failed probe is asked again next time.
      support.catch(() => this.changesSupport.delete(datasetId));
      this.changesSupport.set(datasetId, support);
    }
    return support;
  }

  /** Rows modified at or after `since`, in (modified, key) order, paged by the last pair seen. */
  async openChanges(datasetId: string, query: ChangesQuery, options: CallOptions): Promise<RecordReader> {
    const url = this.resourceUrl(datasetId);
    const limit = Math.min(query.pageSize, SODA_MAX_PAGE);
    const types = await this.typesOf(datasetId, options);
    const modified = quoteIdentifier(query.modifiedColumn);
    const key = quoteIdentifier(query.key);
    const stamp = (date: Date) => (types.get(query.modifiedColumn) === 'calendar_date' ? date.toISOString().slice(0, 23) : date.toISOString());
    const systemKey = query.key.startsWith(':') || query.modifiedColumn.startsWith(':');
    return {
      kind: 'cursor',
      applied: { where: false, q: false, fields: false, orderBy: true },
      total: undefined,
      fetchPage: async (cursor, pageOptions) => {
        const after = cursor === undefined ? undefined : (JSON.parse(cursor) as { modified: string | number; key: string | number });
        const conditions: string[] = [];
        if (query.since) conditions.push(`${modified} >= ${quoteLiteral(stamp(query.since))}`);
        if (after) {
          const m = quoteLiteral(after.modified);
          conditions.push(`(${modified} > ${m} OR (${modified} = ${m} AND ${key} > ${quoteLiteral(after.key)}))`);
        }
        const params = {
          $select: systemKey ? ':*,*' : '*',
          $where: conditions.length ? conditions.join(' AND ') : undefined,
          $order: `${modified},${key}`,
          $limit: limit,
        };
        const rows = await this.readRows(datasetId, url, params, { cache: false, ...pageOptions });
        const last = rows[rows.length - 1];
        const next = last && rows.length >= limit ? JSON.stringify({ modified: rawValue(last[query.modifiedColumn]), key: rawValue(last[query.key]) }) : undefined;
        return { rows, cursor: next, total: undefined };
      },
    };
  }

  private resourceUrl(datasetId: string): string {
    return `${this.settings.baseUrl}/resource/${pathSegment(datasetId)}.json`;
  }

  /** One page of rows, typed from the answer's headers, else from the view's columns. */
  private async readRows(datasetId: string, url: string, params: Record<string, string | number | undefined>, options: CallOptions): Promise<RawRecord[]> {
    const response = await this.request(url, params, RowsSchema, options);
    const converters = cellConverters(typesFromHeaders(response.headers) ?? (await this.typesOf(datasetId, options)));
    const rows = response.data;
    if (converters.length > 0) for (const row of rows) coerceCells(row, converters);
    return rows;
  }

  private typesOf(datasetId: string, options: CallOptions): Promise<Map<string, string>> {
    let types = this.columnTypes.get(datasetId);
    if (!types) {
      types = this.getDataset(datasetId, { cache: REVALIDATE, ...options }).then(
        (dataset) => new Map([[':id', 'row_identifier'], [':created_at', 'fixed_timestamp'], [':updated_at', 'fixed_timestamp'], ...dataset.fields.map((field) => [field.name, field.type ?? 'text'] as [string, string])]),
      );
      // A failed look-up is asked again next time.
      types.catch(() => this.columnTypes.delete(datasetId));
      this.columnTypes.set(datasetId, types);
    }
    return types;
  }

  private async get<T extends z.ZodType>(url: string, params: Record<string, string | number | undefined>, schema: T, options: CallOptions): Promise<z.output<T>> {
    return (await this.request(url, params, schema, options)).data;
  }

  private request<T extends z.ZodType>(url: string, params: Record<string, string | number | undefined>, schema: T, options: CallOptions) {
    const { appToken, pollInterval } = this.settings;
    return this.transport.request({
      method: 'GET',
      url,
      searchParams: params,
      headers: appToken ? { 'X-App-Token': appToken } : {},
      secrets: appToken ? [appToken] : [],
      parse: (body, meta) => parseSodaAnswer(body, meta, schema, pollInterval),
      errorMessage: sodaErrorMessage,
      ...transportCallOptions(options),
    });
  }
}

/** A cell as SODA sent it, for the next SoQL literal: numbers were coerced, the literal takes them back. */
function rawValue(value: unknown): string | number {
  return typeof value === 'number' ? value : String(value ?? '');
}
