import type { KaifangError } from '../errors/index.js';
import type { PortalFamily } from '../model/dataset.js';

/** Every verdict a verifier can give; `valid` only when every check that could be made passed. */
export type VerdictStatus =
  | 'valid'
  | 'expired'
  | 'not_yet_valid'
  | 'revoked'
  | 'not_found'
  | 'invalid_format'
  | 'holder_mismatch'
  | 'out_of_scope'
  /** The source could not be reached or read: never a negative verdict. `error` says why. */
  | 'unknown';

/** What to verify: the number, and optionally who holds it and what they do. */
export interface VerifyItem {
  /** Licence, credit code or certificate number. */
  readonly number: string;
  /** Holder name (company, or a person's name for certificates) to compare with the registry's. */
  readonly holder?: string;
  /** An activity the holder must be licensed for, e.g. `热食类食品制售`. */
  readonly activity?: string;
}

/** One check and its outcome; `undefined` when it could not be made (no such column). */
export interface VerdictChecks {
  readonly format: boolean;
  readonly found?: boolean;
  readonly status?: boolean;
  readonly validity?: boolean;
  readonly holder?: boolean;
  readonly scope?: boolean;
  /** Practitioner registries: whether the certificate's category (执业类别) is the kind asked about. */
  readonly category?: boolean;
}

/** Where a verdict's facts came from, and when. */
export interface VerdictSource {
  readonly portal: PortalFamily;
  readonly dataset: string;
  readonly datasetUpdatedAt: Date | null;
  /** When the check was made (one instant for a whole `verifyMany` batch). */
  readonly checkedAt: Date;
  readonly mode: 'remote' | 'snapshot';
}

/** The registry's facts the verdict rests on; personal names are masked. */
export interface VerdictLicense {
  readonly number: string;
  readonly holder?: string;
  readonly creditCode?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly status?: string;
  readonly scope?: readonly string[];
  /** Practitioner registries: the certificate's category, e.g. `临床`, `护士`. */
  readonly category?: string;
  /** Practitioner registries: the institution the holder practises at. */
  readonly institution?: string;
}

/** The answer of `verifier.verify()`: a status, every reason behind it, and where it came from. */
export interface Verdict {
  readonly status: VerdictStatus;
  /** Every problem found, most serious first (a revoked licence may also be expired). */
  readonly reasons: readonly VerdictStatus[];
  readonly item: VerifyItem;
  readonly license?: VerdictLicense;
  readonly checks: VerdictChecks;
  readonly warnings: readonly string[];
  readonly source: VerdictSource;
  /** Why the status is `unknown`. */
  readonly error?: KaifangError | Error;
}
