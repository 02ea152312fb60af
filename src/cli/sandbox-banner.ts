import type { FlavorName, Sandbox, SandboxCredentials } from '../sandbox/index.js';
import type { CliIo } from './cli-io.js';
import { formatTable } from './text-table.js';

/** How each flavor takes the sandbox credentials, and how a client connects to it. */
interface FlavorAccess {
  readonly credentials: (credentials: SandboxCredentials) => readonly (readonly [string, string])[];
  readonly client: (url: string, credentials: SandboxCredentials) => string;
  /** zhejiang: the client of the data gateway (section A2). */
  readonly dataGatewayClient?: (url: string, credentials: SandboxCredentials) => string;
}

// A Record over FlavorName: a new sandbox flavor does not compile until the CLI can present it.
const access: Record<FlavorName, FlavorAccess> = {
  zhejiang: {
    credentials: ({ appKey, appSecret, appId, userSecret }) => [
      ['appKey', appKey],
      ['appSecret', appSecret],
      ['appId', appId],
      ['userSecret', userSecret],
    ],
    client: (url, { appKey, appSecret }) => `portals.zhejiang({ baseUrl: '${url}', appKey: '${appKey}', appSecret: '${appSecret}' })`,
    dataGatewayClient: (url, { appId, appSecret, userSecret }) =>
      `portals.zhejiang({ baseUrl: '${url}', appId: '${appId}', appSecret: '${appSecret}', userSecret: '${userSecret}' })`,
  },
  ckan: {
    credentials: ({ apiToken }) => [['API token', `${apiToken}  (Authorization header; only private datasets need it)`]],
    client: (url, { apiToken }) => `portals.ckan({ baseUrl: '${url}', token: '${apiToken}' })`,
  },
  socrata: {
    credentials: ({ apiToken }) => [['app token', `${apiToken}  (X-App-Token header; without it requests are throttled)`]],
    client: (url, { apiToken }) => `portals.socrata({ baseUrl: '${url}', appToken: '${apiToken}' })`,
  },
  opendatasoft: {
    credentials: ({ apiToken }) => [['API key', `${apiToken}  (Authorization: Apikey <key>, or ?apikey=)`]],
    client: (url, { apiToken }) => `portals.opendatasoft({ baseUrl: '${url}', apiKey: '${apiToken}' })`,
  },
};

/** Settings of the served sandbox that the banner reports. */
export interface BannerSettings {
  readonly url: string;
  readonly scale: 'small' | 'full';
  /** Share of faulted requests, when faults are on. */
  readonly faultRate: number | undefined;
}

/**
 * Prints what `kaifang sandbox` serves: URL, credentials (public sandbox values, the same in every
 * install, so printing them is the point), datasets with row counts, sample requests and the
 * client to create.
 */
export function printSandboxBanner(io: CliIo, sandbox: Sandbox, settings: BannerSettings): void {
  const { url } = settings;
  const flavor = access[sandbox.flavor];
  io.out(`kaifang sandbox: ${sandbox.flavor} portal, ${settings.scale} scale, seed ${sandbox.seed}`);
  io.out('');
  const facts: (readonly [string, string])[] = [
    ['URL', url],
    ...flavor.credentials(sandbox.credentials),
    ['faults', settings.faultRate ? `${Math.round(settings.faultRate * 1000) / 10}% of requests` : 'none'],
  ];
  for (const [label, value] of facts) io.out(`${label.padEnd(11)}  ${value}`);
  io.out('');
  const datasets = sandbox.datasets;
  io.out(`Datasets (${datasets.length}):`);
  const rows = datasets.map((dataset) => [dataset.id, dataset.count.toLocaleString('en-US'), dataset.openClass, dataset.title]);
  for (const line of formatTable(['id', 'rows', 'open class', 'title'], rows)) io.out(line);
  printDataGatewayInterfaces(io, datasets);
  io.out('');
  io.out('Sample requests:');
  for (const sample of sandbox.samples(url)) io.out(`  curl '${sample}'`);
  io.out('');
  io.out('From the SDK:');
  io.out(`  createClient({ portal: ${flavor.client(url, sandbox.credentials)} })`);
  if (flavor.dataGatewayClient) io.out(`  createClient({ portal: ${flavor.dataGatewayClient(url, sandbox.credentials)} })  // data gateway`);
}

/** The data gateway's interface ids per dataset (zhejiang, section A2), which a user copies into calls. */
function printDataGatewayInterfaces(io: CliIo, datasets: Sandbox['datasets']): void {
  const rows = datasets.flatMap(({ id, dataGateway }) =>
    dataGateway ? [[id, dataGateway.style, dataGateway.data, dataGateway.count ?? '-', dataGateway.updateDate ?? '-', dataGateway.params.join(', ')]] : [],
  );
  if (!rows.length) return;
  io.out('');
  io.out('Data gateway interfaces (sign with jimp/sign/createsign.do, then call interface/gateway.do):');
  for (const line of formatTable(['dataset', 'style', 'data', 'count', 'update date', 'business params'], rows)) io.out(line);
}
