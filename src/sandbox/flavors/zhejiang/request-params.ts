/**
 * The parameters of one request, from the query string and, for POST, a form body
 * (`application/x-www-form-urlencoded` or `multipart/form-data`). The query string wins when a
 * name appears in both, as a servlet's `getParameter` does. Malformed bodies read as empty.
 */
export class RequestParams {
  private readonly query: URLSearchParams;
  private readonly body: URLSearchParams;
  private readonly headers: Headers;

  private constructor(query: URLSearchParams, body: URLSearchParams, headers: Headers) {
    this.query = query;
    this.body = body;
    this.headers = headers;
  }

  /** Reads a request's parameters; never throws, whatever the body holds. */
  static async read(request: Request, url: URL): Promise<RequestParams> {
    return new RequestParams(url.searchParams, await readFormBody(request), request.headers);
  }

  /** The first value of a parameter, or undefined when absent. */
  get(name: string): string | undefined {
    return this.query.get(name) ?? this.body.get(name) ?? undefined;
  }

  /** A parameter, falling back to the HTTP header of the same name (the gateway accepts both). */
  getOrHeader(name: string): string | undefined {
    return this.get(name) ?? this.headers.get(name) ?? undefined;
  }
}

async function readFormBody(request: Request): Promise<URLSearchParams> {
  if (request.method !== 'POST' || request.body === null) return new URLSearchParams();
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.toLowerCase().includes('multipart/form-data')) {
      const form = await request.formData();
      const params = new URLSearchParams();
      for (const [name, value] of form) if (typeof value === 'string') params.append(name, value);
      return params;
    }
    return new URLSearchParams(await request.text());
  } catch {
    return new URLSearchParams();
  }
}
