import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { get, NOW } from './ods-call.js';

const FOOD = 'nb-food-licenses';
const BUSINESS = 'nb-business-licenses';

describe('exports of the opendatasoft flavor', () => {
  it('exports every row as JSON Lines, past the 10,000-row window of /records', async () => {
    const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 9, clock: () => NOW, extraDatasets: 0, sizes: { [FOOD]: 12_345 } });
    const { status, headers, text } = await get(sandbox, `/catalog/datasets/${FOOD}/exports/jsonl`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/jsonl');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(12_345);
    const rows = lines.map((line) => JSON.parse(line));
    expect(new Set(rows.map((row) => row.license_no)).size).toBe(12_345);
    const page = await get(sandbox, `/catalog/datasets/${FOOD}/records`, { limit: 3 });
    expect(rows.slice(0, 3)).toEqual(page.body.results);
  });

  it('streams the body in chunks and generates rows only as they are read', async () => {
    const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 9, clock: () => NOW, extraDatasets: 0, scale: 'full' });
    const before = sandbox.stats.rowsGenerated;
    const response = await sandbox.fetch(`${sandbox.url}/api/explore/v2.1/catalog/datasets/${BUSINESS}/exports/jsonl`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    const second = await reader.read();
    expect(first.done).toBe(false);
    expect(second.done).toBe(false);
    await reader.cancel();
    const generated = sandbox.stats.rowsGenerated - before;
    expect(generated).toBeGreaterThan(0);
    expect(generated).toBeLessThan(5_000);
    expect(sandbox.datasets.find((dataset) => dataset.id === BUSINESS)!.count).toBe(1_020_000);
  });

  it('exports CSV with ; as delimiter, a header line and quoted cells', async () => {
    const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 9, clock: () => NOW, extraDatasets: 0, sizes: { [FOOD]: 20 } });
    sandbox.mutate({ dataset: FOOD, update: [{ license_no: (await get(sandbox, `/catalog/datasets/${FOOD}/records`, { limit: 1 })).body.results[0].license_no, holder_name: 'A;"B"' }] });
    const { headers, text } = await get(sandbox, `/catalog/datasets/${FOOD}/exports/csv`, { select: 'license_no,holder_name' });
    expect(headers.get('content-type')).toContain('text/csv');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('license_no;holder_name');
    expect(lines).toHaveLength(21);
    expect(lines[1]).toMatch(/^JY\d{14};"A;""B"""$/);
    expect(lines[2]).toMatch(/^JY\d{14};[^;]+$/);
  });

  it('applies where and select to an export', async () => {
    const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 9, clock: () => NOW, extraDatasets: 0, sizes: { [FOOD]: 500 } });
    const where = 'status = "有效"';
    const counted = await get(sandbox, `/catalog/datasets/${FOOD}/records`, { where, limit: 0 });
    const { text } = await get(sandbox, `/catalog/datasets/${FOOD}/exports/jsonl`, { where, select: 'license_no,status' });
    const rows = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(counted.body.total_count);
    for (const row of rows) expect(row).toEqual({ license_no: expect.any(String), status: '有效' });
  });

  it('answers a bad export query with the portal error and an unknown format with 404', async () => {
    const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 9, clock: () => NOW, extraDatasets: 0, sizes: { [FOOD]: 5 } });
    const bad = await get(sandbox, `/catalog/datasets/${FOOD}/exports/jsonl`, { where: 'nope = 1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('ODSQLError');
    expect((await get(sandbox, `/catalog/datasets/${FOOD}/exports/xlsx`)).status).toBe(404);
  });
});
