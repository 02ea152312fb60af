import { describe, expect, it } from 'vitest';
import { ArgumentError, AuthError } from '../../src/index.js';
import { foodLicense, uscc } from '../../src/ids/index.js';
import { AT, column, rowsOf, verifySandbox } from './verify-sandbox.js';

// Certificates added to the registry so the test knows the full names the registry holds.
const DOCTOR = { cert_no: '110330100000001', name: '张三丰', category: '临床', scope: '内科专业', institution: '浙江大学医学院附属第一医院', status: '注册', issued_on: '2012-07-01' };
const NURSE = { cert_no: '350330100000002', name: '李秀英', category: '护士', scope: '护理', institution: '杭州市第一人民医院', status: '注册', issued_on: '2018-03-15' };
const STRUCK_OFF = { cert_no: '110330100000003', name: '王建国', category: '临床', scope: '外科专业', institution: '宁波市第一医院', status: '注销', issued_on: '2005-09-01' };
const UNKNOWN_CERT = '110330199999999';

function practitioners(flavor: 'zhejiang' | 'ckan', options: { token?: false } = {}) {
  const env = verifySandbox(flavor, options);
  env.sandbox.mutate({ dataset: 'zj-medical-practitioners', add: [DOCTOR, NURSE, STRUCK_OFF] });
  return env;
}

describe('business licences by credit code', () => {
  it.each(['zhejiang', 'ckan'] as const)('verifies active, deregistered, unknown and malformed codes on %s', async (flavor) => {
    const { client } = verifySandbox(flavor);
    const rows = await rowsOf(client, 'nb-business-licenses');
    const read = (row: Record<string, unknown>) => ({ code: column(row, 'TYSHXYDM', 'credit_code'), name: column(row, 'QYMC', 'name'), status: column(row, 'DJZT', 'status') });
    const active = rows.map(read).find((row) => row.status === '存续' || row.status === '在业');
    const closed = rows.map(read).find((row) => row.status === '注销' || row.status === '吊销');
    if (!active || !closed) throw new Error('the sandbox has no active or closed company');
    const verifier = client.licenses.verifier({ kind: 'business', dataset: 'nb-business-licenses', at: AT });
    const valid = await verifier.verify({ number: active.code, holder: active.name });
    expect(valid.status).toBe('valid');
    expect(valid.checks).toMatchObject({ found: true, status: true, holder: true });
    expect(valid.license?.holder).toBe(active.name);
    expect((await verifier.verify({ number: active.code, holder: '宁波别家有限公司' })).status).toBe('holder_mismatch');
    expect((await verifier.verify({ number: closed.code })).status).toBe('revoked');
    const missing = uscc.generate({ authority: '9', type: '1', region: '330203', orgCode: 'MA2Q7K1X' }) as string;
    expect(rows.some((row) => column(row, 'TYSHXYDM', 'credit_code') === missing)).toBe(false);
    expect((await verifier.verify({ number: missing })).status).toBe('not_found');
    const badCheck = active.code.slice(0, 17) + (active.code.endsWith('0') ? '1' : '0');
    const malformed = await verifier.verify({ number: badCheck });
    expect(malformed.status).toBe('invalid_format');
    expect(malformed.warnings.join()).toContain('check_character');
    expect((await verifier.verify({ number: 'JY23302030012343' })).status).toBe('invalid_format');
  });
});

describe('food production licences', () => {
  it('accept SC numbers and refuse JY numbers, and the reverse for food business', async () => {
    const { client } = verifySandbox('ckan');
    const sc = `SC106330203${'0012'}`;
    const production = `${sc}${foodLicense.checkDigit(sc.slice(2)) as string}`;
    const production_ = client.licenses.verifier({ kind: 'food-production', dataset: 'nb-food-licenses', at: AT });
    const business = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
    // The registry holds business licences only: a well-formed SC number is simply not in it.
    expect((await production_.verify({ number: production })).status).toBe('not_found');
    expect((await business.verify({ number: production })).status).toBe('invalid_format');
    const [row] = await rowsOf(client, 'nb-food-licenses');
    const jy = column(row as Record<string, unknown>, 'license_no');
    const refused = await production_.verify({ number: jy });
    expect(refused.status).toBe('invalid_format');
    expect(refused.warnings.join()).toContain('food-production');
  });
});

