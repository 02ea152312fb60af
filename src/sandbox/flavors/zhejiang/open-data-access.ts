import type { SandboxContext } from '../../flavor.js';
import type { DatasetState } from '../../dataset-state.js';
import { openDataFailure } from './open-data-answer.js';
import type { RequestParams } from './request-params.js';

/**
 * The checks every section-A route runs before it serves a catalogue entry, in the platform's
 * order: the app secret, then the entry itself, then the approval of a restricted entry.
 * Returns the entry's state, or the failure to answer.
 */
export function openDataAccess(cataId: string, params: RequestParams, context: SandboxContext): DatasetState | Response {
  const appsecret = params.get('appsecret');
  if (appsecret === undefined || appsecret === '') return openDataFailure('appsecret不能为空');
  if (appsecret !== context.credentials.appSecret) return openDataFailure('appsecret无效');
  const state = context.datasets.get(cataId);
  // Forbidden data is never published, so it has no catalogue entry at all.
  if (!state || state.definition.openClass === 'forbidden') return openDataFailure('目录不存在');
  if (state.definition.openClass === 'restricted' && !context.approved.has(cataId)) return openDataFailure('未授权');
  return state;
}
