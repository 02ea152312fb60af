import type { DatasetState } from './dataset-state.js';

export type FlavorName = 'zhejiang' | 'ckan' | 'socrata' | 'opendatasoft';

/** Credentials the sandbox accepts; the defaults are public sandbox values, never real secrets. */
export interface SandboxCredentials {
  /** zhejiang: the `appsecret` of the open-data interfaces and the signing secret of the gateway. */
  readonly appSecret: string;
  /** zhejiang: the gateway's `appKey`. */
  readonly appKey: string;
  /** ckan: the API token accepted in the `Authorization` header (private datasets need it). */
  readonly apiToken: string;
}

/** Lifetimes of the zhejiang gateway's secrets, in milliseconds. */
export interface TokenLifetimes {
  readonly requestSecret: number;
  readonly refreshSecret: number;
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
}
