import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient, portals, type Client, type ClientOptions, type TransportHooks } from '../../src/index.js';
import { mask, residentId } from '../../src/ids/index.js';
import { createSandbox, type FaultKind, type FlavorName, type Sandbox } from '../../src/sandbox/index.js';
import { runInProcess } from '../cli/in-process.js';
import { useMswServer } from '../http/msw-server.js';

const FOOD = 'nb-food-licenses';
const PRACTITIONERS = 'zj-medical-practitioners';
const FORBIDDEN = 'nb-enterprise-tax';

const ID_A = residentId.generate({ region: '330106', birthDate: '1990-01-01', sequence: 123 }) as string;
const ID_B = residentId.generate({ region: '330203', birthDate: '1985-07-15', sequence: 456 }) as string;
const PHONE_A = '13812345678';
const PHONE_B = '15987654321';
const NAME_A = '欧阳明远';
const NAME_B = '司马青云';
const NAME_C = '诸葛晓燕';
const ADDRESS = `宁波市海曙区中山西路88号 身份证${ID_A} 电话${PHONE_A}`;
const DOCTOR = { cert_no: '110330100000001', name: NAME_A, category: '临床', scope: `内科专业 联系${PHONE_B}`, institution: '宁波市第一医院', status: '注册', issued_on: '2012-07-01' };
const NURSE = { cert_no: '350330100000002', name: NAME_B, category: '护士', scope: '护理', institution: '杭州市第一人民医院', status: '注册', issued_on: '2018-03-15' };
const FOOD_ROW = {
  license_no: 'JY13302030099991',
  // A sole trader's licence is held in the trader's own name.
  holder_name: NAME_C,
  credit_code: '92330203MA2Q7K1X0X',
  legal_rep: NAME_C,
  address: ADDRESS,
  business_type: '餐饮服务经营者',
  scope: `热食类食品制售 负责人手机${PHONE_B} 证件${ID_B}`,
  issued_on: '2024-01-02',
  valid_until: '2029-01-01',
  status: '有效',
  authority: '宁波市海曙区市场监督管理局',
};

const MASKED_ID_A = mask.residentId(ID_A);
const PERSONAL = [ID_A, ID_B, PHONE_A, PHONE_B, NAME_A, NAME_B, NAME_C];
/** Every way a personal value can show up: as is, percent-encoded, form-encoded, JSON-escaped. */
const FORMS = PERSONAL.flatMap((value) => [
  value,
  encodeURIComponent(value),
  new URLSearchParams({ v: value }).toString().slice(2),
  JSON.stringify(value).slice(1, -1).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
]);

/** The injected personal values found unmasked in `text`, with a little context. */
function leaksIn(text: string): string[] {
  return [...new Set(FORMS)].filter((form) => text.includes(form)).map((form) => `${form} in …${text.slice(Math.max(0, text.indexOf(form) - 80), text.indexOf(form) + 40)}…`);
}

