export { certificate } from './certificate.js';
export type { CertificateKind, CertificateReason, CertificateValidation } from './certificate.js';
export { foodLicense } from './food-license.js';
export type {
  FoodLicenseKind,
  FoodLicenseParts,
  FoodLicenseReason,
  FoodLicenseValidation,
  FoodLicenseWarning,
} from './food-license.js';
export { mask } from './mask.js';
export { mod11_10CheckDigit } from './mod-11-10.js';
export { organizationCode } from './organization-code.js';
export type { OrganizationCodeReason, OrganizationCodeValidation } from './organization-code.js';
export { residentId } from './resident-id.js';
export type { ResidentIdInput, ResidentIdParts, ResidentIdReason, ResidentIdValidation } from './resident-id.js';
export { uscc } from './uscc.js';
export type { CodedValue, UsccInput, UsccParts, UsccReason, UsccValidation, UsccWarning } from './uscc.js';
