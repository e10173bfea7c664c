// Bundles the CLI that `bin/jixiao.js` runs: the modules tsc wrote to dist/ joined by esbuild into a
// few files in dist/bundle/ (`npm run build` runs it after tsc). A cold `jixiao extract` loaded
// about 130 modules one by one (resolve, stat, read, compile each); the bundle loads one file and
// the chunks it shares with the other entries. Dynamic imports stay separate chunks (esbuild's
// `splitting`), so a command still loads only what it uses (issue 18, item 1).
//
// Packages stay outside (native and WebAssembly ones: nodejieba, PDFium, pg, PGlite, tesseract…),
// except the pure-JavaScript ones every command loads (BUNDLED_PACKAGES).
//
// `import.meta.url` of a bundled module is that of the file it lands in (dist/bundle/…), so each
// module's own URL is written back in: its files (dict/, package.json, a package it resolves) are
// found where tsc's copy would find them. A module that names another bundled entry by URL (a
// worker, the checks the page worker runs) gets that entry's bundled file instead.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** One folder below dist/, as deep as tsc's dist/cli/: `../../package.json` from here is the package's. */
export const BUNDLE_DIR = join(DIST, 'bundle');

/** Bundle file (without `.js`) → the module tsc wrote: what the launcher and the workers load. */
export const BUNDLE_ENTRIES = {
  cli: 'cli/main.js',
  'v8-flags': 'cli/v8-flags.js',
  'pdf-preload': 'cli/pdf-preload.js',
  'page-worker': 'ingest/pdf/page-worker.js',
  'analyze-worker': 'queue/analyze-worker.js',
  checks: 'check/index.js',
};

/** Pure-JavaScript packages inside the bundle (no files of their own read at run time). */
const BUNDLED_PACKAGES = ['commander', 'decimal.js'];

/** `new URL('./x.js', import.meta.url)`: a module named by URL (a worker file, a task's module). */
const MODULE_URL_OR_META = /new URL\((['"])(\.{1,2}\/[^'"]+\.js)\1,\s*import\.meta\.url\)|import\.meta\.url/gu;

const entryByDistPath = new Map(Object.entries(BUNDLE_ENTRIES).map(([name, path]) => [path, name]));

/** Rewrites a dist module's `import.meta.url` (see the head of this file), in one pass. */
function rewriteImportMetaUrl(source, distPath) {
  const here = `new URL(${JSON.stringify(`../${distPath}`)}, import.meta.url).href`;
  return source.replace(MODULE_URL_OR_META, (whole, _quote, target) => {
    if (target === undefined) return here;
    const entry = entryByDistPath.get(relative(DIST, join(DIST, dirname(distPath), target)).split('\\').join('/'));
    return entry ? `new URL(${JSON.stringify(`./${entry}.js`)}, import.meta.url)` : whole.replace('import.meta.url', here);
  });
}

const distModules = {
  name: 'dist-modules',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.includes(name) ? undefined : { external: true };
    });
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(DIST + '/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: rewriteImportMetaUrl(source, relative(DIST, args.path)), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

export async function buildBundle() {
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([name, path]) => [name, join(DIST, path)])),
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    // tsc's output is already what runs: no renaming, no minifying, the same code joined.
    minify: false,
    legalComments: 'none',
    // A bundled CommonJS package (commander) requires Node's modules: give the ESM chunks a require.
    banner: { js: "import { createRequire as __jixiaoCreateRequire } from 'node:module'; const require = __jixiaoCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [distModules],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle();
