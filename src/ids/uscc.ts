import { normalizeCode } from './normalize-code.js';
import { organizationCode } from './organization-code.js';
import { USCC_AUTHORITIES } from './uscc-authorities.js';

/** Why a unified social credit code was rejected. */
export type UsccReason = 'type' | 'empty' | 'length' | 'character' | 'region' | 'check_character';

/**
 * Findings that do not make a code invalid: `org_code_check` (the embedded GB 11714 check
 * character does not match, as on some codes converted from old registrations),
 * `unknown_authority`, `unknown_type`.
 */
export type UsccWarning = 'org_code_check' | 'unknown_authority' | 'unknown_type';

/** A coded value with its name from the standard's tables, `null` when the code is not in them. */
export interface CodedValue {
  readonly code: string;
  readonly name: string | null;
}

/** The parts of a valid unified social credit code. */
export interface UsccParts {
  /** Registration authority, position 1 (e.g. `{ code: '9', name: '工商' }`). */
  readonly authority: CodedValue;
  /** Organisation type within the authority, position 2 (e.g. `{ code: '1', name: '企业' }`). */
  readonly type: CodedValue;
  /** Administrative division code of the registering authority, positions 3–8. */
  readonly region: string;
  /** GB 11714 organisation code, positions 9–17 (check character included). */
  readonly orgCode: string;
}

/** Result of {@link uscc.validate}. */
export type UsccValidation =
  | { readonly valid: true; readonly value: string; readonly warnings: UsccWarning[]; readonly parts: UsccParts }
  | { readonly valid: false; readonly reason: UsccReason; readonly warnings: UsccWarning[] };

/** What {@link uscc.generate} needs to build a code. */
export interface UsccInput {
  /** Registration authority code. @default '9' */
  readonly authority?: string;
  /** Organisation type code. @default '1' */
  readonly type?: string;
  /** Six-digit administrative division code. */
  readonly region: string;
  /** Organisation code: 8 body characters (the check character is computed) or all 9. */
  readonly orgCode: string;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CHARACTERS = /^[0-9A-HJ-NP-RT-UW-Y]+$/;

function checkCharacter(first17: string): string | undefined {
  if (typeof first17 !== 'string' || first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] as string);
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] as number);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of every Chinese company,
 * institution and organisation: 18 characters from a 31-character alphabet.
 */
export const uscc = {
  /**
   * Validates a code offline. Input is trimmed, upper-cased and converted from full-width.
   * Unknown regions are never rejected (historical and `100000` codes are legitimate); a
   * wrong embedded organisation-code check is a warning, not an error. Never throws.
   * @example uscc.validate('91330108MA27YJ5H56').valid // true
   * @example uscc.validate('91330108MA27YJ5H57') // { valid: false, reason: 'check_character', warnings: [] }
   */
  validate(input: unknown): UsccValidation {
    const value = normalizeCode(input);
    if (value === undefined) return { valid: false, reason: input == null ? 'empty' : 'type', warnings: [] };
    if (value === '') return { valid: false, reason: 'empty', warnings: [] };
    if (value.length !== 18) return { valid: false, reason: 'length', warnings: [] };
    if (!CHARACTERS.test(value)) return { valid: false, reason: 'character', warnings: [] };
    const region = value.slice(2, 8);
    if (!/^\d{6}$/.test(region)) return { valid: false, reason: 'region', warnings: [] };
    if (checkCharacter(value.slice(0, 17)) !== value[17]) return { valid: false, reason: 'check_character', warnings: [] };

    const warnings: UsccWarning[] = [];
    const orgCode = value.slice(8, 17);
    if (organizationCode.checkCharacter(orgCode.slice(0, 8)) !== orgCode[8]) warnings.push('org_code_check');
    const authorityCode = value[0] as string;
    const typeCode = value[1] as string;
    const authority = USCC_AUTHORITIES[authorityCode];
    const typeName = authority?.types[typeCode] ?? null;
    if (!authority) warnings.push('unknown_authority');
    else if (typeName === null) warnings.push('unknown_type');
    return {
      valid: true,
      value,
      warnings,
      parts: {
        authority: { code: authorityCode, name: authority?.name ?? null },
        type: { code: typeCode, name: typeName },
        region,
        orgCode,
      },
    };
  },

  /**
   * The check character (position 18) of the first 17 characters, or `undefined` when they are
   * not 17 characters of the code alphabet.
   * @example uscc.checkCharacter('91330108MA27YJ5H5') // '6'
   */
  checkCharacter,

  /**
   * Builds a code with correct check characters. Returns `undefined` when a part is malformed.
   * @example uscc.generate({ region: '330108', orgCode: 'MA27YJ5H' }) // '91330108MA27YJ5H56'
   */
  generate(input: UsccInput): string | undefined {
    if (typeof input?.region !== 'string' || typeof input.orgCode !== 'string') return undefined;
    const authority = input.authority ?? '9';
    const type = input.type ?? '1';
    if (!/^\d{6}$/.test(input.region)) return undefined;
    let org = input.orgCode;
    if (org.length === 8) {
      const check = organizationCode.checkCharacter(org);
      if (check === undefined) return undefined;
      org += check;
    }
    const first17 = authority + type + input.region + org;
    const check = checkCharacter(first17);
    return check === undefined ? undefined : first17 + check;
  },
} as const;
