import { AuthError } from '../errors/auth-error.js';
import { ForbiddenDataError } from '../errors/forbidden-data-error.js';
import type { Dataset, OpenClass } from '../model/dataset.js';
import type { CallOptions } from '../portals/portal-adapter.js';
import { restrictedDataError } from './restricted-data-error.js';

/** Options of {@link OpenClassRule}. */
export interface OpenClassRuleOptions {
  /** Whether the client holds credentials (app secret, token, API key) that may unlock restricted data. */
  readonly credentials: boolean;
  /** Reads a dataset's catalogue entry, where its open class is stated. */
  readonly readMetadata: (id: string, call: CallOptions) => Promise<Dataset>;
  /** How long a learned open class is trusted, in ms. @default 300_000 */
  readonly ttl?: number | undefined;
}

const DEFAULT_TTL = 300_000;

/**
 * The open-class rules of public data, checked once at each entry point that reads a dataset's
 * data (records, sync, downloads, aggregates, version checks, lookups): `forbidden` (禁止开放)
 * throws `ForbiddenDataError` and `restricted` (受限开放) without credentials an `AuthError`,
 * before any request for the data. The class comes from the catalogue entry (one metadata call,
 * answered by the transport cache when fresh) and is remembered per dataset for `ttl`.
 */
export class OpenClassRule {
  private readonly known = new Map<string, { readonly openClass: Promise<OpenClass>; readonly expires: number }>();
  private readonly ttl: number;

  constructor(private readonly options: OpenClassRuleOptions) {
    this.ttl = options.ttl ?? DEFAULT_TTL;
  }

  /** Remembers the open class of a dataset whose metadata was just read under `id`. */
  learn(id: string, dataset: Dataset): void {
    this.known.set(id, { openClass: Promise.resolve(dataset.openClass), expires: Date.now() + this.ttl });
  }

  /** Resolves when the rules allow reading `id`'s data with this client's credentials; rejects otherwise. */
  async check(id: string, call: CallOptions): Promise<void> {
    const openClass = await this.openClassOf(id, call);
    if (openClass === 'forbidden') throw new ForbiddenDataError(id);
    if (openClass === 'restricted' && !this.options.credentials) throw restrictedDataError(id);
  }

  private openClassOf(id: string, call: CallOptions): Promise<OpenClass> {
    const now = Date.now();
    const entry = this.known.get(id);
    if (entry && entry.expires > now) return entry.openClass;
    const openClass = this.options.readMetadata(id, call.signal ? { signal: call.signal } : {}).then(
      (dataset) => dataset.openClass,
      (error: unknown) => {
        // ckan and socrata refuse even the metadata of private data to anonymous callers.
        if (error instanceof AuthError && !this.options.credentials) throw restrictedDataError(id, error);
        throw error;
      },
    );
    this.known.set(id, { openClass, expires: now + this.ttl });
    // A failed lookup (network, abort) is not remembered.
    openClass.catch(() => {
      if (this.known.get(id)?.openClass === openClass) this.known.delete(id);
    });
    return openClass;
  }
}
