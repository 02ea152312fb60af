import { z } from 'zod';
import { RowsSchema } from '../../model/row-schema.js';
import { AuthError, UnsupportedError } from '../../errors/index.js';
import type { Transport } from '../../http/index.js';
import type { RetryOptions } from '../../http/index.js';
import type { Dataset } from '../../model/dataset.js';
import { pathSegment } from '../path-segment.js';
import type {
  CallOptions,
  CatalogPage,
  CatalogQuery,
  DatasetFile,
  DatasetVersion,
  DeclaredType,
  FileSelection,
  PortalAdapter,
  RawRecord,
  RecordQuery,
  RecordReader,
} from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import { CatalogueEntrySchema, CatalogueSearchSchema, toDataset, type CatalogueEntry } from './catalogue-entry.js';
import { DataGatewayClient } from './data-gateway-client.js';
import { DataGatewayReader } from './data-gateway-reader.js';
import { gatewayInterfacesGiven, interfacesFromCatalogue, type GatewayInterfaceIds } from './gateway-interfaces.js';
import { requestFile } from '../../http/request-file.js';
import { downloadExtension, refuseEnvelope } from './file-download.js';
import { GatewaySession } from './gateway-session.js';
import { parseOpenData } from './open-data-envelope.js';
import { parseShanghaiTime } from './shanghai-time.js';
import { ZHEJIANG_MAX_PAGE_SIZE } from './zhejiang-capabilities.js';

export { ZHEJIANG_MAX_PAGE_SIZE };
const CATALOGUE_MAX_PAGE_SIZE = 100;

export interface ZhejiangSettings {
  readonly baseUrl: string;
  readonly gatewayUrl: string;
  readonly appSecret: string | undefined;
  readonly appKey: string | undefined;
  /** The app id of the unified data gateway (section A2). */
  readonly appId: string | undefined;
  readonly userSecret: string | undefined;
  /** Whether records and change markers go through the data gateway (section A2) rather than section A. */
  readonly generation: 'A' | 'A2';
  /** Whether `generation` was asked for, rather than inferred from `appId`: then it is never left. */
  readonly generationForced: boolean;
  /** Gateway interface ids given by the caller, by the id passed to `records`. */
  readonly interfaces: Readonly<Record<string, GatewayInterfaceIds>> | undefined;
  /** The client's retry settings, for the data gateway's POSTs, which the transport never repeats. */
  readonly retry: RetryOptions | false | undefined;
}


/**
 * The zhejiang portal family: open-data interfaces (section A), the unified data gateway
 * (section A2), the catalogue (section B) and the signed gateway (section C). Interfaces page by
 * number only and filter nothing on the server, so `where` and `q` run on the client and pages
 * may be fetched in parallel.
 */
