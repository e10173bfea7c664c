import { describe, expect, it } from 'vitest';
import { readsOneDocument } from '../../src/cli/v8-flags.js';

describe('readsOneDocument (no optimizing compiler for one document read once)', () => {
  const files = (...names: string[]) => (path: string) => names.includes(path);

  it('holds for extract, check and read of one named file, options aside', () => {
    expect(readsOneDocument(['extract', '--json', '决算.pdf'], files('决算.pdf'))).toBe(true);
    expect(readsOneDocument(['check', 'report.docx'], files('report.docx'))).toBe(true);
    expect(readsOneDocument(['read', 'a.pdf', '--json'], files('a.pdf'))).toBe(true);
  });

  it('does not hold for a folder or a missing file', () => {
    expect(readsOneDocument(['extract', 'reports'], files('a.pdf'))).toBe(false);
    expect(readsOneDocument(['extract', 'test/cli'])).toBe(false);
  });

  it('does not hold for several inputs, globs, other commands or none', () => {
    const any = (): boolean => true;
    expect(readsOneDocument(['extract', 'a.pdf', 'b.pdf'], any)).toBe(false);
    expect(readsOneDocument(['extract', 'reports/*.pdf'], any)).toBe(false);
    expect(readsOneDocument(['ingest', 'a.pdf'], any)).toBe(false);
    expect(readsOneDocument(['serve'])).toBe(false);
    expect(readsOneDocument(['extract'])).toBe(false);
    expect(readsOneDocument([])).toBe(false);
  });
});
