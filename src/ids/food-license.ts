import { mod11_10CheckDigit } from './mod-11-10.js';
import { normalizeCode } from './normalize-code.js';

/** Why a food licence number was rejected. */
export type FoodLicenseReason = 'type' | 'empty' | 'length' | 'prefix' | 'character';

/**
 * `check_digit`: the last digit is not the MOD 11,10 check digit. The issuing algorithm is not
 * published, so this is only a hint; the licence dataset decides whether the number exists.
 */
export type FoodLicenseWarning = 'check_digit';

/** `food-business` for 食品经营许可证 (JY), `food-production` for 食品生产许可证 (SC). */
export type FoodLicenseKind = 'food-business' | 'food-production';

/** The parts of a valid food licence number. */
export interface FoodLicenseParts {
  /**
   * JY: the main business type digit (1 食品销售经营者, 2 餐饮服务经营者, 3 单位食堂).
   * SC: the three-digit food category (first digit 1 food, 2 food additives).
   */
  readonly category: string;
  readonly province: string;
  readonly city: string;
  readonly county: string;
  /** Sequence within the county: 6 digits for JY, 4 for SC. */
  readonly sequence: string;
  readonly checkDigit: string;
}

/** Result of {@link foodLicense.validate}. */
export type FoodLicenseValidation =
  | {
      readonly valid: true;
      readonly value: string;
      readonly kind: FoodLicenseKind;
      readonly warnings: FoodLicenseWarning[];
      readonly parts: FoodLicenseParts;
    }
  | { readonly valid: false; readonly reason: FoodLicenseReason; readonly warnings: FoodLicenseWarning[] };

const JY_TYPES: Readonly<Record<string, string>> = { '1': '食品销售经营者', '2': '餐饮服务经营者', '3': '单位食堂' };

/**
 * Chinese food licence numbers: 食品经营许可证 `JY` + 14 digits and 食品生产许可证 `SC` + 14
 * digits, the last one a check digit over the 13 before it.
 */
export const foodLicense = {
  /**
   * Validates a number offline. A wrong check digit is a warning, never a rejection. Never throws.
   * @example foodLicense.validate('JY13301080111719') // { valid: true, kind: 'food-business', warnings: [], … }
   */
  validate(input: unknown): FoodLicenseValidation {
    const value = normalizeCode(input);
    if (value === undefined) return { valid: false, reason: input == null ? 'empty' : 'type', warnings: [] };
    if (value === '') return { valid: false, reason: 'empty', warnings: [] };
    const prefix = value.slice(0, 2);
    if (prefix !== 'JY' && prefix !== 'SC') return { valid: false, reason: 'prefix', warnings: [] };
    if (value.length !== 16) return { valid: false, reason: 'length', warnings: [] };
    const digits = value.slice(2);
    if (!/^\d{14}$/.test(digits)) return { valid: false, reason: 'character', warnings: [] };
    const first = digits[0] as string;
    if (prefix === 'JY' ? JY_TYPES[first] === undefined : first !== '1' && first !== '2') {
      return { valid: false, reason: 'character', warnings: [] };
    }
    const warnings: FoodLicenseWarning[] = mod11_10CheckDigit(digits.slice(0, 13)) === digits[13] ? [] : ['check_digit'];
    const head = prefix === 'JY' ? 1 : 3;
    const parts: FoodLicenseParts = {
      category: digits.slice(0, head),
      province: digits.slice(head, head + 2),
      city: digits.slice(head + 2, head + 4),
      county: digits.slice(head + 4, head + 6),
      sequence: digits.slice(head + 6, 13),
      checkDigit: digits[13] as string,
    };
    return { valid: true, value, kind: prefix === 'JY' ? 'food-business' : 'food-production', warnings, parts };
  },

  /**
   * The MOD 11,10 check digit for the 13 digits after `JY`/`SC` (a full prefix is accepted
   * too), or `undefined` when they are not 13 digits.
   * @example foodLicense.checkDigit('JY1330108011171') // '9'
   */
  checkDigit(first13: string): string | undefined {
    if (typeof first13 !== 'string') return undefined;
    const digits = /^(JY|SC)/i.test(first13) ? first13.slice(2) : first13;
    return /^\d{13}$/.test(digits) ? mod11_10CheckDigit(digits) : undefined;
  },

  /** Names of the JY main business type digit (主体业态). */
  businessTypes: JY_TYPES,
} as const;
