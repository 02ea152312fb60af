import { loadOnce } from '../lazy/load-once.js';
import type { RequestSpec, Transport, TransportOptions, TransportResponse } from './transport-types.js';

/**
 * A transport whose HTTP layer (the retry loop, the rate limiter, the response cache) loads on
 * the first request, so a page pays for it only once it talks to a portal. Requests made while
 * it loads wait for it in call order, so identical concurrent GETs are still sent once. A failed
 * load (a page gone offline) is tried again on the next request.
 *
 * @example
 * const transport = lazyTransport({ fetch: sandbox.fetch });
 * const { data } = await transport.request({ method: 'GET', url, parse: (body) => body });
 */
export function lazyTransport(options: TransportOptions = {}): Transport {
  let loaded: Transport | undefined;
  const load = loadOnce(() => import('./create-transport.js').then(({ createTransport }) => (loaded ??= createTransport(options))));
  return {
    request<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>> {
      // Once loaded, a request goes straight through: no extra promise per page.
      return loaded ? loaded.request(spec) : load().then((transport) => transport.request(spec));
    },
    // Nothing can be cached before the first request has loaded the cache.
    clearCache: () => loaded?.clearCache(),
  };
}
