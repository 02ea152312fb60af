import { describe, expect, it } from 'vitest';
import { certificate } from '../../src/ids/index.js';

describe('certificate.validate', () => {
  it('accepts 15-digit practitioner certificate codes', () => {
    expect(certificate.validate('110330100001234')).toEqual({
      valid: true,
      value: '110330100001234',
      kind: 'medical-practitioner',
      warnings: [],
    });
  });

  it('accepts 12- and 15-digit nurse certificate numbers', () => {
    expect(certificate.validate('201433012345', 'nurse')).toMatchObject({ valid: true, kind: 'nurse' });
    expect(certificate.validate('353301123456789', 'nurse')).toMatchObject({ valid: true, kind: 'nurse' });
  });

  it('checks the format only, since no check character is published', () => {
    expect(certificate.validate('110330100001235').valid).toBe(true);
    expect(certificate.validate('201433012345')).toEqual({ valid: false, reason: 'length', warnings: [] });
  });

  it('answers malformed input of every kind with valid: false and a reason', () => {
    const cases: [unknown, string][] = [
      [undefined, 'empty'],
      [null, 'empty'],
      [' ', 'empty'],
      [110330100001234, 'type'],
      [[], 'type'],
      ['11033010000123X', 'character'],
      ['1103301-0001234', 'character'],
      ['11033010000123', 'length'],
    ];
    for (const [input, reason] of cases) {
      expect(certificate.validate(input), String(input)).toEqual({ valid: false, reason, warnings: [] });
    }
  });
});