export class ZhejiangAdapter implements PortalAdapter {
  private gateway: GatewaySession | undefined;
  private dataGateway: DataGatewayClient | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly settings: ZhejiangSettings,
  ) {}

  async searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage> {
    // Catalogue entries carry no tags: filtering by one would silently find nothing.
    if (query.tag !== undefined) throw new UnsupportedError('zhejiang catalogue entries have no tags: search with q or theme instead');
    const pageNum = cursor === undefined ? 1 : Number(cursor);
    const pageSize = Math.min(query.limit ?? 20, CATALOGUE_MAX_PAGE_SIZE);
    const openType = query.openClass === 'unconditional' ? 1 : query.openClass === 'restricted' ? 2 : undefined;
    const response = await this.transport.request({
      method: 'GET',
      url: `${this.settings.baseUrl}/dopServer/rest/catalog/search`,
      searchParams: { keyword: query.q, domain: query.theme, openType, orgName: query.publisher, pageNum, pageSize },
      parse: (body) => parseOpenData(body, CatalogueSearchSchema),
      ...transportCallOptions(options),
    });
    const page = response.data;
    let items = page.list.map((entry) => toDataset(entry, this.settings.baseUrl));
    // The catalogue has no date filter: it runs on the client, page by page, so the portal's
    // total no longer counts the matches.
    if (query.modifiedSince) {
      const since = query.modifiedSince.getTime();
      items = items.filter((dataset) => (dataset.updatedAt?.getTime() ?? 0) >= since);
    }
    const more = page.list.length > 0 && pageNum * pageSize < page.total;
    return { items, total: query.modifiedSince ? undefined : page.total, cursor: more ? String(pageNum + 1) : undefined };
  }

  async getDataset(id: string, options: CallOptions): Promise<Dataset> {
    const response = await this.transport.request({
      method: 'GET',
      url: `${this.settings.baseUrl}/dopServer/rest/catalog/${pathSegment(id)}`,
      parse: (body) => parseOpenData(body, CatalogueEntrySchema, id),
      ...transportCallOptions(options),
    });
    return toDataset(response.data, this.settings.baseUrl);
  }

  async openRecords(datasetId: string, query: RecordQuery, options: CallOptions): Promise<RecordReader> {
    if (query.resource !== undefined || query.format !== undefined) {
      const file = await this.openFile(datasetId, query, options);
      return { kind: 'file', applied: { where: false, q: false, fields: false, orderBy: false }, total: undefined, file };
    }
    if (query.orderBy?.length) {
      throw new UnsupportedError('zhejiang interfaces cannot order rows: they come in the portal\'s own stable order (drop orderBy, or sort after reading)');
    }
    const gateway = await this.gatewayReader(datasetId, options);
    if (gateway) return gateway.open(query, options);
    const interfaceUrl = `${this.settings.baseUrl}/jdop_front/interfaces/cata_${pathSegment(datasetId)}`;
    const appsecret = this.requireAppSecret();
    const pageSize = Math.min(query.pageSize, ZHEJIANG_MAX_PAGE_SIZE);
    // A read that fits in one page needs no total: `limit: 5` costs exactly one request.
    const total = query.limit !== undefined && query.limit <= pageSize ? undefined : await this.total(datasetId, options);
    return {
      kind: 'pages',
      applied: { where: false, q: false, fields: false, orderBy: false },
      pageSize,
      total,
      fetchPage: async (pageNumber, pageOptions): Promise<RawRecord[]> => {
        const response = await this.transport.request({
          method: 'GET',
          url: `${interfaceUrl}/get_data.do`,
          searchParams: { appsecret, pageNum: pageNumber, pageSize },
          parse: (body) => parseOpenData(body, RowsSchema, datasetId),
          ...transportCallOptions({ cache: false, ...pageOptions }),
        });
        return response.data;
      },
    };
  }

  /**
   * A dataset download (sandbox shape, see `file-download.ts`): no metadata request is needed
   * to open it, so a conditional re-check costs one request.
   */
  async openFile(datasetId: string, selection: FileSelection, _options: CallOptions): Promise<DatasetFile> {
    const ext = downloadExtension(datasetId, selection);
    const url = `${this.settings.baseUrl}/jdop_front/download/cata_${pathSegment(datasetId)}.${ext}`;
    const appsecret = this.requireAppSecret();
    return {
      id: `cata_${datasetId}.${ext}`,
      name: ext,
      format: ext.toUpperCase(),
      url,
      size: null,
      hash: null,
      updatedAt: null,
      open: async (request, openOptions) => {
        const opened = await requestFile(this.transport, { url, searchParams: { appsecret } }, request, openOptions);
        return refuseEnvelope(opened, datasetId);
      },
      declaredTypes: async (typeOptions) => {
        const dataset = await this.getDataset(datasetId, typeOptions);
        const types = new Map<string, DeclaredType>();
        for (const field of dataset.fields) if (field.type === 'number' || field.type === 'integer') types.set(field.name, 'number');
        return types;
      },
    };
  }

  async datasetVersion(datasetId: string, options: CallOptions): Promise<DatasetVersion> {
    const gateway = await this.gatewayReader(datasetId, options);
    if (gateway) return gateway.version(options);
    const appsecret = this.requireAppSecret();
    const [updated, total] = await Promise.all([
      this.transport.request({
        method: 'GET',
        url: `${this.settings.baseUrl}/jdop_front/interfaces/cata_${pathSegment(datasetId)}/get_dataupdate_date.do`,
        searchParams: { appsecret },
        parse: (body) => parseOpenData(body, z.string().nullable(), datasetId),
        ...transportCallOptions({ cache: false, ...options }),
      }),
      this.total(datasetId, options),
    ]);
    return { updatedAt: parseShanghaiTime(updated.data), total };
  }

  /** Asks a restricted dataset's gateway interface (section C): the answer, never the rows. */
  async lookup(dataset: Dataset, params: Record<string, string>, options: CallOptions): Promise<unknown> {
    const gateway = (dataset.raw as { gateway?: { path: string; apiId: string } | null }).gateway;
    if (!gateway) throw new UnsupportedError(`${dataset.id} names no gateway interface in the catalogue: read its records instead`);
    const { appKey, appSecret } = this.settings;
    if (!appKey || !appSecret) throw new AuthError({ status: 401, message: 'The zhejiang gateway needs appKey and appSecret (portals.zhejiang({ appKey, appSecret }))' });
    this.gateway ??= new GatewaySession(this.transport, { gatewayUrl: this.settings.gatewayUrl, appKey, appSecret });
    return this.gateway.call(gateway.path, gateway.apiId, params, options);
  }

  /**
   * The data gateway reader of a dataset (section A2), or `undefined` for section A. Its
   * interfaces are the caller's (the `interfaces` option), the id itself when it is a data
   * interface id, or those its catalogue entry lists. An entry listing none is read through
   * section A, unless the gateway was asked for.
   */
  private async gatewayReader(datasetId: string, options: CallOptions): Promise<DataGatewayReader | undefined> {
    const { settings } = this;
    if (settings.generation !== 'A2' || settings.appId === undefined) return undefined;
    let interfaces = gatewayInterfacesGiven(datasetId, settings.interfaces);
    if (!interfaces) {
      const entry = (await this.getDataset(datasetId, options)).raw as CatalogueEntry;
      interfaces = interfacesFromCatalogue(entry.interfaces);
    }
    if (!interfaces) {
      if (!settings.generationForced) return undefined;
      throw new UnsupportedError(
        `The catalogue entry of ${datasetId} lists no data gateway interface ids: pass them, e.g. portals.zhejiang({ …, interfaces: { '${datasetId}': { data: '…getdata', count: '…gettotal' } } })`,
      );
    }
    this.dataGateway ??= new DataGatewayClient(this.transport, { baseUrl: settings.baseUrl, appId: settings.appId, retry: settings.retry });
    return new DataGatewayReader(this.dataGateway, interfaces, { appSecret: settings.appSecret, userSecret: settings.userSecret });
  }

  private async total(datasetId: string, options: CallOptions): Promise<number> {
    const response = await this.transport.request({
      method: 'GET',
      url: `${this.settings.baseUrl}/jdop_front/interfaces/cata_${pathSegment(datasetId)}/get_total.do`,
      searchParams: { appsecret: this.requireAppSecret() },
      parse: (body) => parseOpenData(body, z.coerce.number().int().nonnegative(), datasetId),
      ...transportCallOptions({ cache: false, ...options }),
    });
    return response.data;
  }

  private requireAppSecret(): string {
    if (!this.settings.appSecret) {
      throw new AuthError({ status: 401, message: 'zhejiang open-data interfaces need an app secret: portals.zhejiang({ baseUrl, appSecret })' });
    }
    return this.settings.appSecret;
  }
}
