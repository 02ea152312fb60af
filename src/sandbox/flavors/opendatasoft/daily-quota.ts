import type { SandboxContext } from '../../flavor.js';
import { jsonResponse } from './ods-responses.js';

/**
 * The sandbox's quota rule: anonymous calls share a budget of {@link ANONYMOUS_CALLS_PER_DAY}
 * per UTC day of the sandbox clock, per sandbox; calls with the API key are not counted. Every
 * anonymous answer tells the budget in `X-RateLimit-*` headers, as Opendatasoft domains do, and
 * the call past it gets the quota 429 with its own body (`errorcode` 10002, `reset_time`).
 */
export const ANONYMOUS_CALLS_PER_DAY = 10_000;

const STATE_KEY = 'opendatasoft:quota';

interface QuotaState {
  day: string;
  used: number;
}

/** The outcome of counting one anonymous call: headers to add, or the 429 to answer with. */
export type QuotaDecision = { readonly headers: Record<string, string> } | { readonly refused: Response };

/** Counts one anonymous call against today's budget. */
export function countAnonymousCall(context: SandboxContext): QuotaDecision {
  const now = context.now();
  const day = now.toISOString().slice(0, 10);
  let state = context.state.get(STATE_KEY) as QuotaState | undefined;
  if (!state || state.day !== day) {
    state = { day, used: 0 };
    context.state.set(STATE_KEY, state);
  }
  const reset = new Date(`${day}T00:00:00Z`);
  reset.setUTCDate(reset.getUTCDate() + 1);
  const headers = {
    'x-ratelimit-limit': String(ANONYMOUS_CALLS_PER_DAY),
    'x-ratelimit-reset': String(Math.floor(reset.getTime() / 1000)),
  };
  if (state.used >= ANONYMOUS_CALLS_PER_DAY) {
    const body = {
      errorcode: 10002,
      reset_time: reset.toISOString().replace('.000Z', 'Z'),
      limit_time_unit: 'day',
      call_limit: ANONYMOUS_CALLS_PER_DAY,
      error: 'Too many requests on the domain. Please contact the domain administrator.',
    };
    return { refused: jsonResponse(429, body, { ...headers, 'x-ratelimit-remaining': '0' }) };
  }
  state.used++;
  return { headers: { ...headers, 'x-ratelimit-remaining': String(ANONYMOUS_CALLS_PER_DAY - state.used) } };
}
