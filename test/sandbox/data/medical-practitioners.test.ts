import { describe, expect, it } from 'vitest';
import { certificate } from '../../../src/ids/index.js';
import { medicalPractitioners, NURSE_SHARE, REGISTERED_SHARE } from '../../../src/sandbox/data/index.js';
import { NOW, rows } from './rows.js';

describe('zj-medical-practitioners', () => {
  const sample = rows(medicalPractitioners, 5_000);

  it('issues 15-digit certificate numbers that pass the certificate check of their kind', () => {
    for (const row of sample) {
      const kind = row.category === '护士' ? 'nurse' : 'medical-practitioner';
      expect(certificate.validate(row.cert_no, kind), String(row.cert_no)).toMatchObject({ valid: true });
      expect(row.cert_no as string).toMatch(/^[123][1-5]330[12]\d{9}$/);
    }
  });

  it('never repeats a certificate number', () => {
    const numbers = Array.from({ length: 50_000 }, (_, i) => medicalPractitioners.row(3, i, NOW).cert_no);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('has about 40% nurses and 97% registered certificates', () => {
    const nurses = sample.filter((row) => row.category === '护士').length / sample.length;
    const registered = sample.filter((row) => row.status === '注册').length / sample.length;
    expect(Math.abs(nurses - NURSE_SHARE)).toBeLessThan(0.03);
    expect(Math.abs(registered - REGISTERED_SHARE)).toBeLessThan(0.01);
    expect(new Set(sample.map((row) => row.status))).toEqual(new Set(['注册', '注销']));
    expect(new Set(sample.map((row) => row.category))).toEqual(new Set(['临床', '口腔', '公共卫生', '中医', '护士']));
  });

  it('generates full names and declares the name column as masked', () => {
    expect(medicalPractitioners.columns.find((column) => column.name === 'name')).toMatchObject({ pinyin: 'XM', masked: 'name' });
    for (const row of sample) expect(row.name as string).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });

  it('places practitioners in Hangzhou and Ningbo institutions', () => {
    for (const row of sample) expect(row.institution as string).toMatch(/医院|卫生服务中心/);
    const cities = new Set(sample.map((row) => (row.cert_no as string).slice(2, 6)));
    expect(cities).toEqual(new Set(['3301', '3302']));
  });
});
