import { fingerprint } from '../http/fingerprint.js';
import type { RetryOptions, Transport } from '../http/index.js';
import type { PortalFamily } from '../model/dataset.js';
import type { PortalAdapter, PortalCapabilities } from './portal-adapter.js';

/** What the engine knows of a portal before its adapter loads. */
export interface PortalFacts {
  readonly family: PortalFamily;
  readonly baseUrl: string;
  /** What the shared engine may rely on: server filters, page sizes, parallel pages. */
  readonly capabilities: PortalCapabilities;
  /** Reads a timestamp as this portal writes it in rows (zhejiang: Shanghai local time; ckan: naive UTC). */
  parseTimestamp(value: unknown): Date | null;
}

/** The credentials of a portal, as {@link definePortal} takes them. */
export interface PortalCredentials {
  /** Secret values as given, `undefined` for one not given: redacted wherever they appear. */
  readonly secrets: readonly (string | undefined)[];
  /**
   * Values that tell one identity from another without being secret (zhejiang's app key): they
   * separate cache entries, and are shown as sent. @default []
   */
  readonly identity?: readonly (string | undefined)[] | undefined;
  /** Query parameter names that carry secrets on this portal. */
  readonly params: readonly string[];
  /** Header names that carry secrets on this portal. */
  readonly headers: readonly string[];
  /**
   * Whether credentials were given (they may unlock restricted datasets).
   * @default whether any value of `secrets` or `identity` is a non-empty string
   */
  readonly given?: boolean | undefined;
}

/** What a client tells an adapter as it loads. */
export interface AdapterLoadContext {
  /**
   * The client's retry settings, for requests the transport does not repeat itself (it repeats
   * GETs only): zhejiang's signed data gateway calls are POSTs that are safe to repeat.
   */
  readonly retry?: RetryOptions | false | undefined;
}

/** What {@link definePortal} takes: a family's facts, its credentials, and how to load its adapter. */
export interface PortalSpec extends PortalFacts {
  readonly credentials: PortalCredentials;
  /**
   * Ids whose access the portal itself decides on every request, so the open-class rule reads no
   * catalogue entry for them (zhejiang's gateway interface ids: the platform answers an
   * interface only for apps it is open or approved for). @default none
   */
  readonly decidesAccess?: ((id: string) => boolean) | undefined;
  /** Imports the adapter's module and builds the adapter on the client's transport. */
  load(transport: Transport, context?: AdapterLoadContext): Promise<PortalAdapter>;
}

/**
 * What `portals.zhejiang(...)` and friends return, for `createClient({ portal })`: the portal's
 * facts and credentials, and a loader the client calls once, on its first request, so a browser
 * app ships only the family it talks to and only once it talks.
 */
export interface PortalDefinition extends PortalFacts {
  /** Query parameter names that carry secrets on this portal (redacted everywhere). */
  readonly secretParams: readonly string[];
  /** Header names that carry secrets on this portal. */
  readonly secretHeaders: readonly string[];
  /** The secret values given; a function, so that logging a definition never prints them. */
  secretValues(): readonly string[];
  /** A short hash of the credentials, so cache entries of two identities never mix. */
  readonly credentialFingerprint: string;
  /** Whether credentials were given; without them restricted data is refused before any request. */
  readonly hasCredentials: boolean;
  /** Whether the portal itself decides access to `id` on every request (see {@link PortalSpec.decidesAccess}). */
  decidesAccess(id: string): boolean;
  /** Imports the adapter's module and builds the adapter on `transport`. */
  load(transport: Transport, context?: AdapterLoadContext): Promise<PortalAdapter>;
}

/**
 * Defines a portal once: its facts, its credentials (for redaction and the cache fingerprint)
 * and how its adapter loads. The optional adapter methods (`lookup`, `openFile`, …) are whatever
 * the loaded adapter has.
 *
 * @example
 * definePortal({
 *   family: 'ckan', baseUrl, capabilities: CKAN_CAPABILITIES, parseTimestamp,
 *   credentials: { secrets: [token], params: [], headers: ['Authorization'] },
 *   load: async (transport) => new (await import('./ckan-adapter.js')).CkanAdapter(transport, settings),
 * });
 */
export function definePortal(spec: PortalSpec): PortalDefinition {
  const { credentials } = spec;
  const identity = credentials.identity ?? [];
  const secrets = credentials.secrets.filter((value): value is string => typeof value === 'string' && value !== '');
  const hasCredentials = credentials.given ?? [...identity, ...credentials.secrets].some((value) => typeof value === 'string' && value !== '');
  return {
    family: spec.family,
    baseUrl: spec.baseUrl,
    capabilities: spec.capabilities,
    parseTimestamp: (value) => spec.parseTimestamp(value),
    secretParams: credentials.params,
    secretHeaders: credentials.headers,
    secretValues: () => secrets,
    credentialFingerprint: fingerprint([spec.family, ...identity, ...credentials.secrets].map((value) => value ?? '').join('\n')),
    hasCredentials,
    decidesAccess: (id) => spec.decidesAccess?.(id) ?? false,
    load: (transport, context) => spec.load(transport, context),
  };
}
