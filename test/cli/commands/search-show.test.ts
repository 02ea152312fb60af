import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-process.js';
import { runInProcess } from '../in-process.js';

describe('kaifang search and show against the in-process sandbox', () => {
  it('lists matching datasets as a table on stdout and the match count on stderr, as a process', async () => {
    const result = await runCli(['search', '许可', '--sandbox']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}id +rows +open class +updated +title$/m);
    expect(result.stdout).toMatch(/^ {2}nb-food-licenses +3,000 +unconditional +\d{4}-\d{2}-\d{2} +宁波市食品经营许可证信息$/m);
    expect(result.stderr).toMatch(/^\d+ datasets? match/m);
  });

  it('prints the datasets as a JSON array with --json, on the flavor named by KAIFANG_PORTAL', async () => {
    const result = await runInProcess(['search', '--limit', '3', '--json'], { KAIFANG_PORTAL: 'sandbox:ckan' });
    expect(result.code).toBe(0);
    const datasets = JSON.parse(result.stdout) as { id: string; portal: { family: string }; raw?: unknown }[];
    expect(datasets).toHaveLength(3);
    for (const dataset of datasets) {
      expect(dataset.portal.family).toBe('ckan');
      expect(dataset).not.toHaveProperty('raw');
    }
  });

  it('shows one dataset\'s metadata with its columns, as a process', async () => {
    const result = await runCli(['show', 'nb-food-licenses', '--sandbox']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^title +宁波市食品经营许可证信息$/m);
    expect(result.stdout).toMatch(/^rows +3,000$/m);
    expect(result.stdout).toMatch(/^ {2}XKZBH +许可证编号/m);
  });

  it('prints the metadata as JSON with --json', async () => {
    const result = await runInProcess(['show', 'hz-parking-lots', '--sandbox', 'opendatasoft', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: '杭州市停车场泊位信息', portal: { family: 'opendatasoft' } });
  });

  it('exits 1 with the portal\'s answer for a dataset that does not exist', async () => {
    const result = await runInProcess(['show', 'no-such-dataset', '--sandbox', 'ckan']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kaifang show: .*no-such-dataset/);
  });

  it('exits 2 when no portal is configured, or the configuration is malformed', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['search'], {}, 'kaifang search: no portal configured'],
      [['search'], { KAIFANG_PORTAL: 'ckan' }, 'kaifang search: no portal configured'],
      [['search', '--portal', 'arcgis', '--base-url', 'https://x.test'], {}, "kaifang search: --portal must be one of zhejiang, ckan, socrata, opendatasoft or sandbox:<flavor>, got 'arcgis'"],
      [['search'], { KAIFANG_PORTAL: 'arcgis', KAIFANG_BASE_URL: 'https://x.test' }, "kaifang search: KAIFANG_PORTAL must be one of"],
      [['search'], { KAIFANG_PORTAL: 'sandbox:arcgis' }, "kaifang search: KAIFANG_PORTAL flavor must be one of zhejiang, ckan, socrata, opendatasoft, got 'arcgis'"],
      [['search', '--portal', 'ckan', '--base-url', 'ftp://x.test'], {}, 'kaifang search: the base URL must start with http:// or https://'],
      [['show', '--sandbox'], {}, 'kaifang show: which dataset?'],
      [['search', '--sandbox', '--limit', '0'], {}, "kaifang search: --limit must be a whole number from 1 to 1000, got '0'"],
      [['search', '--sandbox', '--open-class', 'forbidden'], {}, "kaifang search: --open-class must be one of unconditional, restricted, got 'forbidden'"],
    ];
    for (const [args, env, message] of cases) {
      const result = await runInProcess(args, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0]?.startsWith(message), result.stderr.split('\n')[0]).toBe(true);
      expect(result.stderr).toMatch(new RegExp(`^Usage: kaifang ${args[0]} `, 'm'));
    }
  });

  it('takes the portal from KAIFANG_PORTAL and KAIFANG_BASE_URL, with flags winning over them', async () => {
    const fromFlag = await runInProcess(['search', '--sandbox', 'socrata', '--limit', '1', '--json'], { KAIFANG_PORTAL: 'sandbox:ckan' });
    expect((JSON.parse(fromFlag.stdout) as { portal: { family: string } }[])[0]?.portal.family).toBe('socrata');
    // A real portal URL that refuses connections: the failure names the family and URL but exits 1, not 2.
    const unreachable = await runInProcess(['show', 'x'], { KAIFANG_PORTAL: 'ckan', KAIFANG_BASE_URL: 'http://127.0.0.1:9' });
    expect(unreachable.code).toBe(1);
  });
});
