export { maskPersonalText } from './mask-personal-text.js';
export { maskRecord } from './mask-record.js';
export { isPersonalName, looksLikePersonName, PERSON_NAME_COLUMNS, MAYBE_PERSON_NAME_COLUMNS } from './personal-columns.js';
export { masksPersonalData } from './privacy-options.js';
export type { PrivacyOptions } from './privacy-options.js';
export type { RedactOption } from './redact-option.js';
