import { Catalog } from './catalog.js';
import { Datasets } from './datasets.js';
import { createEngineContext } from './engine-context.js';
import { lazyTransport } from './http/lazy-transport.js';
import type { RateLimitOptions } from './http/rate-limiter.js';
import type { CacheOptions, FetchFunction, RetryOptions, TransportHooks } from './http/transport-types.js';
import type { PortalFamily } from './model/dataset.js';
import type { PortalDefinition } from './portals/define-portal.js';
import { createSync, type SyncMethod } from './sync/create-sync.js';
import { Licenses } from './verify/licenses.js';
import { maskPersonalText, masksPersonalData, type PrivacyOptions } from './privacy/index.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The portal to talk to.
   * @example portals.ckan({ baseUrl: 'https://demo.ckan.org' })
   */
  readonly portal: PortalDefinition;
  /** Milliseconds per attempt; `false` disables. Pass a `signal` to a call for an overall deadline. @default 30_000 */
  readonly timeout?: number | false | undefined;
  /**
   * Retries of GET requests (and of zhejiang's signed data gateway calls, which are safe to
   * repeat) on network errors, timeouts, 408, 425, 429, 5xx and garbled answers, honouring
   * `Retry-After`; `false` disables. @default { retries: 3, minDelay: 300, maxDelay: 10_000, maxRetryAfter: 60_000 }
   */
  readonly retry?: RetryOptions | false | undefined;
  /** Response cache (catalogue and metadata; record pages bypass it unless a call asks); `false` disables. @default { max: 500, ttl: 300_000 } */
  readonly cache?: CacheOptions | false | undefined;
  /** Requests per second and requests in flight, for this client only; `false` for none. @default false */
  readonly rateLimit?: RateLimitOptions | false | undefined;
  /** The fetch to use, looked up on every request, e.g. the sandbox's `sandbox.fetch`. @default globalThis.fetch */
  readonly fetch?: FetchFunction | undefined;
  /** Headers sent with every request. */
  readonly headers?: Record<string, string> | undefined;
  /** @default `kaifang/<version>` */
  readonly userAgent?: string | undefined;
  /** Largest response body read, in bytes. @default 100 MB */
  readonly maxResponseBytes?: number | undefined;
  /** Observability hooks (request, response, retry, cache hit); they only ever see redacted URLs and headers. */
  readonly hooks?: TransportHooks | undefined;
  /**
   * Personal data protection. By default resident ID numbers, mobile numbers and personal names
   * are masked in every error message and hook event. **Note:** `{ mask: false }` shows them as
   * sent; PIPL and the Zhejiang rules' ban on mining personal information apply to you then.
   * @default { mask: true }
   */
  readonly privacy?: PrivacyOptions | undefined;
}

/** A client of one portal. Two clients share nothing: no cache, limiter or session. */
export interface Client {
  readonly portal: { readonly family: PortalFamily; readonly baseUrl: string };
  readonly catalog: Catalog;
  readonly datasets: Datasets;
  readonly licenses: Licenses;
  /** Incremental update of one dataset against a checkpoint: see {@link SyncMethod}. */
  readonly sync: SyncMethod;
}

/**
 * Creates a client for one open-data portal.
 *
 * @example
 * const client = createClient({ portal: portals.zhejiang({ baseUrl, appSecret }) });
 * const page = await client.catalog.search({ q: '停车' });
 */
export function createClient(options: ClientOptions): Client {
  const { portal } = options;
  // The HTTP layer loads on the first request, as the family's adapter does.
  const transport = lazyTransport({
    fetch: options.fetch,
    timeout: options.timeout,
    retry: options.retry,
    cache: options.cache,
    rateLimit: options.rateLimit,
    headers: options.headers,
    userAgent: options.userAgent,
    maxResponseBytes: options.maxResponseBytes,
    hooks: options.hooks,
    // Credentials are the transport's from the start: redacted everywhere, and the fingerprint
    // keeps cache entries of two identities apart.
    secretParams: portal.secretParams,
    secretHeaders: portal.secretHeaders,
    secrets: portal.secretValues(),
    credentialFingerprint: portal.credentialFingerprint,
    ...(masksPersonalData(options.privacy) ? { redactText: maskPersonalText } : {}),
  });
  // The adapter loads on first use; open classes are checked before any data request.
  const context = createEngineContext(portal, transport, { maxResponseBytes: options.maxResponseBytes, retry: options.retry });
  const datasets = new Datasets(context);
  return {
    portal: { family: portal.family, baseUrl: portal.baseUrl },
    catalog: new Catalog(context),
    datasets,
    licenses: new Licenses(context, datasets),
    sync: createSync(context),
  };
}
