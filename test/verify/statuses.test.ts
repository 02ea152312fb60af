import { describe, expect, it } from 'vitest';
import { createClient, KaifangError, portals, type VerifierMode } from '../../src/index.js';
import { foodLicense } from '../../src/ids/index.js';
import { AT, column, foodRows, HOT_FOOD, rowsOf, verifySandbox } from './verify-sandbox.js';

const setups: readonly { flavor: 'zhejiang' | 'ckan'; mode: VerifierMode; expected: 'remote' | 'snapshot' }[] = [
  { flavor: 'zhejiang', mode: 'auto', expected: 'snapshot' },
  { flavor: 'ckan', mode: 'auto', expected: 'remote' },
  { flavor: 'ckan', mode: 'snapshot', expected: 'snapshot' },
];

describe.each(setups)('food licences on $flavor in $mode mode', ({ flavor, mode, expected }) => {
  const setup = async () => {
    const env = verifySandbox(flavor);
    const rows = await foodRows(env.client);
    const verifier = env.client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode, at: AT });
    return { ...env, rows, verifier };
  };

  it('runs in the expected mode', async () => {
    const { verifier } = await setup();
    expect(await verifier.mode()).toBe(expected);
  });

  it('finds a licence in force valid, and says where the answer came from', async () => {
    const { verifier, rows } = await setup();
    const verdict = await verifier.verify({ number: rows.valid.number, holder: rows.valid.holder, activity: HOT_FOOD });
    expect(verdict.status).toBe('valid');
    expect(verdict.reasons).toEqual([]);
    expect(verdict.checks).toEqual({ format: true, found: true, status: true, validity: true, holder: true, scope: true });
    expect(verdict.license?.number).toBe(rows.valid.number);
    expect(verdict.license?.scope).toContain(HOT_FOOD);
    expect(verdict.source).toMatchObject({ portal: flavor, dataset: 'nb-food-licenses', mode: expected });
    expect(verdict.source.datasetUpdatedAt).toBeInstanceOf(Date);
  });

  it('calls a licence past its last valid day expired', async () => {
    const { verifier, rows } = await setup();
    const verdict = await verifier.verify({ number: rows.expired.number });
    expect(verdict.status).toBe('expired');
    expect(verdict.checks.validity).toBe(false);
  });

  it('treats the expiry date itself as the last valid day', async () => {
    const { verifier, client, rows } = await setup();
    const lastDay = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode, at: new Date(`${rows.valid.validUntil}T12:00:00+08:00`) });
    const dayAfter = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode, at: new Date(Date.parse(`${rows.valid.validUntil}T12:00:00+08:00`) + 86_400_000) });
    expect((await lastDay.verify({ number: rows.valid.number })).status).toBe('valid');
    expect((await dayAfter.verify({ number: rows.valid.number })).status).toBe('expired');
    expect((await verifier.verify({ number: rows.valid.number })).status).toBe('valid');
  });

  it('calls a cancelled or revoked licence revoked, even while its dates are in force', async () => {
    const { verifier, rows } = await setup();
    const verdict = await verifier.verify({ number: rows.revoked.number, activity: HOT_FOOD });
    expect(verdict.status).toBe('revoked');
    expect(verdict.checks).toMatchObject({ status: false, validity: true });
    expect(['注销', '吊销', '撤销']).toContain(verdict.license?.status);
  });

  it('calls a licence not yet valid when judged before it was issued', async () => {
    const { client, rows } = await setup();
    const early = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode, at: new Date('2021-06-01T00:00:00Z') });
    const verdict = await early.verify({ number: rows.recent.number });
    expect(verdict.status).toBe('not_yet_valid');
    expect(verdict.checks.validity).toBe(false);
  });

  it('calls a licence whose issue date moved into the future not yet valid', async () => {
    const { sandbox, verifier, rows } = await setup();
    sandbox.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: rows.valid.number, issued_on: '2027-03-01', valid_until: '2032-02-28' }] });
    await verifier.refresh();
    expect((await verifier.verify({ number: rows.valid.number })).status).toBe('not_yet_valid');
  });

  it('calls a retailer without hot food in its scope out of scope for hot food, and valid without an activity', async () => {
    const { verifier, rows } = await setup();
    const verdict = await verifier.verify({ number: rows.retailer.number, activity: HOT_FOOD });
    expect(verdict.status).toBe('out_of_scope');
    expect(verdict.checks.scope).toBe(false);
    expect((await verifier.verify({ number: rows.retailer.number })).status).toBe('valid');
  });

  it('splits scope lists on every separator registries use', async () => {
    const { sandbox, verifier, rows } = await setup();
    sandbox.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: rows.valid.number, scope: '预包装食品销售；散装食品销售、冷食类食品制售;糕点类食品制售，自制饮品制售, 热食类食品制售' }] });
    await verifier.refresh();
    for (const activity of ['预包装食品销售', '散装食品销售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售', HOT_FOOD, '热食类食品制售 ']) {
      expect((await verifier.verify({ number: rows.valid.number, activity })).status, activity).toBe('valid');
    }
    expect((await verifier.verify({ number: rows.valid.number, activity: '保健食品销售' })).status).toBe('out_of_scope');
  });

  it('calls a number of the right shape that the registry lacks not found', async () => {
    const { verifier, rows } = await setup();
    const known = new Set(rows.rows.map((row) => row.number));
    const first13 = '2330203999999';
    const number = `JY${first13}${foodLicense.checkDigit(first13) as string}`;
    expect(known.has(number)).toBe(false);
    const verdict = await verifier.verify({ number });
    expect(verdict.status).toBe('not_found');
    expect(verdict.checks).toEqual({ format: true, found: false });
  });

  it('rejects malformed numbers, and an SC production licence where a JY one is expected, as invalid format', async () => {
    const { verifier } = await setup();
    for (const number of ['JY123', '', 'AB23302030012343', 'SC10633020300127']) {
      const verdict = await verifier.verify({ number });
      expect(verdict.status, number).toBe('invalid_format');
      expect(verdict.checks.format).toBe(false);
      expect(verdict.warnings.length).toBeGreaterThan(0);
    }
  });

  it('accepts numbers written in lower case, full width or with spaces around them', async () => {
    const { verifier, rows } = await setup();
    const fullWidth = [...rows.valid.number].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join('');
    for (const number of [rows.valid.number.toLowerCase(), ` ${rows.valid.number} `, fullWidth]) {
      expect((await verifier.verify({ number })).status, number).toBe('valid');
    }
  });

  it('finds a holder mismatch, and matches holders across bracket width, spaces and NFKC', async () => {
    const { sandbox, verifier, rows } = await setup();
    sandbox.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: rows.valid.number, holder_name: '宁波（北仑）和新 餐饮有限公司' }] });
    await verifier.refresh();
    for (const holder of ['宁波(北仑)和新餐饮有限公司', '宁波 （北仑） 和新餐饮有限公司', '宁波【北仑】和新餐饮有限公司', '宁波\u3000(北仑)和新餐饮有限公司']) {
      expect((await verifier.verify({ number: rows.valid.number, holder })).status, holder).toBe('valid');
    }
    const verdict = await verifier.verify({ number: rows.valid.number, holder: '宁波北仑和新餐饮有限公司' });
    expect(verdict.status).toBe('holder_mismatch');
    expect(verdict.checks.holder).toBe(false);
    expect(verdict.license?.holder).toBe('宁波（北仑）和新 餐饮有限公司');
  });

  it('lists every problem most serious first', async () => {
    const { verifier, rows } = await setup();
    const verdict = await verifier.verify({ number: rows.revoked.number, holder: '别人的公司', activity: '保健食品销售' });
    expect(verdict.status).toBe('revoked');
    expect(verdict.reasons).toEqual(['revoked', 'holder_mismatch', 'out_of_scope']);
  });

  it('says unknown, with the error, when the portal fails, and never not found', async () => {
    const { sandbox, verifier, rows } = await setup();
    const unknownNumber = `JY${'2330203999998'}${foodLicense.checkDigit('2330203999998') as string}`;
    if (expected === 'snapshot') {
      // A snapshot answers from its index: once built, a failing portal changes nothing.
      await verifier.mode();
      sandbox.setFaults({ rate: 1, kinds: ['unavailable'] });
      expect((await verifier.verify({ number: rows.valid.number })).status).toBe('valid');
      const fresh = verifySandbox(flavor, { faults: { rate: 1, kinds: ['unavailable'] } }).client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode, at: AT });
      for (const number of [rows.valid.number, unknownNumber]) {
        const verdict = await fresh.verify({ number });
        expect(verdict.status).toBe('unknown');
        expect(verdict.error).toBeInstanceOf(KaifangError);
      }
    } else {
      await verifier.mode();
      sandbox.setFaults({ rate: 1, kinds: ['unavailable', 'html', 'drift', 'reset', 'truncate'] });
      for (const number of [rows.valid.number, unknownNumber]) {
        const verdict = await verifier.verify({ number });
        expect(verdict.status).toBe('unknown');
        expect(verdict.reasons).toEqual(['unknown']);
        expect(verdict.error).toBeInstanceOf(KaifangError);
      }
      sandbox.setFaults(undefined);
      expect((await verifier.verify({ number: unknownNumber })).status).toBe('not_found');
    }
  });
});

