import type { PortalCapabilities } from '../portal-adapter.js';

/** SODA 2.1 pages of up to 50,000 rows. */
export const SODA_MAX_PAGE = 50_000;

/** What the engine may rely on with Socrata: SoQL filters, full text and order on the server. */
export const SOCRATA_CAPABILITIES: PortalCapabilities = { serverFilters: true, serverFullText: true, serverOrder: true, maxPageSize: SODA_MAX_PAGE, parallelPages: false };
