import { definePortal, type PortalDefinition } from '../define-portal.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import { OPENDATASOFT_CAPABILITIES } from './opendatasoft-capabilities.js';
import { parseOdsDate } from './ods-date.js';

export interface OpendatasoftPortalOptions {
  /** The domain's root, e.g. `https://data.opendatasoft.com`; `/api/explore/v2.1/…` is appended. */
  readonly baseUrl: string;
  /**
   * API key for restricted datasets and a larger quota; sent as `Authorization: Apikey <key>`
   * and redacted everywhere. @default none (anonymous calls)
   */
  readonly apiKey?: string | undefined;
}

/**
 * An Opendatasoft domain (Explore API v2.1).
 *
 * @example
 * const client = createClient({ portal: portals.opendatasoft({ baseUrl: 'https://data.opendatasoft.com' }) });
 */
export function opendatasoft(options: OpendatasoftPortalOptions): PortalDefinition {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'portals.opendatasoft: baseUrl');
  return definePortal({
    family: 'opendatasoft',
    baseUrl,
    capabilities: OPENDATASOFT_CAPABILITIES,
    parseTimestamp: parseOdsDate,
    credentials: { secrets: [options.apiKey], params: ['apikey'], headers: ['Authorization'] },
    load: async (transport) => {
      const { OpendatasoftAdapter } = await import('./opendatasoft-adapter.js');
      return new OpendatasoftAdapter(transport, { baseUrl, apiKey: options.apiKey });
    },
  });
}
