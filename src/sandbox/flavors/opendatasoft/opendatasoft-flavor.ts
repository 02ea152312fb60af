import type { Flavor, SandboxContext } from '../../flavor.js';
import { identifyCaller } from './api-key.js';
import { catalogDatasets } from './catalog-datasets.js';
import { catalogEntry } from './catalog-entry.js';
import { countAnonymousCall } from './daily-quota.js';
import { findDataset } from './dataset-query.js';
import { datasetExport } from './dataset-export.js';
import { datasetRecords } from './dataset-records.js';
import { jsonResponse, OdsError } from './ods-responses.js';

const API_ROOT = '/api/explore/v2.1';
const DATASET_PATH = /^\/catalog\/datasets\/([^/]+)(?:\/(records|exports)(?:\/([^/]+))?)?\/?$/;

/**
 * Opendatasoft's Explore API v2.1: the catalogue, records (at most 100 per page and 10,000 deep),
 * streamed exports, API keys, and the per-domain daily quota (see `daily-quota.ts`).
 */
export const opendatasoftFlavor: Flavor = {
  name: 'opendatasoft',
  drift: { from: 'results', to: 'records' },
  async handle(request, context) {
    let headers: Record<string, string> = {};
    try {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') throw new OdsError(405, 'MethodNotAllowed', `Method ${method} is not allowed: the Explore API is read-only.`);
      const caller = identifyCaller(request, url, context);
      if (caller === 'invalid') throw new OdsError(401, 'AuthenticationError', 'The API key provided is invalid.');
      if (caller === 'anonymous') {
        const quota = countAnonymousCall(context);
        if ('refused' in quota) return quota.refused;
        headers = quota.headers;
      }
      const response = route(url, context, caller, headers);
      return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
    } catch (error) {
      if (error instanceof OdsError) return error.toResponse(headers);
      // A bug must still look like the portal's own 500, never a crashed sandbox.
      return jsonResponse(500, { error_code: 'InternalServerError', message: 'An internal error occurred.' }, headers);
    }
  },
  samples(baseUrl) {
    const base = `${baseUrl.replace(/\/+$/, '')}${API_ROOT}`;
    return [
      `${base}/catalog/datasets?where=${encodeURIComponent('search("许可证")')}&limit=5`,
      `${base}/catalog/datasets/nb-food-licenses`,
      `${base}/catalog/datasets/nb-food-licenses/records?limit=5&where=${encodeURIComponent('status = "有效"')}`,
      `${base}/catalog/datasets/hz-parking-lots/records?select=lot_id,name,free_spaces&order_by=free_spaces%20desc&limit=10`,
      `${base}/catalog/datasets/nb-food-licenses/exports/jsonl`,
      `${base}/catalog/datasets/nb-food-licenses/exports/csv?select=license_no,holder_name,valid_until`,
    ];
  },
};

function route(url: URL, context: SandboxContext, caller: 'anonymous' | 'authorized', headers: Record<string, string>): Response {
  if (!url.pathname.startsWith(API_ROOT)) throw new OdsError(404, 'NotFound', `Unknown path: ${url.pathname}`);
  const path = url.pathname.slice(API_ROOT.length);
  if (path === '' || path === '/') {
    return jsonResponse(200, { links: [{ href: `${url.origin}${API_ROOT}/catalog`, rel: 'catalog' }] }, headers);
  }
  if (path === '/catalog/datasets' || path === '/catalog/datasets/') return jsonResponse(200, catalogDatasets(url, context, caller), headers);
  const match = DATASET_PATH.exec(path);
  if (!match) throw new OdsError(404, 'NotFound', `Unknown path: ${url.pathname}`);
  const state = findDataset(context, decodeSegment(match[1] as string), caller);
  // Forbidden data keeps its catalogue entry; Explore does not disclose rows it will not serve.
  if (match[2] !== undefined && state.definition.openClass === 'forbidden') throw OdsError.unknownDataset(state.id);
  if (match[2] === 'records' && match[3] === undefined) return jsonResponse(200, datasetRecords(state, url), headers);
  if (match[2] === 'exports' && match[3] !== undefined) {
    const response = datasetExport(state, url, decodeSegment(match[3]));
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  if (match[2] === undefined) return jsonResponse(200, catalogEntry(state, context.seed), headers);
  throw new OdsError(404, 'NotFound', `Unknown path: ${url.pathname}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
