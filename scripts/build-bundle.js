// Bundles the CLI that `bin/jixiao.js` runs (`npm run build` runs this after tsc): the modules tsc
// wrote to dist/ joined by esbuild into dist/bundle/. A cold `jixiao extract` loaded about 130
// modules one by one (resolve, stat, read, compile each); a bundle is one file and its chunks.
//
// Two bundles of the same modules:
// - ES modules with `splitting` (dist/bundle/cli.js, the workers, the checks the page worker runs):
//   dynamic imports stay chunks of their own, so a command still loads only what it uses (issue 18,
//   item 1). Every command but the one-shot ones runs from it.
// - one CommonJS file (dist/bundle/cli.cjs) that `extract`, `check` and `read` run as a vm.Script
//   with V8's code cache (src/cli/code-cache.ts), made here by runs of `extract` on the training
//   documents (`--train`). Its dynamic imports are functions inside the file, run only when called. A static
//   import of a package becomes a `require`: the one-shot commands reach only packages that offer
//   CommonJS (nodejieba, iconv-lite, word-extractor and opencc-js were required already; cheerio,
//   mammoth and the xlsx reader for other formats), the others (serve, store, queue, export) stay
//   on the ES bundle. An `import()` of a package or of a URL goes through an ordinary module's
//   `import()` (src/cli/code-cache.ts): the build fails if one is left in the file.
//
// Packages stay outside (native and WebAssembly ones: nodejieba, PDFium, pg, PGlite, tesseract…),
// except the pure-JavaScript ones every command loads (BUNDLED_PACKAGES).
//
// `import.meta.url` of a bundled module is that of the file it lands in (dist/bundle/…), so each
// module's own URL is written back in: its files (dict/, package.json, a package it resolves) are
// found where tsc's copy would find them. A module that names another bundled entry by URL (a
// worker, the checks the page worker runs) gets that entry's ES bundle file instead.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** One folder below dist/, as deep as tsc's dist/cli/: `../../package.json` from here is the package's. */
const BUNDLE_DIR = join(DIST, 'bundle');

/** ES bundle file (without `.js`) → the module tsc wrote: what the launcher and the workers load. */
const ES_ENTRIES = {
  cli: 'cli/main.js',
  'v8-flags': 'cli/v8-flags.js',
  'pdf-preload': 'cli/pdf-preload.js',
  'code-cache': 'cli/code-cache.js',
  'page-worker': 'ingest/pdf/page-worker.js',
  'analyze-worker': 'queue/analyze-worker.js',
  checks: 'check/index.js',
};

/** What the CommonJS bundle exports: the CLI and the PDF engine's early start. */
const CJS_ENTRY = "export { run } from './cli/main.js';\nexport { preloadPdfEngine } from './cli/pdf-preload.js';\n";

/** Pure-JavaScript packages inside the bundles (no files of their own read at run time). */
const BUNDLED_PACKAGES = ['commander', 'decimal.js'];

/** The documents `extract` reads to make the code cache: a 自评报告, a 决算 with 自评表 forms (constructed). */
const TRAINING_DOCUMENTS = ['fixtures/seed/huadu-2021-jgdgw.pdf', 'fixtures/constructed/final-accounts-with-forms.pdf'];

