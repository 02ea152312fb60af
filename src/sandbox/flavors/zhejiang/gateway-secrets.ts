import { md5Hex } from '../../../hash/md5.js';
import type { SandboxContext } from '../../flavor.js';

/** The secrets the gateway issued to an app key, with their end times in epoch milliseconds. */
export interface GatewaySecrets {
  readonly refreshSecret: string;
  readonly refreshSecretEndTime: number;
  readonly requestSecret: string;
  readonly requestSecretEndTime: number;
}

interface IssuedSecrets {
  issued: number;
  /** Only the latest pair per app key is valid: a refresh invalidates the previous secrets, as on the platform. */
  readonly current: Map<string, GatewaySecrets>;
}

const STATE_KEY = 'zhejiang.gateway.secrets';

function issuedSecrets(context: SandboxContext): IssuedSecrets {
  let state = context.state.get(STATE_KEY) as IssuedSecrets | undefined;
  if (!state) {
    state = { issued: 0, current: new Map() };
    context.state.set(STATE_KEY, state);
  }
  return state;
}

/**
 * Issues a fresh pair of secrets to an app key and invalidates the previous pair. Secrets are
 * md5 of (seed, app key, issue counter): unique within a sandbox, identical across runs with the
 * same seed. End times follow the sandbox clock and `context.tokenLifetimes`.
 */
export function issueSecrets(context: SandboxContext, appKey: string): GatewaySecrets {
  const state = issuedSecrets(context);
  state.issued++;
  const now = context.now().getTime();
  const stem = `kaifang-sandbox:${context.seed}:${appKey}:${state.issued}`;
  const secrets: GatewaySecrets = {
    refreshSecret: md5Hex(`${stem}:refresh`),
    refreshSecretEndTime: now + context.tokenLifetimes.refreshSecret,
    requestSecret: md5Hex(`${stem}:request`),
    requestSecretEndTime: now + context.tokenLifetimes.requestSecret,
  };
  state.current.set(appKey, secrets);
  return secrets;
}

/** The secrets currently valid for an app key (possibly expired), or undefined before the first refresh. */
export function currentSecrets(context: SandboxContext, appKey: string): GatewaySecrets | undefined {
  return issuedSecrets(context).current.get(appKey);
}
