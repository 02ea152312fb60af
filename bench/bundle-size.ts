/**
 * Bundle size of kaifang in a browser app: esbuild bundles `import { createClient, portals } from
 * 'kaifang'` from the sources for the browser, minified, with zod external (apps bring their own),
 * and reports raw and gzip bytes. Writes the "Bundle size" section of `docs/benchmarks.md`
 * (other sections are left as they are); `--quick` only prints.
 *
 * Run: `npx tsx bench/bundle-size.ts`
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Message } from 'esbuild';

/** The core goal, in gzip bytes. */
const GOAL = 25 * 1024;
const root = fileURLToPath(new URL('../', import.meta.url));
const reportPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

interface Variant {
  readonly name: string;
  readonly source: string;
  readonly goal?: number;
}

interface Measured {
  readonly variant: Variant;
  /** Minified bytes loaded up front (the entry and its static chunks). */
  readonly raw: number;
  readonly gzip: number;
  /** Minified bytes of the chunks loaded only by a lazy `import()` when a feature is used. */
  readonly lazy: number;
  /** Node built-ins the bundle would import, with the chain of files that pulls each. */
  readonly nodeImports: string[];
  /** Minified bytes per package or source folder, largest first. */
  readonly parts: [string, number][];
}

const variants: readonly Variant[] = [
  { name: "core: `import { createClient, portals } from 'kaifang'`", source: "export { createClient, portals } from 'kaifang';", goal: GOAL },
  {
    name: 'core + sync (`MemoryCheckpointStore`) + errors',
    source: "export { createClient, portals, MemoryCheckpointStore, KaifangError, HttpError, RateLimitError } from 'kaifang';",
  },
  { name: "everything in `kaifang`", source: "export * from 'kaifang';" },
  { name: "`kaifang/ids`", source: "export * from 'kaifang/ids';" },
];

const alias = {
  kaifang: `${root}src/index.ts`,
  'kaifang/ids': `${root}src/ids/index.ts`,
};

