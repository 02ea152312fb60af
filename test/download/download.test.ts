import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, DownloadIntegrityError, DownloadInterruptedError, portals, ResponseTooLargeError } from '../../src/index.js';
import { parseExpectedHash } from '../../src/download/expected-hash.js';
import { createSandbox } from '../../src/sandbox/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaifang-download-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(wrap?: (request: Request, answer: () => Promise<Response>) => Promise<Response>) {
  const sandbox = createSandbox({ flavor: 'ckan', seed: 5 });
  const requests: Request[] = [];
  const fetch = async (input: Request, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.includes('/download/')) requests.push(request.clone());
    const answer = () => sandbox.fetch(request);
    return wrap ? wrap(request, answer) : answer();
  };
  const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch, retry: false });
  return { sandbox, client, requests };
}

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as Error);

async function gbkResource(client: ReturnType<typeof setup>['client']) {
  const dataset = await client.datasets.get('nb-food-licenses');
  return dataset.resources.find((resource) => resource.name.includes('GBK'))!;
}

describe('datasets.download', () => {
  it('writes the file to a path, checks the declared size and md5, and reports progress', async () => {
    const { client } = setup();
    const resource = await gbkResource(client);
    const to = join(dir, 'food.csv');
    const progress: { bytes: number; total: number | undefined }[] = [];
    const result = await client.datasets.download('nb-food-licenses', { resource: resource.id, to, onProgress: (event) => progress.push(event) });
    expect((await stat(to)).size).toBe(resource.size);
    expect(result.verified.hash).toBe(`md5:${resource.hash}`);
    expect(progress.at(-1)).toEqual({ bytes: resource.size, total: resource.size });
    expect(await readdir(dir)).toEqual(['food.csv']);
  });

  it('writes to a WritableStream', async () => {
    const { client } = setup();
    const chunks: Uint8Array[] = [];
    const result = await client.datasets.download('nb-food-licenses', { format: 'json', to: new WritableStream({ write: (chunk) => void chunks.push(chunk) }) });
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    expect(JSON.parse(text)).toHaveLength(3000);
    expect(result.bytes).toBe(Buffer.concat(chunks).length);
  });

  it('leaves nothing at `to` when the content does not match the declared md5', async () => {
    const { client } = setup(async (request, answer) => {
      const response = await answer();
      if (!request.url.includes('/download/')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      bytes[100] = 0x41;
      return new Response(bytes, { status: response.status, headers: response.headers });
    });
    const resource = await gbkResource(client);
    const error = await failure(client.datasets.download('nb-food-licenses', { resource: resource.id, to: join(dir, 'food.csv') }));
    expect(error).toBeInstanceOf(DownloadIntegrityError);
    expect((error as DownloadIntegrityError).check).toBe('hash');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the part of an interrupted download and resumes it with Range', async () => {
    let cut = true;
    const { client, requests } = setup(async (request, answer) => {
      const response = await answer();
      if (!request.url.includes('/download/') || !cut) return response;
      cut = false;
      const bytes = new Uint8Array(await response.arrayBuffer());
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 200_000));
        },
        pull(controller) {
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200, headers: response.headers });
    });
    const resource = await gbkResource(client);
    const to = join(dir, 'food.csv');
    const error = await failure(client.datasets.download('nb-food-licenses', { resource: resource.id, to }));
    expect(error).toBeInstanceOf(DownloadInterruptedError);
    expect((error as DownloadInterruptedError).byteOffset).toBe(200_000);
    expect((await readdir(dir)).sort()).toEqual(['food.csv.part', 'food.csv.part.json']);

    const result = await client.datasets.download('nb-food-licenses', { resource: resource.id, to });
    expect(result.resumed).toBe(true);
    expect(requests.at(-1)?.headers.get('range')).toBe('bytes=200000-');
    expect((await stat(to)).size).toBe(resource.size);
    expect(result.verified.hash).toBe(`md5:${resource.hash}`);
    expect(await readdir(dir)).toEqual(['food.csv']);
  });

  it('restarts cleanly when the file changed since the part was written', async () => {
    const { client, sandbox } = setup();
    const resource = await gbkResource(client);
    const to = join(dir, 'food.csv');
    await writeFile(`${to}.part`, 'stale bytes');
    await writeFile(`${to}.part.json`, JSON.stringify({ validator: '"an-old-etag"' }));
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 1 });
    const fresh = await gbkResource(client);
    const result = await client.datasets.download('nb-food-licenses', { resource: resource.id, to });
    expect(result.resumed).toBe(false);
    expect((await stat(to)).size).toBe(fresh.size);
  });

  it('deletes the part of a download past maxBytes', async () => {
    const { client } = setup();
    const error = await failure(client.datasets.download('nb-food-licenses', { format: 'json', to: join(dir, 'food.json'), maxBytes: 1000 }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves no file when the sandbox truncates the body', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 5, faults: [{ match: '/download/', kind: 'truncate', times: 5 }] });
    const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch: sandbox.fetch, retry: false });
    const to = join(dir, 'food.json');
    const error = await failure(client.datasets.download('nb-food-licenses', { format: 'json', to, resume: true }));
    expect(error).toBeInstanceOf(DownloadInterruptedError);
    await expect(readFile(to)).rejects.toThrow();
  });
});

describe('parseExpectedHash', () => {
  it('reads CKAN-style prefixed and bare checksums', () => {
    expect(parseExpectedHash('md5:5d41402abc4b2a76b9719d911017c592')).toEqual({ algorithm: 'md5', hex: '5d41402abc4b2a76b9719d911017c592' });
    expect(parseExpectedHash('SHA256:' + 'a'.repeat(64))).toEqual({ algorithm: 'sha256', hex: 'a'.repeat(64) });
    expect(parseExpectedHash('b'.repeat(40))).toEqual({ algorithm: 'sha1', hex: 'b'.repeat(40) });
    expect(parseExpectedHash('')).toBeUndefined();
    expect(parseExpectedHash('md5:abc')).toBeUndefined();
  });
});
