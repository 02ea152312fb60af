/** Parameters of one action call: strings (or string lists) from a query, any JSON from a body. */
export type ActionParams = Readonly<Record<string, unknown>>;

/** The parameters, or the detail of CKAN's 400 answer when the request data is unusable. */
export type ReadParamsResult = { readonly params: ActionParams } | { readonly badRequest: string };

/**
 * Reads an action's parameters the way CKAN does (`_get_request_data` in `ckan/views/api.py`):
 * a form body first, then the query string (read-only actions accept GET), then a JSON body,
 * which must decode to an object.
 */
export async function readActionParams(request: Request, url: URL): Promise<ReadParamsResult> {
  const contentType = request.headers.get('content-type') ?? '';
  if (request.method === 'POST' && contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(await safeText(request));
    const keys = [...new Set(form.keys())];
    // CKAN's own JS posts a JSON document as the single key of a form with an empty value.
    const single = keys.length === 1 ? (keys[0] as string) : undefined;
    if (single !== undefined && ['', '1'].includes(form.get(single) ?? '') && single.trimStart().startsWith('{')) {
      return decodeJson(single);
    }
    return { params: fromSearchParams(form) };
  }
  if ([...url.searchParams.keys()].length > 0) return { params: fromSearchParams(url.searchParams) };
  if (request.method !== 'POST') return { params: {} };
  const text = await safeText(request);
  if (text.trim() === '') return { params: {} };
  return decodeJson(text);
}

/** Repeated keys become lists, as CKAN's `mixed()` does. */
function fromSearchParams(search: URLSearchParams): ActionParams {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    params[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return params;
}

function decodeJson(text: string): ReadParamsResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { badRequest: `JSON Error: Error decoding JSON data. Error: ${reason} JSON data extracted from the request: {}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { badRequest: `JSON Error: Request data JSON decoded to ${JSON.stringify(data)} but it needs to be a dictionary.` };
  }
  return { params: data as ActionParams };
}

async function safeText(request: Request): Promise<string> {
  try {
    return await request.text();
  } catch {
    return '';
  }
}
