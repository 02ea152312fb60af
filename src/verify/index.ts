export { Licenses } from './licenses.js';
export { LicenseVerifier } from './license-verifier.js';
export type { VerifierMode, VerifierOptions, VerifyManyOptions } from './verifier-options.js';
export type { LookupCacheOptions } from './lookup-cache.js';
export { licenseKinds } from './license-kind.js';
export type { LicenseKind } from './license-kind.js';
export type { LicenseFields } from './license-fields.js';
export type { Verdict, VerdictChecks, VerdictLicense, VerdictSource, VerdictStatus, VerifyItem } from './verdict.js';
