/**
 * Dataset files as records: the 1.02M-row business-license CSV resource of the CKAN sandbox,
 * read through `client.datasets.records(id, { resource, format: 'csv' })` against the raw row
 * parser fed by a plain `TextDecoder`, on the same bytes and in the same run; the same read with
 * the sandbox generating the file as it streams; peak RSS of the client read at 100k vs 1.02M
 * rows (each in its own child process); the cost of GBK decoding.
 * Run directly: `tsx bench/files-bench.ts [--quick]`.
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseCsvRows } from '../src/files/csv-row-parser.js';
import { decodeTextStream } from '../src/files/decode-text-stream.js';
import { createClient, portals } from '../src/index.js';
import { createSandbox, type Sandbox } from '../src/sandbox/index.js';
import { median } from './statistics.js';

const DATASET = 'nb-business-licenses';
const CHUNK = 64 * 1024;

type Client = ReturnType<typeof createClient>;

/**
 * A client on a sandbox of `rows` business licenses. With `file`, downloads are answered with
 * that file's bytes from disk (metadata still comes from the sandbox), so the client reads the
 * very bytes the raw parser reads, sent as `contentType`.
 */
function setup(rows: number, file?: string, contentType = 'text/csv; charset=utf-8'): { sandbox: Sandbox; client: Client } {
  const sandbox = createSandbox({ flavor: 'ckan', sizes: { [DATASET]: rows } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (file === undefined || !new URL(request.url).pathname.includes('/download/')) return sandbox.fetch(request);
    const { size } = await stat(file);
    return new Response(fileBody(file), { headers: { 'content-type': contentType, 'content-length': String(size) } });
  };
  return { sandbox, client: createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch, timeout: false, cache: false }) };
}

/** A file as a web stream, read in `CHUNK`s straight from a file handle (as an HTTP body arrives). */
function fileBody(file: string): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      handle ??= await open(file, 'r');
      const { bytesRead, buffer } = await handle.read(new Uint8Array(CHUNK), 0, CHUNK, null);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
      } else controller.enqueue(buffer.subarray(0, bytesRead));
    },
    async cancel() {
      await handle?.close();
    },
  });
}

/** The id of the dataset's UTF-8 CSV resource (its DataStore resource's download), or of the one named like `label`. */
async function resourceId(client: Client, label?: string): Promise<string> {
  const dataset = await client.datasets.get(DATASET);
  const resource = dataset.resources.find((item) => (label === undefined ? item.queryable : item.name.includes(label)));
  if (!resource) throw new Error(`the sandbox dataset has no ${label ?? 'UTF-8 CSV'} resource`);
  return resource.id;
}

/** Writes the sandbox's download of a resource of `rows` business licenses to `file`. */
async function writeResource(file: string, rows: number, label?: string): Promise<void> {
  const { sandbox, client } = setup(rows);
  const dataset = await client.datasets.get(DATASET);
  const id = await resourceId(client, label);
  const url = dataset.resources.find((item) => item.id === id)?.url;
  if (!url) throw new Error('the sandbox resource has no url');
  const download = await sandbox.fetch(new Request(url));
  if (!download.body) throw new Error('the sandbox download has no body');
  await pipeline(Readable.fromWeb(download.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(file));
}

const bytesOf = (file: string) => createReadStream(file, { highWaterMark: CHUNK });

async function* plainText(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of bytesOf(file)) yield decoder.decode(chunk as Buffer, { stream: true });
}

interface Timing {
  rows: number;
  wall: number;
  cpu: number;
}

async function timed(read: () => Promise<number>): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const rows = await read();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { rows, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The raw parser: a plain TextDecoder into `parseCsvRows`, header row excluded. */
async function rawRows(file: string): Promise<number> {
  let rows = 0;
  for await (const batch of parseCsvRows(plainText(file))) rows += batch.rows.length;
  return rows - 1;
}

/** The public API: metadata, the file request, detection, decoding, sniffing, records one by one. */
async function clientRecords(client: Client, resource: string): Promise<number> {
  let rows = 0;
  for await (const record of client.datasets.records(DATASET, { resource, format: 'csv' })) if (record) rows++;
  return rows;
}

async function decodeOnly(file: string): Promise<number> {
  let chars = 0;
  for await (const text of decodeTextStream(bytesOf(file))) chars += text.length;
  return chars;
}

async function childRss(file: string, rows: number): Promise<{ rows: number; maxRss: number }> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, '--child', file, String(rows)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { rows: number; maxRss: number };
}

