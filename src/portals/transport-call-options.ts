import type { CallOptions } from './portal-adapter.js';

/** The part of a call's options the transport takes, without `undefined` keys (exactOptionalPropertyTypes). */
export function transportCallOptions(options: CallOptions): { signal?: AbortSignal; timeout?: number | false; cache?: boolean | { ttl: number } } {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
  };
}
