import { mask } from '../ids/index.js';
import type { RawRecord } from '../portals/portal-adapter.js';
import { textOf, type LicenseFields } from './license-fields.js';
import { categoryFits, isPersonalKind, type LicenseKind } from './license-kind.js';
import { normalizeHolder, splitScope } from './normalize-text.js';
import type { ScopeSets } from './scope-sets.js';
import { statusMeaning, type StatusMeaning } from './status-words.js';
import type { VerdictLicense } from './verdict.js';

/**
 * A registry row read once into what judging needs: dates as instants, the holder and scope
 * normalised, the verdict's `license` built. A snapshot holds these, so a verification is a
 * map lookup and a few comparisons.
 */
export interface PreparedLicense {
  readonly license: VerdictLicense;
  /** The registry's holder as shown, and normalised; absent when the registry has no holder. */
  readonly holder: string | undefined;
  readonly holderKey: string | undefined;
  /** The registry masks the holder (`张**`): only the shown characters can be compared. */
  readonly holderMasked: boolean;
  /** A results-only interface compared the holder itself: its answer. */
  readonly holderMatch: boolean | undefined;
  /**
   * Start of the first valid day and end of the last, in whole minutes since the epoch (small
   * integers stay unboxed, which keeps a snapshot lookup to few memory reads); {@link NO_START}
   * and {@link NO_END} when the registry does not say.
   */
  readonly from: number;
  readonly until: number;
  readonly meaning: StatusMeaning;
  readonly scope: ReadonlySet<string> | undefined;
  readonly categoryFits: boolean | undefined;
  /** Snapshots: the format warnings of the indexed number; `undefined` when it is not a valid number. */
  readonly warnings: readonly string[] | undefined;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** `from` of a licence without a start date. */
export const NO_START = -(2 ** 30);
/** `until` of a licence without an end date. */
export const NO_END = 2 ** 30;

/** Reads a registry row for a kind. No I/O; `scopes`, when given, shares the scope sets of many rows. */
export function prepareLicense(
  kind: LicenseKind,
  record: RawRecord,
  fields: Partial<LicenseFields>,
  fallbackNumber: string,
  parseDate: (value: string) => Date | null,
  warnings?: readonly string[],
  scopes?: ScopeSets,
): PreparedLicense {
  const personal = isPersonalKind(kind);
  const number = textOf(record, fields.number) ?? fallbackNumber;
  const holder = textOf(record, fields.holder);
  const creditCode = textOf(record, fields.creditCode);
  const validFrom = textOf(record, fields.validFrom);
  const validTo = textOf(record, fields.validTo);
  const status = textOf(record, fields.status);
  const scopeText = textOf(record, fields.scope);
  const scope = scopeText === undefined ? undefined : splitScope(scopeText);
  const category = textOf(record, fields.category);
  const from = validFrom === undefined ? null : parseDate(validFrom);
  const to = validTo === undefined ? null : parseDate(validTo);
  // Built field by field: a snapshot prepares every row of a registry, and spreads cost more.
  const license: { -readonly [K in keyof VerdictLicense]: VerdictLicense[K] } = { number };
  if (holder !== undefined) license.holder = personal ? mask.name(holder) : holder;
  if (creditCode !== undefined) license.creditCode = creditCode;
  if (validFrom !== undefined) license.validFrom = validFrom;
  if (validTo !== undefined) license.validTo = validTo;
  if (status !== undefined) license.status = status;
  if (scope !== undefined) license.scope = scope;
  if (category !== undefined) license.category = category;
  return {
    // A registry of people may hold their numbers in free text (a scope, a status note).
    license: personal ? (mask.redact(license) as VerdictLicense) : license,
    holder,
    holderKey: holder === undefined ? undefined : normalizeHolder(holder),
    holderMasked: holder !== undefined && holder.includes('*'),
    holderMatch: undefined,
    from: from ? Math.ceil(from.getTime() / MINUTE) : NO_START,
    // An expiry date is the last valid day: a licence "valid until 2030-08-19" is good all that day.
    until: to ? Math.floor((to.getTime() + DAY) / MINUTE) : NO_END,
    meaning: statusMeaning(status),
    scope: scope === undefined ? undefined : scopes ? scopes.of(scope) : new Set(scope),
    categoryFits: categoryFits(kind, category),
    warnings,
  };
}

/** What a results-only verification interface (zhejiang's `practitionerVerify`) answers. */
export interface InterfaceAnswer {
  readonly match?: unknown;
  readonly status?: unknown;
  readonly category?: unknown;
  readonly institution?: unknown;
}

/** Reads an interface's answer about a found certificate: the portal compared the holder itself. */
export function prepareAnswer(kind: LicenseKind, number: string, answer: InterfaceAnswer, holderSent: boolean): PreparedLicense {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const status = text(answer.status);
  const category = text(answer.category);
  const institution = text(answer.institution);
  return {
    license: {
      number,
      ...(status === undefined ? {} : { status }),
      ...(category === undefined ? {} : { category }),
      ...(institution === undefined ? {} : { institution }),
    },
    holder: undefined,
    holderKey: undefined,
    holderMasked: false,
    holderMatch: holderSent && typeof answer.match === 'boolean' ? answer.match : undefined,
    from: NO_START,
    until: NO_END,
    meaning: statusMeaning(status),
    scope: undefined,
    categoryFits: categoryFits(kind, category),
    warnings: undefined,
  };
}
