/**
 * Tests and scripts name the shared sample data relative to the project (`../shared`), never by one
 * machine's absolute path: in a clone anywhere else they would fail or silently measure less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(path);
    return /\.(ts|js|mjs)$/u.test(entry.name) ? [path] : [];
  });
}

describe('shared data paths', () => {
  it('no test or script names an absolute path to the shared data', () => {
    const offenders = ['test', 'scripts', 'src'].flatMap(listSources).filter((file) => /['"`]\/work\/shared\b/u.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
