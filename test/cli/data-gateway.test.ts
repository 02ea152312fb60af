import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type ListeningSandbox } from '../../src/sandbox/index.js';
import { runInProcess } from './in-process.js';

const APP_SECRET = 'cliA2AppSecret4e8b1d7f';
const USER_SECRET = 'cliA2UserSecret9c2a6e0b';
const sandbox = createSandbox({ flavor: 'zhejiang', extraDatasets: 0, sizes: { 'hz-parking-lots': 50 }, credentials: { appSecret: APP_SECRET, userSecret: USER_SECRET } });
let server: ListeningSandbox;

beforeAll(async () => {
  server = await sandbox.listen({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('the CLI on the zhejiang data gateway', () => {
  it('reads records through the gateway with --app-id and the secrets from the environment', async () => {
    const env = { KAIFANG_APP_SECRET: APP_SECRET, KAIFANG_USER_SECRET: USER_SECRET };
    const run = await runInProcess(['records', '331111zjhzTcBwK20200601093015482716SynReq', '--limit', '3', '--portal', 'zhejiang', '--base-url', server.url, '--app-id', sandbox.credentials.appId], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(JSON.parse(run.stdout.split('\n')[0] as string)).toHaveProperty('TCCBH');
  });

  it('never prints --user-secret, in an error that the platform answered about it either', async () => {
    const wrong = 'cliWrongUserSecret5f3d';
    const env = { KAIFANG_APP_ID: sandbox.credentials.appId, KAIFANG_APP_SECRET: APP_SECRET };
    const run = await runInProcess(['records', 'hz-parking-lots', '--limit', '3', '--portal', 'zhejiang', '--base-url', server.url, '--user-secret', wrong], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/userSecret无效/);
    for (const secret of [wrong, APP_SECRET, USER_SECRET]) expect(run.stdout + run.stderr).not.toContain(secret);
    const help = await runInProcess(['records', '--user-secret', wrong, '--help']);
    expect(help.stdout).toMatch(/--user-secret <secret> +zhejiang user secret of the data gateway, never printed/);
    expect(help.stdout + help.stderr).not.toContain(wrong);
  });
});
