/**
 * An error SODA answers with, in Socrata's envelope:
 * `{"code": "query.soql.no-such-column", "error": true, "message": "…", "data": {…}}`.
 */
export class SocrataError extends Error {
  readonly status: number;
  readonly code: string;
  readonly data: Readonly<Record<string, unknown>> | undefined;

  constructor(status: number, code: string, message: string, data?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'SocrataError';
    this.status = status;
    this.code = code;
    this.data = data;
  }

  /** 400 for SoQL that does not parse. */
  static malformed(message: string, data?: Readonly<Record<string, unknown>>): SocrataError {
    return new SocrataError(400, 'query.compiler.malformed', message, data);
  }

  /** 400 for a column the dataset does not have. */
  static noSuchColumn(column: string): SocrataError {
    return new SocrataError(400, 'query.soql.no-such-column', `No such column: ${column}`, { column });
  }

  /** 400 for a comparison of a column with a literal of another type. */
  static typeMismatch(column: string, type: string, literal: string): SocrataError {
    return new SocrataError(400, 'query.soql.type-mismatch', `Type mismatch: ${column} is ${type}, cannot compare it with ${literal}`, { column, type });
  }

  /** 404 for an unknown dataset or route. */
  static notFound(what: string): SocrataError {
    return new SocrataError(404, 'not_found', `Cannot find ${what}`);
  }

  /** The body of the answer. */
  toBody(): Record<string, unknown> {
    return { code: this.code, error: true, message: this.message, ...(this.data ? { data: this.data } : {}) };
  }

  /** The whole answer, as JSON. */
  toResponse(): Response {
    return jsonResponse(this.status, this.toBody());
  }
}

/** A JSON answer with Socrata's content type. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
