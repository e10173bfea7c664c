#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/main.js, built by `npm run build` (`npm ci` runs it
// through the `prepare` script).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('jixiao: not built yet — run `npm run build` (or `npm ci`) in the jixiao folder first\n');
    process.exit(3);
  }
  throw error;
}
await cli.run(process.argv);
