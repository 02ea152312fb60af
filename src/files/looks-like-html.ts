const HTML_START = /^\s*<(?:!doctype\s+html|html|head|body|\?xml|!--|title|div|p|h1)[\s>/]/i;

/**
 * Whether the start of a file is an HTML (or XML) page. Portals and their proxies answer a
 * missing or failed download with an error page and status 200, so every text reader checks
 * before it parses.
 */
export function looksLikeHtml(start: string): boolean {
  return HTML_START.test(start.slice(0, 1024));
}
