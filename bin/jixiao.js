#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/bundle/, built by `npm run build` (`npm ci` runs it through
// the `prepare` script): tsc's dist/cli/main.js and the modules it imports joined by esbuild
// (scripts/build-bundle.js), which load faster than ~130 modules one by one.
// `--version` alone answers from package.json without loading the CLI (zod and commander alone take
// longer than the answer).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}
let cli;
try {
  if (['extract', 'check', 'read'].includes(args[0])) {
    // One document, read once: no optimizing compiler (the rule: src/cli/v8-flags.ts).
    const withoutOptimizer = (await import('../dist/bundle/v8-flags.js')).tuneV8ForCommand(args);
    // The one-shot commands run from one CommonJS file with the code V8 compiled for it at build
    // time (the rule: src/cli/code-cache.ts).
    cli = (await import('../dist/bundle/code-cache.js')).loadCliBundle(withoutOptimizer).exports;
    // A command that reads a PDF starts loading PDFium (≈ 100 ms, its WebAssembly compiled off the
    // main thread) before the command's modules load, not after (the rule: src/cli/pdf-preload.ts).
    cli.preloadPdfEngine(args.slice(1), process.env.JIXIAO_PDF_ENGINE);
  } else cli = await import('../dist/bundle/cli.js');
} catch (error) {
  if ((error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ENOENT') && String(error.message).includes('dist/bundle/')) {
    process.stderr.write('jixiao: not built — run `npm run build` (or `npm ci`) in the jixiao folder first; a build that failed leaves no CLI behind, so the last error of `npm run build` says why\n');
    process.exit(3);
  }
  throw error;
}
await cli.run(process.argv);
