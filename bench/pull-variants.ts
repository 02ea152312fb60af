import { z } from 'zod';
import { createClient, portals } from '../src/index.js';
import { DATASET, PAGE_SIZE, pageUrl } from './page-url.js';

/** The four ways of pulling a whole dataset that the benchmark compares. */
export const pullVariants = ['sdk', 'sdk-schema', 'sequential', 'parallel-4'] as const;

export type PullVariant = (typeof pullVariants)[number];

/** Pulls every row of the dataset from `baseUrl` and returns how many there were. */
export type Pull = (baseUrl: string, appSecret: string) => Promise<number>;

/** Every column the zhejiang flavor serves for business licenses; capital is sent as a string. */
const BusinessLicense = z.object({
  TYSHXYDM: z.string(),
  QYMC: z.string(),
  FDDBR: z.string(),
  QYLX: z.string(),
  ZCZB: z.coerce.number(),
  CLRQ: z.string(),
  YYQXZ: z.string(),
  DJZT: z.string(),
  JYFW: z.string(),
  DJJG: z.string(),
  ZS: z.string(),
});

async function sdk(baseUrl: string, appSecret: string, withSchema: boolean): Promise<number> {
  const client = createClient({ portal: portals.zhejiang({ baseUrl, appSecret }) });
  let rows = 0;
  const stream = withSchema ? client.datasets.records(DATASET, { schema: BusinessLicense }) : client.datasets.records(DATASET);
  for await (const row of stream) if (row) rows++;
  return rows;
}

async function fetchRows(baseUrl: string, appSecret: string, pageNum: number): Promise<unknown[]> {
  const response = await fetch(pageUrl(baseUrl, appSecret, pageNum));
  if (!response.ok) throw new Error(`page ${pageNum}: HTTP ${response.status}`);
  const body = JSON.parse(await response.text()) as { status: unknown; msg: unknown; data: unknown };
  if (body.status !== 1 || !Array.isArray(body.data)) throw new Error(`page ${pageNum}: ${String(body.msg)}`);
  return body.data;
}

async function sequential(baseUrl: string, appSecret: string): Promise<number> {
  let rows = 0;
  for (let page = 1; ; page++) {
    const data = await fetchRows(baseUrl, appSecret, page);
    rows += data.length;
    if (data.length < PAGE_SIZE) return rows;
  }
}

async function parallel(baseUrl: string, appSecret: string, connections: number): Promise<number> {
  const response = await fetch(`${baseUrl}/jdop_front/interfaces/cata_${DATASET}/get_total.do?appsecret=${encodeURIComponent(appSecret)}`);
  const total = Number(((await response.json()) as { data: unknown }).data);
  const pages = Math.ceil(total / PAGE_SIZE);
  let next = 1;
  let rows = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let page = next++; page <= pages; page = next++) {
        const data = await fetchRows(baseUrl, appSecret, page);
        rows += data.length;
      }
    }),
  );
  return rows;
}

/** The pull of each variant: the SDK with and without a schema, and two hand-written loops. */
export const pulls: Record<PullVariant, Pull> = {
  sdk: (baseUrl, appSecret) => sdk(baseUrl, appSecret, false),
  'sdk-schema': (baseUrl, appSecret) => sdk(baseUrl, appSecret, true),
  sequential,
  'parallel-4': (baseUrl, appSecret) => parallel(baseUrl, appSecret, 4),
};

/**
 * What each variant does once before the clock starts, on a client of its own: loading and
 * compiling its code (the SDK loads its portal adapter on first use) is not part of a pull.
 */
export const warmUps: Record<PullVariant, Pull> = {
  sdk: async (baseUrl, appSecret) => (await createClient({ portal: portals.zhejiang({ baseUrl, appSecret }) }).datasets.records(DATASET, { limit: 1 }).toArray()).length,
  'sdk-schema': async (baseUrl, appSecret) =>
    (await createClient({ portal: portals.zhejiang({ baseUrl, appSecret }) }).datasets.records(DATASET, { limit: 1, schema: BusinessLicense }).toArray()).length,
  sequential: async (baseUrl, appSecret) => (await fetchRows(baseUrl, appSecret, 1)).length,
  'parallel-4': async (baseUrl, appSecret) => (await fetchRows(baseUrl, appSecret, 1)).length,
};
