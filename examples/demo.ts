/**
 * The kaifang tour: a local zhejiang-style portal on loopback, and the SDK reading it over real
 * HTTP — catalogue search, metadata, a validated pull of food licences, car parks, and one signed
 * gateway call. No network, a few seconds.
 *
 * Run it with `npm run demo` or `kaifang demo`.
 */
import { z } from 'zod';
import { createClient, portals } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

const sandbox = createSandbox({ flavor: 'zhejiang', seed: 1, scale: 'small' });
const server = await sandbox.listen({ port: 0 });

try {
  const { appKey, appSecret } = sandbox.credentials;
  const client = createClient({ portal: portals.zhejiang({ baseUrl: server.url, appKey, appSecret }) });
  const today = new Date().toISOString().slice(0, 10);

  heading('Sandbox portal');
  console.log(`zhejiang flavor, seed 1, serving on ${server.url}`);

  heading('Catalogue search: 许可');
  const page = await client.catalog.search({ q: '许可', limit: 10 });
  const matches = page.total ?? page.items.length;
  console.log(`${matches} ${matches === 1 ? 'dataset matches' : 'datasets match'}:`);
  for (const dataset of page.items) console.log(`  ${dataset.id.padEnd(28)} ${dataset.title}`);

  heading('Dataset metadata: nb-food-licenses');
  const food = await client.datasets.get('nb-food-licenses');
  console.log(`title:      ${food.title}`);
  console.log(`publisher:  ${food.publisher?.name ?? '-'}`);
  console.log(`open class: ${food.openClass}`);
  console.log(`updated:    ${food.updatedAt?.toISOString() ?? '-'}`);
  console.log(`rows:       ${food.recordCount ?? '?'}`);
  console.log(`columns:    ${food.fields.map((field) => `${field.name} ${field.label ?? ''}`.trim()).join(', ')}`);

  // Every value arrives as a string; the schema names what the app relies on and checks it.
  const FoodLicense = z.object({
    XKZBH: z.string().regex(/^JY\d{14}$/),
    JYZMC: z.string().min(1),
    ZT: z.enum(['有效', '注销', '吊销', '撤销']),
    YXQZ: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    JYXM: z.string(),
  });
  const licenses = await client.datasets.records('nb-food-licenses', { schema: FoodLicense, pageSize: 200 }).toArray();

  heading(`Food licenses by status (${licenses.length} rows pulled and validated)`);
  const byStatus = new Map<string, number>();
  for (const license of licenses) byStatus.set(license.ZT, (byStatus.get(license.ZT) ?? 0) + 1);
  for (const status of FoodLicense.shape.ZT.options) console.log(`  ${status}  ${byStatus.get(status) ?? 0}`);
  // ISO dates compare correctly as strings.
  const expired = licenses.filter((license) => license.ZT === '有效' && license.YXQZ < today);
  console.log(`marked 有效 but expired by YXQZ (before ${today}): ${expired.length}`);

  heading('A few licenses');
  printTable(
    ['number', 'holder', 'status', 'valid until', 'hot food'],
    licenses.slice(0, 5).map((license) => [license.XKZBH, license.JYZMC, license.ZT, license.YXQZ, license.JYXM.includes('热食类食品制售') ? 'yes' : 'no']),
  );

  heading('Parking: top 5 lots by free spaces (KXBW)');
  const Lot = z.object({ TCCBH: z.string(), TCCMC: z.string(), SSQX: z.string(), ZBW: z.coerce.number(), KXBW: z.coerce.number() });
  const lots = await client.datasets.records('hz-parking-lots', { schema: Lot, pageSize: 200 }).toArray();
  const top = [...lots].sort((a, b) => b.KXBW - a.KXBW).slice(0, 5);
  console.log(`${lots.length} lots, ${lots.reduce((sum, lot) => sum + lot.KXBW, 0)} free spaces in all`);
  printTable(
    ['lot', 'name', 'district', 'free', 'total'],
    top.map((lot) => [lot.TCCBH, lot.TCCMC, lot.SSQX, String(lot.KXBW), String(lot.ZBW)]),
  );

  heading('Signed gateway call: practitioner verification');
  // Listings mask practitioners' names, so register one whose full name we know.
  const certNo = '113301900000001';
  sandbox.mutate({
    dataset: 'zj-medical-practitioners',
    add: [
      {
        cert_no: certNo,
        name: '林晓雨',
        category: '临床',
        scope: '内科专业',
        institution: '浙江大学医学院附属第一医院',
        status: '注册',
        issued_on: '2019-07-01',
        updated_at: '2026-11-20T00:00:00.000Z',
      },
    ],
  });
  // The gateway answers only for the pair asked about; the schema checks that answer's shape.
  const Verification = z.object({ found: z.boolean(), match: z.boolean(), category: z.string().nullable(), status: z.string().nullable() });
  for (const name of ['林晓雨', '林晓云']) {
    const answer = Verification.parse(await client.datasets.lookup('zj-medical-practitioners', { certNo, name }));
    const verdict = !answer.found ? 'no such certificate' : answer.match ? 'name matches' : 'name does NOT match';
    console.log(`  ${certNo} + ${name}: ${verdict} (${answer.category ?? '-'}, ${answer.status ?? '-'})`);
  }

  heading('Done');
  console.log('Every request above went over HTTP to the local sandbox; nothing left this machine.');
} finally {
  await server.close();
}

function heading(title: string): void {
  console.log(`\n== ${title}`);
}

/** Prints aligned columns; CJK characters take two terminal cells. */
function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const width = (text: string) => [...text].reduce((cells, char) => cells + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(char) ? 2 : 1), 0);
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: readonly string[]) => '  ' + cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
