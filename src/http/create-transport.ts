import { AbortRelay } from './abort-relay.js';
import { CacheLayer } from './cache-layer.js';
import { PreparedRequest, requestDefaults } from './prepare-request.js';
import { RateLimiter } from './rate-limiter.js';
import { sendWithRetries, type RetrySettings } from './retry-loop.js';
import { resolveRetryPolicy } from './retry-policy.js';
import { transportResponse } from './transport-response.js';
import type { RequestSpec, Transport, TransportOptions, TransportResponse } from './transport-types.js';

const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/**
 * Creates the HTTP layer every portal adapter sends through: the platform `fetch` (or the one
 * given), a per-attempt timeout, one retry loop (GET/HEAD only), an optional rate limiter, an
 * LRU response cache with ETag/Last-Modified revalidation and de-duplication of identical
 * concurrent GETs, byte-limited body reading, and secret redaction in every error and hook.
 * Nothing is shared between two transports.
 *
 * @example
 * ```ts
 * const transport = createTransport({ fetch: sandbox.fetch, retry: { retries: 2 } });
 * const { data } = await transport.request({
 *   method: 'GET',
 *   url: 'https://ckan.example.org/api/3/action/package_show',
 *   searchParams: { id: 'hz-parking-lots' },
 *   parse: (body) => PackageShowEnvelope.parse(body).result,
 * });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const defaults = requestDefaults(options);
  const settings: RetrySettings = {
    fetch: options.fetch,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    hooks: options.hooks ?? {},
    secretHeaders: defaults.secretHeaders,
    limiter: options.rateLimit ? new RateLimiter(options.rateLimit) : undefined,
    retry: resolveRetryPolicy(options.retry),
    relay: new AbortRelay(),
  };
  const cache =
    options.cache === false
      ? undefined
      : new CacheLayer(options.cache ?? {}, (request, signal, stale) => sendWithRetries(request, signal, stale, settings), settings.hooks, settings.relay, options.credentialFingerprint);

  async function request<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>> {
    spec.signal?.throwIfAborted();
    const prepared = new PreparedRequest(spec, defaults);
    if (cache?.accepts(prepared)) return cache.request(prepared);
    const answer = await sendWithRetries(prepared, spec.signal, undefined, settings);
    return transportResponse(prepared, answer, false, false);
  }

  return {
    request,
    clearCache: () => cache?.clear(),
  };
}
