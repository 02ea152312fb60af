/**
 * A takeout platform's licence monitor, as Ningbo's service runs it: every merchant's food
 * business licence is checked against the opened licence register, in bulk, from a local
 * snapshot; shops without a licence in force for hot food are listed for removal, and a shop is
 * never removed because the register could not be reached.
 *
 * Run it with `npx tsx examples/takeout-monitor.ts`. No network: the register is the sandbox.
 */
import { createClient, portals, type Verdict, type VerdictStatus, type VerifyItem } from '../src/index.js';
import { foodLicense } from '../src/ids/index.js';
import { createSandbox } from '../src/sandbox/index.js';

/** What the platform knows about a shop: its id, the licence it uploaded, the name on it. */
interface Merchant extends VerifyItem {
  readonly shopId: string;
}

const HOT_FOOD = '热食类食品制售';
// The sandbox's register is dated 2026-11-20; judging at that day keeps the run reproducible.
const AT = new Date('2026-11-20T04:00:00Z');

const sandbox = createSandbox({ flavor: 'zhejiang', seed: 1, extraDatasets: 0 });
const { appKey, appSecret } = sandbox.credentials;
const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appKey, appSecret }), fetch: sandbox.fetch });

// The merchant list: the first 1,200 licences of the register as honest shops, plus shops
// that uploaded a number the register does not know, a malformed number, or another firm's name.
const register = await client.datasets.records('nb-food-licenses', { limit: 1_200 }).toArray();
const merchants: Merchant[] = register.map((row, index) => ({
  shopId: `S${String(index + 1).padStart(5, '0')}`,
  number: String(row['XKZBH']),
  holder: String(row['JYZMC']),
  activity: HOT_FOOD,
}));
for (let n = 0; n < 25; n++) {
  const first13 = `2330212${String(990_000 + n).padStart(6, '0')}`;
  merchants.push({ shopId: `U${String(n + 1).padStart(5, '0')}`, number: `JY${first13}${foodLicense.checkDigit(first13) as string}`, holder: '宁波无证小吃店', activity: HOT_FOOD });
}
merchants.push({ shopId: 'U90001', number: 'JY2330212', holder: '宁波号码不全餐馆', activity: HOT_FOOD });
merchants.push({ shopId: 'U90002', number: String(register[0]?.['XKZBH']), holder: '宁波冒用执照餐饮有限公司', activity: HOT_FOOD });

const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot', at: AT });
const started = performance.now();
await verifier.refresh();
const verdicts = await verifier.verifyMany(merchants);
const ms = performance.now() - started;

const counts = new Map<VerdictStatus, number>();
for (const verdict of verdicts) counts.set(verdict.status, (counts.get(verdict.status) ?? 0) + 1);

const LABELS: Record<VerdictStatus, string> = {
  valid: '持证有效 licence in force',
  expired: '许可证过期 expired',
  not_yet_valid: '尚未生效 not yet valid',
  revoked: '注销/吊销/撤销 revoked',
  not_found: '无证经营 no such licence',
  invalid_format: '编号格式错误 malformed number',
  holder_mismatch: '主体不符 holder differs',
  out_of_scope: '超范围经营 no hot food in scope',
  unknown: '无法核验 register unreachable',
};

console.log(`Takeout licence monitor — register ${verifier.dataset}, judged at ${AT.toISOString().slice(0, 10)}`);
console.log(`verified ${verdicts.length} merchants in ${Math.round(ms)} ms (${verifier.kind}, snapshot mode)`);
console.log('');
for (const [status, label] of Object.entries(LABELS) as [VerdictStatus, string][]) {
  const count = counts.get(status) ?? 0;
  if (count > 0) console.log(`  ${status.padEnd(16)} ${String(count).padStart(5)}  ${label}`);
}

// Every negative verdict takes the shop off the platform; `unknown` goes to a retry queue instead.
const toRemove = verdicts.filter((verdict) => verdict.status !== 'valid' && verdict.status !== 'unknown');
const retry = verdicts.filter((verdict) => verdict.status === 'unknown');
console.log('');
console.log(`shops to remove: ${toRemove.length}`);
for (const verdict of toRemove.slice(0, 8)) console.log(`  ${describe(verdict)}`);
if (toRemove.length > 8) console.log(`  … and ${toRemove.length - 8} more`);
console.log(`shops to re-check later (register unreachable): ${retry.length}`);

function describe(verdict: Verdict): string {
  const merchant = verdict.item as Merchant;
  const detail =
    verdict.status === 'expired' ? `valid until ${verdict.license?.validTo}` :
    verdict.status === 'revoked' ? `register says ${verdict.license?.status}` :
    verdict.status === 'holder_mismatch' ? `licence belongs to ${verdict.license?.holder}` :
    verdict.status === 'out_of_scope' ? `scope: ${verdict.license?.scope?.join('、')}` :
    verdict.status === 'invalid_format' ? verdict.warnings.join('; ') :
    '';
  return `${merchant.shopId}  ${merchant.number.padEnd(16)}  ${verdict.status.padEnd(15)} ${merchant.holder ?? ''}${detail ? `  (${detail})` : ''}`;
}
