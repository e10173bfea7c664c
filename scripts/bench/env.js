// Where the code under test lives. `npm run bench` measures this checkout's dist/; JIXIAO_BENCH_ROOT
// points the benchmark at another build (a snapshot), since dist/ is rebuilt by others meanwhile.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ROOT = resolve(process.env.JIXIAO_BENCH_ROOT || REPO_ROOT);

/** The shared sample data beside the project (`../shared`), as the tests name it; JIXIAO_SHARED_DIR overrides. */
export const SHARED_DIR = resolve(process.env.JIXIAO_SHARED_DIR || join(REPO_ROOT, '..', 'shared'));

/** Imports a module of the built package: `dist/<rel>`. */
export function loadDist(rel) {
  return import(pathToFileURL(join(ROOT, 'dist', rel)).href);
}

/** CommonJS require from the package root (nodejieba is a native CommonJS addon). */
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

export const SECTION_SCRIPT = fileURLToPath(new URL('./section.js', import.meta.url));
