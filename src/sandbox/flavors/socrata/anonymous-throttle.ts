import type { SandboxContext } from '../../flavor.js';

const THROTTLE_KEY = 'socrata:throttle';

interface Window {
  second: number;
  count: number;
}

/**
 * Counts a request without a valid app token against the shared anonymous budget of the
 * current second of the sandbox clock; `true` when it is over the budget.
 */
export function overAnonymousBudget(context: SandboxContext, perSecond: number): boolean {
  const second = Math.floor(context.now().getTime() / 1000);
  let window = context.state.get(THROTTLE_KEY) as Window | undefined;
  if (!window || window.second !== second) {
    window = { second, count: 0 };
    context.state.set(THROTTLE_KEY, window);
  }
  window.count++;
  return window.count > perSecond;
}
