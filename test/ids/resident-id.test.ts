import { describe, expect, it } from 'vitest';
import { residentId } from '../../src/ids/index.js';

function generatedIds(): string[] {
  const ids: string[] = [];
  const regions = ['330106', '330212', '110105', '440524'];
  for (let i = 0; i < 40; i++) {
    const year = 1940 + ((i * 7) % 80);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + ((i * 5) % 28)).padStart(2, '0');
    const id = residentId.generate({
      region: regions[i % regions.length] as string,
      birthDate: `${year}-${month}-${day}`,
      sequence: (i * 37) % 1000,
      sex: i % 2 === 0 ? 'male' : 'female',
    });
    if (id) ids.push(id);
  }
  return ids;
}

describe('residentId.validate', () => {
  it('accepts the examples of GB 11643-1999 and reads their parts', () => {
    expect(residentId.validate('11010519491231002X')).toEqual({
      valid: true,
      value: '11010519491231002X',
      warnings: [],
      parts: { region: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    expect(residentId.validate('440524188001010014')).toMatchObject({
      valid: true,
      parts: { region: '440524', birthDate: '1880-01-01', sex: 'male' },
    });
  });

  it('accepts a lower-case x and full-width digits', () => {
    expect(residentId.validate('11010519491231002x')).toMatchObject({ valid: true, value: '11010519491231002X' });
    expect(residentId.validate('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ valid: true });
  });

  it('rejects a wrong check character', () => {
    expect(residentId.validate('110105194912310021')).toEqual({ valid: false, reason: 'check_character', warnings: [] });
  });

  it('rejects birth dates that do not exist or lie in the future', () => {
    const feb30 = residentId.generate({ region: '330106', birthDate: '1990-02-28', sequence: 1 }) as string;
    const broken = `${feb30.slice(0, 12)}30${feb30.slice(14, 17)}`;
    expect(residentId.validate(broken + residentId.checkCharacter(broken))).toMatchObject({ valid: false, reason: 'birth_date' });
    const future = `330106${new Date().getUTCFullYear() + 1}0101123`;
    expect(residentId.validate(future + residentId.checkCharacter(future))).toMatchObject({ valid: false, reason: 'birth_date' });
    const ancient = '33010617000101123';
    expect(residentId.validate(ancient + residentId.checkCharacter(ancient))).toMatchObject({ valid: false, reason: 'birth_date' });
  });

  it('accepts generated numbers and rejects every single-character change of them', () => {
    const ids = generatedIds();
    expect(ids.length).toBe(40);
    for (const id of ids) {
      expect(residentId.validate(id)).toMatchObject({ valid: true });
      for (let position = 0; position < 18; position++) {
        for (const replacement of '0123456789X') {
          if (replacement === id[position]) continue;
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(residentId.validate(changed).valid, changed).toBe(false);
        }
      }
    }
  });

  it('answers malformed input of every kind with valid: false and a reason', () => {
    const cases: [unknown, string][] = [
      [undefined, 'empty'],
      [null, 'empty'],
      ['', 'empty'],
      [11010519491231002, 'type'],
      [{}, 'type'],
      [Symbol('id'), 'type'],
      ['1101051949123100', 'length'],
      ['110105491231002', 'length'],
      ['11010519491231002XX', 'length'],
      ['1101051949123100XX', 'character'],
      ['11010519491231-02X', 'character'],
      ['110105194913310021', 'birth_date'],
    ];
    for (const [input, reason] of cases) {
      expect(residentId.validate(input), String(input)).toEqual({ valid: false, reason, warnings: [] });
    }
  });
});

describe('residentId helpers', () => {
  it('converts a 15-digit number to 18 digits by inserting 19 and a check character', () => {
    expect(residentId.from15('110105491231002')).toBe('11010519491231002X');
    expect(residentId.from15(' 110105491231002 ')).toBe('11010519491231002X');
  });

  it('refuses to convert anything that is not a 15-digit number with a real date', () => {
    expect(residentId.from15('11010549123100')).toBeUndefined();
    expect(residentId.from15('110105491331002')).toBeUndefined();
    expect(residentId.from15(110105491231002)).toBeUndefined();
    expect(residentId.from15(null)).toBeUndefined();
  });

  it('generates numbers whose sex digit matches the requested sex', () => {
    const male = residentId.generate({ region: '330106', birthDate: '1990-01-01', sequence: 122, sex: 'male' });
    const female = residentId.generate({ region: '330106', birthDate: '19900101', sequence: 999, sex: 'female' });
    expect(residentId.validate(male)).toMatchObject({ valid: true, parts: { sex: 'male', birthDate: '1990-01-01' } });
    expect(residentId.validate(female)).toMatchObject({ valid: true, parts: { sex: 'female' } });
    expect(residentId.generate({ region: '33010', birthDate: '1990-01-01', sequence: 1 })).toBeUndefined();
    expect(residentId.generate({ region: '330106', birthDate: '1990-02-30', sequence: 1 })).toBeUndefined();
    expect(residentId.generate({ region: '330106', birthDate: '1990-01-01', sequence: 1000 })).toBeUndefined();
    expect(residentId.generate({ region: 330106 } as never)).toBeUndefined();
  });
});
