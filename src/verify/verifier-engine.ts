import { ArgumentError, ResponseFormatError, UnsupportedError } from '../errors/index.js';
import { mask } from '../ids/index.js';
import type { Datasets } from '../datasets.js';
import type { EngineContext } from '../engine-context.js';
import type { Dataset } from '../model/dataset.js';
import type { CallOptions, RawRecord } from '../portals/portal-adapter.js';
import { evaluateLicense } from './evaluate-license.js';
import { resolveLicenseFields, type LicenseFields } from './license-fields.js';
import { isPersonalKind, type LicenseKind } from './license-kind.js';
import { checkNumberFormat } from './number-format.js';
import { cannotRemoteError } from './cannot-remote-error.js';
import type { VerifierOptions, VerifyManyOptions } from './verifier-options.js';
import { DatasetSync } from '../sync/dataset-sync.js';
import { MemoryCheckpointStore } from '../sync/memory-checkpoint-store.js';
import { LicenseSnapshot } from './license-snapshot.js';
import { LookupCache } from './lookup-cache.js';
import { maskPersonalError } from './personal-error.js';
import { prepareAnswer, prepareLicense, type InterfaceAnswer, type PreparedLicense } from './prepared-license.js';
import { ScopeSets } from './scope-sets.js';
import type { Verdict, VerdictChecks, VerdictLicense, VerdictSource, VerdictStatus, VerifyItem } from './verdict.js';
import { readItem } from './verify-item.js';

interface Ready {
  readonly dataset: Dataset;
  readonly fields: Partial<LicenseFields>;
  readonly mode: 'remote' | 'snapshot';
  /** Parameter names of the results-only interface, when verifying through one. */
  readonly gateway: readonly [string, string] | undefined;
}

type Lookup = PreparedLicense | null;

const NOT_FOUND: readonly VerdictStatus[] = Object.freeze(['not_found'] as VerdictStatus[]);
const INVALID: readonly VerdictStatus[] = Object.freeze(['invalid_format'] as VerdictStatus[]);
const UNKNOWN: readonly VerdictStatus[] = Object.freeze(['unknown'] as VerdictStatus[]);
const NO_WARNINGS: readonly string[] = Object.freeze([]);

/**
 * The work behind {@link LicenseVerifier}, loaded on its first call. Options arrive checked.
 */
export class VerifierEngine {
  /** The kind of licence verified. */
  readonly kind: LicenseKind;
  /** The registry dataset's id. */
  readonly dataset: string;
  private readonly options: VerifierOptions;
  private readonly personal: boolean;
  private readonly cache: LookupCache<Lookup>;
  private ready: Promise<Ready> | undefined;
  private loaded: Ready | undefined;
  private snapshot: LicenseSnapshot<SnapshotEntry> | undefined;
  private readonly scopes = new ScopeSets();
  /** The last number the snapshot normalised as a valid one, and its format warnings. */
  private indexedKey: string | undefined;
  private indexedWarnings: readonly string[] = NO_WARNINGS;

  constructor(
    private readonly context: EngineContext,
    private readonly datasets: Datasets,
    options: VerifierOptions,
  ) {
    this.kind = options.kind;
    this.dataset = options.dataset;
    this.options = options;
    this.personal = isPersonalKind(options.kind);
    const cache = options.cache ?? {};
    this.cache = new LookupCache(cache);
  }

  /**
   * Verifies one item. Never throws for a bad item or an unreachable source: the verdict says so.
   * Rejects only on a misconfiguration (`ArgumentError`, `UnsupportedError`: no number column,
   * remote mode the portal cannot serve).
   */
  async verify(item: VerifyItem, options: CallOptions = {}): Promise<Verdict> {
    const checkedAt = new Date();
    const read = readItem(item);
    if (!read.ok) return this.verdict(read.echo, 'invalid_format', INVALID, { format: false }, [read.problem], this.unreadySource(checkedAt));
    const format = checkNumberFormat(this.kind, read.number);
    if (!format.ok) return this.verdict(item, 'invalid_format', INVALID, { format: false }, [format.reason], this.unreadySource(checkedAt));
    let ready: Ready;
    try {
      ready = await this.prepare(options);
    } catch (error) {
      if (isMisconfiguration(error)) throw error;
      return this.unknown(item, read.holder, error, this.unreadySource(checkedAt), format.warnings);
    }
    const source = this.source(ready, checkedAt);
    if (ready.mode === 'snapshot') return this.fromSnapshot(item, source, this.atOf(checkedAt));
    let entry: Lookup;
    try {
      entry = ready.gateway ? await this.askInterface(ready.gateway, format.value, read.holder, options) : await this.askRows(ready, format.value, options);
    } catch (error) {
      return this.unknown(item, read.holder, error, source, format.warnings);
    }
    return this.judge(item, entry, read.holder, read.activity, format.warnings, source, this.atOf(checkedAt));
  }

