import { NO_END, NO_START, type PreparedLicense } from './prepared-license.js';
import { normalizeHolder } from './normalize-text.js';
import type { VerdictChecks, VerdictStatus } from './verdict.js';

/** The outcome of judging one registry entry against an item. */
export interface Evaluation {
  readonly status: VerdictStatus;
  /** Every problem found, most serious first; empty when valid. */
  readonly reasons: readonly VerdictStatus[];
  readonly checks: VerdictChecks;
}

// Each check is not made (0), passed (1) or failed (2); validity also tells why it failed
// (2 expired, 3 not yet valid, 4 both). The outcome depends on nothing else, so every distinct
// outcome is built once and shared: judging a million items allocates no evaluations.
const NOT_MADE = 0;
const PASSED = 1;
const FAILED = 2;
const EXPIRED = 2;
const EARLY = 3;
const BOTH = 4;
const outcomes: (Evaluation | undefined)[] = new Array<Evaluation | undefined>(3 * 5 * 3 * 3 * 3).fill(undefined);

/**
 * Judges a prepared registry entry against an item's holder and activity, at an instant (ms since the epoch).
 * Pure: no I/O. Problems are reported most serious first: revoked, expired, not yet valid,
 * holder mismatch, out of scope (an activity the licence does not cover, or a certificate of
 * another category than the kind asked about). The result is shared and frozen.
 */
export function evaluateLicense(entry: PreparedLicense, holder: string | undefined, activity: string | undefined, at: number): Evaluation {
  const status = entry.meaning === 'unknown' ? NOT_MADE : entry.meaning === 'active' ? PASSED : FAILED;

  let validity = NOT_MADE;
  const hasFrom = entry.from !== NO_START;
  const hasUntil = entry.until !== NO_END;
  if (hasFrom || hasUntil) {
    const minute = at / 60_000;
    const early = hasFrom && minute < entry.from;
    const late = hasUntil && minute >= entry.until;
    validity = early ? (late ? BOTH : EARLY) : late ? EXPIRED : PASSED;
  }

  let holderCheck = NOT_MADE;
  if (holder !== undefined) {
    let matches = entry.holderMatch;
    if (matches === undefined && entry.holder !== undefined) {
      // Registries that mask personal names (张**) can only be compared on what they show.
      matches = holder === entry.holder || (entry.holderMasked ? maskedNameMatches(entry.holder, holder) : normalizeHolder(holder) === entry.holderKey);
    }
    if (matches !== undefined) holderCheck = matches ? PASSED : FAILED;
  }

  let scope = NOT_MADE;
  if (activity !== undefined && entry.scope !== undefined) {
    scope = entry.scope.has(activity) || entry.scope.has(activity.normalize('NFKC').trim()) ? PASSED : FAILED;
  }
  const category = entry.categoryFits === undefined ? NOT_MADE : entry.categoryFits ? PASSED : FAILED;

  const code = status + 3 * (validity + 5 * (holderCheck + 3 * (scope + 3 * category)));
  return outcomes[code] ?? remember(code, status, validity, holderCheck, scope, category);
}

function remember(code: number, status: number, validity: number, holder: number, scope: number, category: number): Evaluation {
  const reasons: VerdictStatus[] = [];
  if (status === FAILED) reasons.push('revoked');
  if (validity === EXPIRED || validity === BOTH) reasons.push('expired');
  if (validity === EARLY || validity === BOTH) reasons.push('not_yet_valid');
  if (holder === FAILED) reasons.push('holder_mismatch');
  if (scope === FAILED || category === FAILED) reasons.push('out_of_scope');
  const checks: { -readonly [K in keyof VerdictChecks]: VerdictChecks[K] } = { format: true, found: true };
  if (status !== NOT_MADE) checks.status = status === PASSED;
  if (validity !== NOT_MADE) checks.validity = validity === PASSED;
  if (holder !== NOT_MADE) checks.holder = holder === PASSED;
  if (scope !== NOT_MADE) checks.scope = scope === PASSED;
  if (category !== NOT_MADE) checks.category = category === PASSED;
  const evaluation: Evaluation = Object.freeze({ status: reasons[0] ?? 'valid', reasons: Object.freeze(reasons), checks: Object.freeze(checks) });
  outcomes[code] = evaluation;
  return evaluation;
}

function maskedNameMatches(masked: string, name: string): boolean {
  const shown = [...masked.normalize('NFKC')];
  const given = [...name.normalize('NFKC').replace(/[\s\u3000]+/g, '')];
  if (shown.length !== given.length) return false;
  return shown.every((char, index) => char === '*' || char === given[index]);
}
