import { describe, expect, it } from 'vitest';
import { foodLicense, mod11_10CheckDigit } from '../../src/ids/index.js';

describe('foodLicense.validate', () => {
  it('accepts the example of the public API and splits it into its parts', () => {
    expect(foodLicense.validate('JY13301080111719')).toEqual({
      valid: true,
      value: 'JY13301080111719',
      kind: 'food-business',
      warnings: [],
      parts: { category: '1', province: '33', city: '01', county: '08', sequence: '011171', checkDigit: '9' },
    });
    expect(foodLicense.validate('JY23302030012343')).toMatchObject({ valid: true, warnings: [] });
  });

  it('keeps a number with a wrong check digit valid but warns about it', () => {
    expect(foodLicense.validate('JY13301080111718')).toMatchObject({ valid: true, kind: 'food-business', warnings: ['check_digit'] });
  });

  it('reads production licences as food-production with a three-digit category', () => {
    const first13 = '1063301080012';
    const number = `SC${first13}${foodLicense.checkDigit(first13)}`;
    expect(foodLicense.validate(number)).toEqual({
      valid: true,
      value: number,
      kind: 'food-production',
      warnings: [],
      parts: { category: '106', province: '33', city: '01', county: '08', sequence: '0012', checkDigit: number[15] },
    });
  });

  it('normalises case, spaces and full-width characters', () => {
    expect(foodLicense.validate(' jy13301080111719 ')).toMatchObject({ valid: true, value: 'JY13301080111719' });
    expect(foodLicense.validate('ＪＹ１３３０１０８０１１１７１９')).toMatchObject({ valid: true });
  });

  it('answers malformed input of every kind with valid: false and a reason', () => {
    const cases: [unknown, string][] = [
      [undefined, 'empty'],
      [null, 'empty'],
      ['', 'empty'],
      [13301080111719, 'type'],
      [{ number: 'JY13301080111719' }, 'type'],
      ['XK13301080111719', 'prefix'],
      ['13301080111719', 'prefix'],
      ['JY1330108011171', 'length'],
      ['JY133010801117190', 'length'],
      ['JY1330108011171A', 'character'],
      ['JY43301080111719', 'character'],
      ['SC33301080111719', 'character'],
    ];
    for (const [input, reason] of cases) {
      expect(foodLicense.validate(input), String(input)).toEqual({ valid: false, reason, warnings: [] });
    }
  });
});

describe('MOD 11,10 check digits', () => {
  it('computes the ISO 7064 hybrid check digit', () => {
    expect(mod11_10CheckDigit('1330108011171')).toBe('9');
    expect(mod11_10CheckDigit('2330203001234')).toBe('3');
    expect(mod11_10CheckDigit('')).toBeUndefined();
    expect(mod11_10CheckDigit('12a')).toBeUndefined();
  });

  it('makes the running ISO 7064 sum end at 1 when the check digit is appended', () => {
    // ISO 7064 verification form: a valid string leaves (product + last digit) mod 10 === 1.
    for (const first13 of ['1330108011171', '2330212004321', '3330281999999', '1063301080012', '0000000000000']) {
      const digits = first13 + mod11_10CheckDigit(first13);
      let product = 10;
      let sum = 0;
      for (const char of digits) {
        sum = (product + Number(char)) % 10;
        product = ((sum || 10) * 2) % 11;
      }
      expect(sum, digits).toBe(1);
    }
  });

  it('detects every single-digit change of a number', () => {
    const first13 = '2330212004321';
    const number = first13 + foodLicense.checkDigit(first13);
    for (let position = 0; position < 14; position++) {
      for (const digit of '0123456789') {
        if (digit === number[position]) continue;
        const changed = number.slice(0, position) + digit + number.slice(position + 1);
        expect(mod11_10CheckDigit(changed.slice(0, 13)) === changed[13], changed).toBe(false);
      }
    }
  });

  it('accepts the licence prefix in checkDigit and refuses other input', () => {
    expect(foodLicense.checkDigit('JY1330108011171')).toBe('9');
    expect(foodLicense.checkDigit('133010801117')).toBeUndefined();
    expect(foodLicense.checkDigit(42 as unknown as string)).toBeUndefined();
  });
});
