/**
 * An adapter for udata, the open-data platform behind data.gouv.fr: the catalogue API
 * (`/api/1/datasets/`) and the tabular API, which serves the rows of a CSV resource page by page
 * (`/api/resources/{rid}/data/`). It only translates — the transport retries and caches, and the
 * engine pages, filters what the portal could not and validates rows.
 */
import { z } from 'zod';
import {
  RowsSchema,
  pathSegment,
  type CallOptions,
  type CatalogPage,
  type CatalogQuery,
  type Dataset,
  type DatasetVersion,
  type PortalAdapter,
  type RecordQuery,
  type RecordReader,
  type Transport,
} from '../../src/adapter/index.js';
import { UnsupportedError } from '../../src/index.js';

export interface UdataSettings {
  readonly baseUrl: string;
  readonly tabularUrl: string;
  readonly apiKey: string | undefined;
}

// udata sends `null` for most fields it has no value for: every optional field says so.
const ResourceSchema = z.object({
  id: z.string(),
  title: z.string().nullish(),
  format: z.string().nullish(),
  url: z.string().nullish(),
  filesize: z.number().nullish(),
  checksum: z.object({ type: z.string(), value: z.string() }).nullish(),
  last_modified: z.string().nullish(),
});

const DatasetEntrySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  organization: z.object({ id: z.string(), name: z.string() }).nullish(),
  tags: z.array(z.string()).nullish(),
  license: z.string().nullish(),
  frequency: z.string().nullish(),
  private: z.boolean().nullish(),
  created_at: z.string().nullish(),
  last_modified: z.string().nullish(),
  resources: z.array(ResourceSchema).nullish(),
});
type DatasetEntry = z.infer<typeof DatasetEntrySchema>;

const CatalogSchema = z.object({ data: z.array(DatasetEntrySchema), page: z.number(), total: z.number() });

// The tabular API: rows, the link to the next page, and the total.
const RowsPageSchema = z.object({
  data: RowsSchema,
  links: z.object({ next: z.string().nullish() }),
  meta: z.object({ total: z.number() }),
});

/** The tabular API's largest page. */
export const UDATA_MAX_PAGE_SIZE = 200;

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

export class UdataAdapter implements PortalAdapter {
  constructor(
    private readonly transport: Transport,
    private readonly settings: UdataSettings,
  ) {}

  async searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage> {
    const page = cursor === undefined ? 1 : Number(cursor);
    const pageSize = query.limit ?? 20;
    const { data } = await this.transport.request({
      method: 'GET',
      url: `${this.settings.baseUrl}/api/1/datasets/`,
      searchParams: { q: query.q, tag: query.tag, organization: query.publisher, page, page_size: pageSize },
      headers: this.headers(),
      parse: (body) => CatalogSchema.parse(body),
      ...options,
    });
    const items = data.data.map((entry) => this.toDataset(entry));
    return { items, total: data.total, cursor: page * pageSize < data.total ? String(page + 1) : undefined };
  }

  async getDataset(id: string, options: CallOptions): Promise<Dataset> {
    const { data } = await this.transport.request({
      method: 'GET',
      // `pathSegment` refuses ids such as `../admin`: an id can never become another path.
      url: `${this.settings.baseUrl}/api/1/datasets/${pathSegment(id)}/`,
      headers: this.headers(),
      parse: (body) => DatasetEntrySchema.parse(body),
      ...options,
    });
    return this.toDataset(data);
  }

  async openRecords(datasetId: string, query: RecordQuery, options: CallOptions): Promise<RecordReader> {
    const dataset = await this.getDataset(datasetId, options);
    const resource = dataset.resources.find((item) => (query.resource ? item.id === query.resource || item.name === query.resource : item.queryable));
    if (!resource) throw new UnsupportedError(`${datasetId} has no CSV resource that the tabular API serves`);
    // `col__exact=value` filters on the portal; a list of values or a null is left to the engine.
    const where = Object.entries(query.where ?? {});
    const whereOnPortal = where.every(([, value]) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean');
    const first = new URL(`${this.settings.tabularUrl}/api/resources/${pathSegment(resource.id, 'resource id')}/data/`);
    first.searchParams.set('page_size', String(Math.min(query.pageSize, UDATA_MAX_PAGE_SIZE)));
    if (whereOnPortal) for (const [column, value] of where) first.searchParams.set(`${column}__exact`, String(value));
    for (const order of query.orderBy ?? []) first.searchParams.set(`${order.field}__sort`, order.direction);
    return {
      kind: 'cursor',
      applied: { where: whereOnPortal, q: false, fields: false, orderBy: true },
      total: undefined,
      fetchPage: async (cursor, call) => {
        const { data } = await this.transport.request({
          method: 'GET',
          url: cursor ?? first.href,
          headers: this.headers(),
          parse: (body) => RowsPageSchema.parse(body),
          cache: false,
          ...call,
        });
        return { rows: data.data, cursor: data.links.next ?? undefined, total: data.meta.total };
      },
    };
  }

  async datasetVersion(datasetId: string, options: CallOptions): Promise<DatasetVersion> {
    const dataset = await this.getDataset(datasetId, { ...options, cache: false });
    return { updatedAt: dataset.updatedAt, total: undefined };
  }

  private headers(): Record<string, string> {
    return this.settings.apiKey ? { 'X-API-KEY': this.settings.apiKey } : {};
  }

  private toDataset(entry: DatasetEntry): Dataset {
    const resources = (entry.resources ?? []).map((resource) => ({
      id: resource.id,
      name: resource.title ?? resource.id,
      format: (resource.format ?? 'unknown').toUpperCase(),
      url: resource.url ?? null,
      // The tabular API serves the rows of CSV resources.
      queryable: (resource.format ?? '').toLowerCase() === 'csv',
      size: resource.filesize ?? null,
      hash: resource.checksum ? `${resource.checksum.type}:${resource.checksum.value}` : null,
      updatedAt: date(resource.last_modified),
    }));
    return {
      id: entry.id,
      name: entry.slug,
      title: entry.title,
      description: entry.description ?? '',
      publisher: entry.organization ? { id: entry.organization.id, name: entry.organization.name } : null,
      themes: [],
      tags: entry.tags ?? [],
      // A private dataset is shown only to its owners' keys: restricted; everything else is open.
      openClass: entry.private ? 'restricted' : 'unconditional',
      license: { id: entry.license ?? null, title: null, url: null },
      formats: [...new Set(resources.map((resource) => resource.format))],
      fields: [],
      createdAt: date(entry.created_at),
      updatedAt: date(entry.last_modified),
      ...(entry.frequency ? { updateFrequency: entry.frequency } : {}),
      resources,
      portal: { family: 'udata', baseUrl: this.settings.baseUrl },
      raw: entry,
    };
  }
}
