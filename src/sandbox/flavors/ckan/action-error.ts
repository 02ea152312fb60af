/** The `error` object of a CKAN action answer: `__type` plus a `message` or field → messages. */
export type CkanErrorBody = { readonly __type: string } & Readonly<Record<string, string | readonly string[]>>;

/**
 * An error an action answers with, mapped to CKAN's status codes and envelopes
 * (`ckan/views/api.py`): 403 Authorization Error, 404 Not Found Error, 409 Validation Error,
 * 400 Search Query Error, 409 Search Error.
 */
export class CkanActionError extends Error {
  readonly status: number;
  readonly body: CkanErrorBody;

  constructor(status: number, body: CkanErrorBody) {
    super(typeof body['message'] === 'string' ? body['message'] : body.__type);
    this.name = 'CkanActionError';
    this.status = status;
    this.body = body;
  }

  /** 409 with one message per invalid field, as CKAN's schema validation reports them. */
  static validation(errors: Readonly<Record<string, string>>): CkanActionError {
    const body: Record<string, string | string[]> = { __type: 'Validation Error' };
    for (const [field, message] of Object.entries(errors)) body[field] = [message];
    return new CkanActionError(409, body as CkanErrorBody);
  }

  /** 404; CKAN appends the action's own message after `Not found: `. */
  static notFound(detail?: string): CkanActionError {
    return new CkanActionError(404, { __type: 'Not Found Error', message: detail ? `Not found: ${detail}` : 'Not found' });
  }

  /** 403 for a private dataset read without the right token. */
  static notAuthorized(detail: string): CkanActionError {
    return new CkanActionError(403, { __type: 'Authorization Error', message: `Access denied: ${detail}` });
  }

  /** 400; CKAN formats the message with Python's repr of the exception arguments. */
  static searchQuery(detail: string): CkanActionError {
    return new CkanActionError(400, { __type: 'Search Query Error', message: `Search Query is invalid: (${pythonRepr(detail)},)` });
  }

  /** 409 for a query Solr rejects (unknown field, bad date). */
  static search(detail: string): CkanActionError {
    return new CkanActionError(409, { __type: 'Search Error', message: `Search error: (${pythonRepr(detail)},)` });
  }
}

/** Python's repr of a str: single quotes unless the text holds a single quote and no double quote. */
function pythonRepr(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text}"`;
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