  /**
   * Verifies many items; verdicts come in the order of the items. A snapshot answers every item
   * locally, synchronously, with one `checkedAt` for the batch; remote mode runs `concurrency`
   * lookups at once and asks once per distinct number.
   */
  async verifyMany(items: readonly VerifyItem[], options: VerifyManyOptions = {}): Promise<Verdict[]> {
    if (!Array.isArray(items)) throw new ArgumentError('verifyMany() needs an array of items');
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new ArgumentError(`concurrency must be a positive whole number, got ${String(concurrency)}`);
    options.signal?.throwIfAborted();
    if (items.length === 0) return [];
    const checkedAt = new Date();
    let ready: Ready;
    try {
      ready = await this.prepare(options);
    } catch (error) {
      if (isMisconfiguration(error)) throw error;
      // One failed start answers the whole batch, instead of every item retrying it.
      return items.map((item) => this.unreachable(item, error, this.unreadySource(checkedAt)));
    }
    if (ready.mode === 'snapshot') {
      const source = this.source(ready, checkedAt);
      const at = this.atOf(checkedAt);
      const verdicts: Verdict[] = new Array<Verdict>(items.length);
      for (let index = 0; index < items.length; index++) verdicts[index] = this.fromSnapshot(items[index] as VerifyItem, source, at);
      return verdicts;
    }
    const verdicts: Verdict[] = new Array<Verdict>(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        options.signal?.throwIfAborted();
        verdicts[index] = await this.verify(items[index] as VerifyItem, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return verdicts;
  }

  /**
   * Brings a snapshot up to date: one request when nothing changed, a re-read when the dataset
   * did. In remote mode, forgets the remembered answers.
   */
  async refresh(options: CallOptions = {}): Promise<void> {
    const ready = await this.prepare(options);
    if (ready.mode === 'snapshot') await (this.snapshot as LicenseSnapshot<SnapshotEntry>).refresh(options);
    else this.cache.clear();
  }

  /** The mode in force once the verifier has looked at the dataset. */
  async mode(options: CallOptions = {}): Promise<'remote' | 'snapshot'> {
    return (await this.prepare(options)).mode;
  }

  private prepare(options: CallOptions): Promise<Ready> {
    this.ready ??= this.load(options).then(
      (ready) => (this.loaded = ready),
      (error: unknown) => {
        // A failed start (portal down) must not stick: the next call tries again.
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  private async load(options: CallOptions): Promise<Ready> {
    const dataset = await this.datasets.get(this.dataset, options);
    const adapter = await this.context.adapter();
    const gatewayInfo = (dataset.raw as { gateway?: { params?: unknown } | null } | null)?.gateway ?? undefined;
    const params = Array.isArray(gatewayInfo?.params) ? (gatewayInfo.params as unknown[]) : [];
    const gateway: readonly [string, string] | undefined =
      gatewayInfo && this.personal && adapter.lookup ? [typeof params[0] === 'string' ? params[0] : 'certNo', typeof params[1] === 'string' ? params[1] : 'name'] : undefined;
    const requested = this.options.mode ?? 'auto';
    const canRemote = gateway !== undefined || this.context.portal.capabilities.serverFilters;
    if (requested === 'remote' && !canRemote) throw this.cannotRemote();
    const mode = requested === 'auto' ? (canRemote ? 'remote' : 'snapshot') : requested;
    if (gateway && mode === 'remote') return { dataset, fields: {}, mode, gateway };

    let columns = dataset.fields.map((field) => field.name);
    if (columns.length === 0) {
      const [first] = await this.datasets.records(this.dataset, { limit: 1, ...options }).toArray();
      columns = Object.keys(first ?? {});
    }
    const fields = resolveLicenseFields(this.kind, this.dataset, columns, this.options.fields);
    const numberColumn = fields.number;
    if (!numberColumn) {
      throw new ArgumentError(`Cannot find the ${this.kind} number column of ${this.dataset} among ${columns.join(', ')}: pass fields: { number: '…' }`);
    }
    if (mode === 'snapshot') {
      const sync = new DatasetSync<RawRecord>(this.context, this.dataset, { key: numberColumn, store: new MemoryCheckpointStore() });
      const snapshot = new LicenseSnapshot<SnapshotEntry>(
        sync,
        (value) => (value === null || value === undefined || value === '' ? undefined : this.normalizeNumber(String(value))),
        numberColumn,
        (row, key) => this.snapshotEntry(row, key, fields),
      );
      await snapshot.refresh(options);
      this.snapshot = snapshot;
    }
    return { dataset, fields, mode, gateway: undefined };
  }

  private cannotRemote(): UnsupportedError {
    return cannotRemoteError(this.context.portal.family, this.kind, this.dataset);
  }

  private normalizeNumber(value: string): string {
    const format = checkNumberFormat(this.kind, value);
    if (!format.ok) return value.trim().toUpperCase();
    this.indexedKey = format.value;
    this.indexedWarnings = format.warnings;
    return format.value;
  }

  private snapshotEntry(row: RawRecord, key: string, fields: Partial<LicenseFields>): SnapshotEntry {
    // The snapshot reads a row's key just before preparing it. Validators judge the normalised
    // form, so the key's own check has the warnings found then; other keys are checked here.
    let found: readonly string[] | undefined;
    if (key === this.indexedKey) found = this.indexedWarnings;
    else {
      const format = checkNumberFormat(this.kind, key);
      found = format.ok ? format.warnings : undefined;
    }
    const warnings = found === undefined ? undefined : found.length ? Object.freeze([...found]) : NO_WARNINGS;
    return prepareLicense(this.kind, row, fields, key, this.context.portal.parseTimestamp, warnings, this.scopes);
  }

  /** The snapshot's verdict for one item: synchronous, no network. */
  private fromSnapshot(item: VerifyItem, source: VerdictSource, at: number): Verdict {
    const snapshot = this.snapshot as LicenseSnapshot<SnapshotEntry>;
    let number: string;
    let holder: string | undefined;
    let activity: string | undefined;
    const given = item as { number?: unknown; holder?: unknown; activity?: unknown } | null;
    // The common shape is read in place; anything else goes through the full reading.
    if (typeof given === 'object' && given !== null && typeof given.number === 'string' && isPlainText(given.holder) && isPlainText(given.activity)) {
      number = given.number;
      holder = given.holder;
      activity = given.activity;
    } else {
      const read = readItem(item);
      if (!read.ok) return this.verdict(read.echo, 'invalid_format', INVALID, { format: false }, [read.problem], source);
      ({ number, holder, activity } = read);
    }
    // Most numbers arrive already normalised: one map lookup settles format and presence.
    let entry = snapshot.get(number);
    let warnings = entry?.warnings;
    if (warnings === undefined) {
      const format = checkNumberFormat(this.kind, number);
      if (!format.ok) return this.verdict(item, 'invalid_format', INVALID, { format: false }, [format.reason], source);
      number = format.value;
      warnings = format.warnings;
      entry = snapshot.get(number);
    }
    return this.judge(item, entry ?? null, holder, activity, warnings, source, at);
  }

  private askRows(ready: Ready, number: string, options: CallOptions): Promise<Lookup> {
    return this.cache.get(number, async () => {
      const column = ready.fields.number as string;
      const rows = await this.datasets.records(this.dataset, { where: { [column]: number }, limit: 1, ...options }).toArray();
      const row = rows[0];
      return row ? prepareLicense(this.kind, row, ready.fields, number, this.context.portal.parseTimestamp) : null;
    });
  }

  private askInterface(params: readonly [string, string], number: string, holder: string | undefined, options: CallOptions): Promise<Lookup> {
    // The interface compares a number with a name: without a name there is no question to ask.
    if (holder === undefined) return Promise.reject(new ArgumentError(`${this.dataset} verifies a certificate number together with the holder's name: give the item a holder`));
    const name = personName(holder);
    return this.cache.get(`${number}\u0000${name}`, async () => {
      const answer = await this.datasets.lookup(this.dataset, { [params[0]]: number, [params[1]]: name }, options);
      if (typeof answer !== 'object' || answer === null || typeof (answer as { found?: unknown }).found !== 'boolean') {
        throw new ResponseFormatError(`The verification interface of ${this.dataset} answered without "found"`);
      }
      return (answer as { found: boolean }).found ? prepareAnswer(this.kind, number, answer as InterfaceAnswer, true) : null;
    });
  }

  private judge(
    item: VerifyItem,
    entry: Lookup,
    holder: string | undefined,
    activity: string | undefined,
    warnings: readonly string[],
    source: VerdictSource,
    at: number,
  ): Verdict {
    if (entry === null) return this.verdict(item, 'not_found', NOT_FOUND, { format: true, found: false }, warnings, source);
    const evaluation = evaluateLicense(entry, holder, activity, at);
    return this.verdict(item, evaluation.status, evaluation.reasons, evaluation.checks, warnings, source, entry.license);
  }

  private verdict(
    item: VerifyItem,
    status: VerdictStatus,
    reasons: readonly VerdictStatus[],
    checks: VerdictChecks,
    warnings: readonly string[],
    source: VerdictSource,
    license?: VerdictLicense,
  ): Verdict {
    const shown = this.personal ? maskedItem(item) : item;
    return license ? { status, reasons, item: shown, license, checks, warnings, source } : { status, reasons, item: shown, checks, warnings, source };
  }

  /** A verdict for a source that could not answer: `invalid_format` still wins, since it needs no source. */
  private unreachable(item: VerifyItem, error: unknown, source: VerdictSource): Verdict {
    const read = readItem(item);
    if (!read.ok) return this.verdict(read.echo, 'invalid_format', INVALID, { format: false }, [read.problem], source);
    const format = checkNumberFormat(this.kind, read.number);
    if (!format.ok) return this.verdict(item, 'invalid_format', INVALID, { format: false }, [format.reason], source);
    return this.unknown(item, read.holder, error, source, format.warnings);
  }

  private unknown(item: VerifyItem, holder: string | undefined, error: unknown, source: VerdictSource, warnings: readonly string[]): Verdict {
    let cause = error instanceof Error ? error : new Error(String(error));
    if (this.personal) cause = maskPersonalError(cause, holder);
    return { ...this.verdict(item, 'unknown', UNKNOWN, { format: true }, warnings, source), error: cause };
  }

  private atOf(checkedAt: Date): number {
    return (this.options.at ?? checkedAt).getTime();
  }

  private source(ready: Ready, checkedAt: Date): VerdictSource {
    const datasetUpdatedAt = ready.mode === 'snapshot' ? (this.snapshot?.updatedAt ?? ready.dataset.updatedAt) : ready.dataset.updatedAt;
    return { portal: this.context.portal.family, dataset: this.dataset, datasetUpdatedAt, checkedAt, mode: ready.mode };
  }

  private unreadySource(checkedAt: Date): VerdictSource {
    const mode = this.loaded?.mode ?? (this.options.mode === 'snapshot' ? 'snapshot' : 'remote');
    return { portal: this.context.portal.family, dataset: this.dataset, datasetUpdatedAt: null, checkedAt, mode };
  }
}

/** A snapshot's entry: the prepared row, with the format warnings of its normalised number. */
type SnapshotEntry = PreparedLicense;

/** A holder or activity readable without conversion: absent, or non-blank text. */
function isPlainText(value: unknown): value is string | undefined {
  if (value === undefined) return true;
  // Text that starts and ends with a visible character is non-blank; anything else is read in full.
  return typeof value === 'string' && value.length > 0 && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32 && value.charCodeAt(0) !== 0x3000;
}

function isMisconfiguration(error: unknown): boolean {
  return error instanceof ArgumentError || error instanceof UnsupportedError;
}

/** Verdicts about people carry masked names, ID and mobile numbers; the item's other fields are kept. */
function maskedItem(item: VerifyItem): VerifyItem {
  const redacted = mask.redact(item) as VerifyItem;
  return typeof item?.holder === 'string' ? { ...redacted, holder: mask.name(item.holder) } : redacted;
}

/** A name as registries store it: NFKC, and no spaces inside a Chinese name (`张 三` is `张三`). */
function personName(name: string): string {
  const text = name.normalize('NFKC').trim();
  return /[\u3400-\u9fff]/.test(text) ? text.replace(/[\s\u3000]+/g, '') : text.replace(/\s+/g, ' ');
}
