import { definePortal, normalizeBaseUrl, type PortalDefinition } from '../../src/adapter/index.js';
import { UDATA_MAX_PAGE_SIZE, UdataAdapter } from './udata-adapter.js';

export interface UdataPortalOptions {
  /** The site, e.g. `https://www.data.gouv.fr`; `/api/1/…` is appended. */
  readonly baseUrl: string;
  /** The tabular API, e.g. `https://tabular-api.data.gouv.fr`. @default baseUrl */
  readonly tabularUrl?: string | undefined;
  /** An API key for private datasets, sent as `X-API-KEY` and redacted everywhere. */
  readonly apiKey?: string | undefined;
}

/**
 * A udata site (data.gouv.fr and the portals built on udata), for `createClient({ portal })`.
 *
 * @example
 * const client = createClient({ portal: udata({ baseUrl: 'https://www.data.gouv.fr', tabularUrl: 'https://tabular-api.data.gouv.fr' }) });
 */
export function udata(options: UdataPortalOptions): PortalDefinition {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'udata: baseUrl');
  const tabularUrl = options.tabularUrl === undefined ? baseUrl : normalizeBaseUrl(options.tabularUrl, 'udata: tabularUrl');
  return definePortal({
    family: 'udata',
    baseUrl,
    capabilities: { serverFilters: true, serverFullText: false, serverOrder: true, maxPageSize: UDATA_MAX_PAGE_SIZE, parallelPages: false },
    // udata writes ISO 8601 timestamps with their offset.
    parseTimestamp: (value) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null),
    credentials: { secrets: [options.apiKey], params: [], headers: ['X-API-KEY'] },
    // A real adapter would `await import('./udata-adapter.js')` here, so that an app loads it only once it talks.
    load: async (transport) => new UdataAdapter(transport, { baseUrl, tabularUrl, apiKey: options.apiKey }),
  });
}
