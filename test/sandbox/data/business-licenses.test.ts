import { describe, expect, it } from 'vitest';
import { uscc } from '../../../src/ids/index.js';
import { DatasetState } from '../../../src/sandbox/dataset-state.js';
import { businessLicenses } from '../../../src/sandbox/data/index.js';
import { NOW, rows } from './rows.js';

const NINGBO = new Map([
  ['海曙区', '330203'],
  ['江北区', '330205'],
  ['北仑区', '330206'],
  ['镇海区', '330211'],
  ['鄞州区', '330212'],
  ['奉化区', '330213'],
  ['余姚市', '330281'],
  ['慈溪市', '330282'],
  ['宁海县', '330226'],
  ['象山县', '330225'],
]);

describe('nb-business-licenses', () => {
  const sample = rows(businessLicenses, 4_000);

  it('issues valid credit codes with a valid embedded organisation code and the region of the authority', () => {
    for (const row of sample) {
      const result = uscc.validate(row.credit_code);
      expect(result, String(row.credit_code)).toMatchObject({ valid: true, warnings: [], parts: { authority: { code: '9' } } });
      if (!result.valid) continue;
      const district = [...NINGBO.keys()].find((name) => (row.authority as string).includes(name));
      expect(result.parts.region).toBe(district ? NINGBO.get(district) : '330200');
      expect(row.address as string).toMatch(/^宁波市(海曙区|江北区|北仑区|镇海区|鄞州区|奉化区|余姚市|慈溪市|宁海县|象山县).+号/);
    }
  });

  it('uses new-style organisation codes for companies founded after the 2015 reform and digits before', () => {
    for (const row of sample) {
      const orgCode = (row.credit_code as string).slice(8, 16);
      if ((row.founded_on as string) >= '2015-10-01') expect(orgCode).toMatch(/^MA/);
      else expect(orgCode).toMatch(/^\d{8}$/);
    }
  });

  it('never repeats a credit code, even far apart or past the base range', () => {
    const indices = [...Array.from({ length: 20_000 }, (_, i) => i), 1_019_999, 1_020_000, 2_020_000, 3_020_000, 6_020_000];
    const codes = indices.map((index) => businessLicenses.row(1, index, NOW).credit_code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps about 85% of companies active, with the documented status shares', () => {
    const share = (status: string) => sample.filter((row) => row.status === status).length / sample.length;
    expect(share('存续') + share('在业')).toBeGreaterThan(0.83);
    expect(share('存续') + share('在业')).toBeLessThan(0.87);
    expect(share('注销')).toBeGreaterThan(0.09);
    expect(share('注销')).toBeLessThan(0.13);
    expect(share('吊销')).toBeGreaterThan(0.025);
    expect(share('吊销')).toBeLessThan(0.055);
  });

  it('writes capital as a number of 万元, dates in order and a null term for unlimited licences', () => {
    let unlimited = 0;
    for (const row of sample) {
      expect(typeof row.capital_wan).toBe('number');
      expect(row.capital_wan as number).toBeGreaterThanOrEqual(0);
      expect(row.founded_on as string).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (row.term_until === null) unlimited++;
      else expect(row.term_until as string > (row.founded_on as string)).toBe(true);
      expect(row.name as string).toMatch(/(公司|经营部|合伙企业（有限合伙）|专业合作社)$/);
      expect((row.scope as string).length).toBeGreaterThan(4);
    }
    expect(unlimited / sample.length).toBeGreaterThan(0.3);
    expect(unlimited / sample.length).toBeLessThan(0.5);
  });

  it('generates the last row of the full dataset without generating any earlier row', () => {
    const state = new DatasetState(businessLicenses, 1, businessLicenses.size.full, () => NOW);
    const last = state.rowAt(1_019_999);
    expect(state.generatedRows).toBe(1);
    expect(last).toEqual(businessLicenses.row(1, 1_019_999, NOW));
    expect(uscc.validate(last?.credit_code).valid).toBe(true);
  });
});
