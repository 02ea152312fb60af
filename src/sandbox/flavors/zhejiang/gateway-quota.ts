import type { SandboxContext } from '../../flavor.js';

/**
 * How many interface calls one app may make to one gateway per second of the sandbox clock, by
 * default (`SandboxOptions.gatewayCallsPerSecond` changes it): on section C, calls of one app
 * key (`dataSharing`; token refreshes do not count); on the data gateway (section A2), calls of
 * one app id to one interface. The next call in that second is over quota.
 *
 * **Note:** with a frozen `clock`, every call falls in the same second, so a test that makes more
 * calls than this with a frozen clock sees the quota answer, as it should.
 */
export const GATEWAY_CALLS_PER_SECOND = 1000;

interface QuotaWindow {
  second: number;
  calls: number;
}

/** Which gateway a quota counts calls of: they never share a window. */
export type QuotaScope = 'gateway' | 'data-gateway';

/** Counts one call of `caller` (an app key, or an app id and interface id) and tells whether it is within the quota. */
export function takeQuota(context: SandboxContext, scope: QuotaScope, caller: string): boolean {
  const stateKey = `zhejiang.${scope}.quota`;
  let windows = context.state.get(stateKey) as Map<string, QuotaWindow> | undefined;
  if (!windows) {
    windows = new Map();
    context.state.set(stateKey, windows);
  }
  const second = Math.floor(context.now().getTime() / 1000);
  let window = windows.get(caller);
  if (!window || window.second !== second) {
    window = { second, calls: 0 };
    windows.set(caller, window);
  }
  window.calls++;
  return window.calls <= context.gatewayCallsPerSecond;
}
