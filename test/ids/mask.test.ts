import { describe, expect, it } from 'vitest';
import { mask } from '../../src/ids/index.js';

describe('mask', () => {
  it('keeps the region and the last four characters of a resident ID', () => {
    expect(mask.residentId('330106199001011234')).toBe('330106********1234');
    expect(mask.residentId('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(mask.phone('13812345678')).toBe('138****5678');
  });

  it('keeps only the surname of a Chinese name and the first letter of a Latin one', () => {
    expect(mask.name('张三丰')).toBe('张**');
    expect(mask.name('张三')).toBe('张*');
    expect(mask.name('欧阳娜娜')).toBe('欧***');
    expect(mask.name('John Smith')).toBe('J*** *****');
    expect(mask.name('')).toBe('');
  });

  it('returns an empty string for values that are not strings', () => {
    expect(mask.name(null as unknown as string)).toBe('');
    expect(mask.phone(13812345678 as unknown as string)).toBe('');
    expect(mask.residentId(undefined as unknown as string)).toBe('');
  });

  it('redacts resident IDs and phone numbers anywhere inside a record without changing it', () => {
    const record = {
      holder: '宁波市鄞州区云帆餐饮店',
      contact: '负责人身份证330106199001011234，电话13812345678',
      phones: ['+86 13912345678', '8613712345678'],
      nested: { note: 'ID 11010519491231002x' },
      count: 3,
      missing: null,
    };
    const copy = structuredClone(record);
    expect(mask.redact(record)).toEqual({
      holder: '宁波市鄞州区云帆餐饮店',
      contact: '负责人身份证330106********1234，电话138****5678',
      phones: ['+86 139****5678', '86137****5678'],
      nested: { note: 'ID 110105********002x' },
      count: 3,
      missing: null,
    });
    expect(record).toEqual(copy);
  });

  it('leaves credit codes, licence numbers, certificate numbers and other digits alone', () => {
    const record = {
      credit_code: '91330108MA27YJ5H56',
      license_no: 'JY13301080111719',
      cert_no: '113302967887007',
      order: '2026112012345678901234',
      phone_in_longer_number: '813812345678',
    };
    expect(mask.redact(record)).toEqual(record);
  });

  it('handles arrays, primitives and cyclic objects', () => {
    expect(mask.redact(['13812345678', 1])).toEqual(['138****5678', 1]);
    expect(mask.redact('13812345678')).toBe('138****5678');
    expect(mask.redact(42)).toBe(42);
    expect(mask.redact(undefined)).toBeUndefined();
    const cyclic: Record<string, unknown> = { phone: '13812345678' };
    cyclic.self = cyclic;
    const redacted = mask.redact(cyclic);
    expect(redacted.phone).toBe('138****5678');
    expect(redacted.self).toBe(redacted);
  });
});
