import { datasetDefinitions, enterpriseTax } from './data/index.js';
import type { ColumnDefinition, OpenClass } from './data/dataset-definition.js';
import { DatasetState, type MutationOptions, type MutationResult } from './dataset-state.js';
import { FaultPlan, type FaultKind, type FaultOptions } from './faults.js';
import type { DataGatewayInterfaces, Flavor, FlavorName, SandboxContext, SandboxCredentials, TokenLifetimes } from './flavor.js';
import { ckanFlavor } from './flavors/ckan/index.js';
import { opendatasoftFlavor } from './flavors/opendatasoft/index.js';
import { socrataFlavor } from './flavors/socrata/index.js';
import { DEFAULT_SIGN_LIFETIME, GATEWAY_CALLS_PER_SECOND, zhejiangFlavor } from './flavors/zhejiang/index.js';
import { injectFault } from './inject-fault.js';
import { listen, type ListenOptions, type ListeningSandbox } from './listen.js';

export interface SandboxOptions {
  /** Which portal family to imitate. @default 'zhejiang' */
  readonly flavor?: FlavorName | undefined;
  /** Seed of every generated row and identifier: the same seed serves the same bytes. @default 1 */
  readonly seed?: number | undefined;
  /**
   * `'small'`: a few thousand rows per dataset (parking always 3,128 lots); `'full'`: the real
   * datasets' scale (1,020,000 / 100,000 / 300,000 / 3,128). Rows are generated on demand, so
   * `'full'` costs no memory until read. @default 'small'
   */
  readonly scale?: 'small' | 'full' | undefined;
  /** Row counts per dataset id, overriding `scale`, e.g. `{ 'nb-business-licenses': 100_000 }`. */
  readonly sizes?: Readonly<Record<string, number>> | undefined;
  /** How many generated long-tail datasets (public toilets, charging piles, …) join the four core ones. @default 36 */
  readonly extraDatasets?: number | undefined;
  /** Faults to inject, by rate or by script. @default none */
  readonly faults?: FaultOptions | undefined;
  /** The sandbox's clock: update dates, token lifetimes and parking free spaces follow it. @default () => new Date() */
  readonly clock?: (() => Date) | undefined;
  /** Credentials the sandbox accepts; `sandbox.credentials` tells the ones in force. */
  readonly credentials?: Partial<SandboxCredentials> | undefined;
  /** zhejiang: JSON-encode `data` as a string this many times, as some real interfaces do. @default 0 */
  readonly encodeData?: 0 | 1 | 2 | undefined;
  /** zhejiang: restricted datasets whose open-data interfaces this app is approved for. @default [] */
  readonly approved?: readonly string[] | undefined;
  /**
   * zhejiang: gateway secret lifetimes in ms, and how far a data gateway call's timestamp may
   * lie from the clock for its sign to be made and accepted (section A2).
   * @default { requestSecret: 15 min, refreshSecret: 48 h, sign: 5 min }
   */
  readonly tokenLifetimes?: Partial<TokenLifetimes> | undefined;
  /**
   * zhejiang: calls one app may make per second of the sandbox clock, on the data gateway
   * (section A2) to each interface, on the signed gateway (section C) in all; the next call in
   * that second is over quota. `Infinity` turns the quota off. @default 1000
   */
  readonly gatewayCallsPerSecond?: number | undefined;
  /** ckan: enable `datastore_search_sql` (off by default, as on real sites). @default false */
  readonly sqlEnabled?: boolean | undefined;
  /**
   * Bytes of rendered pages kept, so a page read again is not generated again (`0` turns it off).
   * Raise it to keep a whole full-scale dataset warm, e.g. for benchmarks. @default 64 MB
   */
  readonly pageCache?: number | undefined;
}

/** What the sandbox serves, for tests, demos and the CLI. */
export interface SandboxDataset {
  readonly id: string;
  readonly title: string;
  readonly openClass: OpenClass;
  readonly key: string;
  readonly count: number;
  readonly updatedAt: Date;
  readonly columns: readonly ColumnDefinition[];
  /** zhejiang: the data gateway interfaces (section A2) that serve the dataset; absent where it has none. */
  readonly dataGateway?: DataGatewayInterfaces | undefined;
}

export interface SandboxStats {
  /** Requests answered so far (faulted ones included). */
  readonly requests: number;
  /** Rows the generators produced so far, over every dataset. */
  readonly rowsGenerated: number;
  /** Faults injected so far, by kind. */
  readonly faults: Readonly<Record<FaultKind, number>>;
}

export interface Sandbox {
  readonly flavor: FlavorName;
  readonly seed: number;
  /** Base URL to use with `sandbox.fetch` (any host works: the sandbox routes by path). */
  readonly url: string;
  readonly credentials: SandboxCredentials;
  /** In-process fetch: no sockets. Pass it as the client's `fetch`. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** The fetch-style handler itself, e.g. for msw: `http.all('*', ({ request }) => sandbox.handler(request))`. */
  handler(request: Request): Promise<Response>;
  /** Serves the sandbox over real HTTP, on 127.0.0.1 by default. */
  listen(options?: ListenOptions): Promise<ListeningSandbox>;
  /** Adds, updates or removes rows and bumps the dataset's update date, visibly through every route. */
  mutate(options: MutationOptions): MutationResult;
  /** Replaces the fault plan (`undefined` clears it). */
  setFaults(faults: FaultOptions | undefined): void;
  /** The datasets served, with their current row counts and update dates. */
  readonly datasets: readonly SandboxDataset[];
  readonly stats: SandboxStats;
  /** Sample request URLs for a base URL (the CLI prints them). */
  samples(baseUrl?: string): string[];
}

