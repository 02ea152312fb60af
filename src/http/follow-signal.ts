/**
 * A signal that aborts when `signal` does, with its reason, without adding a listener to it:
 * the platform links the two. Whatever waits on a request (undici's `Request`, which keeps its
 * listener until garbage collection; a limiter queue; a retry's sleep) listens here instead,
 * so a caller's signal shared by every page of a read never collects listeners (Node warns
 * past 10).
 */
export function followSignal(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal]);
}
