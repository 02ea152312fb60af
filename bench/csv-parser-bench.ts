/**
 * Our CSV parser against csv-parse on the same bytes: the `nb-food-licenses` CSV download of the
 * CKAN sandbox (UTF-8 with a BOM, most lines with a quoted field), read as records keyed by the
 * header row. We keep our parser only while it reads records at ≥ 1.5× csv-parse's speed with the
 * same records (the edge cases are compared in `test/files/csv-parse-equivalence.test.ts`).
 * Run alone with `npx tsx bench/csv-parser-bench.ts [--quick]`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse, type OptionsWithColumns } from 'csv-parse';
import { parse as parseWhole } from 'csv-parse/sync';
import { parseCsv } from '../src/files/csv-parser.js';
import { decodeTextStream } from '../src/files/decode-text-stream.js';
import { uniqueHeaders } from '../src/files/unique-headers.js';
import { createClient, portals } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';
import { median } from './statistics.js';

const DATASET = 'nb-food-licenses';
const CHUNK = 64 * 1024;
const GOAL = 1.5;
const FULL_ROWS = 100_000;
const FULL_RUNS = 5;

type Row = Record<string, string>;

/** csv-parse set to read as ours does: our header rule, BOM dropped, blank lines skipped, LF or CRLF. */
const CSV_PARSE_OPTIONS: OptionsWithColumns<Row> = {
  columns: (header: string[]) => uniqueHeaders(header),
  bom: true,
  delimiter: ',',
  record_delimiter: ['\r\n', '\n'],
  skip_empty_lines: true,
};

/** The sandbox's CSV download of `rows` food licenses, as bytes. */
async function foodLicensesCsv(rows: number): Promise<Uint8Array> {
  const sandbox = createSandbox({ flavor: 'ckan', sizes: { [DATASET]: rows } });
  const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch: sandbox.fetch, timeout: false, cache: false });
  const url = (await client.datasets.get(DATASET)).resources.find((resource) => resource.queryable)?.url;
  if (!url) throw new Error(`the sandbox dataset ${DATASET} has no CSV resource`);
  return new Uint8Array(await (await sandbox.fetch(new Request(url))).arrayBuffer());
}

/** The bytes in `CHUNK`-byte pieces, as a download arrives, and those pieces decoded to text. */
function chunksOf(bytes: Uint8Array): { bytes: Buffer[]; text: string[] } {
  const decoder = new TextDecoder();
  const pieces: Buffer[] = [];
  const text: string[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const piece = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(CHUNK, bytes.length - at));
    pieces.push(piece);
    text.push(decoder.decode(piece, { stream: true }));
  }
  return { bytes: pieces, text };
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Reads every record, handing each to `visit`; returns the count. */
type Reader = (visit: (row: Row) => void) => Promise<number>;

async function readOurs(text: AsyncIterable<string>, visit: (row: Row) => void): Promise<number> {
  let count = 0;
  for await (const batch of parseCsv(text)) {
    for (const row of batch) visit(row);
    count += batch.length;
  }
  return count;
}

/** csv-parse's streaming API, as its README shows it: a source piped into `parse()`, records read with `for await`. */
async function readCsvParse(source: readonly (string | Buffer)[], visit: (row: Row) => void): Promise<number> {
  let count = 0;
  for await (const row of Readable.from(source).pipe(parse(CSV_PARSE_OPTIONS))) {
    visit(row as Row);
    count++;
  }
  return count;
}

/** A digest of every record's keys and values in order, to show both readers give the same records. */
async function digest(read: Reader): Promise<{ rows: number; sha1: string }> {
  const hash = createHash('sha1');
  const rows = await read((row) => hash.update(`${JSON.stringify(Object.entries(row))}\n`));
  return { rows, sha1: hash.digest('hex') };
}

async function wallMs(read: Reader): Promise<{ rows: number; ms: number }> {
  const start = performance.now();
  const rows = await read(() => undefined);
  return { rows, ms: performance.now() - start };
}