/** `new URL('./x.js', import.meta.url)` (a module named by URL: a worker file, a task's module), or `import.meta.url`. */
const MODULE_URL_OR_META = /new URL\((['"])(\.{1,2}\/[^'"]+\.js)\1,\s*import\.meta\.url\)|import\.meta\.url/gu;

/**
 * `import(` of anything but a relative path written out (a module of jixiao's, which is bundled): a
 * package, or a URL known at run time (the page worker's task).
 */
const OUTSIDE_IMPORT = /\bimport\((?!\s*['"]\.)/gu;

/** An `import(` left in the CommonJS bundle (it would fail once V8 takes the code from the cache). */
const ANY_IMPORT = /(?<![\w$.])import\(/u;

const entryByDistPath = new Map(Object.entries(ES_ENTRIES).map(([name, path]) => [path, name]));

/**
 * A dist module's text for a bundle (see the head of this file). `bundleUrl` is the bundle file's
 * own URL in its format: `import.meta.url`, or the CommonJS banner's `__jixiaoBundleUrl`.
 */
function rewriteForBundle(source, distPath, bundleUrl, commonJs) {
  // distPath: the module's path under dist/, with / between folders.
  const here = `new URL(${JSON.stringify(`../${distPath}`)}, ${bundleUrl}).href`;
  const rewritten = source.replace(MODULE_URL_OR_META, (whole, _quote, target) => {
    if (target === undefined) return here;
    const entry = entryByDistPath.get(posix.join(posix.dirname(distPath), target));
    return entry ? `new URL(${JSON.stringify(`./${entry}.js`)}, ${bundleUrl})` : whole.replace('import.meta.url', here);
  });
  return commonJs ? rewritten.replace(OUTSIDE_IMPORT, '__jixiaoImport(') : rewritten;
}

function makeDistPlugin(bundleUrl, commonJs) {
  return {
    name: 'dist-modules',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { external: true };
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return BUNDLED_PACKAGES.includes(name) ? undefined : { external: true };
      });
      b.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(DIST + sep)) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: rewriteForBundle(source, relative(DIST, args.path).split(sep).join('/'), bundleUrl, commonJs), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

const COMMON = {
  outdir: BUNDLE_DIR,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // tsc's output is already what runs: no renaming, no minifying, the same code joined.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
};

async function buildBundles() {
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    ...COMMON,
    entryPoints: Object.fromEntries(Object.entries(ES_ENTRIES).map(([name, path]) => [name, join(DIST, path)])),
    splitting: true,
    format: 'esm',
    chunkNames: 'chunk-[hash]',
    // A bundled CommonJS package (commander) requires Node's modules: give the ES chunks a require.
    banner: { js: "import { createRequire as __jixiaoCreateRequire } from 'node:module'; const require = __jixiaoCreateRequire(import.meta.url);" },
    plugins: [makeDistPlugin('import.meta.url', false)],
  });
  await build({
    ...COMMON,
    stdin: { contents: CJS_ENTRY, resolveDir: DIST, sourcefile: 'cli-bundle-entry.js', loader: 'js' },
    outfile: join(BUNDLE_DIR, 'cli.cjs'),
    outdir: undefined,
    format: 'cjs',
    banner: { js: "const __jixiaoBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [makeDistPlugin('__jixiaoBundleUrl', true)],
  });
  const commonJs = await readFile(join(BUNDLE_DIR, 'cli.cjs'), 'utf8');
  const left = ANY_IMPORT.exec(commonJs);
  if (left) throw new Error(`build-bundle: dist/bundle/cli.cjs still has an import( at ${left.index}: ${commonJs.slice(left.index - 60, left.index + 60)}`);
}

/**
 * Makes the code cache in a process of its own, under the flags of a one-document command: runs the
 * CLI's `extract` on the training documents, then writes what V8 compiled.
 */
function trainCodeCache() {
  const documents = TRAINING_DOCUMENTS.map((d) => join(ROOT, d)).filter((d) => existsSync(d));
  // A build without the fixtures (the worker image copies none) has no cache: the CLI compiles its code.
  if (documents.length === 0) {
    process.stderr.write(`build-bundle: no code cache (none of ${TRAINING_DOCUMENTS.join(', ')} is here)\n`);
    return;
  }
  for (const document of documents) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train', document], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error(`build-bundle: the training run on ${document} failed (exit ${run.status ?? run.signal})`);
  }
}

/** One training run (a child of trainCodeCache), as bin/jixiao.js runs `extract --json <document>`. */
async function trainOn(document) {
  const args = ['extract', '--json', document];
  const { tuneV8ForCommand } = await import(pathToFileURL(join(BUNDLE_DIR, 'v8-flags.js')).href);
  if (!tuneV8ForCommand(args)) throw new Error(`build-bundle: ${document} is not read as one document`);
  const { loadCliBundle, CLI_CODE_CACHE_FILE } = await import(pathToFileURL(join(BUNDLE_DIR, 'code-cache.js')).href);
  const cli = loadCliBundle(true);
  cli.exports.preloadPdfEngine(args.slice(1), undefined);
  await cli.exports.run([process.execPath, 'jixiao', ...args]);
  if (process.exitCode) throw new Error(`build-bundle: extract of ${document} exited ${process.exitCode}`);
  cli.writeCodeCache(CLI_CODE_CACHE_FILE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--train') await trainOn(process.argv[3]);
  else {
    await buildBundles();
    trainCodeCache();
  }
}