const flavors: Record<FlavorName, Flavor> = { zhejiang: zhejiangFlavor, ckan: ckanFlavor, socrata: socrataFlavor, opendatasoft: opendatasoftFlavor };

/** The base URL for in-process use; `.test` is reserved, so it can never reach a real host. */
const IN_PROCESS_URL = 'http://sandbox.kaifang.test';

/** Public sandbox credentials: deliberately not secret, so examples and tests can share them. */
export const defaultSandboxCredentials: SandboxCredentials = {
  appKey: 'kaifang-sandbox-app',
  appSecret: 'kaifang-sandbox-secret',
  appId: 'kaifang-sandbox',
  userSecret: 'kaifang-sandbox-user-secret',
  apiToken: 'kaifang-sandbox-token',
};

/**
 * Creates a local open-data portal with seeded, realistic data, fault injection and mutations.
 *
 * @example
 * const sandbox = createSandbox({ flavor: 'ckan', seed: 1 });
 * const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch: sandbox.fetch });
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const flavorName = options.flavor ?? 'zhejiang';
  const flavor = flavors[flavorName];
  if (!flavor) throw new TypeError(`Unknown sandbox flavor "${String(flavorName)}"; expected one of ${Object.keys(flavors).join(', ')}`);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new TypeError(`Sandbox seed must be an integer, got ${String(seed)}`);
  const scale = options.scale ?? 'small';
  if (scale !== 'small' && scale !== 'full') throw new TypeError(`Sandbox scale must be 'small' or 'full', got ${String(scale)}`);
  const clock = options.clock ?? (() => new Date());
  const gatewayCallsPerSecond = options.gatewayCallsPerSecond ?? GATEWAY_CALLS_PER_SECOND;
  if (!(gatewayCallsPerSecond > 0)) throw new TypeError(`Sandbox gatewayCallsPerSecond must be a number above 0, got ${String(gatewayCallsPerSecond)}`);

  const datasets = new Map<string, DatasetState>();
  // The forbidden dataset comes last: catalogues list it, no data route serves it.
  for (const definition of [...datasetDefinitions({ extra: options.extraDatasets ?? 36 }), enterpriseTax]) {
    const size = options.sizes?.[definition.id] ?? definition.size[scale];
    if (!Number.isSafeInteger(size) || size < 0) throw new TypeError(`Sandbox size of ${definition.id} must be a whole number, got ${size}`);
    datasets.set(definition.id, new DatasetState(definition, seed, size, clock));
  }
  for (const id of Object.keys(options.sizes ?? {})) {
    if (!datasets.has(id)) throw new TypeError(`Sandbox sizes name an unknown dataset "${id}"`);
  }

  const context: SandboxContext = {
    seed,
    datasets,
    credentials: { ...defaultSandboxCredentials, ...options.credentials },
    tokenLifetimes: { requestSecret: 15 * 60_000, refreshSecret: 48 * 3_600_000, sign: DEFAULT_SIGN_LIFETIME, ...options.tokenLifetimes },
    encodeData: options.encodeData ?? 0,
    approved: new Set(options.approved ?? []),
    sqlEnabled: options.sqlEnabled ?? false,
    gatewayCallsPerSecond,
    pageCacheBytes: options.pageCache ?? 64 * 1024 * 1024,
    now: clock,
    state: new Map(),
  };

  let faults = new FaultPlan(options.faults, seed);
  let requests = 0;

  const handler = async (request: Request): Promise<Response> => {
    requests++;
    const answer = () => flavor.handle(request, context);
    const fault = faults.choose(request);
    return fault ? injectFault(fault, request, flavor, answer) : answer();
  };

  const sandboxFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await handler(request);
    // Behave like a real fetch on a dropped connection.
    if (response.type === 'error') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    return response;
  };

  return {
    flavor: flavorName,
    seed,
    url: IN_PROCESS_URL,
    credentials: context.credentials,
    fetch: sandboxFetch,
    handler,
    listen: (listenOptions) => listen(handler, listenOptions),
    mutate(mutation) {
      const state = datasets.get(mutation.dataset);
      if (!state) throw new TypeError(`Unknown sandbox dataset "${mutation.dataset}"`);
      return state.mutate(mutation);
    },
    setFaults(next) {
      faults = new FaultPlan(next, seed);
    },
    get datasets() {
      return [...datasets.values()].map((state) => {
        const dataGateway = flavor.dataGateway?.(state.id);
        return {
          id: state.id,
          title: state.definition.title,
          openClass: state.definition.openClass,
          key: state.definition.key,
          count: state.count,
          updatedAt: state.updatedAt,
          columns: state.definition.columns,
          ...(dataGateway ? { dataGateway } : {}),
        };
      });
    },
    get stats() {
      let rowsGenerated = 0;
      for (const state of datasets.values()) rowsGenerated += state.generatedRows;
      return { requests, rowsGenerated, faults: { ...faults.injected } };
    },
    samples: (baseUrl = IN_PROCESS_URL) => flavor.samples(baseUrl, context),
  };
}
