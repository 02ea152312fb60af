import { calendarDate } from './calendar-date.js';
import { normalizeCode } from './normalize-code.js';

/** Why a resident identity number was rejected. */
export type ResidentIdReason = 'type' | 'empty' | 'length' | 'character' | 'birth_date' | 'check_character';

/** The parts of a valid resident identity number. */
export interface ResidentIdParts {
  /** Administrative division code of the first registration, positions 1–6. */
  readonly region: string;
  /** `YYYY-MM-DD`, positions 7–14. */
  readonly birthDate: string;
  /** From the parity of position 17: odd is male. */
  readonly sex: 'male' | 'female';
}

/** Result of {@link residentId.validate}. */
export type ResidentIdValidation =
  | { readonly valid: true; readonly value: string; readonly warnings: string[]; readonly parts: ResidentIdParts }
  | { readonly valid: false; readonly reason: ResidentIdReason; readonly warnings: string[] };

/** What {@link residentId.generate} needs to build a number. */
export interface ResidentIdInput {
  readonly region: string;
  /** `YYYY-MM-DD` or `YYYYMMDD`. */
  readonly birthDate: string;
  /** Order code, 0–999; its parity is replaced to match `sex` when that is given. */
  readonly sequence: number;
  readonly sex?: 'male' | 'female';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
/** Earliest birth year accepted: older numbers cannot belong to a living person. */
const MIN_YEAR = 1880;

function checkCharacter(first17: string): string | undefined {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11];
}

function birthDateOf(digits: string, today: Date): string | undefined {
  const date = calendarDate(digits);
  if (date === undefined || Number(digits.slice(0, 4)) < MIN_YEAR) return undefined;
  return date > today.toISOString().slice(0, 10) ? undefined : date;
}

/**
 * The 18-digit citizen identity number of GB 11643-1999 (公民身份号码): region, birth date,
 * order code (odd for men) and an ISO 7064 MOD 11-2 check character.
 */
export const residentId = {
  /**
   * Validates a number offline: 17 digits, a real birth date not in the future, and the check
   * character (`X` in either case). Never throws.
   * @example residentId.validate('11010519491231002X').parts // { region: '110105', birthDate: '1949-12-31', sex: 'female' }
   */
  validate(input: unknown): ResidentIdValidation {
    const value = normalizeCode(input);
    if (value === undefined) return { valid: false, reason: input == null ? 'empty' : 'type', warnings: [] };
    if (value === '') return { valid: false, reason: 'empty', warnings: [] };
    if (value.length !== 18) return { valid: false, reason: 'length', warnings: [] };
    if (!/^\d{17}[\dX]$/.test(value)) return { valid: false, reason: 'character', warnings: [] };
    const birthDate = birthDateOf(value.slice(6, 14), new Date());
    if (birthDate === undefined) return { valid: false, reason: 'birth_date', warnings: [] };
    if (checkCharacter(value.slice(0, 17)) !== value[17]) return { valid: false, reason: 'check_character', warnings: [] };
    const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
    return { valid: true, value, warnings: [], parts: { region: value.slice(0, 6), birthDate, sex } };
  },

  /**
   * The check character of the first 17 digits, or `undefined` when they are not 17 digits.
   * @example residentId.checkCharacter('11010519491231002') // 'X'
   */
  checkCharacter,

  /**
   * Converts a 15-digit number (issued before 1999, birth year without century) to 18 digits
   * by inserting `19` and appending the check character. Returns `undefined` for anything else.
   * @example residentId.from15('110105491231002') // '11010519491231002X'
   */
  from15(id15: unknown): string | undefined {
    const value = normalizeCode(id15);
    if (value === undefined || !/^\d{15}$/.test(value)) return undefined;
    const first17 = value.slice(0, 6) + '19' + value.slice(6);
    if (calendarDate(first17.slice(6, 14)) === undefined) return undefined;
    return first17 + (checkCharacter(first17) as string);
  },

  /**
   * Builds a number with a correct check character. Returns `undefined` when a part is malformed.
   * @example residentId.generate({ region: '330106', birthDate: '1990-01-01', sequence: 123 })
   */
  generate(input: ResidentIdInput): string | undefined {
    if (typeof input?.region !== 'string' || typeof input.birthDate !== 'string') return undefined;
    const date = input.birthDate.replaceAll('-', '');
    if (!/^\d{6}$/.test(input.region) || calendarDate(date) === undefined) return undefined;
    if (!Number.isInteger(input.sequence) || input.sequence < 0 || input.sequence > 999) return undefined;
    let sequence = input.sequence;
    if (input.sex !== undefined) {
      const odd = sequence % 2 === 1;
      if (odd !== (input.sex === 'male')) sequence = sequence === 999 ? 998 : sequence + 1;
    }
    const first17 = input.region + date + String(sequence).padStart(3, '0');
    return first17 + (checkCharacter(first17) as string);
  },
} as const;
