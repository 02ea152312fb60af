import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/cli/secret-redaction.js';
import { runCli } from './cli-process.js';
import { runInProcess } from './in-process.js';

const SECRET = 'fake-s3cret-Zq81';
const TOKEN = 'tok/en+with=chars';
// Nothing listens on port 9: every request fails, and the failure is printed.
const DEAD = 'http://127.0.0.1:9';

describe('secrets', () => {
  it('never prints --app-secret or KAIFANG_APP_SECRET in errors, on a failing portal, with the first as a process', async () => {
    const results = await Promise.all([
      runCli(['show', 'nb-food-licenses', '--portal', 'zhejiang', '--base-url', DEAD, '--app-key', 'k', '--app-secret', SECRET]),
      runInProcess(['records', 'nb-food-licenses', '--progress', '--limit', '5'], { KAIFANG_PORTAL: 'zhejiang', KAIFANG_BASE_URL: `${DEAD}/${SECRET}`, KAIFANG_APP_SECRET: SECRET }),
    ]);
    for (const result of results) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^kaifang (show|records): /);
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    }
  });

  it('never prints a token, raw or URL-encoded, in any command\'s output or help', async () => {
    const env = { KAIFANG_PORTAL: 'ckan', KAIFANG_BASE_URL: `${DEAD}/${encodeURIComponent(TOKEN)}`, KAIFANG_TOKEN: TOKEN };
    const runs = [
      await runInProcess(['search', 'x'], env),
      await runInProcess(['verify', 'missing.csv', '--dataset', 'd'], env),
      await runInProcess(['search', '--help'], env),
      await runInProcess(['records', '--token', TOKEN, '--help']),
      await runInProcess(['records', 'd', '--token', TOKEN, '--limit', 'x']),
    ];
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(run.stdout + run.stderr).not.toContain(encodeURIComponent(TOKEN));
    }
    const inQuery = await runInProcess(['search'], { KAIFANG_PORTAL: 'zhejiang', KAIFANG_BASE_URL: `${DEAD}/?appsecret=${SECRET}`, KAIFANG_APP_SECRET: SECRET });
    expect(inQuery.code).toBe(2);
    expect(inQuery.stdout + inQuery.stderr).not.toContain(SECRET);
    expect(runs[2]?.stdout).toMatch(/--token <token> +ckan API token, socrata app token or opendatasoft API key, never printed/);
  });

  it('redacts every occurrence of each secret, raw and URL-encoded, and leaves tiny values alone', () => {
    expect(redactSecrets(`a ${SECRET} b ${SECRET}`, [SECRET])).toBe('a [REDACTED] b [REDACTED]');
    expect(redactSecrets(`u?k=${encodeURIComponent(TOKEN)}`, [TOKEN])).toBe('u?k=[REDACTED]');
    expect(redactSecrets('a b c', ['a'])).toBe('a b c');
  });
});
