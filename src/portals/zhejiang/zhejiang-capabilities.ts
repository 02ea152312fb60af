import type { PortalCapabilities } from '../portal-adapter.js';

/** The platform refuses larger pages (`pageSize不能超过200`). */
export const ZHEJIANG_MAX_PAGE_SIZE = 200;

/** What the engine may rely on with zhejiang: numbered pages only, every filter on the client. */
export const ZHEJIANG_CAPABILITIES: PortalCapabilities = {
  serverFilters: false,
  serverFullText: false,
  serverOrder: false,
  maxPageSize: ZHEJIANG_MAX_PAGE_SIZE,
  parallelPages: true,
};
