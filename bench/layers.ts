/**
 * The layers a page read goes through, each measured on top of the one before: a bare `fetch`
 * loop (reading and decoding bodies as the transport does, so that the next layers differ only in
 * what they add), then the transport, then the SDK's read.
 */
export const layers = ['fetch', 'transport', 'records'] as const;

export type Layer = (typeof layers)[number];

/** Pages every layer keeps in flight: the SDK's default concurrency. */
export const IN_FLIGHT = 4;

/** Unmeasured full reads before a warm one: enough for V8 to have compiled the per-page code. */
export const WARM_READS = 3;

export const LAYER_LABELS: Record<Layer, string> = {
  fetch: '`fetch`, the body read and decoded as the transport does, `JSON.parse`',
  transport: '+ the transport (request preparation, timeout, retry loop, envelope check)',
  records: '+ the adapter and the record stream: `datasets.records()`',
};
