/**
 * Child process: a plain fetch loop that reads `--pages` pages of 200 rows from the sandbox with
 * `--concurrency` connections and prints `{ rows, ms, bytes }` as JSON. Bodies are read but not
 * parsed (the first and last page are, to check they hold 200 rows), so the client's JSON cost
 * does not hide the server's speed.
 */
import { PAGE_SIZE, pageUrl } from './page-url.js';
import { readArguments } from './read-arguments.js';

const args = readArguments(process.argv.slice(2));
const url = args.string('url');
const appSecret = args.string('secret');
const pages = args.number('pages');
const concurrency = args.number('concurrency');

async function fetchPage(pageNum: number, parse: boolean): Promise<number> {
  const response = await fetch(pageUrl(url, appSecret, pageNum));
  if (response.status !== 200) throw new Error(`page ${pageNum}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (parse) {
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { status: unknown; data: unknown };
    if (body.status !== 1 || !Array.isArray(body.data) || body.data.length !== PAGE_SIZE) throw new Error(`page ${pageNum} is not a full page`);
  } else if (bytes[10] !== 0x31) {
    // `{"status":1`: the byte after the colon must be the success code.
    throw new Error(`page ${pageNum} is a failure answer`);
  }
  return bytes.length;
}

let next = 1;
let bytes = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let page = next++; page <= pages; page = next++) {
      const length = await fetchPage(page, page === 1 || page === pages);
      bytes += length;
    }
  }),
);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ rows: pages * PAGE_SIZE, ms, bytes })}\n`);
