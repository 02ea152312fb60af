import { createClient, portals, type Client, type ClientOptions } from '../../src/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/**
 * The instant tests judge at: the sandbox's data date. Every food licence row was issued by then
 * (the latest on 2026-11-19), so rows are valid, expired, revoked or out of scope, never early.
 */
export const AT = new Date('2026-11-20T04:00:00Z');
const TODAY = '2026-11-20';
export const HOT_FOOD = '热食类食品制售';

export interface VerifySandbox {
  readonly sandbox: Sandbox;
  readonly client: Client;
  /** Requests sent so far whose URL contains `fragment` (all of them without one). */
  requests(fragment?: string): number;
}

/**
 * A small sandbox and a client over its in-process fetch, counting requests. The ckan client
 * carries the sandbox's token (the practitioner registry is private there) unless `token: false`.
 */
export function verifySandbox(flavor: 'zhejiang' | 'ckan', options: SandboxOptions & { token?: false; client?: Partial<ClientOptions> } = {}): VerifySandbox {
  const { token, client: clientOptions, ...sandboxOptions } = options;
  const sandbox = createSandbox({
    flavor,
    seed: 7,
    extraDatasets: 0,
    sizes: { 'nb-food-licenses': 400, 'nb-business-licenses': 300, 'zj-medical-practitioners': 300 },
    ...sandboxOptions,
  });
  const urls: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return sandbox.fetch(request);
  };
  const portal =
    flavor === 'ckan'
      ? portals.ckan({ baseUrl: sandbox.url, ...(token === false ? {} : { token: sandbox.credentials.apiToken }) })
      : portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret, appKey: sandbox.credentials.appKey });
  const client = createClient({ portal, fetch, cache: false, retry: { retries: 1, minDelay: 1, maxDelay: 2 }, ...clientOptions });
  return { sandbox, client, requests: (fragment) => (fragment === undefined ? urls.length : urls.filter((url) => url.includes(fragment)).length) };
}

/** Rows of a sandbox dataset as the flavor serves them, read through the public client. */
export async function rowsOf(client: Client, dataset: string): Promise<Record<string, unknown>[]> {
  return client.datasets.records(dataset).toArray();
}

/** The value of the first of `columns` a row has (pinyin on zhejiang, snake_case on ckan). */
export function column(row: Record<string, unknown>, ...columns: string[]): string {
  for (const name of columns) if (row[name] !== undefined) return String(row[name]);
  throw new Error(`row has none of ${columns.join(', ')}`);
}

/** Food licence rows of the sandbox, sorted into what the verifier should find at {@link AT}. */
export async function foodRows(client: Client) {
  const rows = (await rowsOf(client, 'nb-food-licenses')).map((row) => ({
    number: column(row, 'XKZBH', 'license_no'),
    holder: column(row, 'JYZMC', 'holder_name'),
    scope: column(row, 'JYXM', 'scope'),
    status: column(row, 'ZT', 'status'),
    issuedOn: column(row, 'FZRQ', 'issued_on').slice(0, 10),
    validUntil: column(row, 'YXQZ', 'valid_until').slice(0, 10),
  }));
  const active = rows.filter((row) => row.status === '有效');
  const find = (label: string, test: (row: (typeof rows)[number]) => boolean) => {
    const row = rows.find(test);
    if (!row) throw new Error(`no ${label} row in the sandbox`);
    return row;
  };
  return {
    rows,
    valid: find('valid', (row) => row.status === '有效' && row.validUntil >= TODAY && row.scope.includes(HOT_FOOD)),
    expired: find('expired', (row) => row.status === '有效' && row.validUntil < TODAY && row.scope.includes(HOT_FOOD)),
    revoked: find('revoked', (row) => row.status !== '有效' && row.validUntil >= TODAY && row.scope.includes(HOT_FOOD)),
    retailer: find('retailer', (row) => row.status === '有效' && row.validUntil >= TODAY && !row.scope.includes(HOT_FOOD)),
    recent: find('recent', (row) => active.includes(row) && row.issuedOn > '2022-01-01' && row.scope.includes(HOT_FOOD)),
  };
}
