import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function runQuickBench(section = 'client'): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', `--only=${section}`], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
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
    // One column per server mode and start, each value with its verdict; the ceiling row has none.
    const verdict = ' (?:yes|\\*\\*no\\*\\*)';
    const values = (withVerdict: boolean) => Array.from({ length: 4 }, () => `[\\d.]+×${withVerdict ? verdict : ''}`).join(' \\| ');
    expect(stdout).toMatch(new RegExp(`^\\| a/c: SDK vs sequential \\| ${values(true)} \\| ≥ 1\\.5× \\|$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^\\| a/d: SDK vs 4-way \\| ${values(true)} \\| ≥ 0\\.9× \\|$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^\\| b/c: SDK \\+ schema vs sequential \\| ${values(true)} \\| ≥ 1\\.2× \\|$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^\\| d/c: 4-way vs sequential [^|]* \\| ${values(false)} \\| — \\|$`, 'm'));
  }, 120_000);

  it('prints what each layer of a page read costs, cold and warm', async () => {
    const { stdout } = await runQuickBench('layers');
    expect(stdout).toContain('## Where a page\'s client CPU goes');
    const rows = stdout.split('\n').filter((line) => /^\| (`fetch`|\+ )/.test(line));
    // fetch, transport, records.
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/ \| \d+ \| \d+ \| [\d.]+× \| [\d.]+× \|$/);
  }, 120_000);
});
