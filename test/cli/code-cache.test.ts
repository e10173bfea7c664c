import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_IMPORT_NAME, digestBundle, loadBundle, readCodeCache } from '../../src/cli/code-cache.js';

// A CommonJS bundle in miniature: exports, a function called at load (so V8 compiles it) and an
// import of a package through the launcher's import.
const bundleText = (answer: number): string => `
function work(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }
exports.answer = ${answer};
exports.work = work(1000);
exports.dirname = __dirname;
exports.load = () => ${BUNDLE_IMPORT_NAME}('some-package');
`;

describe('loadBundle (a CommonJS bundle run with V8 code cached at build time)', () => {
  let dir: string;
  let bundle: string;
  let cache: string;
  const noImport = (): Promise<unknown> => Promise.reject(new Error('not asked for'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-code-cache-'));
    bundle = join(dir, 'cli.cjs');
    cache = join(dir, 'cli.cache');
    writeFileSync(bundle, bundleText(41));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle without a cache, with CommonJS names and the given import', async () => {
    const asked: string[] = [];
    const loaded = loadBundle(bundle, cache, async (specifier) => (asked.push(specifier), { ok: true }));
    expect(loaded.cacheRejected).toBeUndefined();
    expect(loaded.exports.answer).toBe(41);
    expect(loaded.exports.work).toBe(2997);
    expect(loaded.exports.dirname).toBe(dir);
    await expect((loaded.exports.load as () => Promise<unknown>)()).resolves.toEqual({ ok: true });
    expect(asked).toEqual(['some-package']);
  });

  it('takes the code it wrote: V8 accepts it, and the bundle runs the same', () => {
    loadBundle(bundle, undefined, noImport).writeCodeCache(cache);
    expect(readFileSync(cache, 'latin1').split('\n')[0]).toBe(`jixiao-code-cache ${digestBundle(bundleText(41))}`);
    const again = loadBundle(bundle, cache, noImport);
    expect(again.cacheRejected).toBe(false);
    expect(again.exports.answer).toBe(41);
    expect(again.exports.work).toBe(2997);
  });

  it('never gives V8 the cache of another bundle, even one of the same length', () => {
    loadBundle(bundle, undefined, noImport).writeCodeCache(cache);
    writeFileSync(bundle, bundleText(42));
    expect(readCodeCache(cache, bundleText(42))).toBeUndefined();
    const rebuilt = loadBundle(bundle, cache, noImport);
    expect(rebuilt.cacheRejected).toBeUndefined();
    expect(rebuilt.exports.answer).toBe(42);
  });

  it('falls back to the text when V8 rejects the cached code', () => {
    writeFileSync(cache, Buffer.concat([Buffer.from(`jixiao-code-cache ${digestBundle(bundleText(41))}\n`, 'latin1'), Buffer.alloc(256, 7)]));
    const loaded = loadBundle(bundle, cache, noImport);
    expect(loaded.cacheRejected).toBe(true);
    expect(loaded.exports.answer).toBe(41);
  });

  it('reads no cache from a file without the header line or a missing file', () => {
    writeFileSync(cache, Buffer.alloc(64, 1));
    expect(readCodeCache(cache, bundleText(41))).toBeUndefined();
    expect(readCodeCache(join(dir, 'none.cache'), bundleText(41))).toBeUndefined();
  });
});

describe('the built CLI bundle (npm run build)', () => {
  it('has a code cache that V8 takes under the flags of a one-document command, and none otherwise', () => {
    // As bin/jixiao.js does it, in a process of its own (V8's flags are the process's).
    const probe = (args: string[]): string =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { tuneV8ForCommand } = await import('./dist/bundle/v8-flags.js');
           const { loadCliBundle } = await import('./dist/bundle/code-cache.js');
           const bundle = loadCliBundle(tuneV8ForCommand(${JSON.stringify(args)}));
           process.stdout.write(String(bundle.cacheRejected) + ' ' + typeof bundle.exports.run + ' ' + typeof bundle.exports.preloadPdfEngine);`,
        ],
        { encoding: 'utf8' },
      );
    expect(probe(['extract', '--json', 'fixtures/seed/huadu-2021-jgdgw.pdf'])).toBe('false function function');
    expect(probe(['extract', '--json', 'fixtures/seed'])).toBe('undefined function function');
  });
});
