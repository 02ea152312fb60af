import type { Flavor, SandboxContext } from '../../flavor.js';
import { CkanActionError } from './action-error.js';
import { readActionParams } from './action-params.js';
import type { Action, ActionRequest } from './action-request.js';
import { actionFailure, actionSuccess, badRequest, jsonResponse, methodNotAllowedPage, notFoundPage } from './ckan-responses.js';
import { datastoreSearch } from './datastore-search.js';
import { datastoreSearchSql } from './datastore-search-sql.js';
import { resourceId } from './package-dict.js';
import { packageSearch } from './package-search.js';
import { packageShow } from './package-show.js';
import { resourceDownload } from './resource-download.js';
import { resourceShow } from './resource-show.js';
import { helpShow, packageList, siteRead, statusShow } from './site-actions.js';

const ACTIONS: ReadonlyMap<string, Action> = new Map<string, Action>([
  ['package_search', packageSearch],
  ['package_show', packageShow],
  ['package_list', packageList],
  ['resource_show', resourceShow],
  ['datastore_search', datastoreSearch],
  ['datastore_search_sql', datastoreSearchSql],
  ['status_show', statusShow],
  ['help_show', helpShow],
  ['site_read', siteRead],
]);

/** `/api/action/x` is the unversioned alias of `/api/3/action/x` on every CKAN site. */
const ACTION_PATH = /^\/api(?:\/3)?\/action\/([^/]+)\/?$/;
const API_ROOT = /^\/api(?:\/3)?\/?$/;
const DOWNLOAD_PATH = /^\/dataset\/([^/]+)\/resource\/([^/]+)\/download\/[^/]+$/;

/**
 * The CKAN Action API v3 with a DataStore: `package_search`, `package_show`, `resource_show`,
 * `datastore_search` and the site actions, with CKAN's status codes and error envelopes.
 */
export const ckanFlavor: Flavor = {
  name: 'ckan',
  drift: { from: 'result', to: 'results' },
  async handle(request, context) {
    try {
      return await route(request, context);
    } catch {
      // A bug must still look like CKAN's own 500, never a crashed sandbox.
      return jsonResponse(500, { success: false, error: { __type: 'Internal Server Error', message: 'Internal Server Error' } });
    }
  },
  samples(baseUrl, context) {
    const base = baseUrl.replace(/\/+$/, '');
    const action = (name: string, query: Record<string, string>) => `${base}/api/3/action/${name}?${new URLSearchParams(query).toString()}`;
    const first = context.datasets.get('nb-food-licenses') ?? context.datasets.values().next().value;
    const samples = [
      action('package_search', { q: '许可证', rows: '5' }),
      action('package_search', { fq: 'metadata_modified:[NOW-7DAYS TO *]', sort: 'metadata_modified desc' }),
    ];
    if (first) {
      const rid = resourceId(context.seed, first.id);
      samples.push(
        action('package_show', { id: first.id }),
        action('datastore_search', { resource_id: rid, limit: '5' }),
        action('datastore_search', { resource_id: rid, sort: '_id', limit: '1000' }),
      );
    }
    return samples;
  },
};

async function route(request: Request, context: SandboxContext): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFoundPage();
  }
  const authorized = isAuthorized(request, context);
  const actionMatch = ACTION_PATH.exec(url.pathname);
  const downloadMatch = DOWNLOAD_PATH.exec(url.pathname);
  const isApiRoot = API_ROOT.test(url.pathname);
  if (!actionMatch && !downloadMatch && !isApiRoot) return notFoundPage();

  const method = request.method.toUpperCase();
  const allowed = method === 'GET' || method === 'HEAD' || (method === 'POST' && actionMatch !== null);
  if (!allowed) return methodNotAllowedPage();

  let response: Response;
  if (actionMatch) response = await runAction(request, url, context, authorized, decodeSegment(actionMatch[1] as string));
  else if (downloadMatch) {
    response = await resourceDownload(request, context, decodeSegment(downloadMatch[1] as string), decodeSegment(downloadMatch[2] as string), authorized);
  } else response = jsonResponse(200, { version: 3 });
  return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

async function runAction(request: Request, url: URL, context: SandboxContext, authorized: boolean, name: string): Promise<Response> {
  // With `ckan.datastore.sqlsearch.enabled` off, CKAN never registers the action.
  const action = name === 'datastore_search_sql' && !context.sqlEnabled ? undefined : ACTIONS.get(name);
  if (!action) return badRequest(`Action name not known: ${name}`);
  const read = await readActionParams(request, url);
  if ('badRequest' in read) return badRequest(read.badRequest);
  const help = `${url.origin}/api/3/action/help_show?name=${encodeURIComponent(name)}`;
  const actionRequest: ActionRequest = { action: name, params: read.params, context, origin: url.origin, url, authorized };
  try {
    return actionSuccess(help, action(actionRequest));
  } catch (error) {
    if (error instanceof CkanActionError) return actionFailure(error.status, help, error.body);
    return actionFailure(500, help, { __type: 'Internal Server Error', message: 'Internal Server Error' });
  }
}

/** CKAN reads the token from `Authorization` as is (no "Bearer"), or from the legacy `X-CKAN-API-Key`. */
function isAuthorized(request: Request, context: SandboxContext): boolean {
  const token = context.credentials.apiToken;
  return request.headers.get('authorization') === token || request.headers.get('x-ckan-api-key') === token;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
