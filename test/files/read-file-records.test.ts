import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { FileFormatError, ResponseTooLargeError } from '../../src/errors/index.js';
import { parseCsv } from '../../src/files/csv-parser.js';
import { decodeTextStream } from '../../src/files/decode-text-stream.js';
import { readFileRecords } from '../../src/files/read-file-records.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { byteStream, collect, encodeGbk } from './file-fixtures.js';

interface Resource {
  url: string;
  format: string;
}

async function ckanResource(rows: number): Promise<{ sandbox: ReturnType<typeof createSandbox>; resource: Resource }> {
  const sandbox = createSandbox({ flavor: 'ckan', sizes: { 'nb-food-licenses': rows } });
  const response = await sandbox.fetch(new Request(`${sandbox.url}/api/3/action/package_show?id=nb-food-licenses`));
  const body = (await response.json()) as { result: { resources: Resource[] } };
  return { sandbox, resource: body.result.resources[0] as Resource };
}

const FOOD_COLUMNS = ['license_no', 'holder_name', 'credit_code', 'legal_rep', 'address', 'business_type', 'scope', 'issued_on', 'valid_until', 'status', 'authority', 'updated_at'];

describe('readFileRecords', () => {
  it('reads a sandbox CKAN resource download as records with every column', async () => {
    const { sandbox, resource } = await ckanResource(1500);
    const response = await sandbox.fetch(new Request(resource.url));
    const rows = await collect(readFileRecords(response.body as ReadableStream<Uint8Array>, { resourceFormat: resource.format, contentType: response.headers.get('content-type'), url: resource.url }));
    expect(rows).toHaveLength(1500);
    expect(Object.keys(rows[0] ?? {})).toEqual(FOOD_COLUMNS);
    expect(rows.every((row) => typeof row.license_no === 'string' && String(row.license_no).startsWith('JY'))).toBe(true);
  });

  it('reads the same download re-encoded as GBK, detected without any declaration', async () => {
    const { sandbox, resource } = await ckanResource(300);
    const text = await (await sandbox.fetch(new Request(resource.url))).text();
    const expected = await collect(parseCsv(decodeTextStream(byteStream(new TextEncoder().encode(text)))));
    const gbk = encodeGbk(text.replace(/^\uFEFF/, ''));
    expect(await collect(readFileRecords(byteStream(gbk, 4093), { url: resource.url }))).toEqual(expected);
  });

  it('reads JSON, JSON Lines and XLSX files by their declared format', async () => {
    const json = new TextEncoder().encode('[{"lot_id":"HZ001","free":3}]');
    const jsonl = new TextEncoder().encode('{"lot_id":"HZ001","free":3}\n');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['lot_id', 'free'], ['HZ001', 3]]), 'lots');
    const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const expected = [{ lot_id: 'HZ001', free: 3 }];
    expect(await collect(readFileRecords(byteStream(json), { resourceFormat: 'JSON' }))).toEqual(expected);
    expect(await collect(readFileRecords(byteStream(jsonl), { contentType: 'application/x-ndjson' }))).toEqual(expected);
    expect(await collect(readFileRecords(byteStream(xlsx), { url: 'lots.xlsx', sheet: 'lots' }))).toEqual(expected);
  });

  it('throws a FileFormatError when nothing tells the format', async () => {
    const error = await collect(readFileRecords(byteStream(new TextEncoder().encode('a,b\n')))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
  });

  it('cancels the download when the reader stops early or the signal aborts', async () => {
    const endless = (onCancel: () => void): ReadableStream<Uint8Array> => {
      let header = true;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode(`${header ? 'a,b\n' : ''}${'1,2\n'.repeat(20_000)}`));
          header = false;
        },
        cancel: onCancel,
      });
    };
    let cancelledByBreak = false;
    for await (const batch of readFileRecords(endless(() => (cancelledByBreak = true)), { format: 'csv' })) {
      expect(batch[0]).toEqual({ a: '1', b: '2' });
      break;
    }
    expect(cancelledByBreak).toBe(true);

    let cancelledByAbort = false;
    const controller = new AbortController();
    const read = async (): Promise<void> => {
      for await (const _batch of readFileRecords(endless(() => (cancelledByAbort = true)), { format: 'csv', signal: controller.signal })) {
        controller.abort(new Error('user stopped'));
      }
    };
    await expect(read()).rejects.toThrow('user stopped');
    expect(cancelledByAbort).toBe(true);
  });

  it('stops a text file past maxBytes and cancels the download', async () => {
    let cancelled = false;
    let served = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        served++;
        controller.enqueue(new TextEncoder().encode('a,b\n1,2\n'.repeat(1000)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const error = await collect(readFileRecords(endless, { format: 'csv', maxBytes: 100_000 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(cancelled).toBe(true);
    expect(served).toBeLessThan(20);
  });

  it('reads ahead of the consumer by a bounded window, never the whole file', async () => {
    const rowCount = 200_000;
    let produced = 0;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          controller.enqueue(encoder.encode('credit_code,name,scope\r\n'));
        },
        pull(controller) {
          let text = '';
          for (const end = Math.min(produced + 1000, rowCount); produced < end; produced++) text += `91330200MA${produced},第${produced}号,"预包装食品销售,热食类食品制售"\r\n`;
          controller.enqueue(encoder.encode(text));
          if (produced >= rowCount) controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    let count = 0;
    let widestLead = 0;
    for await (const batch of readFileRecords(body, { format: 'csv' })) {
      count += batch.length;
      widestLead = Math.max(widestLead, produced - count);
    }
    expect(count).toBe(rowCount);
    // The first 64 KB are sampled for the encoding; after that, one chunk at a time.
    expect(widestLead).toBeLessThan(5_000);
  });

  it('keeps the heap flat between 100k and 1M rows of a streamed CSV', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kaifang-files-'));
    const script = join(directory, 'flat-heap.mts');
    const source = (file: string): string => JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../../src/files', file)).href);
    writeFileSync(
      script,
      `import { readFileRecords } from ${source('read-file-records.ts')};
const rowCount = 1_000_000;
const encoder = new TextEncoder();
let produced = 0;
const body = new ReadableStream({
  start(controller) { controller.enqueue(encoder.encode('credit_code,name,scope,issued_on\\r\\n')); },
  pull(controller) {
    let text = '';
    for (const end = Math.min(produced + 2000, rowCount); produced < end; produced++) text += '91330200MA' + produced + ',宁波市海曙区第' + produced + '号餐饮有限公司,"预包装食品销售,热食类食品制售",2024-01-01\\r\\n';
    controller.enqueue(encoder.encode(text));
    if (produced >= rowCount) controller.close();
  },
});
const heap = () => { globalThis.gc(); return process.memoryUsage().heapUsed; };
let count = 0;
let at100k = 0;
for await (const batch of readFileRecords(body, { format: 'csv' })) {
  count += batch.length;
  if (at100k === 0 && count >= 100_000) at100k = heap();
}
console.log(JSON.stringify({ count, at100k, atEnd: heap() }));
`,
    );
    let output: string;
    try {
      output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '../..') });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    const { count, at100k, atEnd } = JSON.parse(output.trim().split('\n').pop() as string) as { count: number; at100k: number; atEnd: number };
    expect(count).toBe(1_000_000);
    // Keeping the 900k later rows would add hundreds of MB; allow a few MB of noise.
    expect(atEnd - at100k).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);
});
