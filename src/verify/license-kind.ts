import { certificate, foodLicense, uscc } from '../ids/index.js';

/** What is being verified. */
export type LicenseKind = 'business' | 'food-business' | 'food-production' | 'medical-practitioner' | 'nurse';

/** Every kind a verifier accepts. */
export const licenseKinds: readonly LicenseKind[] = ['business', 'food-business', 'food-production', 'medical-practitioner', 'nurse'];

/** The offline format check of a kind's number: a reason when it cannot be a real number, and warnings. */
export function checkNumberFormat(kind: LicenseKind, value: string): { ok: true; value: string; warnings: string[] } | { ok: false; reason: string } {
  switch (kind) {
    case 'business': {
      const result = uscc.validate(value);
      return result.valid ? { ok: true, value: result.value, warnings: [...result.warnings] } : { ok: false, reason: `uscc: ${result.reason}` };
    }
    case 'food-business':
    case 'food-production': {
      const result = foodLicense.validate(value);
      if (!result.valid) return { ok: false, reason: `food licence: ${result.reason}` };
      if (result.kind !== kind) return { ok: false, reason: `food licence: a ${result.kind} number (${result.value.slice(0, 2)}) where a ${kind} one was expected` };
      return { ok: true, value: result.value, warnings: [...result.warnings] };
    }
    case 'medical-practitioner':
    case 'nurse': {
      const result = certificate.validate(value, kind);
      return result.valid ? { ok: true, value: result.value, warnings: [...result.warnings] } : { ok: false, reason: `certificate: ${result.reason}` };
    }
  }
}

/** Certificates held by people: their names are personal data and are masked in verdicts. */
export function isPersonalKind(kind: LicenseKind): kind is 'medical-practitioner' | 'nurse' {
  return kind === 'medical-practitioner' || kind === 'nurse';
}

/**
 * Whether a practitioner registry's category (执业类别) is the kind asked about: a nurse
 * certificate (护士/护理) for `nurse`, any physician category (临床, 中医, 口腔, 公共卫生) for
 * `medical-practitioner`. `undefined` when there is nothing to compare.
 */
export function categoryFits(kind: LicenseKind, category: string | undefined): boolean | undefined {
  if (!isPersonalKind(kind) || category === undefined) return undefined;
  const nursing = /护/.test(category) || /nurs/i.test(category);
  return kind === 'nurse' ? nursing : !nursing;
}
