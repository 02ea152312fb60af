import { describe, expect, it } from 'vitest';
import { organizationCode, uscc } from '../../src/ids/index.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Deterministic small generator so the generated cases are the same on every run. */
function* lcg(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    yield state / 2 ** 32;
  }
}

function generatedCodes(count: number): string[] {
  const random = lcg(7);
  const next = () => random.next().value as number;
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const region = String(330000 + Math.floor(next() * 2000)).padStart(6, '0');
    let body = 'MA';
    for (let j = 0; j < 6; j++) body += ALPHABET[Math.floor(next() * 31)];
    const code = uscc.generate({ authority: '9', type: next() < 0.5 ? '1' : '2', region, orgCode: body });
    if (code) codes.push(code);
  }
  return codes;
}

describe('uscc.validate', () => {
  it('accepts the example of the public API and splits it into its parts', () => {
    expect(uscc.validate('91330108MA27YJ5H56')).toEqual({
      valid: true,
      value: '91330108MA27YJ5H56',
      warnings: [],
      parts: {
        authority: { code: '9', name: '工商' },
        type: { code: '1', name: '企业' },
        region: '330108',
        orgCode: 'MA27YJ5H5',
      },
    });
  });

  it('rejects a wrong check character', () => {
    expect(uscc.validate('91330108MA27YJ5H57')).toEqual({ valid: false, reason: 'check_character', warnings: [] });
  });

  it('accepts real published codes', () => {
    // Published on each company's licence page and in the national enterprise credit
    // information publicity system (www.gsxt.gov.cn):
    // 阿里巴巴（中国）有限公司, 腾讯科技（深圳）有限公司, 华为技术有限公司, 小米科技有限责任公司.
    for (const code of ['91330100799655058B', '9144030071526726XG', '914403001922038216', '91110108551385082Q']) {
      const result = uscc.validate(code);
      expect(result).toMatchObject({ valid: true, warnings: [] });
    }
  });

  it('normalises spaces, lower case and full-width characters', () => {
    expect(uscc.validate('  91330108ma27yj5h56 ')).toMatchObject({ valid: true, value: '91330108MA27YJ5H56' });
    expect(uscc.validate('９１３３０１０８ＭＡ２７ＹＪ５Ｈ５６')).toMatchObject({ valid: true, value: '91330108MA27YJ5H56' });
    expect(uscc.validate('\u300091330108MA27YJ5H56\u3000')).toMatchObject({ valid: true });
  });

  it('never rejects an unknown or historical region', () => {
    const code = uscc.generate({ region: '100000', orgCode: 'MA27YJ5H' });
    expect(code).toBeDefined();
    expect(uscc.validate(code)).toMatchObject({ valid: true, parts: { region: '100000' } });
    const oldRegion = uscc.generate({ region: '339001', orgCode: '14429120' });
    expect(uscc.validate(oldRegion)).toMatchObject({ valid: true, warnings: [] });
  });

  it('warns instead of failing when the embedded organisation code has a wrong check character', () => {
    // MA27YJ5H's organisation-code check is 5; 6 is wrong but the USCC check is recomputed.
    const first17 = '91330108MA27YJ5H6';
    const code = first17 + uscc.checkCharacter(first17);
    expect(uscc.validate(code)).toMatchObject({ valid: true, warnings: ['org_code_check'] });
  });

  it('names the authority and type of non-enterprise codes and warns on unknown ones', () => {
    const social = uscc.generate({ authority: '5', type: '2', region: '330106', orgCode: 'MJ0012345' });
    // MJ0012345 may carry a wrong organisation check; only the names matter here.
    expect(uscc.validate(social)).toMatchObject({ valid: true, parts: { authority: { name: '民政' }, type: { name: '民办非企业单位' } } });
    const unknownAuthority = uscc.generate({ authority: 'B', type: '1', region: '330106', orgCode: 'MA27YJ5H' });
    expect(uscc.validate(unknownAuthority)).toMatchObject({
      valid: true,
      warnings: ['unknown_authority'],
      parts: { authority: { code: 'B', name: null } },
    });
    const unknownType = uscc.generate({ authority: '9', type: '9', region: '330106', orgCode: 'MA27YJ5H' });
    expect(uscc.validate(unknownType)).toMatchObject({ valid: true, warnings: ['unknown_type'], parts: { type: { name: null } } });
  });

  it('accepts generated codes and rejects every single-character change of them', () => {
    const codes = generatedCodes(40);
    expect(codes.length).toBe(40);
    for (const code of codes) {
      expect(uscc.validate(code)).toMatchObject({ valid: true, warnings: [] });
      for (let position = 0; position < 18; position++) {
        for (const replacement of ALPHABET) {
          if (replacement === code[position]) continue;
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          const result = uscc.validate(changed);
          expect(result.valid, changed).toBe(false);
        }
      }
    }
  });

  it('answers malformed input of every kind with valid: false and a reason', () => {
    const cases: [unknown, string][] = [
      [undefined, 'empty'],
      [null, 'empty'],
      ['', 'empty'],
      ['   ', 'empty'],
      [913301080000000, 'type'],
      [{ code: '91330108MA27YJ5H56' }, 'type'],
      [['91330108MA27YJ5H56'], 'type'],
      [true, 'type'],
      ['91330108MA27YJ5H5', 'length'],
      ['91330108MA27YJ5H566', 'length'],
      ['91330108MA27YJ5I56', 'character'],
      ['91330108MA27YJ5O56', 'character'],
      ['91330108MA27-J5H56', 'character'],
      ['913301０８MA27YJ5H5😀', 'length'],
      ['9133A108MA27YJ5H56', 'region'],
    ];
    for (const [input, reason] of cases) {
      expect(uscc.validate(input), String(input)).toEqual({ valid: false, reason, warnings: [] });
    }
  });

  it('builds codes with generate and refuses malformed parts', () => {
    expect(uscc.generate({ region: '330108', orgCode: 'MA27YJ5H' })).toBe('91330108MA27YJ5H56');
    expect(uscc.generate({ region: '330108', orgCode: 'MA27YJ5H5' })).toBe('91330108MA27YJ5H56');
    expect(uscc.generate({ region: '33010', orgCode: 'MA27YJ5H' })).toBeUndefined();
    expect(uscc.generate({ region: '330108', orgCode: 'ma27yj5h' })).toBeUndefined();
    expect(uscc.generate({ region: '330108', orgCode: 'MA27YJ5I' })).toBeUndefined();
    expect(uscc.checkCharacter('91330108MA27YJ5H5')).toBe('6');
    expect(uscc.checkCharacter('short')).toBeUndefined();
    expect(uscc.generate({} as never)).toBeUndefined();
    expect(uscc.generate(null as never)).toBeUndefined();
  });
});

