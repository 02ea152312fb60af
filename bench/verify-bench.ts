/**
 * Licence verification speed: a snapshot index of `nb-food-licenses` built from the sandbox,
 * then `verifyMany` over every licence (shuffled, with holder, activity and a share of unknown
 * numbers). The baseline, measured in the same run, is one `verify()` call per item on the same
 * verifier. Run alone with `npx tsx bench/verify-bench.ts [--quick]`.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createClient, portals, type VerifyItem } from '../src/index.js';
import { foodLicense } from '../src/ids/index.js';
import { createSandbox } from '../src/sandbox/index.js';
import { median } from './statistics.js';

const DATASET = 'nb-food-licenses';
const AT = new Date('2026-11-20T04:00:00Z');
const HOT_FOOD = '热食类食品制售';

interface Plan {
  readonly licences: number;
  readonly runs: number;
  readonly warmups: number;
  /** Items verified one `verify()` at a time for the baseline. */
  readonly baselineItems: number;
  readonly flavors: readonly ('ckan' | 'zhejiang')[];
}

/** A verifier over a fresh sandbox, with its index built; returns the build time too. */
async function buildVerifier(flavor: 'ckan' | 'zhejiang', licences: number) {
  const sandbox = createSandbox({ flavor, seed: 1, extraDatasets: 0, sizes: { [DATASET]: licences } });
  const portal =
    flavor === 'ckan'
      ? portals.ckan({ baseUrl: sandbox.url })
      : portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret, appKey: sandbox.credentials.appKey });
  const client = createClient({ portal, fetch: sandbox.fetch, cache: false, rateLimit: false });
  const verifier = client.licenses.verifier({ kind: 'food-business', dataset: DATASET, mode: 'snapshot', at: AT });
  const started = performance.now();
  await verifier.mode();
  return { client, verifier, buildMs: performance.now() - started };
}

/** Every licence once, in a seeded shuffle, plus 2% well-formed numbers the registry lacks. */
async function itemsOf(client: ReturnType<typeof createClient>): Promise<VerifyItem[]> {
  const items: VerifyItem[] = [];
  for await (const row of client.datasets.records(DATASET)) {
    items.push({ number: String(row['license_no'] ?? row['XKZBH']), holder: String(row['holder_name'] ?? row['JYZMC']), activity: HOT_FOOD });
  }
  const unknown = Math.ceil(items.length / 50);
  for (let n = 0; n < unknown; n++) {
    const first13 = `2330299${String(n).padStart(6, '0')}`;
    items[n * 50] = { number: `JY${first13}${foodLicense.checkDigit(first13) as string}`, activity: HOT_FOOD };
  }
  let state = 12345;
  for (let i = items.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j] as VerifyItem, items[i] as VerifyItem];
  }
  return items;
}

/**
 * Measures snapshot verification and index builds; returns a markdown section.
 * `quick`: 20,000 licences, 3 timed runs; otherwise 100,000 licences, 5 timed runs, both flavors' index builds.
 */
export async function runVerifyBench(options: { quick: boolean }): Promise<string> {
  const plan: Plan = options.quick
    ? { licences: 20_000, runs: 3, warmups: 2, baselineItems: 5_000, flavors: ['ckan'] }
    : { licences: 100_000, runs: 5, warmups: 3, baselineItems: 20_000, flavors: ['ckan', 'zhejiang'] };

  const builds: { flavor: string; ms: number; size: number }[] = [];
  let main: Awaited<ReturnType<typeof buildVerifier>> | undefined;
  for (const flavor of plan.flavors) {
    const built = await buildVerifier(flavor, plan.licences);
    builds.push({ flavor, ms: built.buildMs, size: plan.licences });
    main ??= built;
  }
  const { client, verifier } = main as Awaited<ReturnType<typeof buildVerifier>>;
  const items = await itemsOf(client);

  const times: number[] = [];
  const cpuTimes: number[] = [];
  const statuses: Record<string, number> = {};
  for (let run = 0; run < plan.warmups + plan.runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const verdicts = await verifier.verifyMany(items);
    const ms = performance.now() - started;
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    if (run >= plan.warmups) {
      times.push(ms);
      cpuTimes.push(cpuMs);
    }
    if (run === 0) for (const verdict of verdicts) statuses[verdict.status] = (statuses[verdict.status] ?? 0) + 1;
  }
  const bulkMs = median(times);
  const perSecond = items.length / (bulkMs / 1000);
  // On a shared machine wall time includes waiting for a CPU; user CPU time does not.
  const perCpuSecond = items.length / (median(cpuTimes) / 1000);

  const baseline = items.slice(0, plan.baselineItems);
  const baselineTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (const item of baseline) await verifier.verify(item);
    baselineTimes.push(performance.now() - started);
  }
  const baselinePerSecond = baseline.length / (median(baselineTimes) / 1000);

  // The floor: the least any snapshot verifier must do per item (one map lookup, one scope test,
  // one result object), over the same items and index size, measured the same way.
  const floorIndex = new Map<string, ReadonlySet<string>>();
  for (const item of items) floorIndex.set(`${item.number} `.trimEnd(), new Set([HOT_FOOD, item.holder ?? '']));
  const floorTimes: number[] = [];
  for (let run = 0; run < plan.warmups + plan.runs; run++) {
    const started = performance.now();
    const results: object[] = new Array<object>(items.length);
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as VerifyItem;
      const scope = floorIndex.get(item.number);
      results[index] = { status: scope === undefined ? 'not_found' : scope.has(item.activity ?? '') ? 'valid' : 'out_of_scope', item };
    }
    if (run >= plan.warmups) floorTimes.push(performance.now() - started);
  }
  const floorPerSecond = items.length / (median(floorTimes) / 1000);

  const format = (value: number) => Math.round(value).toLocaleString('en-US');
  const lines = [
    `## Licence verification (snapshot)`,
    '',
    `${format(plan.licences)} food licences, ${format(items.length)} items (every licence once, shuffled, 2% unknown numbers), ` +
      `median of ${plan.runs} runs after ${plan.warmups} warm-ups; Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...builds.map((build) => `| index build, ${build.flavor} sandbox (in-process, ${format(build.size)} rows) | ${format(build.ms)} ms |`),
    `| \`verifyMany\` of ${format(items.length)} items | ${format(bulkMs)} ms |`,
    `| verdicts per second, \`verifyMany\`, wall clock | **${format(perSecond)}** (goal ≥ 500,000) |`,
    `| verdicts per CPU second, \`verifyMany\` (user time, unaffected by other load) | ${format(perCpuSecond)} |`,
    `| verdicts per second, one \`verify()\` at a time (baseline, ${format(baseline.length)} items) | ${format(baselinePerSecond)} |`,
    `| \`verifyMany\` ÷ one-at-a-time baseline | ${(perSecond / baselinePerSecond).toFixed(1)}× |`,
    `| floor: a bare map lookup + scope test + result object per item, same items | ${format(floorPerSecond)} per second |`,
    `| \`verifyMany\` ÷ floor | ${(perSecond / floorPerSecond).toFixed(2)} |`,
    '',
    `Statuses: ${Object.entries(statuses)
      .sort((a, b) => b[1] - a[1])
      .map(([status, count]) => `${status} ${format(count)}`)
      .join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await runVerifyBench({ quick: process.argv.includes('--quick') }));
}
