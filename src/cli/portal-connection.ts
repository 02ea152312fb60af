import { createClient, type Client } from '../client.js';
import { portals } from '../portals/index.js';
import { maskPersonalText } from '../privacy/index.js';
import { createSandbox, type FlavorName } from '../sandbox/index.js';
import type { CommandContext, CommandOption } from './command.js';
import type { ExitCode } from './exit-code.js';
import { OptionReader } from './option-values.js';
import { redactSecrets, redactingIo } from './secret-redaction.js';
import { UsageError } from './usage-error.js';
import type { CliIo } from './cli-io.js';

// Keys of a Record over FlavorName: a new family does not compile until the CLI can connect to it.
const FAMILIES = Object.keys({ zhejiang: 0, ckan: 0, socrata: 0, opendatasoft: 0 } satisfies Record<FlavorName, 0>) as FlavorName[];

/**
 * The options every portal command takes. Secrets have no `default` shown, so `--help` never
 * prints one, even when it is set in the environment.
 */
export const connectionOptions: Readonly<Record<string, CommandOption>> = {
  portal: { type: 'string', value: '<family>', description: 'Portal family: zhejiang, ckan, socrata or opendatasoft (env KAIFANG_PORTAL)' },
  'base-url': { type: 'string', value: '<url>', description: 'The portal\'s base URL (env KAIFANG_BASE_URL)' },
  'app-key': { type: 'string', value: '<key>', description: 'zhejiang app key (env KAIFANG_APP_KEY)' },
  'app-secret': { type: 'string', value: '<secret>', description: 'zhejiang app secret, never printed (env KAIFANG_APP_SECRET)' },
  'app-id': { type: 'string', value: '<id>', description: 'zhejiang app id of the unified data gateway; with it records are read through the gateway (env KAIFANG_APP_ID)' },
  'user-secret': { type: 'string', value: '<secret>', description: 'zhejiang user secret of the data gateway, never printed (env KAIFANG_USER_SECRET)' },
  token: { type: 'string', value: '<token>', description: 'ckan API token, socrata app token or opendatasoft API key, never printed (env KAIFANG_TOKEN)' },
  sandbox: {
    type: 'string',
    value: '[flavor]',
    description: 'Use an in-process sandbox portal instead (no network); flavor as for --portal (env KAIFANG_PORTAL=sandbox:<flavor>)',
    implicit: { value: 'zhejiang', choices: FAMILIES },
  },
  unmasked: {
    type: 'boolean',
    description:
      'Print personal data (resident ID and mobile numbers, people\'s names) as the portal sent them, in rows and messages; by default they are masked. Personal information is protected by law (PIPL): use only when your data-use approval covers it',
  },
};

/** A client for the configured portal, and the secrets it was given (to keep them out of any output). */
export interface PortalConnection {
  readonly client: Client;
  readonly secrets: readonly string[];
  /** Where the client points, for messages: the family and base URL, or the sandbox. */
  readonly label: string;
  /** Whether personal data is masked in rows and messages (no `--unmasked`). */
  readonly masks: boolean;
}

/**
 * Builds the client from flags, falling back to `KAIFANG_*` environment variables. Flags win;
 * `--sandbox` (or `KAIFANG_PORTAL=sandbox[:flavor]`) ignores every other setting.
 *
 * @throws {UsageError} when no portal is configured or a setting is malformed; its message never
 *   carries a secret.
 */
