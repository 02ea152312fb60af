import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe.concurrent('the kaifang executable', () => {
  it('prints the commands and exit codes on stdout for --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: kaifang <command> \[options\]$/m);
    expect(result.stdout).toMatch(/^ {2}sandbox +Serve a local open-data portal/m);
    expect(result.stdout).toMatch(/^ {2}demo +A short tour/m);
    expect(result.stdout).toMatch(/^ {2}130 +interrupted/m);
  });

  it('prints the package version for --version', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });

  it('exits 2 with the usage on stderr for an unknown command', async () => {
    const result = await runCli(['serve']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kaifang: unknown command 'serve'$/m);
    expect(result.stderr).toMatch(/^Usage: kaifang <command> \[options\]$/m);
  });
});
