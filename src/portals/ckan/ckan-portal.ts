import { definePortal, type PortalDefinition } from '../define-portal.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import { CKAN_CAPABILITIES } from './ckan-capabilities.js';
import { parseNaiveUtc } from './naive-utc.js';

export interface CkanPortalOptions {
  /** Site root, e.g. `https://catalog.data.gov`; `/api/3/action/…` is appended. */
  readonly baseUrl: string;
  /** API token for private datasets; sent as-is in `authHeader` (CKAN wants no "Bearer"). */
  readonly token?: string | undefined;
  /** Header that carries the token. @default 'Authorization' */
  readonly authHeader?: string | undefined;
}

/**
 * A CKAN site (Action API v3).
 *
 * @example
 * const client = createClient({ portal: portals.ckan({ baseUrl: 'https://demo.ckan.org' }) });
 */
export function ckan(options: CkanPortalOptions): PortalDefinition {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'portals.ckan: baseUrl');
  const authHeader = options.authHeader ?? 'Authorization';
  return definePortal({
    family: 'ckan',
    baseUrl,
    capabilities: CKAN_CAPABILITIES,
    parseTimestamp: (value) => (typeof value === 'string' ? parseNaiveUtc(value) : null),
    credentials: { secrets: [options.token], params: [], headers: [authHeader] },
    load: async (transport) => {
      const { CkanAdapter } = await import('./ckan-adapter.js');
      return new CkanAdapter(transport, { baseUrl, token: options.token, authHeader });
    },
  });
}
