/**
 * Dataset files as records: the 1.02M-row business-license CSV from the sandbox's CKAN resource
 * download, read through the full stack (`readFileRecords`: encoding detection, sniffing,
 * records) against the raw row parser fed by a plain `TextDecoder`, in the same run; RSS of the
 * stack at 100k vs 1.02M rows (each in its own child process); the cost of GBK decoding.
 * Run directly: `tsx bench/files-bench.ts [--quick]`.
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseCsvRows } from '../src/files/csv-row-parser.js';
import { decodeTextStream } from '../src/files/decode-text-stream.js';
import { readFileRecords } from '../src/files/read-file-records.js';
import { createSandbox } from '../src/sandbox/index.js';
import { median } from './statistics.js';

const DATASET = 'nb-business-licenses';
const CHUNK = 64 * 1024;

/** Writes the sandbox CKAN resource download of `rows` business licenses to `file`. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const sandbox = createSandbox({ flavor: 'ckan', sizes: { [DATASET]: rows } });
  const show = await sandbox.fetch(new Request(`${sandbox.url}/api/3/action/package_show?id=${DATASET}`));
  const { result } = (await show.json()) as { result: { resources: { url: string }[] } };
  const url = result.resources[0]?.url;
  if (!url) throw new Error('the sandbox resource has no url');
  const download = await sandbox.fetch(new Request(url));
  if (!download.body) throw new Error('the sandbox download has no body');
  await pipeline(Readable.fromWeb(download.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(file));
}

// GBK codes inverted from the platform's own decoder; ASCII stays as is.
function gbkEncoder(): (text: string) => Buffer {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = trail === 0x7f ? '' : decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  return (text) => {
    const out = Buffer.allocUnsafe(text.length * 2);
    let at = 0;
    for (const char of text) {
      const code = char.charCodeAt(0);
      if (code < 0x80) out[at++] = code;
      else {
        const pair = table.get(char) ?? 0x3f;
        if (pair > 0xff) out[at++] = pair >> 8;
        out[at++] = pair & 0xff;
      }
    }
    return out.subarray(0, at);
  };
}

async function writeGbk(source: string, target: string): Promise<void> {
  const encode = gbkEncoder();
  async function* encoded(): AsyncGenerator<Buffer> {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) yield encode(decoder.decode(chunk as Buffer, { stream: true }));
  }
  await pipeline(Readable.from(encoded()), createWriteStream(target));
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

/** The full stack: detection, decoding, sniffing, records. */
async function stackRecords(file: string): Promise<number> {
  let rows = 0;
  for await (const batch of readFileRecords(bytesOf(file), { url: file })) rows += batch.length;
  return rows;
}

async function decodeOnly(file: string): Promise<number> {
  let chars = 0;
  for await (const text of decodeTextStream(bytesOf(file))) chars += text.length;
  return chars;
}

async function childRss(file: string): Promise<{ rows: number; maxRss: number }> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, '--child', file], { maxBuffer: 1024 * 1024 });
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
    await writeCsv(big, rows);
    await writeCsv(little, small);
    await writeGbk(little, gbk);
    const bigBytes = (await stat(big)).size;

    const raw: Timing[] = [];
    const stack: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      raw.push(await timed(() => rawRows(big)));
      stack.push(await timed(() => stackRecords(big)));
    }
    const utf8Decode: Timing[] = [];
    const gbkDecode: Timing[] = [];
    const utf8Read: Timing[] = [];
    const gbkRead: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      utf8Decode.push(await timed(() => decodeOnly(little)));
      gbkDecode.push(await timed(() => decodeOnly(gbk)));
      utf8Read.push(await timed(() => stackRecords(little)));
      gbkRead.push(await timed(() => stackRecords(gbk)));
    }
    const rssSmall = await childRss(little);
    const rssBig = await childRss(big);

    for (const timing of [...raw, ...stack]) if (timing.rows !== rows) throw new Error(`read ${timing.rows} rows, expected ${rows}`);
    if (rssBig.rows !== rows || rssSmall.rows !== small) throw new Error('a child process read the wrong number of rows');

    const wall = (list: Timing[]) => median(list.map((timing) => timing.wall));
    const cpu = (list: Timing[]) => median(list.map((timing) => timing.cpu));
    const rate = (list: Timing[], count: number) => `${Math.round(count / (wall(list) / 1000)).toLocaleString('en')} rows/s`;
    const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
    const mb = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`;
    const n = (value: number) => value.toLocaleString('en');
    const wallRatio = wall(raw) / wall(stack);
    const cpuRatio = cpu(raw) / cpu(stack);
    const rssRatio = rssBig.maxRss / rssSmall.maxRss;
    const lines = [
      `| files (${n(rows)}-row CSV, ${mb(bigBytes)}, median of ${runs}) | measured | goal |`,
      '| --- | --- | --- |',
      `| raw parser: TextDecoder + \`parseCsvRows\` | ${ms(wall(raw))} wall, ${ms(cpu(raw))} CPU (${rate(raw, rows)}) | baseline |`,
      `| records: \`readFileRecords\` (detect, decode, sniff, records) | ${ms(wall(stack))} wall, ${ms(cpu(stack))} CPU (${rate(stack, rows)}) | |`,
      `| records vs raw throughput | ${wallRatio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU | ≥ 0.8× ${wallRatio >= 0.8 ? '(met)' : '(missed)'} |`,
      `| peak RSS reading records: ${n(small)} vs ${n(rows)} rows | ${mb(rssSmall.maxRss)} vs ${mb(rssBig.maxRss)} (${rssRatio.toFixed(2)}×) | flat ${rssRatio < 1.25 ? '(met)' : '(missed)'} |`,
      `| decoding ${n(small)} rows: UTF-8 vs GBK (detected) | ${ms(wall(utf8Decode))} vs ${ms(wall(gbkDecode))} (${(wall(gbkDecode) / wall(utf8Decode)).toFixed(2)}×) | reported |`,
      `| records from ${n(small)} rows: UTF-8 vs GBK file | ${ms(wall(utf8Read))} vs ${ms(wall(gbkRead))} (${(wall(gbkRead) / wall(utf8Read)).toFixed(2)}×) | reported |`,
    ];
    return lines.join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex !== -1) {
    const rows = await stackRecords(process.argv[childIndex + 1] ?? '');
    console.log(JSON.stringify({ rows, maxRss: process.resourceUsage().maxRSS * 1024 }));
  } else {
    console.log(await runFilesBench({ quick: process.argv.includes('--quick') }));
  }
}