/** Everything a program could print or log about an error. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `not an error: ${String(error)}`;
  return [error.message, error.stack ?? '', JSON.stringify(error), String(error), String(error.cause), error.cause instanceof Error ? (error.cause.stack ?? '') : ''].join('\n');
}

const server = useMswServer();
const collected: { label: string; text: string }[] = [];
const collect = (label: string, text: string): void => {
  collected.push({ label, text });
};

interface Harness {
  readonly sandbox: Sandbox;
  readonly client: Client;
}

/** A sandbox holding the injected people, and a client whose every hook event is collected. */
function harness(flavor: FlavorName, label: string, options: { appSecret?: string; token?: false; client?: Partial<ClientOptions>; answer?: (request: Request) => Response | undefined } = {}): Harness {
  const sandbox = createSandbox({ flavor, seed: 3, extraDatasets: 0, sizes: { [FOOD]: 60, [PRACTITIONERS]: 40, 'nb-business-licenses': 20 } });
  sandbox.mutate({ dataset: PRACTITIONERS, add: [DOCTOR, NURSE] });
  sandbox.mutate({ dataset: FOOD, add: [FOOD_ROW] });
  const record = (kind: string) => (event: object) => {
    const error = (event as { error?: unknown }).error;
    collect(`${label} ${kind} event`, `${JSON.stringify(event)}\n${error === undefined ? '' : describeError(error)}`);
  };
  const hooks: TransportHooks = { onRequest: record('onRequest'), onResponse: record('onResponse'), onRetry: record('onRetry'), onCacheHit: record('onCacheHit') };
  const portal =
    flavor === 'ckan'
      ? portals.ckan({ baseUrl: sandbox.url, ...(options.token === false ? {} : { token: sandbox.credentials.apiToken }) })
      : portals.zhejiang({ baseUrl: sandbox.url, appKey: sandbox.credentials.appKey, appSecret: options.appSecret ?? sandbox.credentials.appSecret });
  const answer = options.answer;
  const fetch = async (request: Request): Promise<Response> => answer?.(request) ?? sandbox.fetch(request);
  const client = createClient({ portal, fetch, hooks, retry: { retries: 1, minDelay: 1, maxDelay: 2 }, ...options.client });
  return { sandbox, client };
}

/** Runs `call`, collects the error it ends in (it must end in one) under `label`. */
async function failing(label: string, call: () => Promise<unknown>): Promise<Error> {
  const error = await call().then(
    () => new Error(`${label}: expected an error, got an answer`),
    (thrown: unknown) => thrown,
  );
  collect(label, describeError(error));
  expect(error, label).toBeInstanceOf(Error);
  return error as Error;
}

const personalWhere = { JYCS: ADDRESS };
const ckanFaults: FaultKind[] = ['unavailable', 'rate-limit', 'html', 'drift', 'truncate', 'reset'];

