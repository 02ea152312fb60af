/**
 * Where a page's client CPU goes: each layer of a page read measured in process, cold and warm,
 * against pages rendered beforehand. Run alone with `npx tsx bench/layer-bench.ts [--quick]`.
 */
import { fileURLToPath } from 'node:url';
import { runJsonChild } from './child-process.js';
import { IN_FLIGHT, LAYER_LABELS, layers, WARM_READS, type Layer } from './layers.js';
import { pullStarts, type PullStart } from './results.js';
import { median } from './statistics.js';

export async function runLayerBench(options: { quick: boolean }): Promise<string> {
  const rows = options.quick ? 5_000 : 100_000;
  const runs = options.quick ? 1 : 5;
  const samples = new Map<string, number[]>();
  let pages = 0;
  // Layers take turns within each run, so a change in the machine's load hits them alike.
  for (let run = 1; run <= runs; run++) {
    for (const start of pullStarts) {
      for (const layer of layers) {
        const result = await runJsonChild<{ pages: number; microsPerPage: number }>('layer-child.ts', ['--layer', layer, '--start', start, '--rows', String(rows)]);
        pages = result.pages;
        const key = `${layer} ${start}`;
        samples.set(key, [...(samples.get(key) ?? []), result.microsPerPage]);
      }
    }
  }
  const cost = (layer: Layer, start: PullStart) => median(samples.get(`${layer} ${start}`) ?? []);
  const lines = [
    '## Where a page\'s client CPU goes',
    '',
    `In one process, a fake \`fetch\` answers from ${pages.toLocaleString('en-US')} pages of \`nb-business-licenses\` rendered beforehand, one macrotask per answer, so only client code runs; every layer keeps ${IN_FLIGHT} pages in flight. CPU is the process's own per page over one full read, median of ${runs} run${runs === 1 ? '' : 's'}, each in a fresh process: **cold** is its first full read, **warm** follows ${WARM_READS} unmeasured full reads. Each layer includes the ones above it.`,
    '',
    '| layer | cold µs/page | warm µs/page | cold ÷ fetch loop | warm ÷ fetch loop |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const layer of layers) {
    const cold = cost(layer, 'cold');
    const warm = cost(layer, 'warm');
    lines.push(`| ${LAYER_LABELS[layer]} | ${cold.toFixed(0)} | ${warm.toFixed(0)} | ${(cold / cost('fetch', 'cold')).toFixed(2)}× | ${(warm / cost('fetch', 'warm')).toFixed(2)}× |`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await runLayerBench({ quick: process.argv.includes('--quick') }));
}
