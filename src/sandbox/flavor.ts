import type { DatasetState } from './dataset-state.js';

export type FlavorName = 'zhejiang' | 'ckan' | 'socrata' | 'opendatasoft';

/** Credentials the sandbox accepts; the defaults are public sandbox values, never real secrets. */
export interface SandboxCredentials {
  /**
   * zhejiang: the `appsecret` of the open-data interfaces, the signing secret of the gateway
   * (section C), and on the data gateway (section A2) the `appsecret`/`appSecret` business
   * parameter and the key its signs are made with.
   */
  readonly appSecret: string;
  /** zhejiang: the gateway's `appKey` (section C). */
  readonly appKey: string;
  /** zhejiang: the data gateway's `app_id` (section A2). */
  readonly appId: string;
  /** zhejiang: the data gateway's `userSecret` business parameter (section A2). */
  readonly userSecret: string;
  /** ckan: the API token accepted in the `Authorization` header (private datasets need it). */
  readonly apiToken: string;
}

/** Lifetimes of the zhejiang gateway's secrets and signs, in milliseconds. */
export interface TokenLifetimes {
  readonly requestSecret: number;
  readonly refreshSecret: number;
  /**
   * Data gateway (section A2): how far a call's `timestamp` may lie from the sandbox clock, before
   * or after, for `createsign.do` to sign it and `gateway.do` to accept its sign.
   */
  readonly sign: number;
}

/** Everything a flavor's handler may read or change. One per sandbox: two sandboxes share nothing. */
export interface SandboxContext {
  readonly seed: number;
  readonly datasets: ReadonlyMap<string, DatasetState>;
  readonly credentials: SandboxCredentials;
  readonly tokenLifetimes: TokenLifetimes;
  /** zhejiang: how many times `data`/`datas` is JSON-encoded as a string (0, 1 or 2), as real interfaces do. */
  readonly encodeData: 0 | 1 | 2;
  /** zhejiang: restricted datasets whose section-A interfaces this app key is approved for. */
  readonly approved: ReadonlySet<string>;
  /** ckan: whether `datastore_search_sql` is enabled (off by default, as on real sites). */
  readonly sqlEnabled: boolean;
  /** zhejiang: calls per second of the sandbox clock one app may make to one gateway interface (sections A2 and C). */
  readonly gatewayCallsPerSecond: number;
  /** Bytes of rendered pages kept (see `SandboxOptions.pageCache`). */
  readonly pageCacheBytes: number;
  /** The sandbox clock. */
  now(): Date;
  /** Per-flavor mutable state (issued gateway secrets, …), created lazily by the flavor. */
  readonly state: Map<string, unknown>;
}

export interface Flavor {
  readonly name: FlavorName;
  /** Top-level response field the `drift` fault renames, and what it renames it to. */
  readonly drift: { readonly from: string; readonly to: string };
  /** Answers one request. Unknown routes get the portal's own 404 answer; the handler never throws for bad input. */
  handle(request: Request, context: SandboxContext): Promise<Response>;
  /** A few ready-to-paste sample request URLs for the CLI and the demo. */
  samples(baseUrl: string, context: SandboxContext): string[];
  /** zhejiang: the data gateway interfaces (section A2) that serve a dataset, if any. */
  dataGateway?(datasetId: string): DataGatewayInterfaces | undefined;
}

/**
 * The interfaces of the zhejiang data gateway (section A2) that serve one dataset, as its
 * catalogue entry lists them and its page on the platform describes them.
 */
export interface DataGatewayInterfaces {
  /**
   * The style of the business answers: `'status'` `{status, msg, data}`; `'code'`
   * `{code: "1", msg, data: {count, data: "<rows as a JSON string>"}}`; `'rows'`
   * `{success, message, total, rows}` with the header as the first row.
   */
  readonly style: 'status' | 'code' | 'rows';
  /** The paging interface (分页接口): one page of rows. */
  readonly data: string;
  /** The count interface (总数接口), where the dataset has one. */
  readonly count?: string | undefined;
  /** The data-update query interface (数据更新查询接口), where the dataset has one. */
  readonly updateDate?: string | undefined;
  /** The business parameters (`biz_content`) the interfaces read, secrets and paging. */
  readonly params: readonly string[];
}