export function connect(values: CommandContext['values'], command: string, env: Readonly<Record<string, string | undefined>> = process.env): PortalConnection {
  const options = new OptionReader(values, command);
  const masks = !options.flag('unmasked');
  const sandboxFlag = options.string('sandbox');
  const flagPortal = options.string('portal');
  const envPortal = nonEmpty(env['KAIFANG_PORTAL']);
  if (sandboxFlag !== undefined || (flagPortal === undefined && envPortal?.startsWith('sandbox'))) {
    const flavor = sandboxFlag ?? (envPortal as string).replace(/^sandbox:?/, '').trim();
    return sandboxConnection(flavor === '' ? 'zhejiang' : flavor, sandboxFlag === undefined ? 'KAIFANG_PORTAL' : '--sandbox', command, masks);
  }
  const family = flagPortal ?? envPortal;
  const baseUrl = options.string('base-url') ?? nonEmpty(env['KAIFANG_BASE_URL']);
  if (family === undefined || baseUrl === undefined) {
    throw new UsageError('no portal configured: pass --portal and --base-url (or set KAIFANG_PORTAL and KAIFANG_BASE_URL), or try --sandbox', command);
  }
  if (!(FAMILIES as readonly string[]).includes(family)) {
    throw new UsageError(`${flagPortal === undefined ? 'KAIFANG_PORTAL' : '--portal'} must be one of ${FAMILIES.join(', ')} or sandbox:<flavor>, got '${family}'`, command);
  }
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) throw new UsageError('the base URL must start with http:// or https://', command);
  const appKey = options.string('app-key') ?? nonEmpty(env['KAIFANG_APP_KEY']);
  const appSecret = options.string('app-secret') ?? nonEmpty(env['KAIFANG_APP_SECRET']);
  const appId = options.string('app-id') ?? nonEmpty(env['KAIFANG_APP_ID']);
  const userSecret = options.string('user-secret') ?? nonEmpty(env['KAIFANG_USER_SECRET']);
  const token = options.string('token') ?? nonEmpty(env['KAIFANG_TOKEN']);
  const secrets = [appSecret, userSecret, token].filter((secret): secret is string => secret !== undefined);
  try {
    const portal =
      family === 'zhejiang'
        ? portals.zhejiang({ baseUrl, appKey, appSecret, appId, userSecret })
        : family === 'ckan'
          ? portals.ckan({ baseUrl, ...(token ? { token } : {}) })
          : family === 'socrata'
            ? portals.socrata({ baseUrl, ...(token ? { appToken: token } : {}) })
            : portals.opendatasoft({ baseUrl, ...(token ? { apiKey: token } : {}) });
    return { client: createClient({ portal, privacy: { mask: masks } }), secrets, label: `${family} ${redactSecrets(baseUrl, secrets)}`, masks };
  } catch (error) {
    throw new UsageError(redactSecrets(error instanceof Error ? error.message : String(error), secrets), command);
  }
}

function sandboxConnection(flavor: string, source: string, command: string, masks: boolean): PortalConnection {
  if (!(FAMILIES as readonly string[]).includes(flavor)) throw new UsageError(`${source} flavor must be one of ${FAMILIES.join(', ')}, got '${flavor}'`, command);
  const sandbox = createSandbox({ flavor: flavor as FlavorName, seed: 1, scale: 'small' });
  const { appKey, appSecret, userSecret, apiToken } = sandbox.credentials;
  const baseUrl = sandbox.url;
  const portal =
    flavor === 'zhejiang'
      ? portals.zhejiang({ baseUrl, appKey, appSecret })
      : flavor === 'ckan'
        ? portals.ckan({ baseUrl, token: apiToken })
        : flavor === 'socrata'
          ? portals.socrata({ baseUrl, appToken: apiToken })
          : portals.opendatasoft({ baseUrl, apiKey: apiToken });
  // The sandbox's credentials are public values, but they are still kept out of output like real ones.
  return {
    client: createClient({ portal, fetch: sandbox.fetch, privacy: { mask: masks } }),
    secrets: [appSecret, userSecret, apiToken],
    label: `the in-process ${flavor} sandbox`,
    masks,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Runs a portal command: connects, hands the body a client and an io that redacts secrets (and
 * masks personal data unless `--unmasked`), and cleans any error it throws the same way.
 */
export async function withPortal(
  context: CommandContext,
  command: string,
  body: (connection: PortalConnection, io: CliIo) => Promise<ExitCode>,
): Promise<ExitCode> {
  const connection = connect(context.values, command, context.io.env ?? process.env);
  const clean = (text: string): string => {
    const redacted = redactSecrets(text, connection.secrets);
    return connection.masks ? maskPersonalText(redacted) : redacted;
  };
  try {
    return await body(connection, connection.masks ? maskingIo(redactingIo(context.io, connection.secrets)) : redactingIo(context.io, connection.secrets));
  } catch (error) {
    const message = clean(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) throw new UsageError(message, error.command);
    throw new Error(message);
  }
}

/** The same io, with personal data masked in every line it prints; bulk streams are left to the command. */
function maskingIo(io: CliIo): CliIo {
  return { ...io, out: (line) => io.out(maskPersonalText(line)), err: (line) => io.err(maskPersonalText(line)) };
}