async function measure(variant: Variant): Promise<Measured> {
  const dir = await mkdtemp(join(tmpdir(), 'kaifang-bundle-'));
  try {
    const entry = join(dir, 'app.ts');
    await writeFile(entry, variant.source);
    const result = await build({
      entryPoints: [entry],
      outdir: join(dir, 'out'),
      bundle: true,
      // Lazy `import()`s (xlsx, node:fs) become chunks of their own, as an app's bundler makes them.
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      alias,
      external: ['zod', 'zod/*'],
      // Node built-ins stay imports so the metafile shows who pulls them; a browser build must have none.
      plugins: [
        {
          name: 'node-builtins',
          setup(build) {
            build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
          },
        },
      ],
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    // Every lazy `import()` target is an entry point of its own in the metafile: pick the app's.
    const entryOutput = Object.keys(outputs).find((path) => outputs[path]?.entryPoint?.endsWith('app.ts'));
    // What a page loads up front: the entry chunk and the chunks it imports statically.
    const initial = new Set<string>();
    const visit = (path: string) => {
      if (initial.has(path) || !outputs[path]) return;
      initial.add(path);
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    };
    if (entryOutput) visit(entryOutput);
    let raw = 0;
    let gzip = 0;
    let lazy = 0;
    for (const file of result.outputFiles) {
      const path = Object.keys(outputs).find((key) => resolve(key) === file.path);
      if (path === undefined || !path.endsWith('.js')) continue;
      if (initial.has(path)) {
        raw += file.contents.byteLength;
        gzip += gzipSync(file.contents, { level: 9 }).byteLength;
      } else {
        lazy += file.contents.byteLength;
      }
    }
    const nodeImports = new Set<string>();
    const parts = new Map<string, number>();
    for (const path of initial) {
      for (const [file, input] of Object.entries(outputs[path]?.inputs ?? {})) {
        if (input.bytesInOutput > 0) parts.set(partOf(file), (parts.get(partOf(file)) ?? 0) + input.bytesInOutput);
      }
    }
    const emitted = new Set(Object.values(outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => file)));
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
      if (!emitted.has(file)) continue;
      for (const imported of input.imports) {
        if (imported.path.startsWith('node:')) nodeImports.add(`${imported.path} (${imported.kind}) ← ${file}`);
      }
    }
    const warnings = result.warnings.map((warning: Message) => warning.text);
    if (warnings.length) console.warn(warnings.join('\n'));
    return {
      variant,
      raw,
      gzip,
      lazy,
      nodeImports: [...nodeImports],
      parts: [...parts].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `lru-cache`, `@scope/name`, or a source folder such as `src/portals`. */
function partOf(file: string): string {
  const modules = file.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const [first = '', second = ''] = file.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  return file.split('/').slice(0, 2).join('/');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function section(results: readonly Measured[]): string {
  const lines = [
    '## Bundle size',
    '',
    `- Command: \`npx tsx bench/bundle-size.ts\` (${new Date().toISOString().slice(0, 10)})`,
    '- esbuild, `platform: browser`, ESM, minified, code splitting, from the sources; `zod` external (an app that validates already ships it). gzip level 9. Sizes count what a page loads up front; lazy chunks (e.g. the XLSX reader) load only when used.',
    '',
    '| entry | minified | gzip | lazy chunks (minified) | goal | met |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...results.map(({ variant, raw, gzip, lazy }) =>
      `| ${variant.name} | ${kb(raw)} | ${kb(gzip)} | ${kb(lazy)} | ${variant.goal ? `≤ ${kb(variant.goal)}` : '–'} | ${variant.goal ? (gzip <= variant.goal ? 'yes' : '**no**') : '–'} |`,
    ),
    '',
  ];
  const core = results[0];
  if (core) {
    lines.push(
      `Where the core's minified bytes go: ${core.parts.map(([part, bytes]) => `${part} ${kb(bytes)}`).join(', ')}. ` +
        'The core is what a browser app that searches the catalogue and reads records loads before its first request: `createClient`, the catalogue, records and errors, and the four small `portals` factories. ' +
        "The HTTP layer (the transport with its retry loop) and each family's adapter load on the client's first request, lru-cache on the first cached request, the sync engine on a sync's first `pull()`, `run()` or `changes()`, and the verifier's engine, file readers (CSV/JSON/XLSX), downloads, aggregates and terms on their first use, so a page ships only the family and features it uses. " +
        'esbuild assigns a module to a chunk by which entries reach its file through any static import, used or not: a module that a lazy chunk uses and that the entry reaches through a re-export (e.g. `src/index.ts` re-exporting `datasetTerms`) is still loaded up front, so code on the up-front path imports from single-purpose files (the `portals` factories take `fingerprint` from `src/http/fingerprint.ts`, not from `src/http/index.ts`, which re-exports `createTransport`).',
      '',
    );
  }
  const nodeImports = [...new Set(results.flatMap((result) => result.nodeImports))];
  lines.push(
    nodeImports.length
      ? `Node built-ins referenced by these bundles, each from a lazy \`import()\` that only a Node-only feature reaches: ${nodeImports.map((entry) => `\`${entry}\``).join('; ')}.`
      : 'No Node built-in is imported by any of these bundles.',
    '',
  );
  return lines.join('\n');
}

/** Replaces the "Bundle size" section (up to the next `## ` heading), or appends it. */
function withSection(markdown: string, body: string): string {
  const start = markdown.indexOf('\n## Bundle size');
  if (start === -1) return `${markdown.trimEnd()}\n\n${body}`;
  const next = markdown.indexOf('\n## ', start + 1);
  return `${markdown.slice(0, start + 1)}${body}${next === -1 ? '' : `\n${markdown.slice(next + 1)}`}`;
}

const results: Measured[] = [];
for (const variant of variants) results.push(await measure(variant));
for (const { variant, raw, gzip, lazy, nodeImports } of results) {
  console.log(`${variant.name}: ${kb(raw)} minified, ${kb(gzip)} gzip, ${kb(lazy)} lazy${variant.goal ? ` (goal ≤ ${kb(variant.goal)}: ${gzip <= variant.goal ? 'met' : 'NOT met'})` : ''}`);
  for (const entry of nodeImports) console.log(`  node import: ${entry}`);
}
const core = results[0];
if (core) console.log(`core by part: ${core.parts.map(([part, bytes]) => `${part} ${kb(bytes)}`).join(', ')}`);
if (!process.argv.includes('--quick')) {
  const current = await readFile(reportPath, 'utf8').catch(() => '# Benchmarks\n');
  await writeFile(reportPath, withSection(current, section(results)));
  console.log('wrote the "Bundle size" section of docs/benchmarks.md');
}
