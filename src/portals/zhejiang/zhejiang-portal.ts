import { fingerprint } from '../../http/fingerprint.js';
import type { PortalDefinition } from '../portal-adapter.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import { lazyAdapter } from '../lazy-adapter.js';
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
  const credentialFingerprint = fingerprint(`zhejiang\n${options.appKey ?? ''}\n${options.appSecret ?? ''}`);
  return {
    family: 'zhejiang',
    baseUrl,
    secretParams: ['appsecret', 'sign'],
    secretHeaders: [],
    credentialFingerprint,
    hasCredentials: Boolean(options.appSecret || options.appKey),
    create: (transport) =>
      lazyAdapter({
        family: 'zhejiang',
        baseUrl,
        capabilities: ZHEJIANG_CAPABILITIES,
        parseTimestamp: (value) => (typeof value === 'string' ? parseShanghaiTime(value) : null),
        methods: ['openFile', 'lookup'],
        load: async () => {
          const { ZhejiangAdapter } = await import('./zhejiang-adapter.js');
          return new ZhejiangAdapter(transport, { baseUrl, gatewayUrl, appSecret: options.appSecret, appKey: options.appKey }, credentialFingerprint);
        },
      }),
  };
}
