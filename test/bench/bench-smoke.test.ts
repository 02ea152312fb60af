import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Each quick section starts a dozen or more Node processes: on 2 shared, busy cores that takes minutes. */
const TIMEOUT = 300_000;
const VALUE_WITH_VERDICT = /^[\d.]+× (?:yes|\*\*no\*\*)$/;

/** The ratio table's cells by ratio (`a/c`, `a/d`, …), one per column, the goal column left out. */
function ratioCells(stdout: string): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const name = /^\| ([a-d]\/[a-d]):/.exec(line)?.[1];
    if (name) cells.set(name, line.split(' | ').slice(1, -1));
  }
  return cells;
}

function runQuickBench(section = 'client'): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', `--only=${section}`], { cwd: ROOT, timeout: TIMEOUT }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bench failed: ${stderr || error.message}`));
      else resolve({ stdout, stderr });
    });
  });
}

describe('npm run bench -- --quick', () => {
  it('prints the throughput, full-pull, and ratio tables for every variant, server mode and start', async () => {
    const { stdout } = await runQuickBench();
    expect(stdout).toContain('# Benchmarks');
    expect(stdout).toContain('| connections | rows | rows/s over loopback |');
    expect(stdout).toMatch(/^\| 1 \| 5,000 \| [\d,]+ \|/m);
    expect(stdout).toMatch(/^\| 4 \| 5,000 \| [\d,]+ \|/m);
    for (const server of ['computes each page', 'replays kept pages']) {
      for (const start of ['cold', 'warm']) {
        for (const variant of ['(a) SDK, no schema', '(b) SDK, zod schema', '(c) hand-written sequential loop', '(d) hand-written 4-way loop']) {
          // server | pull | variant | rows | time | rows/s | RSS | client CPU | server CPU
          const row = `^\\| ${server} \\| ${start} \\| ${variant.replace(/[()]/g, '\\$&')}.* \\| 5,000 \\| [\\d.]+ \\| [\\d,]+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|$`;
          expect(stdout).toMatch(new RegExp(row, 'm'));
        }
      }
    }
    // One column per server mode and start, each value with its verdict; a/c's verdict is "n/a" where
    // the 4-way loop itself gains less than 1.6×; b/c and the ceiling row have none.
    const cells = ratioCells(stdout);
    expect(cells.get('a/c')).toHaveLength(4);
    expect(cells.get('d/c')).toHaveLength(4);
    cells.get('a/c')?.forEach((cell, column) => {
      const fourWay = /^([\d.]+)×$/.exec(cells.get('d/c')?.[column] ?? '')?.[1];
      const notApplicable = /^[\d.]+× n\/a \(4-way only ([\d.]+)×\)$/.exec(cell);
      if (notApplicable) {
        expect(notApplicable[1]).toBe(fourWay);
        expect(Number(fourWay)).toBeLessThanOrEqual(1.6);
      } else {
        expect(cell).toMatch(VALUE_WITH_VERDICT);
        expect(Number(fourWay)).toBeGreaterThanOrEqual(1.6);
      }
    });
    for (const cell of cells.get('a/d') ?? []) expect(cell).toMatch(VALUE_WITH_VERDICT);
    for (const name of ['b/c', 'd/c']) for (const cell of cells.get(name) ?? []) expect(cell).toMatch(/^[\d.]+×$/);
    expect(stdout).toMatch(/^\| a\/c: SDK vs sequential \|.* \| ≥ 1\.5× where d\/c ≥ 1\.6×; ≥ 3\.5× at 30 ms \|$/m);
    expect(stdout).toMatch(/^\| a\/d: SDK vs 4-way \|.* \| ≥ 0\.9×; ≥ 0\.95× at 30 ms \|$/m);
  }, TIMEOUT);

  it('pulls from a server that answers 30 ms late and holds the SDK to its latency goals', async () => {
    const { stdout } = await runQuickBench('latency');
    for (const start of ['cold', 'warm']) {
      for (const variant of ['(a) SDK, no schema', '(b) SDK, zod schema', '(c) hand-written sequential loop', '(d) hand-written 4-way loop']) {
        const row = `^\\| replays kept pages, 30 ms away \\| ${start} \\| ${variant.replace(/[()]/g, '\\$&')}.* \\| 5,000 \\| [\\d.]+ \\| [\\d,]+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|$`;
        expect(stdout).toMatch(new RegExp(row, 'm'));
      }
    }
    expect(stdout).toContain('| ratio | 5,000 rows, replays kept pages, 30 ms away, cold | 5,000 rows, replays kept pages, 30 ms away, warm | goal |');
    // At 30 ms a/c has its goal whatever d/c is.
    const cells = ratioCells(stdout);
    expect(cells.get('a/c')).toEqual([expect.stringMatching(VALUE_WITH_VERDICT), expect.stringMatching(VALUE_WITH_VERDICT)]);
    expect(cells.get('a/d')).toEqual([expect.stringMatching(VALUE_WITH_VERDICT), expect.stringMatching(VALUE_WITH_VERDICT)]);
    expect(stdout).toContain('It pulls 5,000 rows: 25 pages');
  }, TIMEOUT);

  it('prints what each layer of a page read costs, cold and warm', async () => {
    const { stdout } = await runQuickBench('layers');
    expect(stdout).toContain('## Where a page\'s client CPU goes');
    const rows = stdout.split('\n').filter((line) => /^\| (`fetch`|\+ )/.test(line));
    // fetch, transport, records.
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/ \| \d+ \| \d+ \| [\d.]+× \| [\d.]+× \|$/);
  }, TIMEOUT);

  it('compares our CSV parser with csv-parse on the same bytes, records per second and the same records', async () => {
    const { stdout } = await runQuickBench('csv');
    expect(stdout).toContain('## CSV parser vs csv-parse');
    const rows = stdout.split('\n').filter((line) => /^\| (text|byte) chunks: /.test(line));
    expect(rows).toHaveLength(2);
    // input | ours | csv-parse | ratio | same records | goal met
    for (const row of rows) expect(row).toMatch(/ \| [\d,]+ ms \([\d,]+ records\/s\) \| [\d,]+ ms \([\d,]+ records\/s\) \| [\d.]+× \| yes \| (?:yes|\*\*no\*\*) \|$/);
    expect(stdout).toMatch(/^Verdict: /m);
  }, TIMEOUT);
});
