import { ckan } from './ckan/ckan-portal.js';
import { socrata } from './socrata/socrata-portal.js';
import { opendatasoft } from './opendatasoft/opendatasoft-portal.js';
import { zhejiang } from './zhejiang/zhejiang-portal.js';

/** The portal families kaifang speaks. Each returns a definition for `createClient({ portal })`. */
export const portals = { zhejiang, ckan, socrata, opendatasoft };

export type { CkanPortalOptions } from './ckan/ckan-portal.js';
export type { SocrataPortalOptions } from './socrata/socrata-portal.js';
export type { OpendatasoftPortalOptions } from './opendatasoft/opendatasoft-portal.js';
export type { ZhejiangPortalOptions } from './zhejiang/zhejiang-portal.js';
export type { GatewayInterfaceIds } from './zhejiang/gateway-interfaces.js';
export type * from './portal-adapter.js';
export type { AdapterLoadContext, PortalCredentials, PortalDefinition, PortalFacts, PortalSpec } from './define-portal.js';
