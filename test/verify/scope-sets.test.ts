import { describe, expect, it } from 'vitest';
import { foodLicense } from '../../src/ids/index.js';
import { ScopeSets } from '../../src/verify/scope-sets.js';
import { AT, HOT_FOOD, verifySandbox } from './verify-sandbox.js';

/** A well-formed JY number the sandbox does not generate. */
const numberOf = (sequence: string) => `JY${`2330203${sequence}`}${foodLicense.checkDigit(`2330203${sequence}`) as string}`;

describe('shared scope sets', () => {
  it('gives one set for every list of the same items in the same order', () => {
    const scopes = new ScopeSets();
    const first = scopes.of([HOT_FOOD, '冷食类食品制售']);
    expect(scopes.of([HOT_FOOD, '冷食类食品制售'])).toBe(first);
    expect([...first]).toEqual([HOT_FOOD, '冷食类食品制售']);
  });

  it('keeps lists with other items, or the same items in another order, apart', () => {
    const scopes = new ScopeSets();
    const first = scopes.of([HOT_FOOD, '冷食类食品制售']);
    expect(scopes.of([HOT_FOOD])).not.toBe(first);
    expect(scopes.of(['冷食类食品制售', HOT_FOOD])).not.toBe(first);
    expect(scopes.of([`${HOT_FOOD},冷食类食品制售`])).not.toBe(first);
    expect(scopes.of([`${HOT_FOOD},冷食类食品制售`]).has(HOT_FOOD)).toBe(false);
  });
});

describe('a snapshot with shared scopes', () => {
  it('judges the scope of each licence by its own list when rows share lists', async () => {
    const { sandbox, client } = verifySandbox('zhejiang');
    const rows = [
      { license_no: numberOf('999990'), holder_name: '宁波某甲餐饮有限公司', scope: `${HOT_FOOD},冷食类食品制售`, issued_on: '2024-01-01', valid_until: '2028-12-31', status: '有效' },
      { license_no: numberOf('999980'), holder_name: '宁波某乙餐饮有限公司', scope: `${HOT_FOOD}，冷食类食品制售`, issued_on: '2024-01-01', valid_until: '2028-12-31', status: '有效' },
      { license_no: numberOf('999970'), holder_name: '宁波某丙食品店', scope: '预包装食品销售', issued_on: '2024-01-01', valid_until: '2028-12-31', status: '有效' },
    ];
    sandbox.mutate({ dataset: 'nb-food-licenses', add: rows });
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot', at: AT });
    const verdicts = await verifier.verifyMany(rows.map((row) => ({ number: row.license_no, activity: HOT_FOOD })));
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'valid', 'out_of_scope']);
    expect(verdicts.map((verdict) => verdict.warnings)).toEqual([[], [], []]);
    expect(verdicts[1]?.license?.scope).toEqual([HOT_FOOD, '冷食类食品制售']);
  });

  it('keeps the format warnings of a registry number written in lower case with a wrong check digit', async () => {
    const { sandbox, client } = verifySandbox('zhejiang');
    const row = { license_no: ' jy23302030099999 ', holder_name: '宁波某丁餐饮有限公司', scope: HOT_FOOD, issued_on: '2024-01-01', valid_until: '2028-12-31', status: '有效' };
    sandbox.mutate({ dataset: 'nb-food-licenses', add: [row] });
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot', at: AT });
    for (const number of ['JY23302030099999', 'jy23302030099999']) {
      const verdict = await verifier.verify({ number, activity: HOT_FOOD });
      expect(verdict.status, number).toBe('valid');
      expect(verdict.warnings, number).toEqual(['check_digit']);
    }
  });
});
