import { normalizeCode } from './normalize-code.js';

/** Certificates checked by {@link certificate.validate}. */
export type CertificateKind = 'medical-practitioner' | 'nurse';

/** Why a certificate number was rejected. */
export type CertificateReason = 'type' | 'empty' | 'character' | 'length';

/** Result of {@link certificate.validate}. */
export type CertificateValidation =
  | { readonly valid: true; readonly value: string; readonly kind: CertificateKind; readonly warnings: string[] }
  | { readonly valid: false; readonly reason: CertificateReason; readonly warnings: string[] };

/**
 * Accepted lengths: practitioner certificate codes (医师执业证书编码) are issued with 15 digits;
 * nurse certificate numbers (护士执业证书编号) have 12 digits on older certificates and 15 on
 * electronically registered ones.
 */
const LENGTHS: Readonly<Record<CertificateKind, readonly number[]>> = {
  'medical-practitioner': [15],
  nurse: [12, 15],
};

/**
 * Medical practitioner and nurse certificate numbers. No check character is published, so
 * this checks the format only; the registry decides whether a number exists.
 */
export const certificate = {
  /**
   * Validates a certificate number's format. Never throws.
   * @example certificate.validate('110330100001234').valid // true
   * @example certificate.validate('201433012345', 'nurse').valid // true
   */
  validate(input: unknown, kind: CertificateKind = 'medical-practitioner'): CertificateValidation {
    const value = normalizeCode(input);
    if (value === undefined) return { valid: false, reason: input == null ? 'empty' : 'type', warnings: [] };
    if (value === '') return { valid: false, reason: 'empty', warnings: [] };
    if (!/^\d+$/.test(value)) return { valid: false, reason: 'character', warnings: [] };
    const lengths = LENGTHS[kind] ?? LENGTHS['medical-practitioner'];
    if (!lengths.includes(value.length)) return { valid: false, reason: 'length', warnings: [] };
    return { valid: true, value, kind: LENGTHS[kind] ? kind : 'medical-practitioner', warnings: [] };
  },
} as const;
