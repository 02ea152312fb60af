/**
 * The layers a page read goes through, each measured on top of the one before: a bare `fetch`
 * loop (reading and decoding bodies as the transport does, so that the next layers differ only in
 * what they add), then ky as the transport calls it, then the whole transport, then the SDK's read.
 */
export const layers = ['fetch', 'ky', 'transport', 'records'] as const;

export type Layer = (typeof layers)[number];

/** Pages every layer keeps in flight: the SDK's default concurrency. */
export const IN_FLIGHT = 4;

/** Unmeasured full reads before a warm one: enough for V8 to have compiled the per-page code. */
export const WARM_READS = 3;

export const LAYER_LABELS: Record<Layer, string> = {
  fetch: '`fetch`, the body read and decoded as the transport does, `JSON.parse`',
  ky: '+ ky, called as the transport calls it',
  transport: '+ the rest of the transport (request preparation, p-retry, timeout, envelope check)',
  records: '+ the adapter and the record stream: `datasets.records()`',
};