describe('a verifier whose fetch is dead', () => {
  it('answers unknown with a network error, and invalid format where no source is needed', async () => {
    const client = createClient({
      portal: portals.ckan({ baseUrl: 'http://registry.kaifang.test' }),
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      retry: false,
    });
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    const [down, malformed] = await verifier.verifyMany([{ number: 'JY23302030012343' }, { number: 'JY1' }]);
    expect(down?.status).toBe('unknown');
    expect(down?.error?.name).toBe('NetworkError');
    expect(malformed?.status).toBe('invalid_format');
    expect((await verifier.verify({ number: 'JY23302030012343' })).status).toBe('unknown');
  });
});

describe('the same verdicts on both flavors', () => {
  it('gives identical statuses for every food licence of the same seed', async () => {
    const statuses = async (flavor: 'zhejiang' | 'ckan') => {
      const { client } = verifySandbox(flavor);
      const rows = await rowsOf(client, 'nb-food-licenses');
      const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot', at: AT });
      const verdicts = await verifier.verifyMany(rows.map((row) => ({ number: column(row, 'XKZBH', 'license_no'), activity: HOT_FOOD })));
      return verdicts.map((verdict) => verdict.status);
    };
    const [zhejiang, ckan] = await Promise.all([statuses('zhejiang'), statuses('ckan')]);
    expect(zhejiang).toEqual(ckan);
    expect(new Set(zhejiang)).toEqual(new Set(['valid', 'expired', 'revoked', 'out_of_scope']));
  });
});
