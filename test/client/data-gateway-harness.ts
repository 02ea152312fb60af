import type { SetupServer } from 'msw/node';
import { http } from 'msw';
import { createClient, portals, type Client, type ClientOptions, type ZhejiangPortalOptions } from '../../src/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/** One request a client sent to the zhejiang sandbox, with the data gateway fields it carried. */
export interface SentRequest {
  /** The last path segment: `createsign.do`, `gateway.do`, or a catalogue id. */
  readonly path: string;
  readonly method: string;
  /** The form fields of a data gateway request (`createsign.do`, `gateway.do`). */
  readonly fields: Record<string, string>;
}

export interface GatewayHarness {
  readonly sandbox: Sandbox;
  readonly client: Client;
  /** Every request sent so far, in order. */
  readonly sent: SentRequest[];
  /** Every sign `createsign.do` handed out so far. */
  readonly signs: string[];
  /** Requests to `path` (and, when given, of interface `interfaceId`). */
  count(path: string, interfaceId?: string): number;
}

export interface GatewayHarnessOptions {
  readonly sandbox?: SandboxOptions | undefined;
  readonly client?: Partial<ClientOptions> | undefined;
  readonly portal?: Partial<ZhejiangPortalOptions> | undefined;
  /** Serve the sandbox through msw on this server (the client then uses the global fetch). */
  readonly msw?: Pick<SetupServer, 'use'> | undefined;
  /**
   * Answers a request instead of the sandbox (an odd answer), or `undefined` to let the sandbox
   * answer; `sandboxAnswer` asks the sandbox, e.g. to rewrite its answer.
   */
  readonly intercept?: ((request: SentRequest, sandboxAnswer: () => Promise<Response>) => Promise<Response | undefined> | Response | undefined) | undefined;
}

export const FAST_RETRY = { retries: 3, minDelay: 1, maxDelay: 5 } as const;

/**
 * A zhejiang sandbox and a client that reads it through the unified data gateway (section A2),
 * recording every request's form fields and every sign handed out.
 */
export function gatewayHarness(options: GatewayHarnessOptions = {}): GatewayHarness {
  const sandbox = createSandbox({ seed: 3, extraDatasets: 2, ...options.sandbox });
  const sent: SentRequest[] = [];
  const signs: string[] = [];
  const serve = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.split('/').pop() ?? '';
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const fields = Object.fromEntries(new URLSearchParams(body || url.search));
    const entry = { path, method: request.method, fields };
    sent.push(entry);
    const sandboxAnswer = () => sandbox.fetch(request);
    const response = (await options.intercept?.(entry, sandboxAnswer)) ?? (await sandboxAnswer());
    if (path === 'createsign.do' && response.status === 200) {
      const sign = await response.clone().text().catch(() => '');
      if (/^[0-9a-f]{64}$/.test(sign)) signs.push(sign);
    }
    return response;
  };
  if (options.msw) options.msw.use(http.all('*', ({ request }) => serve(request)));
  const { appId, appSecret, userSecret } = sandbox.credentials;
  const portal = portals.zhejiang({ baseUrl: sandbox.url, appId, appSecret, userSecret, ...options.portal });
  const client = createClient({ portal, retry: FAST_RETRY, ...(options.msw ? {} : { fetch: serve }), ...options.client });
  return {
    sandbox,
    client,
    sent,
    signs,
    count: (path, interfaceId) => sent.filter((request) => request.path === path && (interfaceId === undefined || request.fields['interface_id'] === interfaceId)).length,
  };
}

/** The data gateway ids of a sandbox dataset. */
export function gatewayIds(sandbox: Sandbox, datasetId: string) {
  const gateway = sandbox.datasets.find((dataset) => dataset.id === datasetId)?.dataGateway;
  if (!gateway) throw new Error(`${datasetId} has no data gateway interfaces`);
  return gateway;
}
