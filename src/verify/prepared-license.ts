import { mask } from '../ids/index.js';
import type { RawRecord } from '../portals/portal-adapter.js';
import { textOf, type LicenseFields } from './license-fields.js';
import { categoryFits, isPersonalKind, type LicenseKind } from './license-kind.js';
import { normalizeHolder, splitScope } from './normalize-text.js';
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
  /** Start of the first valid day and end of the last, in ms; NaN when the registry does not say. */
  readonly from: number;
  readonly until: number;
  readonly meaning: StatusMeaning;
  readonly scope: ReadonlySet<string> | undefined;
  readonly categoryFits: boolean | undefined;
}

const DAY = 86_400_000;

/** Reads a registry row for a kind. Pure: no I/O. */
export function prepareLicense(
  kind: LicenseKind,
  record: RawRecord,
  fields: Partial<LicenseFields>,
  fallbackNumber: string,
  parseDate: (value: string) => Date | null,
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
  const license: VerdictLicense = {
    number,
    ...(holder === undefined ? {} : { holder: personal ? mask.name(holder) : holder }),
    ...(creditCode === undefined ? {} : { creditCode }),
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validTo === undefined ? {} : { validTo }),
    ...(status === undefined ? {} : { status }),
    ...(scope === undefined ? {} : { scope }),
    ...(category === undefined ? {} : { category }),
  };
  return {
    license,
    holder,
    holderKey: holder === undefined ? undefined : normalizeHolder(holder),
    holderMasked: holder !== undefined && holder.includes('*'),
    holderMatch: undefined,
    from: from ? from.getTime() : Number.NaN,
    // An expiry date is the last valid day: a licence "valid until 2030-08-19" is good all that day.
    until: to ? to.getTime() + DAY : Number.NaN,
    meaning: statusMeaning(status),
    scope: scope === undefined ? undefined : new Set(scope),
    categoryFits: categoryFits(kind, category),
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
    from: Number.NaN,
    until: Number.NaN,
    meaning: statusMeaning(status),
    scope: undefined,
    categoryFits: categoryFits(kind, category),
  };
}
