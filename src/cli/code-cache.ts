import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * Node 20 keeps no compiled code between processes for ES modules (no `module.enableCompileCache`),
 * so a cold `jixiao extract` parsed and compiled its own code anew every run (≈ 70 ms of a 1-page
 * 自评表's 0.4 s). A CommonJS bundle of the CLI (scripts/build-bundle.js) is run here as a
 * `vm.Script` with V8's code cache written at build time next to it: V8 takes the bytecode from the
 * cache instead of compiling. A cache that does not fit is never used: its first line names the
 * bundle it was made from (a digest of its text: V8 itself checks only the text's length), and V8
 * rejects one made by another V8 or under other flags; either way the bundle is compiled from its
 * text, as without a cache.
 */

/** First line of a cache file: this tag, a space, the bundle's digest (`digestBundle`). */
const CACHE_TAG = 'jixiao-code-cache';

/** What the bundle is given besides CommonJS's own names: an `import()` that runs outside the script. */
export const BUNDLE_IMPORT_NAME = '__jixiaoImport';

/** The names the bundle's text sees, as a CommonJS module's wrapper gives them, and the import. */
const WRAPPER_HEAD = `(function (exports, require, module, __filename, __dirname, ${BUNDLE_IMPORT_NAME}) {`;

/** The digest a cache file's first line must name to be used with `source`. */
export function digestBundle(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The cached code in `cacheFile` when it was made from `source`; undefined when it was not, or is unreadable. */
export function readCodeCache(cacheFile: string, source: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(10);
  if (end < 0 || bytes.toString('latin1', 0, end) !== `${CACHE_TAG} ${digestBundle(source)}`) return undefined;
  return bytes.subarray(end + 1);
}

export interface LoadedBundle {
  /** What the bundle exports. */
  readonly exports: Record<string, unknown>;
  /** Whether V8 refused the cached code it was given (undefined: none was given). */
  readonly cacheRejected: boolean | undefined;
  /** Writes V8's code for the bundle as compiled so far (functions run included) to `cacheFile`. */
  writeCodeCache(cacheFile: string): void;
}

/**
 * Runs the CommonJS bundle `file` with the cached code of `cacheFile` when it fits (see the head of
 * this file). `dynamicImport` is the bundle's `import()` of packages: a script's own `import()`
 * needs a loader that V8 forgets when the code comes from the cache, so the bundle calls this one,
 * whose module is an ordinary one.
 */
export function loadBundle(file: string, cacheFile: string | undefined, dynamicImport: (specifier: string) => Promise<unknown>): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile, source);
  const script = new Script(`${WRAPPER_HEAD}${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), dynamicImport);
  return {
    exports: module.exports,
    cacheRejected: cachedData ? script.cachedDataRejected === true : undefined,
    writeCodeCache: (to) => writeFileSync(to, Buffer.concat([Buffer.from(`${CACHE_TAG} ${digestBundle(source)}\n`, 'latin1'), script.createCachedData()])),
  };
}

/** The CommonJS bundle of the CLI that one-shot commands run (scripts/build-bundle.js writes both). */
export const CLI_BUNDLE_FILE = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url));

/**
 * V8's code for it, compiled by a build-time run of `extract` on one document: valid only under the
 * flags such a command runs with (`tuneV8ForCommand`: without the optimizing compiler).
 */
export const CLI_CODE_CACHE_FILE = fileURLToPath(new URL('../bundle/cli.no-opt.cache', import.meta.url));

/** The CLI's bundle, with its cached code when the process runs under the flags it was made with. */
export function loadCliBundle(withoutOptimizer: boolean): LoadedBundle {
  return loadBundle(CLI_BUNDLE_FILE, withoutOptimizer ? CLI_CODE_CACHE_FILE : undefined, (specifier) => import(specifier));
}
