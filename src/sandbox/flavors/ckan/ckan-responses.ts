import type { CkanErrorBody } from './action-error.js';

const JSON_TYPE = 'application/json;charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** A JSON answer with CKAN's content type. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE } });
}

/** `{"help", "success": true, "result"}`. */
export function actionSuccess(help: string, result: unknown): Response {
  return jsonResponse(200, { help, success: true, result });
}

/** `{"help", "success": false, "error"}` with the error's own status. */
export function actionFailure(status: number, help: string, error: CkanErrorBody): Response {
  return jsonResponse(status, { help, success: false, error });
}

/**
 * 400 for a request CKAN rejects before running an action (unknown action, unreadable body).
 * CKAN answers these with a bare JSON string, not an envelope (`_finish_bad_request` in
 * `ckan/views/api.py`), so clients must cope with both shapes.
 */
export function badRequest(detail: string): Response {
  return jsonResponse(400, `Bad request - ${detail}`);
}

/** CKAN's HTML page for a path it has no route for. */
export function notFoundPage(): Response {
  return htmlPage(404, 'Not Found', 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.');
}

/** Flask's answer to a method the route does not accept. */
export function methodNotAllowedPage(): Response {
  const response = htmlPage(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.');
  response.headers.set('allow', 'GET, HEAD, POST, OPTIONS');
  return response;
}

function htmlPage(status: number, title: string, text: string): Response {
  const body =
    `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title} - kaifang sandbox (CKAN)</title></head>\n` +
    `<body><div class="main"><div class="container"><article class="module"><div class="module-content error-content">` +
    `<h1>${status} ${title}</h1><p>${text}</p></div></article></div></div></body>\n</html>\n`;
  return new Response(body, { status, headers: { 'content-type': HTML_TYPE } });
}