/** Runs the file benchmarks and returns a markdown table. */
export async function runFilesBench(options: { quick: boolean }): Promise<string> {
  const rows = options.quick ? 20_000 : 1_020_000;
  const small = options.quick ? 5_000 : 100_000;
  const runs = options.quick ? 1 : 3;
  const dir = await mkdtemp(join(tmpdir(), 'kaifang-files-bench-'));
  try {
    const big = join(dir, 'big.csv');
    const little = join(dir, 'small.csv');
    const gbk = join(dir, 'small-gbk.csv');
    await writeResource(big, rows);
    await writeResource(little, small);
    await writeResource(gbk, small, 'GBK');
    const bigBytes = (await stat(big)).size;

    const onDisk = setup(rows, big);
    const live = setup(rows);
    const resource = await resourceId(onDisk.client);
    const raw: Timing[] = [];
    const records: Timing[] = [];
    const generated: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      raw.push(await timed(() => rawRows(big)));
      records.push(await timed(() => clientRecords(onDisk.client, resource)));
      generated.push(await timed(() => clientRecords(live.client, resource)));
    }
    const smallUtf8 = setup(small, little);
    // Without a charset, as many portals send GBK: the encoding is detected.
    const smallGbk = setup(small, gbk, 'text/csv');
    const gbkResource = await resourceId(smallGbk.client, 'GBK');
    const utf8Decode: Timing[] = [];
    const gbkDecode: Timing[] = [];
    const utf8Read: Timing[] = [];
    const gbkRead: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      utf8Decode.push(await timed(() => decodeOnly(little)));
      gbkDecode.push(await timed(() => decodeOnly(gbk)));
      utf8Read.push(await timed(() => clientRecords(smallUtf8.client, resource)));
      gbkRead.push(await timed(() => clientRecords(smallGbk.client, gbkResource)));
    }
    const rssSmall = await childRss(little, small);
    const rssBig = await childRss(big, rows);

    for (const timing of [...raw, ...records, ...generated]) if (timing.rows !== rows) throw new Error(`read ${timing.rows} rows, expected ${rows}`);
    for (const timing of [...utf8Read, ...gbkRead]) if (timing.rows !== small) throw new Error(`read ${timing.rows} rows, expected ${small}`);
    if (rssBig.rows !== rows || rssSmall.rows !== small) throw new Error('a child process read the wrong number of rows');

    const wall = (list: Timing[]) => median(list.map((timing) => timing.wall));
    const cpu = (list: Timing[]) => median(list.map((timing) => timing.cpu));
    const rate = (list: Timing[], count: number) => `${Math.round(count / (wall(list) / 1000)).toLocaleString('en')} rows/s`;
    const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
    const mb = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`;
    const n = (value: number) => value.toLocaleString('en');
    const wallRatio = wall(raw) / wall(records);
    const cpuRatio = cpu(raw) / cpu(records);
    const rssRatio = rssBig.maxRss / rssSmall.maxRss;
    const lines = [
      `| files (${n(rows)}-row UTF-8 CSV resource, ${mb(bigBytes)}, median of ${runs}) | measured | goal |`,
      '| --- | --- | --- |',
      `| raw parser: TextDecoder + \`parseCsvRows\` over the file's bytes | ${ms(wall(raw))} wall, ${ms(cpu(raw))} CPU (${rate(raw, rows)}) | baseline |`,
      `| \`datasets.records(id, { resource, format: 'csv' })\`, the same bytes | ${ms(wall(records))} wall, ${ms(cpu(records))} CPU (${rate(records, rows)}) | |`,
      `| records vs raw throughput | ${wallRatio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU | ≥ 0.8× ${wallRatio >= 0.8 ? '(met)' : '(missed)'} |`,
      `| the same read with the sandbox generating the file as it streams | ${ms(wall(generated))} wall (${rate(generated, rows)}) | reported |`,
      `| peak RSS of the records read: ${n(small)} vs ${n(rows)} rows | ${mb(rssSmall.maxRss)} vs ${mb(rssBig.maxRss)} (${rssRatio.toFixed(2)}×) | flat ${rssRatio < 1.25 ? '(met)' : '(missed)'} |`,
      `| decoding ${n(small)} rows: UTF-8 vs GBK (detected) | ${ms(wall(utf8Decode))} vs ${ms(wall(gbkDecode))} (${(wall(gbkDecode) / wall(utf8Decode)).toFixed(2)}×) | reported |`,
      `| records from ${n(small)} rows: UTF-8 vs GBK resource (detected) | ${ms(wall(utf8Read))} vs ${ms(wall(gbkRead))} (${(wall(gbkRead) / wall(utf8Read)).toFixed(2)}×) | reported |`,
    ];
    return lines.join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex !== -1) {
    const file = process.argv[childIndex + 1] ?? '';
    const { client } = setup(Number(process.argv[childIndex + 2]), file);
    const rows = await clientRecords(client, await resourceId(client));
    console.log(JSON.stringify({ rows, maxRss: process.resourceUsage().maxRSS * 1024 }));
  } else {
    console.log(await runFilesBench({ quick: process.argv.includes('--quick') }));
  }
}
