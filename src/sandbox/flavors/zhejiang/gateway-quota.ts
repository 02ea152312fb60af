import type { SandboxContext } from '../../flavor.js';

/**
 * How many interface calls (`dataSharing`) one app key may make within one second of the
 * sandbox clock; the next call in that second answers code `18`. Token refreshes do not count.
 *
 * **Note:** with a frozen `clock`, every call falls in the same second, so a test that makes more
 * calls than this with a frozen clock sees code `18`, as it should.
 */
export const GATEWAY_CALLS_PER_SECOND = 1000;

interface QuotaWindow {
  second: number;
  calls: number;
}

const STATE_KEY = 'zhejiang.gateway.quota';

/** Counts one call of an app key and tells whether it is within the quota. */
export function takeQuota(context: SandboxContext, appKey: string): boolean {
  let windows = context.state.get(STATE_KEY) as Map<string, QuotaWindow> | undefined;
  if (!windows) {
    windows = new Map();
    context.state.set(STATE_KEY, windows);
  }
  const second = Math.floor(context.now().getTime() / 1000);
  let window = windows.get(appKey);
  if (!window || window.second !== second) {
    window = { second, calls: 0 };
    windows.set(appKey, window);
  }
  window.calls++;
  return window.calls <= GATEWAY_CALLS_PER_SECOND;
}
