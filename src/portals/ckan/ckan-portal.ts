import { fingerprint } from '../../http/index.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import type { PortalDefinition } from '../portal-adapter.js';
import { CkanAdapter } from './ckan-adapter.js';

export interface CkanPortalOptions {
  /** Site root, e.g. `https://catalog.data.gov`; `/api/3/action/…` is appended. */
  readonly baseUrl: string;
  /** API token for private datasets; sent as-is in `authHeader` (CKAN wants no "Bearer"). */
  readonly token?: string;
  /** Header that carries the token. @default 'Authorization' */
  readonly authHeader?: string;
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
  const credentialFingerprint = fingerprint(`ckan\n${options.token ?? ''}`);
  return {
    family: 'ckan',
    baseUrl,
    secretParams: [],
    secretHeaders: [authHeader],
    credentialFingerprint,
    hasCredentials: Boolean(options.token),
    create: (transport) => new CkanAdapter(transport, { baseUrl, token: options.token, authHeader }, credentialFingerprint),
  };
}
