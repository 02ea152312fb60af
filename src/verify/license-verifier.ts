import { ArgumentError } from '../errors/argument-error.js';
import type { Datasets } from '../datasets.js';
import type { EngineContext } from '../engine-context.js';
import { loadOnce } from '../lazy/load-once.js';
import type { CallOptions } from '../portals/portal-adapter.js';
import { cannotRemoteError } from './cannot-remote-error.js';
import { isPersonalKind, licenseKinds, type LicenseKind } from './license-kind.js';
import type { Verdict, VerifyItem } from './verdict.js';
import type { VerifierEngine } from './verifier-engine.js';
import type { VerifierOptions, VerifyManyOptions } from './verifier-options.js';

/**
 * Verifies licences and certificates against an open registry dataset. A verdict explains itself
 * (`reasons`, `checks`, `source`); a source that cannot be reached gives `unknown` with the error,
 * never `not_found`. Verdicts about people carry masked names, and so do their errors.
 *
 * Options are checked at once; the verification code loads on the first call, so an app that
 * never verifies never ships it.
 */
export class LicenseVerifier {
  /** The kind of licence verified. */
  readonly kind: LicenseKind;
  /** The registry dataset's id. */
  readonly dataset: string;
  /** The verification code loads on the first call; a failed load (a page gone offline) is tried again. */
  private readonly load: () => Promise<VerifierEngine>;

  constructor(context: EngineContext, datasets: Datasets, options: VerifierOptions) {
    if (typeof options !== 'object' || options === null) throw new ArgumentError('verifier() needs options: { kind, dataset }');
    if (!licenseKinds.includes(options.kind)) throw new ArgumentError(`Unknown licence kind "${String(options.kind)}"; expected one of ${licenseKinds.join(', ')}`);
    if (typeof options.dataset !== 'string' || options.dataset.trim() === '') throw new ArgumentError(`verifier() needs a dataset id, got ${JSON.stringify(options.dataset)}`);
    const mode = options.mode ?? 'auto';
    if (!['auto', 'remote', 'snapshot'].includes(mode)) throw new ArgumentError(`Unknown verifier mode "${String(mode)}"; expected auto, remote or snapshot`);
    if (options.at !== undefined && !(options.at instanceof Date && !Number.isNaN(options.at.getTime()))) throw new ArgumentError(`at must be a valid Date, got ${String(options.at)}`);
    if (options.fields !== undefined && (typeof options.fields !== 'object' || options.fields === null)) throw new ArgumentError('fields must be an object of column names');
    this.kind = options.kind;
    this.dataset = options.dataset;
    // Known before any request: no server filter, and a kind no results-only interface answers.
    // (Whether the adapter has such an interface is known once it loads: the first call says.)
    const { capabilities, family } = context.portal;
    if (mode === 'remote' && !capabilities.serverFilters && !isPersonalKind(options.kind)) throw cannotRemoteError(family, this.kind, this.dataset);
    const cache = options.cache ?? {};
    if (cache !== false && (typeof cache !== 'object' || cache === null || !isPositiveOrAbsent(cache.max) || !isPositiveOrAbsent(cache.ttl))) {
      throw new ArgumentError('cache must be false or { max, ttl } with positive whole numbers');
    }
    this.load = loadOnce(async () => {
      const { VerifierEngine } = await import('./verifier-engine.js');
      return new VerifierEngine(context, datasets, options);
    });
  }

  /**
   * Verifies one item. Never throws for a bad item or an unreachable source: the verdict says so.
   * Rejects only on a misconfiguration (`ArgumentError`, `UnsupportedError`: no number column,
   * remote mode the portal cannot serve).
   */
  async verify(item: VerifyItem, options: CallOptions = {}): Promise<Verdict> {
    return (await this.load()).verify(item, options);
  }

  /**
   * Verifies many items; verdicts come in the order of the items. A snapshot answers every item
   * locally, synchronously, with one `checkedAt` for the batch; remote mode runs `concurrency`
   * lookups at once and asks once per distinct number.
   */
  async verifyMany(items: readonly VerifyItem[], options: VerifyManyOptions = {}): Promise<Verdict[]> {
    return (await this.load()).verifyMany(items, options);
  }

  /**
   * Brings a snapshot up to date: one request when nothing changed, a re-read when the dataset
   * did. In remote mode, forgets the remembered answers.
   */
  async refresh(options: CallOptions = {}): Promise<void> {
    return (await this.load()).refresh(options);
  }

  /** The mode in force once the verifier has looked at the dataset. */
  async mode(options: CallOptions = {}): Promise<'remote' | 'snapshot'> {
    return (await this.load()).mode(options);
  }
}

function isPositiveOrAbsent(value: unknown): boolean {
  return value === undefined || (Number.isInteger(value) && (value as number) > 0);
}
