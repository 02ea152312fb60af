export { OpenClassRule } from './open-class-rule.js';
export type { OpenClassRuleOptions } from './open-class-rule.js';
export { restrictedDataError } from './restricted-data-error.js';
export { openClassFromLabel, openClassFromMetadata, openClassFromTags, OPEN_CLASS_KEYS } from './open-class-label.js';
