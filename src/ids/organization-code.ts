import { normalizeCode } from './normalize-code.js';

/** Why an organisation code was rejected. */
export type OrganizationCodeReason = 'type' | 'empty' | 'length' | 'character' | 'check_character';

/** Result of {@link organizationCode.validate}. */
export type OrganizationCodeValidation =
  | { readonly valid: true; readonly value: string }
  | { readonly valid: false; readonly reason: OrganizationCodeReason };

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY = /^[0-9A-Z]{8}$/;

/** GB 11714: digits keep their value, letters A–Z count 10–35. */
function charValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/**
 * GB 11714-1997 organisation code (组织机构代码): 8 body characters and a check character.
 * Since 2015 it is embedded as positions 9–17 of every unified social credit code.
 */
export const organizationCode = {
  /**
   * The check character of an 8-character body: `11 − Σ value·weight mod 11`, with 10 → `X`
   * and 11 → `0`. Returns `undefined` when the body is not 8 digits or capital letters.
   * @example organizationCode.checkCharacter('MA27YJ5H') // '5'
   */
  checkCharacter(body: string): string | undefined {
    if (typeof body !== 'string' || !BODY.test(body)) return undefined;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += charValue(body[i] as string) * (WEIGHTS[i] as number);
    const check = 11 - (sum % 11);
    return check === 10 ? 'X' : check === 11 ? '0' : String(check);
  },

  /**
   * Validates a 9-character organisation code (an optional `-` before the check character, as
   * printed on old certificates, is accepted). Never throws.
   * @example organizationCode.validate('MA27YJ5H5') // { valid: true, value: 'MA27YJ5H5' }
   */
  validate(input: unknown): OrganizationCodeValidation {
    const normalized = normalizeCode(input);
    if (normalized === undefined) return input == null ? { valid: false, reason: 'empty' } : { valid: false, reason: 'type' };
    const value = normalized.length === 10 && normalized[8] === '-' ? normalized.slice(0, 8) + normalized.slice(9) : normalized;
    if (value === '') return { valid: false, reason: 'empty' };
    if (value.length !== 9) return { valid: false, reason: 'length' };
    if (!/^[0-9A-Z]{8}[0-9X]$/.test(value)) return { valid: false, reason: 'character' };
    if (organizationCode.checkCharacter(value.slice(0, 8)) !== value[8]) return { valid: false, reason: 'check_character' };
    return { valid: true, value };
  },
};
