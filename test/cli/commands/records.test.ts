import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type ListeningSandbox } from '../../../src/sandbox/index.js';
import { finished, startCli, waitForOutput } from '../cli-process.js';
import { runInProcess } from '../in-process.js';

let dir: string;
let server: ListeningSandbox;
// Every answer comes 50 ms late, so a download of 20,000 rows in pages of 200 runs for seconds
// without keeping the test's CPU busy, and is still running when the test interrupts it.
const sandbox = createSandbox({ flavor: 'ckan', sizes: { 'nb-business-licenses': 20_000 }, faults: { rate: 1, kinds: ['slow'], delay: 50 } });
const remote = () => ['--portal', 'ckan', '--base-url', server.url, '--page-size', '200'];

/** Resolves once the child printed at least `count` whole lines on stdout. */
function linesSeen(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve) => {
    let lines = 0;
    const onData = (chunk: string) => {
      for (const char of chunk) if (char === '\n') lines++;
      if (lines >= count) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaifang-cli-records-'));
  server = await sandbox.listen({ port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('kaifang records', () => {
  it('writes JSON Lines to stdout, one row a line, up to --limit', async () => {
    const result = await runInProcess(['records', 'nb-food-licenses', '--sandbox', '--limit', '25']);
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(rows).toHaveLength(25);
    expect(rows[0]?.['XKZBH']).toMatch(/^JY\d{14}$/);
    expect(result.stderr).toBe('');
  });

  it('writes CSV of the chosen columns for repeated --where filters', async () => {
    const result = await runInProcess(['records', 'nb-food-licenses', '--sandbox', '--where', 'ZT=吊销', '--where', 'ZT=撤销', '--fields', 'XKZBH,JYZMC,ZT', '--format', 'csv']);
    expect(result.code).toBe(0);
    const [header, ...lines] = result.stdout.trimEnd().split('\n');
    expect(header).toBe('XKZBH,JYZMC,ZT');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^JY\d{14},[^,]+,(吊销|撤销)$/);
  });

  it('writes --out through a temp file, shows progress with rows/s when asked, and leaves no temp file', async () => {
    const out = join(dir, 'food.csv');
    const result = await runInProcess(['records', 'nb-food-licenses', '--sandbox', 'ckan', '--out', out, '--progress']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^3,000 rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
    expect(result.stderr).toMatch(new RegExp(`Wrote 3,000 rows to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
    const text = await readFile(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^_id,license_no,holder_name,/);
    expect(text.trimEnd().split('\n')).toHaveLength(3001);
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('draws a bar with rows/s and an ETA, and stops on Ctrl-C with exit 130 leaving no file under the --out name', async () => {
    const out = join(dir, 'business.jsonl');
    const child = startCli(['records', 'nb-business-licenses', ...remote(), '--out', out, '--progress']);
    const done = finished(child);
    // Not a terminal: a plain progress line every second, with a bar and an ETA as the total is known.
    const line = await waitForOutput(child, /rows\/s {2}ETA \d+:\d\d\n/, 'stderr');
    expect(line).toMatch(/^\[[#-]{24}\] +\d+% {2}[\d,]+\/20,000 rows {2}[\d,]+ rows\/s {2}ETA \d+:\d\d$/m);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^stopped: [\d,]+ rows in /m);
    expect(result.stderr).toContain(`Interrupted: ${out} was not written.`);
    const names = await readdir(dir);
    expect(names).not.toContain('business.jsonl');
    expect(names.filter((name) => name.startsWith('.business.jsonl'))).toEqual([]);
  });

  it('stops on Ctrl-C with exit 130 after writing whole lines to stdout', async () => {
    const child = startCli(['records', 'nb-business-licenses', ...remote()]);
    const done = finished(child);
    await linesSeen(child, 400);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout.endsWith('\n')).toBe(true);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(400);
    expect(lines.length).toBeLessThan(20_000);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(result.stderr).toMatch(/Interrupted: [\d,]+ rows were written\./);
  });

  it('exits 2 for malformed options before any request', async () => {
    const cases: [string[], string][] = [
      [['--where', 'ZT'], "--where needs column=value, got 'ZT'"],
      [['--format', 'xml'], "--format must be one of jsonl, csv, got 'xml'"],
      [['--limit', '-3'], "option '--limit' argument is ambiguous"],
      [['--page-size', '0'], "--page-size must be a whole number from 1 to 100000, got '0'"],
      [['--progress', '--no-progress'], '--progress and --no-progress contradict each other'],
    ];
    for (const [args, message] of cases) {
      const result = await runInProcess(['records', 'nb-food-licenses', '--sandbox', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`kaifang records: ${message}`);
    }
  });
});
