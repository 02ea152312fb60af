import { OpenClassRule } from './compliance/open-class-rule.js';
import type { RetryOptions, Transport } from './http/index.js';
import { loadOnce } from './lazy/load-once.js';
import type { Dataset } from './model/dataset.js';
import type { PortalDefinition, PortalFacts } from './portals/define-portal.js';
import type { CallOptions, PortalAdapter } from './portals/portal-adapter.js';

/**
 * What the engine (catalog, datasets, sync, verify) works with: one per client, built by
 * `createClient`. Nothing in it is shared with another client.
 */
export interface EngineContext {
  /** Family, base URL, capabilities and timestamps: known before the adapter loads. */
  readonly portal: PortalFacts;
  /** The portal's adapter; its module loads on the first call, once per client, and a failed load is tried again. */
  adapter(): Promise<PortalAdapter>;
  /** A dataset's catalogue entry; its open class is remembered for {@link EngineContext.assertReadable}. */
  getDataset(id: string, call: CallOptions): Promise<Dataset>;
  /**
   * The open-class rule, called once at each entry point that reads a dataset's data: rejects
   * with `ForbiddenDataError` or `AuthError` before any request for the data (see `OpenClassRule`).
   */
  assertReadable(id: string, call: CallOptions): Promise<void>;
  /** The client's `maxResponseBytes`: it bounds file reads and downloads unless a call gives `maxBytes`. */
  readonly maxResponseBytes: number | undefined;
}

/** Binds a portal definition to a client's transport and limits. */
export function createEngineContext(
  portal: PortalDefinition,
  transport: Transport,
  options: { readonly maxResponseBytes: number | undefined; readonly retry?: RetryOptions | false | undefined },
): EngineContext {
  const adapter = loadOnce(() => portal.load(transport, { retry: options.retry }));
  const readMetadata = async (id: string, call: CallOptions): Promise<Dataset> => (await adapter()).getDataset(id, call);
  const rule = new OpenClassRule({ credentials: portal.hasCredentials, readMetadata });
  return {
    portal: { family: portal.family, baseUrl: portal.baseUrl, capabilities: portal.capabilities, parseTimestamp: (value) => portal.parseTimestamp(value) },
    adapter,
    getDataset: async (id, call) => {
      const dataset = await readMetadata(id, call);
      rule.learn(id, dataset);
      return dataset;
    },
    // Ids the portal vets itself on every request (zhejiang's gateway interface ids) need no catalogue entry.
    assertReadable: (id, call) => (portal.decidesAccess(id) ? Promise.resolve() : rule.check(id, call)),
    maxResponseBytes: options.maxResponseBytes,
  };
}
