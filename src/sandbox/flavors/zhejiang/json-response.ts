/** A JSON answer as the platform sends it: HTTP 200 unless told otherwise, failures included. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });
}
