const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer with the headers every Explore API answer carries. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

/** The error codes the sandbox answers with, as the Explore API names them. */
export type OdsErrorCode = 'ODSQLError' | 'InvalidRESTParameterError' | 'NotFound' | 'AuthenticationError' | 'MethodNotAllowed';

/**
 * A request the portal refuses, with Explore's error body `{"error_code", "message"}`. Thrown by
 * the routes and turned into a response by the flavor.
 */
export class OdsError extends Error {
  readonly status: number;
  readonly code: OdsErrorCode;

  constructor(status: number, code: OdsErrorCode, message: string) {
    super(message);
    this.name = 'OdsError';
    this.status = status;
    this.code = code;
  }

  /** 400 for a query the ODSQL parser refuses. */
  static odsql(message: string): OdsError {
    return new OdsError(400, 'ODSQLError', message);
  }

  /** 400 for a REST parameter out of range, e.g. `limit` over 100. */
  static parameter(message: string): OdsError {
    return new OdsError(400, 'InvalidRESTParameterError', message);
  }

  /** 404 for an unknown dataset, and for a restricted one read without the key (it is not disclosed). */
  static unknownDataset(id: string): OdsError {
    return new OdsError(404, 'NotFound', `Unknown dataset: ${id}`);
  }

  toResponse(headers: Record<string, string> = {}): Response {
    return jsonResponse(this.status, { error_code: this.code, message: this.message }, headers);
  }
}
