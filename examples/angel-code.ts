/**
 * An "angel code" (天使码) gate check: medical staff show their practitioner certificate number
 * and name at a scenic-spot gate, and the gate asks the province's restricted verification
 * interface. The registry's rows never leave the platform; the gate learns only whether the pair
 * matches and the certificate's category and status. Names are masked in everything it prints.
 *
 * Run it with `npx tsx examples/angel-code.ts`. No network: the platform is the sandbox.
 */
import { createClient, portals, type Verdict } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

const sandbox = createSandbox({ flavor: 'zhejiang', seed: 1, extraDatasets: 0 });
// Two staff members the gate will see today, registered as the health commission would.
sandbox.mutate({
  dataset: 'zj-medical-practitioners',
  add: [
    { cert_no: '110330100000001', name: '张三丰', category: '临床', scope: '内科专业', institution: '浙江大学医学院附属第一医院', status: '注册', issued_on: '2012-07-01' },
    { cert_no: '350330200000002', name: '李秀英', category: '护士', scope: '护理', institution: '宁波市第一医院', status: '注册', issued_on: '2018-03-15' },
  ],
});

const { appKey, appSecret } = sandbox.credentials;
const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appKey, appSecret }), fetch: sandbox.fetch });
const doctors = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
const nurses = client.licenses.verifier({ kind: 'nurse', dataset: 'zj-medical-practitioners' });

/** The gate's decision: only a valid verdict opens it; an unreachable registry sends the visitor to the desk, never away. */
function decide(verdict: Verdict): string {
  if (verdict.status === 'valid') return 'OPEN  天使码 issued';
  if (verdict.status === 'unknown') return 'DESK  registry unreachable, check by hand';
  return `DENY  ${verdict.status}`;
}

const visitors = [
  { label: 'doctor, right name', verifier: doctors, number: '110330100000001', holder: '张三丰' },
  { label: 'nurse, right name', verifier: nurses, number: '350330200000002', holder: '李秀英' },
  { label: 'doctor, wrong name', verifier: doctors, number: '110330100000001', holder: '张三' },
  { label: 'unknown certificate', verifier: doctors, number: '110330199999999', holder: '王五' },
  { label: 'doctor at the nurse lane', verifier: nurses, number: '110330100000001', holder: '张三丰' },
];

console.log(`Angel-code gate — restricted interface practitionerVerify of zj-medical-practitioners (${await doctors.mode()} mode)`);
for (const visitor of visitors) {
  const verdict = await visitor.verifier.verify({ number: visitor.number, holder: visitor.holder });
  const facts = verdict.license?.category ? `  ${verdict.license.category}, ${verdict.license.status}, ${verdict.license.institution}` : '';
  console.log(`${visitor.label.padEnd(26)} ${visitor.number}  ${String(verdict.item.holder).padEnd(4)}  ${decide(verdict)}${facts}`);
}
