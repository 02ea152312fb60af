import { ckan } from './ckan/ckan-portal.js';
import { zhejiang } from './zhejiang/zhejiang-portal.js';

/** The portal families kaifang speaks. Each returns a definition for `createClient({ portal })`. */
export const portals = { zhejiang, ckan };

export type { CkanPortalOptions } from './ckan/ckan-portal.js';
export type { ZhejiangPortalOptions } from './zhejiang/zhejiang-portal.js';
export type * from './portal-adapter.js';
