/**
 * Child process: reads every page of `nb-business-licenses` through one layer of the client, in
 * process, and prints `{ pages, microsPerPage }` as JSON: this process's CPU time per page over
 * the measured read. A fake `fetch` answers from pages rendered before the clock starts, so only
 * client code runs, and every layer keeps `IN_FLIGHT` pages in flight as the SDK does.
 * `--start cold` measures the first full read after a one-page read that loads the code;
 * `--start warm` measures a read that follows `WARM_READS` unmeasured full reads.
 */
import { createTransport, parseJsonSafely } from '../src/http/index.js';
import { readBody } from '../src/http/read-body.js';
import { createClient, portals } from '../src/index.js';
import { RowsSchema } from '../src/model/row-schema.js';
import { parseOpenData } from '../src/portals/zhejiang/open-data-envelope.js';
import { createSandbox } from '../src/sandbox/index.js';
import { IN_FLIGHT, layers, WARM_READS, type Layer } from './layers.js';
import { DATASET, PAGE_SIZE, pageUrl } from './page-url.js';
import { readArguments } from './read-arguments.js';
import { pullStarts } from './results.js';

const args = readArguments(process.argv.slice(2));
const layer = args.choice('layer', layers);
const start = args.choice('start', pullStarts);
const rows = args.number('rows');
const pages = Math.ceil(rows / PAGE_SIZE);

const sandbox = createSandbox({ flavor: 'zhejiang', seed: 1, sizes: { [DATASET]: rows }, pageCache: 0 });
const baseUrl = 'http://sandbox.invalid';
const appSecret = sandbox.credentials.appSecret;
const rendered = new Map<string, Uint8Array>();
// One page past the end too: the SDK asks for it when the last page is full, to confirm the end.
for (let pageNum = 1; pageNum <= pages + 1; pageNum++) {
  const response = await sandbox.fetch(new Request(pageUrl(baseUrl, appSecret, pageNum)));
  rendered.set(String(pageNum), new Uint8Array(await response.arrayBuffer()));
}
const headers = { 'content-type': 'application/json;charset=UTF-8' };

/** Rendered pages for `get_data.do`; anything else (the total, the catalogue) from the sandbox itself. */
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // A new Request every time, as `fetch` itself builds one from whatever it is given.
  const request = new Request(input, init);
  const url = new URL(request.url);
  const page = url.pathname.endsWith('/get_data.do') ? rendered.get(url.searchParams.get('pageNum') ?? '') : undefined;
  // One macrotask per answer, as a socket would take, so no layer runs entirely in microtasks.
  await new Promise((resolve) => setImmediate(resolve));
  return page ? new Response(page as BodyInit, { headers }) : sandbox.fetch(request);
}

/** Reads `count` pages with `IN_FLIGHT` workers sharing a page counter; returns the row count. */
async function inFlight(count: number, readPage: (pageNum: number) => Promise<number>): Promise<number> {
  let next = 1;
  let total = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let pageNum = next++; pageNum <= count; pageNum = next++) {
        const pageRows = await readPage(pageNum);
        total += pageRows;
      }
    }),
  );
  return total;
}

/** Reads and decodes a body as the transport does, so the layers differ only in what they add. */
const rowsOf = async (response: Response): Promise<number> => {
  const body = parseJsonSafely(await readBody(response, Number.POSITIVE_INFINITY)) as { status: unknown; data: unknown };
  if (body.status !== 1 || !Array.isArray(body.data)) throw new Error('not a page of rows');
  return body.data.length;
};

const transport = createTransport({ fetch: fakeFetch, cache: false });
const readSignal = new AbortController().signal;

/** One page through each layer; each adds to the one before what the SDK adds. */
const pageReaders: Record<Exclude<Layer, 'records'>, (pageNum: number) => Promise<number>> = {
  fetch: async (pageNum) => rowsOf(await fakeFetch(pageUrl(baseUrl, appSecret, pageNum))),
  transport: async (pageNum) => {
    const { data } = await transport.request({
      method: 'GET',
      url: `${baseUrl}/jdop_front/interfaces/cata_${DATASET}/get_data.do`,
      searchParams: { appsecret: appSecret, pageNum, pageSize: PAGE_SIZE },
      signal: readSignal,
      cache: false,
      parse: (body) => parseOpenData(body, RowsSchema, DATASET),
    });
    return data.length;
  },
};

const client = createClient({ portal: portals.zhejiang({ baseUrl, appSecret }), fetch: fakeFetch, cache: false });

async function read(count: number): Promise<number> {
  if (layer !== 'records') return inFlight(count, pageReaders[layer]);
  let total = 0;
  for await (const row of client.datasets.records(DATASET, { concurrency: IN_FLIGHT, limit: count * PAGE_SIZE })) if (row) total++;
  return total;
}

await read(1);
if (start === 'warm') for (let warmUp = 0; warmUp < WARM_READS; warmUp++) await read(pages);
const cpuBefore = process.cpuUsage();
const total = await read(pages);
const cpu = process.cpuUsage(cpuBefore);
if (total !== rows) throw new Error(`${layer} read ${total} rows, expected ${rows}`);
process.stdout.write(`${JSON.stringify({ pages, microsPerPage: (cpu.user + cpu.system) / pages })}\n`);
