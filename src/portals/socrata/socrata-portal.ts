import { ArgumentError } from '../../errors/index.js';
import { definePortal, type PortalDefinition } from '../define-portal.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import { parseSodaTimestamp } from './floating-timestamp.js';
import { SOCRATA_CAPABILITIES } from './socrata-capabilities.js';

export interface SocrataPortalOptions {
  /** Site root, e.g. `https://data.cityofnewyork.us`; `/resource/{id}.json` and `/api/views/…` are appended. */
  readonly baseUrl: string;
  /**
   * App token, sent as `X-App-Token` and redacted everywhere. Without one, requests share the
   * site's IP-wide throttle and private datasets stay closed.
   */
  readonly appToken?: string | undefined;
  /**
   * Root of the Discovery API used for catalogue search.
   * @default baseUrl (sites proxy it; the central one is `https://api.us.socrata.com`)
   */
  readonly discoveryUrl?: string | undefined;
  /**
   * The site's domain, passed as `domains=` so the Discovery API answers for this site only.
   * @default the host name of `baseUrl`
   */
  readonly domain?: string | undefined;
  /**
   * How long to wait, in ms, before asking again after a `202` ("still processing") that gives
   * no `Retry-After`. **Note:** the wait goes through the client's `retry` (each 202 uses one
   * retry); with `retry: false` a 202 surfaces as a `NotReadyError`.
   * @default 1000
   */
  readonly pollInterval?: number | undefined;
}

/**
 * A Socrata site (SODA 2.1 and the Discovery API).
 *
 * @example
 * const client = createClient({ portal: portals.socrata({ baseUrl: 'https://data.cityofchicago.org', appToken }) });
 */
export function socrata(options: SocrataPortalOptions): PortalDefinition {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'portals.socrata: baseUrl');
  const discoveryUrl = options.discoveryUrl === undefined ? baseUrl : normalizeBaseUrl(options.discoveryUrl, 'portals.socrata: discoveryUrl');
  const pollInterval = options.pollInterval ?? 1000;
  if (!Number.isFinite(pollInterval) || pollInterval < 0) throw new ArgumentError(`portals.socrata: pollInterval must be a number of ms ≥ 0, got ${String(pollInterval)}`);
  if (options.appToken !== undefined && (typeof options.appToken !== 'string' || options.appToken === '')) {
    throw new ArgumentError('portals.socrata: appToken must be a non-empty string when given');
  }
  const domain = options.domain ?? new URL(baseUrl).hostname;
  return definePortal({
    family: 'socrata',
    baseUrl,
    capabilities: SOCRATA_CAPABILITIES,
    parseTimestamp: parseSodaTimestamp,
    credentials: { secrets: [options.appToken], params: ['$$app_token'], headers: ['X-App-Token'] },
    load: async (transport) => {
      const { SocrataAdapter } = await import('./socrata-adapter.js');
      return new SocrataAdapter(transport, { baseUrl, appToken: options.appToken, domain, discoveryUrl, pollInterval });
    },
  });
}
