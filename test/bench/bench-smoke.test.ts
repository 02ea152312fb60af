import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function runQuickBench(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--only=client'], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bench failed: ${stderr || error.message}`));
      else resolve({ stdout, stderr });
    });
  });
}

describe('npm run bench -- --quick', () => {
  it('prints the throughput, full-pull, and ratio tables for every variant against both server modes', async () => {
    const { stdout } = await runQuickBench();
    expect(stdout).toContain('# Benchmarks');
    expect(stdout).toContain('| connections | rows | rows/s over loopback |');
    expect(stdout).toMatch(/^\| 1 \| 5,000 \| [\d,]+ \|/m);
    expect(stdout).toMatch(/^\| 4 \| 5,000 \| [\d,]+ \|/m);
    for (const server of ['computes each page', 'replays kept pages']) {
      for (const variant of ['(a) SDK, no schema', '(b) SDK, zod schema', '(c) hand-written sequential loop', '(d) hand-written 4-way loop']) {
        // server | variant | rows | time | rows/s | RSS | client CPU | server CPU
        const row = `^\\| ${server} \\| ${variant.replace(/[()]/g, '\\$&')}.* \\| 5,000 \\| [\\d.]+ \\| [\\d,]+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|$`;
        expect(stdout).toMatch(new RegExp(row, 'm'));
      }
    }
    // One column per server mode.
    expect(stdout).toMatch(/^\| a\/c: SDK vs sequential \| [\d.]+× \| [\d.]+× \|/m);
    expect(stdout).toMatch(/^\| a\/d: SDK vs 4-way \| [\d.]+× \| [\d.]+× \|/m);
    expect(stdout).toMatch(/^\| b\/c: SDK \+ schema vs sequential \| [\d.]+× \| [\d.]+× \|/m);
  }, 120_000);
});
