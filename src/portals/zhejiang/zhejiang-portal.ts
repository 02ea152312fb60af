import { ArgumentError } from '../../errors/index.js';
import { definePortal, type PortalDefinition } from '../define-portal.js';
import { normalizeBaseUrl } from '../normalize-base-url.js';
import { gatewayInterfacesGiven, type GatewayInterfaceIds } from './gateway-interfaces.js';
import { parseShanghaiTime } from './shanghai-time.js';
import { ZHEJIANG_CAPABILITIES } from './zhejiang-capabilities.js';

export interface ZhejiangPortalOptions {
  /** Base URL of the open-data interfaces, the data gateway and the catalogue, e.g. `https://data.zjzwfw.gov.cn`. */
  readonly baseUrl: string;
  /**
   * The app secret: sent as `appsecret` to the open-data interfaces and as `appsecret` /
   * `appSecret` in the data gateway's business parameters, and (with `appKey`) signing the
   * gateway's token requests. Redacted from every error, log line and cache key.
   */
  readonly appSecret?: string | undefined;
  /** The app key of the signed gateway (restricted interfaces, e.g. credential verification). */
  readonly appKey?: string | undefined;
  /** Base URL of the signed gateway. @default baseUrl */
  readonly gatewayUrl?: string | undefined;
  /**
   * The app id (应用ID) of the unified data gateway (section A2): with it, records and change
   * markers go through `createsign.do` and `gateway.do`. Not a secret: it is shown as sent.
   */
  readonly appId?: string | undefined;
  /**
   * The user secret some gateway interfaces read as `userSecret`. Redacted from every error,
   * log line and cache key, as the app secret and every sign are.
   */
  readonly userSecret?: string | undefined;
  /**
   * Which interfaces read records: `'A2'` the unified data gateway, `'A'` the open-data
   * interfaces (`get_data.do`).
   * **Note:** by default the gateway is used when `appId` is given, and a dataset whose
   * catalogue entry lists no gateway interface id is then read through `'A'`; asking for `'A2'`
   * never falls back.
   * @default 'A2' with appId, else 'A'
   */
  readonly generation?: 'A' | 'A2' | undefined;
  /**
   * Gateway interface ids by the id you pass to `records` (a catalogue id, or a name of your
   * choosing), for datasets whose catalogue entry lists none or lists ids whose roles their
   * names do not tell. Ids so named, like bare data interface ids, need no catalogue entry.
   * @example { '11239': { data: 'jhcata11239getdata', count: 'jhcata11239gettotal' } }
   */
  readonly interfaces?: Readonly<Record<string, GatewayInterfaceIds>> | undefined;
}

/**
 * A Chinese provincial public-data platform in the style of Zhejiang's.
 *
 * @example
 * const client = createClient({ portal: portals.zhejiang({ baseUrl, appId, appSecret, userSecret }) });
 */
export function zhejiang(options: ZhejiangPortalOptions): PortalDefinition {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'portals.zhejiang: baseUrl');
  const gatewayUrl = options.gatewayUrl === undefined ? baseUrl : normalizeBaseUrl(options.gatewayUrl, 'portals.zhejiang: gatewayUrl');
  const appId = options.appId === undefined || options.appId.trim() === '' ? undefined : options.appId.trim();
  const { generation: asked, interfaces } = options;
  if (asked !== undefined && asked !== 'A' && asked !== 'A2') throw new ArgumentError(`portals.zhejiang: generation must be 'A' or 'A2', got ${JSON.stringify(asked)}`);
  if (asked === 'A2' && appId === undefined) throw new ArgumentError('portals.zhejiang: the data gateway (generation \'A2\') needs appId');
  if (interfaces !== undefined) checkInterfaces(interfaces);
  const generation = asked ?? (appId === undefined ? 'A' : 'A2');
  return definePortal({
    family: 'zhejiang',
    baseUrl,
    capabilities: ZHEJIANG_CAPABILITIES,
    parseTimestamp: (value) => (typeof value === 'string' ? parseShanghaiTime(value) : null),
    // The app key and app id name the app without being secret: they separate cache entries and
    // stay readable. `biz_content` carries the secrets of every gateway call, so it is hidden whole.
    credentials: {
      secrets: [options.appSecret, options.userSecret],
      identity: [options.appKey, appId],
      params: ['appsecret', 'sign', 'userSecret', 'biz_content'],
      headers: [],
    },
    decidesAccess: (id) => generation === 'A2' && gatewayInterfacesGiven(id, interfaces) !== undefined,
    load: async (transport, context) => {
      const { ZhejiangAdapter } = await import('./zhejiang-adapter.js');
      return new ZhejiangAdapter(transport, {
        baseUrl,
        gatewayUrl,
        appSecret: options.appSecret,
        appKey: options.appKey,
        appId,
        userSecret: options.userSecret,
        generation,
        generationForced: asked !== undefined,
        interfaces,
        retry: context?.retry,
      });
    },
  });
}

function checkInterfaces(interfaces: Readonly<Record<string, GatewayInterfaceIds>>): void {
  for (const [id, given] of Object.entries(interfaces)) {
    const named = given as Partial<GatewayInterfaceIds> | null;
    if (typeof named?.data !== 'string' || named.data.trim() === '') {
      throw new ArgumentError(`portals.zhejiang: interfaces['${id}'] needs the data interface id, e.g. { data: 'jhcata11239getdata' }`);
    }
  }
}