describe('personal data in errors and hook events', () => {
  it('never appear unmasked on any error path of the client, the gateway or the verifier', { timeout: 15_000 }, async () => {
    // Record lookups with a personal value in the filter, under every sandbox fault.
    for (const flavor of ['ckan', 'zhejiang'] as const) {
      for (const kind of ckanFaults) {
        const { client, sandbox } = harness(flavor, `${flavor} ${kind}`);
        sandbox.setFaults([{ match: flavor === 'ckan' ? 'datastore_search' : /JYCS|interface|get_data|data/i, kind, times: 10, retryAfter: 0 }]);
        await failing(`${flavor} records under ${kind}`, () => client.datasets.records(FOOD, { where: personalWhere, limit: 5 }).toArray());
      }
    }
    // A wrong app secret, an unknown dataset, a restricted and a forbidden dataset.
    await failing('zhejiang bad app secret', () => harness('zhejiang', 'bad secret', { appSecret: 'notTheRightSecret99' }).client.datasets.records(FOOD, { where: personalWhere }).toArray());
    await failing('zhejiang gateway with bad app secret', () => harness('zhejiang', 'bad secret gateway', { appSecret: 'notTheRightSecret99' }).client.datasets.lookup(PRACTITIONERS, { certNo: DOCTOR.cert_no, name: NAME_A }));
    for (const flavor of ['ckan', 'zhejiang'] as const) {
      const { client } = harness(flavor, `${flavor} unknown`);
      await failing(`${flavor} unknown dataset`, () => client.datasets.records(`no-such-${ID_A}`, { where: personalWhere }).toArray());
      await failing(`${flavor} forbidden dataset`, () => client.datasets.records(FORBIDDEN, { where: { FDDBR: NAME_C, DH: PHONE_A } }).toArray());
    }
    await failing('ckan restricted dataset without token', () => harness('ckan', 'no token', { token: false }).client.datasets.records(PRACTITIONERS, { where: { name: NAME_A } }).toArray());
    // 404, 403 and 409 answers that echo the request, as some portals' error pages do.
    for (const status of [404, 403, 409]) {
      const echo = (request: Request): Response | undefined => {
        const url = new URL(request.url);
        if (!url.search.includes('JYCS') && !url.pathname.includes('datastore_search')) return undefined;
        const query = Object.fromEntries(url.searchParams);
        return HttpResponse.json({ success: false, error: { message: `request ${decodeURIComponent(url.href)} refused`, query } }, { status });
      };
      const { client } = harness('ckan', `ckan ${status}`, { answer: echo });
      await failing(`ckan ${status} echoing the request`, () => client.datasets.records(FOOD, { where: personalWhere }).toArray());
    }
    // The gateway with a full name, under faults.
    for (const kind of ['unavailable', 'html', 'drift', 'truncate', 'reset', 'rate-limit'] as const) {
      const { client, sandbox } = harness('zhejiang', `gateway ${kind}`);
      sandbox.setFaults([{ match: 'practitionerVerify', kind, times: 10, retryAfter: 0 }]);
      await failing(`gateway lookup under ${kind}`, () => client.datasets.lookup(PRACTITIONERS, { certNo: DOCTOR.cert_no, name: NAME_A }));
    }
    // Verification of people by name: found, mismatch, unknown, and failing sources.
    for (const flavor of ['zhejiang', 'ckan'] as const) {
      const { client } = harness(flavor, `verify ${flavor}`);
      const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: PRACTITIONERS, mode: 'remote' });
      const items = [
        { number: DOCTOR.cert_no, holder: NAME_A },
        { number: DOCTOR.cert_no, holder: NAME_C },
        { number: '110330199999999', holder: NAME_B },
      ];
      const verdicts = await verifier.verifyMany(items);
      expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'holder_mismatch', 'not_found']);
      collect(`verdicts on ${flavor}`, JSON.stringify(verdicts));
      const broken = harness(flavor, `verify ${flavor} failing`);
      broken.sandbox.setFaults({ rate: 1, kinds: ['unavailable', 'html', 'drift'] });
      const failed = await broken.client.licenses.verifier({ kind: 'medical-practitioner', dataset: PRACTITIONERS, mode: 'remote' }).verifyMany(items);
      collect(`verdicts of a failing ${flavor} source`, `${JSON.stringify(failed)}\n${failed.map((verdict) => describeError(verdict.error)).join('\n')}`);
      expect(failed.map((verdict) => verdict.status)).toEqual(['unknown', 'unknown', 'unknown']);
    }
    // Rows holding personal values that fail the schema.
    for (const flavor of ['ckan', 'zhejiang'] as const) {
      const { client } = harness(flavor, `schema ${flavor}`);
      const schema = z.object({ JYCS: z.number(), FDDBR: z.literal('nobody'), JYZMC: z.email() }).or(z.object({ address: z.number(), legal_rep: z.literal('nobody') }));
      await failing(`${flavor} record validation`, () => client.datasets.records(FOOD, { where: personalWhere, schema, onInvalid: 'throw' }).toArray());
    }
    const leaks = collected.flatMap(({ label, text }) => leaksIn(text).map((leak) => `${label}: ${leak}`));
    expect(leaks).toEqual([]);
    // The values did travel through these paths, masked: the search looked where they were.
    const carrying = (shown: string) => collected.filter(({ text }) => text.includes(shown) || text.includes(encodeURIComponent(shown))).length;
    expect(carrying(MASKED_ID_A)).toBeGreaterThan(20);
    expect(carrying(mask.name(NAME_A))).toBeGreaterThan(5);
  });

  it('shows the raw values when masking is turned off with privacy: { mask: false }', async () => {
    const { client, sandbox } = harness('ckan', 'unmasked', { client: { privacy: { mask: false } } });
    sandbox.setFaults([{ match: 'datastore_search', kind: 'unavailable', times: 10 }]);
    const error = await client.datasets.records(FOOD, { where: personalWhere }).toArray().catch((thrown: unknown) => thrown as Error);
    expect(describeError(error)).toContain(ID_A);
    const masked = harness('ckan', 'masked');
    masked.sandbox.setFaults([{ match: 'datastore_search', kind: 'unavailable', times: 10 }]);
    const same = await masked.client.datasets.records(FOOD, { where: personalWhere }).toArray().catch((thrown: unknown) => thrown as Error);
    expect(describeError(same)).not.toContain(ID_A);
    expect(describeError(same)).toContain(MASKED_ID_A);
  });
});

