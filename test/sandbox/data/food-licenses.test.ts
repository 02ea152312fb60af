import { describe, expect, it } from 'vitest';
import { foodLicense, uscc } from '../../../src/ids/index.js';
import {
  FOOD_LICENSE_EXPIRED_SHARE,
  FOOD_LICENSE_EXPIRY_CUTOFF,
  FOOD_LICENSE_NO_HOT_FOOD_SHARE,
  FOOD_LICENSE_REVOKED_SHARE,
  foodLicenses,
} from '../../../src/sandbox/data/index.js';
import { NOW, rows } from './rows.js';

const COUNTY_NAMES: Record<string, string> = {
  '330203': '海曙区',
  '330205': '江北区',
  '330206': '北仑区',
  '330211': '镇海区',
  '330212': '鄞州区',
  '330213': '奉化区',
  '330281': '余姚市',
  '330282': '慈溪市',
  '330226': '宁海县',
  '330225': '象山县',
};

function addYearsMinusOneDay(date: string, years: number): string {
  const end = new Date(`${date}T00:00:00Z`);
  const day = end.getUTCDate();
  end.setUTCFullYear(end.getUTCFullYear() + years);
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

describe('nb-food-licenses', () => {
  const sample = rows(foodLicenses, 6_000);

  it('issues JY numbers with the MOD 11,10 check digit and the county of the address', () => {
    for (const row of sample) {
      const result = foodLicense.validate(row.license_no);
      expect(result, String(row.license_no)).toMatchObject({ valid: true, kind: 'food-business', warnings: [] });
      if (!result.valid) continue;
      expect(result.parts.province + result.parts.city).toBe('3302');
      const county = `33${result.parts.city}${result.parts.county}`;
      expect(row.address as string).toContain(COUNTY_NAMES[county] as string);
      expect(row.authority as string).toContain(COUNTY_NAMES[county] as string);
      const holderCode = uscc.validate(row.credit_code);
      expect(holderCode).toMatchObject({ valid: true, warnings: [], parts: { region: county } });
    }
  });

  it('matches the business type to the JY type digit', () => {
    const types: Record<string, string> = { '1': '食品销售经营者', '2': '餐饮服务经营者', '3': '单位食堂' };
    for (const row of sample) expect(row.business_type).toBe(types[(row.license_no as string)[2] as string]);
  });

  it('never repeats a licence number, even for rows added later', () => {
    const indices = [...Array.from({ length: 30_000 }, (_, i) => i), 100_000, 1_100_000, 2_100_000, 3_003_000, 9_999_999];
    const numbers = indices.map((index) => foodLicenses.row(1, index, NOW).license_no);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('makes every licence valid for five years from its issue date', () => {
    for (const row of sample) expect(row.valid_until).toBe(addYearsMinusOneDay(row.issued_on as string, 5));
  });

  it('has the documented shares of expired, revoked and out-of-scope licences', () => {
    const expired = sample.filter((row) => row.status === '有效' && (row.valid_until as string) < FOOD_LICENSE_EXPIRY_CUTOFF);
    const revoked = sample.filter((row) => ['注销', '吊销', '撤销'].includes(row.status as string));
    const noHotFood = sample.filter((row) => !(row.scope as string).split(',').includes('热食类食品制售'));
    expect(Math.abs(expired.length / sample.length - FOOD_LICENSE_EXPIRED_SHARE)).toBeLessThan(0.015);
    expect(Math.abs(revoked.length / sample.length - FOOD_LICENSE_REVOKED_SHARE)).toBeLessThan(0.008);
    expect(Math.abs(noHotFood.length / sample.length - FOOD_LICENSE_NO_HOT_FOOD_SHARE)).toBeLessThan(0.015);
    const statuses = new Set(sample.map((row) => row.status));
    expect([...statuses].sort()).toEqual(['吊销', '撤销', '有效', '注销'].sort());
  });

  it('keeps every other licence in force on the cut-off date', () => {
    for (const row of sample) {
      if (row.status !== '有效') expect((row.valid_until as string) >= FOOD_LICENSE_EXPIRY_CUTOFF).toBe(true);
      expect((row.issued_on as string) <= '2026-11-19').toBe(true);
    }
  });

  it('joins scope items from the standard list with commas', () => {
    const allowed = new Set(['预包装食品销售', '散装食品销售', '保健食品销售', '热食类食品制售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售']);
    for (const row of sample) {
      const items = (row.scope as string).split(',');
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(allowed.has(item), item).toBe(true);
    }
  });
});
