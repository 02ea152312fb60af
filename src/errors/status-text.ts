const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  425: 'Too Early',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The standard reason phrase for a status code. HTTP/2 responses carry no status text, and
 * messages should still read `404 Not Found`.
 */
export function statusText(status: number, given?: string): string {
  if (given !== undefined && given !== '') return given;
  return REASON_PHRASES[status] ?? '';
}