describe('organizationCode', () => {
  it('computes the GB 11714 check character, with X for 10 and 0 for 11', () => {
    expect(organizationCode.checkCharacter('MA27YJ5H')).toBe('5');
    expect(organizationCode.checkCharacter('79965505')).toBe('8');
    expect(organizationCode.checkCharacter('71526726')).toBe('X');
    expect(organizationCode.checkCharacter('19220382')).toBe('1');
    expect(organizationCode.checkCharacter('10000004')).toBe('0');
    expect(organizationCode.checkCharacter('1000000')).toBeUndefined();
    expect(organizationCode.checkCharacter('ma27yj5h')).toBeUndefined();
  });

  it('validates codes with or without the printed hyphen and rejects bad ones', () => {
    expect(organizationCode.validate('79965505-8')).toEqual({ valid: true, value: '799655058' });
    expect(organizationCode.validate('71526726x')).toEqual({ valid: true, value: '71526726X' });
    expect(organizationCode.validate('799655059')).toEqual({ valid: false, reason: 'check_character' });
    expect(organizationCode.validate('7996550')).toEqual({ valid: false, reason: 'length' });
    expect(organizationCode.validate('79965?058')).toEqual({ valid: false, reason: 'character' });
    expect(organizationCode.validate(null)).toEqual({ valid: false, reason: 'empty' });
    expect(organizationCode.validate(42)).toEqual({ valid: false, reason: 'type' });
  });
});
