/** The platform's JSON content type. */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** A JSON answer as the platform sends it: HTTP 200 unless told otherwise, failures included. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE },
  });
}
