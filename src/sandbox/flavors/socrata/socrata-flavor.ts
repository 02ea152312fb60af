import type { Flavor, SandboxContext } from '../../flavor.js';
import { overAnonymousBudget } from './anonymous-throttle.js';
import { viewMetadata } from './dataset-metadata.js';
import { findDataset } from './dataset-lookup.js';
import { discoveryCatalog } from './discovery-catalog.js';
import { fourByFour } from './four-by-four.js';
import { entityTag, httpDate, notModified } from './http-dates.js';
import { resourceRows } from './resource-rows.js';
import { jsonResponse, SocrataError } from './socrata-error.js';
import { defaultSocrataRules, type SocrataRules } from './socrata-rules.js';

const RESOURCE_PATH = /^\/resource\/([^/]+)\.json$/;
const VIEW_PATH = /^\/api\/views\/([^/]+?)(?:\.json)?$/;
const CATALOG_PATH = /^\/api\/catalog\/v1\/?$/;

/**
 * A Socrata site: SODA 2.1 rows at `/resource/{id}.json` with a SoQL subset, view metadata at
 * `/api/views/{id}.json` and the Discovery API at `/api/catalog/v1`. Datasets answer under
 * their slug and their 4x4 alias. `X-App-Token` (or `$$app_token`) equal to the sandbox's
 * `apiToken` lifts the anonymous throttle and opens private (not unconditionally open) datasets.
 */
export function createSocrataFlavor(rules: SocrataRules = defaultSocrataRules): Flavor {
  return {
    name: 'socrata',
    // Row answers are bare arrays; the drift fault renames the catalogue's `results`.
    drift: { from: 'results', to: 'result' },
    async handle(request, context) {
      try {
        return route(request, context, rules);
      } catch (error) {
        if (error instanceof SocrataError) return error.toResponse();
        // A bug must still look like Socrata's own 500, never a crashed sandbox.
        return new SocrataError(500, 'internal_error', 'Internal error').toResponse();
      }
    },
    samples(baseUrl, context) {
      const base = baseUrl.replace(/\/+$/, '');
      let host = 'sandbox.kaifang.test';
      try {
        host = new URL(base).hostname;
      } catch {
        // Keep the in-process host for a base that is no URL.
      }
      const samples = [`${base}/api/catalog/v1?${new URLSearchParams({ domains: host, q: '许可证', only: 'datasets', limit: '5' }).toString()}`];
      const food = context.datasets.get('nb-food-licenses') ?? context.datasets.values().next().value;
      if (food) {
        samples.push(
          `${base}/api/views/${food.id}.json`,
          `${base}/resource/${food.id}.json?$limit=5`,
          `${base}/resource/${fourByFour(context.seed, food.id)}.json?${new URLSearchParams({ $select: ':*,*', $where: "status = '有效'", $order: ':id', $limit: '5' }).toString()}`,
        );
      }
      return samples;
    },
  };
}

/** The flavor `createSandbox({ flavor: 'socrata' })` serves, with {@link defaultSocrataRules}. */
export const socrataFlavor: Flavor = createSocrataFlavor();

function route(request: Request, context: SandboxContext, rules: SocrataRules): Response {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const resource = RESOURCE_PATH.exec(url.pathname);
  const view = VIEW_PATH.exec(url.pathname);
  const catalog = CATALOG_PATH.test(url.pathname);
  if (!resource && !view && !catalog) throw SocrataError.notFound(`path ${url.pathname}`);
  if (method !== 'GET' && method !== 'HEAD') {
    return jsonResponse(405, { code: 'method_not_allowed', error: true, message: `${method} is not allowed here` }, { allow: 'GET, HEAD' });
  }

  const token = request.headers.get('x-app-token') ?? url.searchParams.get('$$app_token');
  if (token !== null && token !== context.credentials.apiToken) throw new SocrataError(403, 'invalid_app_token', 'Invalid app_token specified');
  const authorized = token !== null;
  if (!authorized && overAnonymousBudget(context, rules.anonymousRequestsPerSecond)) {
    return jsonResponse(429, { code: 'too_many_requests', error: true, message: 'Too many requests without an app token; register one and send it as X-App-Token' }, { 'retry-after': '1' });
  }

  let response: Response;
  if (catalog) response = discoveryCatalog(url, context, authorized);
  else if (view) {
    const state = findDataset(context, decode(view[1] as string), authorized);
    response = conditionalJson(request, viewMetadata(state, context.seed), state.updatedAt);
  }
  else {
    const state = findDataset(context, decode((resource as RegExpExecArray)[1] as string), authorized);
    // Forbidden data is listed for transparency, its rows are refused to every caller.
    if (state.definition.openClass === 'forbidden') throw new SocrataError(403, 'permission_denied', `You do not have permission to view dataset ${state.id}`);
    response = resourceRows(request, url, context, state, rules);
  }
  return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A JSON answer with `ETag` and `Last-Modified`, or 304 when the request already holds it. */
function conditionalJson(request: Request, body: unknown, lastModified: Date): Response {
  const text = JSON.stringify(body);
  const etag = entityTag(text);
  const headers = { etag, 'last-modified': httpDate(lastModified) };
  if (notModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
