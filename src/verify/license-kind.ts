/** What is being verified. */
export type LicenseKind = 'business' | 'food-business' | 'food-production' | 'medical-practitioner' | 'nurse';

/** Every kind a verifier accepts. */
export const licenseKinds: readonly LicenseKind[] = ['business', 'food-business', 'food-production', 'medical-practitioner', 'nurse'];

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
