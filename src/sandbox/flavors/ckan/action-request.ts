import type { SandboxContext } from '../../flavor.js';
import type { ActionParams } from './action-params.js';

/** One call of a CKAN action, with everything the action may read. */
export interface ActionRequest {
  readonly action: string;
  readonly params: ActionParams;
  readonly context: SandboxContext;
  /** `scheme://host[:port]` of the request, for absolute URLs in answers. */
  readonly origin: string;
  readonly url: URL;
  /** Whether the request carries the sandbox's API token (private datasets need it). */
  readonly authorized: boolean;
}

/** An action returns its `result`, or throws a `CkanActionError`. */
export type Action = (request: ActionRequest) => unknown;