async function csvParseVersion(): Promise<string> {
  // The package's exports map hides package.json; it sits two folders above the CommonJS entry.
  const entry = createRequire(import.meta.url).resolve('csv-parse');
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Runs the comparison and returns a markdown section. */
export async function runCsvParserBench(options: { quick: boolean }): Promise<string> {
  const rows = options.quick ? 5_000 : FULL_ROWS;
  const runs = options.quick ? 1 : FULL_RUNS;
  const file = await foodLicensesCsv(rows);
  const chunks = chunksOf(file);
  const quotedLines = chunks.text.join('').split('\n').filter((line) => line.includes('"')).length;

  const pairs: { name: string; ours: Reader; theirs: Reader }[] = [
    {
      name: `text chunks: each ${CHUNK / 1024} KB piece of bytes decoded once, before timing; both parse the same strings`,
      ours: (visit) => readOurs(each(chunks.text), visit),
      theirs: (visit) => readCsvParse(chunks.text, visit),
    },
    {
      name: `byte chunks: the same ${CHUNK / 1024} KB pieces as a download gives them; ours through \`decodeTextStream\` (encoding detection, \`TextDecoder\`), csv-parse decodes UTF-8 itself`,
      ours: (visit) => readOurs(decodeTextStream(each(chunks.bytes)), visit),
      theirs: (visit) => readCsvParse(chunks.bytes, visit),
    },
  ];

  // One unmeasured read each warms the code and proves the records equal to those of ours from text.
  let reference: string | undefined;
  const sameRecords: boolean[] = [];
  for (const pair of pairs) {
    const ours = await digest(pair.ours);
    const theirs = await digest(pair.theirs);
    reference ??= ours.sha1;
    sameRecords.push(ours.rows === rows && theirs.rows === rows && ours.sha1 === reference && theirs.sha1 === reference);
  }
  const fileBuffer = Buffer.from(file.buffer, file.byteOffset, file.length);
  const wholeRecords = parseWhole(fileBuffer, CSV_PARSE_OPTIONS);
  if (wholeRecords.length !== rows) throw new Error(`csv-parse/sync read ${wholeRecords.length} records, expected ${rows}`);

  const samples = pairs.map(() => ({ ours: [] as number[], theirs: [] as number[] }));
  const whole: number[] = [];
  // The readers take turns within each run, so a change in the machine's load hits them alike.
  for (let run = 0; run < runs; run++) {
    for (const [index, pair] of pairs.entries()) {
      for (const side of ['ours', 'theirs'] as const) {
        const { rows: read, ms } = await wallMs(pair[side]);
        if (read !== rows) throw new Error(`${side} read ${read} records, expected ${rows}`);
        samples[index]![side].push(ms);
      }
    }
    const start = performance.now();
    if ((parseWhole(fileBuffer, CSV_PARSE_OPTIONS)).length !== rows) throw new Error('csv-parse/sync lost records');
    whole.push(performance.now() - start);
  }

  const integer = (value: number) => Math.round(value).toLocaleString('en-US');
  const perSecond = (ms: number) => `${integer(rows / (ms / 1000))} records/s`;
  const version = await csvParseVersion();
  const lines = [
    '## CSV parser vs csv-parse',
    '',
    `${integer(rows)} rows of \`${DATASET}\` as the CKAN sandbox serves the file (${(file.length / 1024 / 1024).toFixed(1)} MB of UTF-8 with a BOM, ${integer(quotedLines)} lines with a quoted field), read as records keyed by the header row, in one process, the readers taking turns; wall time, median of ${runs} run${runs === 1 ? '' : 's'} after one unmeasured read each. Ours is \`parseCsv\` with its defaults (delimiter sniffed). csv-parse ${version} is its streaming API (\`Readable.from(chunks).pipe(parse(options))\`, \`for await\`) set to our semantics: \`columns\` = our header rule, \`bom\`, \`skip_empty_lines\`, \`record_delimiter: ['\\r\\n', '\\n']\`. Same records: every record's keys and values hashed in order, compared with ours. Goal: ours ≥ ${GOAL}× csv-parse's records/s, or the SDK uses csv-parse.`,
    '',
    '| input | ours | csv-parse | ours ÷ csv-parse | same records | goal met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  const ratios: number[] = [];
  for (const [index, pair] of pairs.entries()) {
    const ours = median(samples[index]!.ours);
    const theirs = median(samples[index]!.theirs);
    const ratio = theirs / ours;
    ratios.push(ratio);
    lines.push(`| ${pair.name} | ${integer(ours)} ms (${perSecond(ours)}) | ${integer(theirs)} ms (${perSecond(theirs)}) | ${ratio.toFixed(2)}× | ${sameRecords[index] ? 'yes' : '**no**'} | ${ratio >= GOAL && sameRecords[index] ? 'yes' : '**no**'} |`);
  }
  const wholeMs = median(whole);
  lines.push(`| csv-parse/sync on the whole file at once (not streaming, no stream overhead; for reference) | | ${integer(wholeMs)} ms (${perSecond(wholeMs)}) | ${(wholeMs / median(samples[1]!.ours)).toFixed(2)}× vs ours from bytes | ${wholeRecords.length === rows ? 'count only' : '**no**'} | — |`);
  const keep = ratios.every((ratio) => ratio >= GOAL) && sameRecords.every(Boolean);
  const verdict = options.quick
    ? `a quick run is too short to decide; \`npm run bench -- --only=csv\` reads ${integer(FULL_ROWS)} rows ${FULL_RUNS} times`
    : keep
      ? `ours reads records at ${Math.min(...ratios).toFixed(2)}× csv-parse or better with the same records, so the SDK keeps it`
      : `ours is below ${GOAL}× csv-parse or its records differ, so the SDK should use csv-parse`;
  lines.push('', `Verdict: ${verdict}.`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await runCsvParserBench({ quick: process.argv.includes('--quick') }));
}
