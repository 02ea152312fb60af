export { guardOpenClass, assertReadable } from './open-class-guard.js';
export type { OpenClassGuardOptions } from './open-class-guard.js';
export { restrictedDataError } from './restricted-data-error.js';
export { openClassFromLabel, openClassFromMetadata, openClassFromTags, OPEN_CLASS_KEYS } from './open-class-label.js';