describe('personal data in CLI output', () => {
  const sandbox = createSandbox({ flavor: 'ckan', seed: 3, extraDatasets: 0, sizes: { [FOOD]: 60, [PRACTITIONERS]: 40, 'nb-business-licenses': 20 } });
  sandbox.mutate({ dataset: PRACTITIONERS, add: [DOCTOR, NURSE] });
  sandbox.mutate({ dataset: FOOD, add: [FOOD_ROW] });
  const env = { KAIFANG_PORTAL: 'ckan', KAIFANG_BASE_URL: sandbox.url, KAIFANG_TOKEN: sandbox.credentials.apiToken };
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaifang-privacy-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const serve = (): void => {
    server.use(http.all(`${sandbox.url}/*`, ({ request }) => sandbox.fetch(request)));
  };

  it('masks people in every command\'s stdout, stderr and report by default', { timeout: 15_000 }, async () => {
    serve();
    const outputs: { label: string; text: string }[] = [];
    const run = async (label: string, args: string[]) => {
      const result = await runInProcess(args, env);
      outputs.push({ label, text: `${result.stdout}\n${result.stderr}` });
      return result;
    };
    await run('search', ['search', `食品 ${PHONE_A}`]);
    await run('show', ['show', FOOD]);
    const rows = await run('records --where', ['records', FOOD, '--where', `address=${ADDRESS}`]);
    expect(rows.code).toBe(0);
    expect(rows.stdout).toContain('JY13302030099991');
    expect(rows.stdout).toContain(MASKED_ID_A);
    expect(rows.stdout).toContain(`"legal_rep":"${mask.name(NAME_C)}"`);
    await run('records csv', ['records', FOOD, '--format', 'csv', '--where', `license_no=${FOOD_ROW.license_no}`]);
    await run('records of people', ['records', PRACTITIONERS, '--where', `name=${NAME_A}`]);
    const input = join(dir, 'people.csv');
    const report = join(dir, 'report.csv');
    await writeFile(input, `number,holder,note\n${DOCTOR.cert_no},${NAME_A},${ID_A}\n${DOCTOR.cert_no},${NAME_C},${PHONE_A}\n110330199999999,${NAME_B},${PHONE_B}\n`);
    const verified = await run('verify', ['verify', input, '--kind', 'medical-practitioner', '--dataset', PRACTITIONERS, '--report', report]);
    expect(verified.code).toBe(0);
    outputs.push({ label: 'verify report', text: await readFile(report, 'utf8') });
    const id = await run('id', ['id', ID_A]);
    expect(id.code).toBe(0);
    await run('id --json', ['id', ID_B, '--json']);
    sandbox.setFaults([{ match: 'datastore_search', kind: 'unavailable', times: 50 }]);
    const failed = await run('records under 503', ['records', FOOD, '--where', `address=${ADDRESS}`]);
    sandbox.setFaults(undefined);
    expect(failed.code).toBe(1);
    await run('records of a forbidden dataset', ['records', FORBIDDEN, '--where', `legal_rep=${NAME_C}`]);
    await run('records without a token', ['records', PRACTITIONERS, '--where', `name=${NAME_A}`, '--token', '']);
    const leaks = outputs.flatMap(({ label, text }) => leaksIn(text).map((leak) => `${label}: ${leak}`));
    expect(leaks).toEqual([]);
  });

  it('prints rows as the portal sent them with --unmasked', async () => {
    serve();
    const result = await runInProcess(['records', FOOD, '--where', `license_no=${FOOD_ROW.license_no}`, '--unmasked'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ID_A);
    expect(result.stdout).toContain(NAME_C);
  });
});
