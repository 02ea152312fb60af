/**
 * Fault injection: the failures real portals and the proxies in front of them produce, on demand.
 * Faults come by rate (a seeded draw per request, so a run is reproducible) or by script
 * (the next N requests matching a pattern).
 */

export type FaultKind =
  /** 503 Service Unavailable with a plain-text body. */
  | 'unavailable'
  /** 429 Too Many Requests with `Retry-After`. */
  | 'rate-limit'
  /** The connection drops before any response (in-process: `fetch` rejects with a TypeError). */
  | 'reset'
  /** Headers and half the body arrive, then the connection drops. */
  | 'truncate'
  /** The answer comes after `delay` ms (aborts are honoured while waiting). */
  | 'slow'
  /** An HTML error page with status 200, as a proxy or firewall sends. */
  | 'html'
  /** The portal's envelope with its payload field renamed. */
  | 'drift';

export const faultKinds: readonly FaultKind[] = ['unavailable', 'rate-limit', 'reset', 'truncate', 'slow', 'html', 'drift'];

export interface FaultSettings {
  /** Seconds sent in `Retry-After` for `rate-limit`. @default 1 */
  readonly retryAfter?: number | undefined;
  /** Milliseconds of delay for `slow`. @default 2000 */
  readonly delay?: number | undefined;
}

export interface FaultRate extends FaultSettings {
  /** Share of requests that fail, 0..1. */
  readonly rate: number;
  /** Seed of the draw, so the same run fails the same requests. @default the sandbox seed */
  readonly seed?: number | undefined;
  /** Which kinds to draw from. @default every kind except `slow` */
  readonly kinds?: readonly FaultKind[] | undefined;
}

export interface FaultScriptEntry extends FaultSettings {
  /** A substring of the URL, a RegExp over it, or a predicate over the request. */
  readonly match: string | RegExp | ((request: Request) => boolean);
  readonly kind: FaultKind;
  /** How many matching requests fail. @default 1 */
  readonly times?: number | undefined;
}

export type FaultOptions = FaultRate | readonly FaultScriptEntry[];

export interface ChosenFault {
  readonly kind: FaultKind;
  readonly retryAfter: number;
  readonly delay: number;
}

/** Decides, request by request, which fault (if any) to inject. */
export class FaultPlan {
  private readonly rate: FaultRate | undefined;
  private readonly script: { entry: FaultScriptEntry; left: number }[];
  private draws = 0;
  private readonly seed: number;
  /** Faults injected so far, by kind, for tests and benchmarks. */
  readonly injected: Record<FaultKind, number> = {
    unavailable: 0,
    'rate-limit': 0,
    reset: 0,
    truncate: 0,
    slow: 0,
    html: 0,
    drift: 0,
  };

  constructor(options: FaultOptions | undefined, sandboxSeed: number) {
    if (options === undefined) {
      this.rate = undefined;
      this.script = [];
    } else if (isRate(options)) {
      if (!(options.rate >= 0 && options.rate <= 1)) throw new RangeError(`faults.rate must be between 0 and 1, got ${options.rate}`);
      for (const kind of options.kinds ?? []) assertKind(kind);
      this.rate = options;
      this.script = [];
    } else {
      for (const entry of options) assertKind(entry.kind);
      this.rate = undefined;
      this.script = options.map((entry) => ({ entry, left: entry.times ?? 1 }));
    }
    this.seed = (isRate(options) ? options.seed : undefined) ?? sandboxSeed;
  }

  choose(request: Request): ChosenFault | undefined {
    for (const item of this.script) {
      if (item.left > 0 && matches(item.entry.match, request)) {
        item.left--;
        return this.record(item.entry.kind, item.entry);
      }
    }
    if (!this.rate || this.rate.rate === 0) return undefined;
    const draw = unitInterval(this.seed, this.draws++);
    if (draw >= this.rate.rate) return undefined;
    const kinds = this.rate.kinds?.length ? this.rate.kinds : faultKinds.filter((kind) => kind !== 'slow');
    const kind = kinds[Math.floor(unitInterval(this.seed ^ 0x5bd1e995, this.draws) * kinds.length)] as FaultKind;
    return this.record(kind, this.rate);
  }

  private record(kind: FaultKind, settings: FaultSettings): ChosenFault {
    this.injected[kind]++;
    return { kind, retryAfter: settings.retryAfter ?? 1, delay: settings.delay ?? 2000 };
  }
}

function isRate(options: FaultOptions | undefined): options is FaultRate {
  return options !== undefined && !Array.isArray(options);
}

function assertKind(kind: string): void {
  if (!faultKinds.includes(kind as FaultKind)) {
    throw new TypeError(`Unknown fault kind "${kind}"; expected one of ${faultKinds.join(', ')}`);
  }
}

function matches(match: FaultScriptEntry['match'], request: Request): boolean {
  if (typeof match === 'string') return request.url.includes(match);
  if (match instanceof RegExp) return match.test(request.url);
  return match(request);
}

/** A reproducible number in [0, 1) from (seed, n): a 32-bit integer hash, no shared state. */
function unitInterval(seed: number, n: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
