import type { CallOptions } from '../portals/portal-adapter.js';
import type { LicenseFields } from './license-fields.js';
import type { LicenseKind } from './license-kind.js';
import type { LookupCacheOptions } from './lookup-cache.js';

/** How a verifier reaches the registry: see {@link VerifierOptions.mode}. */
export type VerifierMode = 'auto' | 'remote' | 'snapshot';

/** Options of `client.licenses.verifier()`. */
export interface VerifierOptions {
  readonly kind: LicenseKind;
  /** The registry dataset, e.g. `nb-food-licenses`. */
  readonly dataset: string;
  /**
   * `'remote'` asks the portal per item (a server-side filter, or a results-only interface such as
   * zhejiang's practitioner verification); `'snapshot'` keeps a local index of the dataset, kept
   * fresh by `refresh()`; `'auto'` picks remote where the portal can answer one number cheaply.
   *
   * **Note:** asking for `'remote'` where the portal can do neither (zhejiang's open-data
   * interfaces have no server-side filter) is a configuration error: `verifier()` throws an
   * `UnsupportedError` when it can tell at once, otherwise the first call rejects with it.
   * @default 'auto'
   */
  readonly mode?: VerifierMode | undefined;
  /**
   * Column names; each one not given is found among known aliases (`XKZBH`, `许可证编号`,
   * `license_no`, …). A given name that is not a column of the dataset is an `ArgumentError`.
   */
  readonly fields?: Partial<LicenseFields> | undefined;
  /** The instant validity is judged at. @default now, at each verification */
  readonly at?: Date | undefined;
  /**
   * Remote mode: remembered answers by number, so a number listed twice costs one request.
   * `refresh()` forgets them; `false` turns the cache off.
   * @default { max: 10_000, ttl: 300_000 }
   */
  readonly cache?: LookupCacheOptions | false | undefined;
}

/** Per-call options of `verifyMany`. */
export interface VerifyManyOptions extends CallOptions {
  /** Remote verifications in flight at once. @default 8 */
  readonly concurrency?: number | undefined;
}
