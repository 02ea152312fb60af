import { UnsupportedError } from '../errors/unsupported-error.js';
import type { PortalFamily } from '../model/dataset.js';

/** The error of `mode: 'remote'` on a portal that can neither filter by number nor answer through an interface. */
export function cannotRemoteError(family: PortalFamily, kind: string, dataset: string): UnsupportedError {
  return new UnsupportedError(`${family} portals cannot look up one ${kind} number of ${dataset} on the server: use mode 'snapshot' (or 'auto')`);
}
