import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, portals } from '../../../src/index.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { runCli } from '../cli-process.js';
import { runInProcess } from '../in-process.js';

let dir: string;
let merchants: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaifang-cli-verify-'));
  // Real licences of the same seeded sandbox the CLI's --sandbox serves, plus unlicensed shops.
  const sandbox = createSandbox({ flavor: 'zhejiang' });
  const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch: sandbox.fetch });
  const rows = await client.datasets.records('nb-food-licenses', { where: { ZT: '有效' }, limit: 4 }).toArray();
  const lines = ['license_no,merchant', ...rows.map((row) => `${String(row['XKZBH'])},${String(row['JYZMC'])}`), 'JY23302033083311,无证小吃店', 'JY9999,格式不对的店'];
  merchants = join(dir, 'merchants.csv');
  await writeFile(merchants, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kaifang verify', () => {
  it('prints a count per status, writes a CSV report in input order and exits 0 though some are invalid', async () => {
    const report = join(dir, 'report.csv');
    const result = await runCli(['verify', merchants, '--kind', 'food-business', '--dataset', 'nb-food-licenses', '--report', report, '--sandbox']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Verified 6 food-business items from .*merchants\.csv against nb-food-licenses \(the in-process zhejiang sandbox, snapshot\):$/m);
    expect(result.stdout).toMatch(/^ {2}not_found +1$/m);
    expect(result.stdout).toMatch(/^ {2}invalid_format +1$/m);
    const lines = (await readFile(report, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('row,number,holder,activity,status,reasons,license_holder,license_status,valid_to,warnings,error');
    expect(lines).toHaveLength(7);
    expect(lines[5]).toMatch(/^5,JY23302033083311,无证小吃店,,not_found,/);
    expect(lines[6]).toMatch(/^6,JY9999,格式不对的店,,invalid_format,/);
  });

  it('writes a JSON report for a .json file and exits 1 with --fail-on invalid', async () => {
    const report = join(dir, 'report.json');
    const result = await runInProcess(['verify', merchants, '--dataset', 'nb-food-licenses', '--report', report, '--fail-on', 'invalid', '--activity', '热食类食品制售', '--sandbox', 'ckan']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\d+ items have a status named by --fail-on\.$/m);
    const entries = JSON.parse(await readFile(report, 'utf8')) as { row: number; status: string; activity: string }[];
    expect(entries.map((entry) => entry.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries[4]?.status).toBe('not_found');
    for (const entry of entries) expect(entry.activity).toBe('热食类食品制售');
  });

  it('exits 0 with --fail-on naming statuses no verdict has', async () => {
    const result = await runInProcess(['verify', merchants, '--dataset', 'nb-food-licenses', '--fail-on', 'revoked,unknown', '--sandbox']);
    expect(result.code).toBe(0);
  });

  it('reads the columns named by --number-column and --holder-column', async () => {
    const file = join(dir, 'renamed.csv');
    await writeFile(file, '编号,店名\nJY23302033083311,某店\n');
    const result = await runInProcess(['verify', file, '--dataset', 'nb-food-licenses', '--number-column', '编号', '--holder-column', '店名', '--sandbox']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}not_found +1$/m);
  });

  it('exits 1 naming the problem for a missing file or a file without a number column', async () => {
    const missing = await runInProcess(['verify', join(dir, 'nope.csv'), '--dataset', 'nb-food-licenses', '--sandbox']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kaifang verify: cannot read .*nope\.csv: no such file$/);
    const file = join(dir, 'columns.csv');
    await writeFile(file, 'shop,city\nA,宁波\n');
    const noColumn = await runInProcess(['verify', file, '--dataset', 'nb-food-licenses', '--sandbox']);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toMatch(/has no licence number column \(columns: shop, city\): name it with --number-column$/);
    const wrongColumn = await runInProcess(['verify', file, '--dataset', 'nb-food-licenses', '--number-column', 'license', '--sandbox']);
    expect(wrongColumn.stderr).toMatch(/has no column 'license' \(columns: shop, city\)$/);
  });

  it('exits 2 for a missing dataset, an unknown kind or status, or two activity sources', async () => {
    const cases: [string[], string][] = [
      [['--sandbox'], '--dataset is required: the registry to verify against, e.g. nb-food-licenses'],
      [['--dataset', 'd', '--kind', 'pilot', '--sandbox'], "--kind must be one of business, food-business, food-production, medical-practitioner, nurse, got 'pilot'"],
      [['--dataset', 'd', '--fail-on', 'bad', '--sandbox'], "--fail-on takes invalid or statuses among valid, expired, not_yet_valid, revoked, not_found, invalid_format, holder_mismatch, out_of_scope, unknown, got 'bad'"],
      [['--dataset', 'd', '--activity', 'a', '--activity-column', 'b', '--sandbox'], '--activity and --activity-column contradict each other: give one'],
    ];
    for (const [args, message] of cases) {
      const result = await runInProcess(['verify', merchants, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`kaifang verify: ${message}`);
    }
  });
});
