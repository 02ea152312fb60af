/**
 * The HTML page the nginx gateway in front of the platform answers for a path it does not know
 * (404) or when the application behind it fails (500), instead of the JSON envelope.
 */
export function gatewayPage(status: 404 | 500): Response {
  const title = status === 404 ? '404 Not Found' : '500 Internal Server Error';
  const body =
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return new Response(body, { status, headers: { 'content-type': 'text/html' } });
}
