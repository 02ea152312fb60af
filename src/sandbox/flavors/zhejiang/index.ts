export { zhejiangFlavor } from './zhejiang-flavor.js';
export { GATEWAY_CALLS_PER_SECOND } from './gateway-quota.js';
export { DEFAULT_SIGN_LIFETIME } from './data-gateway-sign.js';
export { MAX_CATALOGUE_PAGE_SIZE } from './catalogue.js';
export { MAX_OPEN_DATA_PAGE_SIZE } from './open-data-interfaces.js';
export { ZHEJIANG_LICENSE, type CatalogueEntry } from './catalogue-entry.js';
export type { PractitionerVerification } from './practitioner-verify.js';
