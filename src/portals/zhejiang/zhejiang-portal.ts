import { definePortal, type PortalDefinition } from '../define-portal.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import { parseShanghaiTime } from './shanghai-time.js';
import { ZHEJIANG_CAPABILITIES } from './zhejiang-capabilities.js';

export interface ZhejiangPortalOptions {
  /** Base URL of the open-data interfaces and the catalogue, e.g. `https://data.zjzwfw.gov.cn`. */
  readonly baseUrl: string;
  /**
   * The app secret: sent as `appsecret` to the open-data interfaces, and (with `appKey`) signing
   * the gateway's token requests. Redacted from every error, log line and cache key.
   */
  readonly appSecret?: string;
  /** The app key of the signed gateway (restricted interfaces, e.g. credential verification). */
  readonly appKey?: string;
  /** Base URL of the signed gateway. @default baseUrl */
  readonly gatewayUrl?: string;
}

/**
 * A Chinese provincial public-data platform in the style of Zhejiang's.
 *
 * @example
 * const client = createClient({ portal: portals.zhejiang({ baseUrl, appSecret, appKey }) });
 */
export function zhejiang(options: ZhejiangPortalOptions): PortalDefinition {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'portals.zhejiang: baseUrl');
  const gatewayUrl = options.gatewayUrl === undefined ? baseUrl : normalizeBaseUrl(options.gatewayUrl, 'portals.zhejiang: gatewayUrl');
  return definePortal({
    family: 'zhejiang',
    baseUrl,
    capabilities: ZHEJIANG_CAPABILITIES,
    parseTimestamp: (value) => (typeof value === 'string' ? parseShanghaiTime(value) : null),
    // The app key names the app without being secret: it separates cache entries and stays readable.
    credentials: { secrets: [options.appSecret], identity: [options.appKey], params: ['appsecret', 'sign'], headers: [] },
    load: async (transport) => {
      const { ZhejiangAdapter } = await import('./zhejiang-adapter.js');
      return new ZhejiangAdapter(transport, { baseUrl, gatewayUrl, appSecret: options.appSecret, appKey: options.appKey });
    },
  });
}
