import { mkdtempSync, rmSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A file named .pdf and long enough to be read ahead (its bytes need not be a PDF here). */
function longPdf(dir: string): string {
  const file = join(dir, 'long.pdf');
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(256 * 1024, 0x20)]));
  return file;
}

describe('takeReadAhead', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-preload-'));
    vi.resetModules();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the command the bytes read ahead of a long PDF, once', async () => {
    const { preloadPdfEngine, takeReadAhead } = await import('../../src/cli/pdf-preload.js');
    const file = longPdf(dir);
    preloadPdfEngine(['--json', file], undefined);
    const bytes = takeReadAhead(file);
    expect(bytes && Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
    expect(takeReadAhead(file)).toBeUndefined();
  });

  it('gives nothing for another file, or for the file changed since it was read', async () => {
    const { preloadPdfEngine, takeReadAhead } = await import('../../src/cli/pdf-preload.js');
    const file = longPdf(dir);
    preloadPdfEngine([file], undefined);
    expect(takeReadAhead(join(dir, 'other.pdf'))).toBeUndefined();
    appendFileSync(file, 'more');
    expect(takeReadAhead(file)).toBeUndefined();
  });
});