describe('practitioners through the zhejiang verification interface', () => {
  it('says valid for the right name, holder mismatch for another, not found for an unknown certificate', async () => {
    const { client, requests } = practitioners('zhejiang');
    const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
    expect(await verifier.mode()).toBe('remote');
    const valid = await verifier.verify({ number: DOCTOR.cert_no, holder: DOCTOR.name });
    expect(valid.status).toBe('valid');
    expect(valid.checks).toEqual({ format: true, found: true, status: true, holder: true, category: true });
    expect(valid.license).toEqual({ number: DOCTOR.cert_no, status: '注册', category: '临床', institution: DOCTOR.institution });
    expect((await verifier.verify({ number: DOCTOR.cert_no, holder: '张三' })).status).toBe('holder_mismatch');
    expect((await verifier.verify({ number: UNKNOWN_CERT, holder: '张三' })).status).toBe('not_found');
    expect((await verifier.verify({ number: STRUCK_OFF.cert_no, holder: STRUCK_OFF.name })).status).toBe('revoked');
    expect(requests('practitionerVerify')).toBe(4);
  });

  it('compares a name written with spaces or full-width characters as the registry writes it', async () => {
    const { client } = practitioners('zhejiang');
    const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
    expect((await verifier.verify({ number: DOCTOR.cert_no, holder: ' 张 三丰 ' })).status).toBe('valid');
  });

  it('calls a certificate of another category out of scope: a nurse kind on a 临床 certificate, and the reverse', async () => {
    const { client } = practitioners('zhejiang');
    const nurse = client.licenses.verifier({ kind: 'nurse', dataset: 'zj-medical-practitioners' });
    const doctor = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
    expect((await nurse.verify({ number: NURSE.cert_no, holder: NURSE.name })).status).toBe('valid');
    const wrongKind = await nurse.verify({ number: DOCTOR.cert_no, holder: DOCTOR.name });
    expect(wrongKind.status).toBe('out_of_scope');
    expect(wrongKind.checks).toMatchObject({ holder: true, status: true, category: false });
    expect((await doctor.verify({ number: NURSE.cert_no, holder: NURSE.name })).status).toBe('out_of_scope');
  });

  it('needs the holder name: without one the answer is unknown and nothing is sent', async () => {
    const { client, requests } = practitioners('zhejiang');
    const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
    const verdict = await verifier.verify({ number: DOCTOR.cert_no });
    expect(verdict.status).toBe('unknown');
    expect(verdict.error).toBeInstanceOf(ArgumentError);
    expect(requests('practitionerVerify')).toBe(0);
  });

  it('masks names in verdicts and in the errors of unknown verdicts', async () => {
    const { client, sandbox } = practitioners('zhejiang');
    const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
    const valid = await verifier.verify({ number: DOCTOR.cert_no, holder: DOCTOR.name });
    expect(valid.item.holder).toBe('张**');
    expect(JSON.stringify(valid)).not.toContain(DOCTOR.name);
    sandbox.setFaults([{ match: 'practitionerVerify', kind: 'unavailable', times: 10 }]);
    const down = await verifier.verify({ number: STRUCK_OFF.cert_no, holder: STRUCK_OFF.name });
    expect(down.status).toBe('unknown');
    const error = down.error as Error & { request?: { url: string } };
    expect(error.request?.url).toContain('practitionerVerify');
    const text = [error.message, error.stack, error.request?.url, JSON.stringify(down)].join('\n');
    expect(text).not.toContain(STRUCK_OFF.name);
    expect(text).not.toContain(encodeURIComponent(STRUCK_OFF.name));
  });
});

describe('practitioners on ckan', () => {
  it('are verified remotely with the token, against the masked names the DataStore holds', async () => {
    const { client, requests } = practitioners('ckan');
    const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners', mode: 'remote' });
    const valid = await verifier.verify({ number: DOCTOR.cert_no, holder: DOCTOR.name, activity: '内科专业' });
    expect(valid.status).toBe('valid');
    expect(valid.checks).toMatchObject({ holder: true, scope: true, category: true });
    expect(valid.license?.holder).toBe('张**');
    expect(JSON.stringify(valid)).not.toContain(DOCTOR.name);
    expect((await verifier.verify({ number: DOCTOR.cert_no, holder: '李三丰' })).status).toBe('holder_mismatch');
    expect((await verifier.verify({ number: DOCTOR.cert_no, activity: '外科专业' })).status).toBe('out_of_scope');
    expect((await verifier.verify({ number: STRUCK_OFF.cert_no })).status).toBe('revoked');
    expect((await verifier.verify({ number: UNKNOWN_CERT })).status).toBe('not_found');
    const nurse = client.licenses.verifier({ kind: 'nurse', dataset: 'zj-medical-practitioners' });
    expect((await nurse.verify({ number: NURSE.cert_no, holder: NURSE.name })).status).toBe('valid');
    expect((await nurse.verify({ number: DOCTOR.cert_no })).status).toBe('out_of_scope');
    expect(requests('datastore_search')).toBeGreaterThan(0);
  });

  it('answers unknown with an auth error without the token, never not found', async () => {
    const { client } = practitioners('ckan', { token: false });
    const verifier = client.licenses.verifier({ kind: 'medical-practitioner', dataset: 'zj-medical-practitioners' });
    const verdict = await verifier.verify({ number: DOCTOR.cert_no, holder: DOCTOR.name });
    expect(verdict.status).toBe('unknown');
    expect(verdict.error).toBeInstanceOf(AuthError);
  });

  it('can keep a snapshot of the registry with the token', async () => {
    const { client } = practitioners('ckan');
    const verifier = client.licenses.verifier({ kind: 'nurse', dataset: 'zj-medical-practitioners', mode: 'snapshot' });
    expect(await verifier.mode()).toBe('snapshot');
    expect((await verifier.verify({ number: NURSE.cert_no, holder: NURSE.name })).status).toBe('valid');
    expect((await verifier.verify({ number: NURSE.cert_no, holder: '王秀英' })).status).toBe('holder_mismatch');
  });
});
