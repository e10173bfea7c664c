import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
// @ts-expect-error plain ESM helper shared with `npm run eval`
import { compare, corpusBytes, loadLabels, summarize } from '../../scripts/eval-lib.mjs';

describe('extraction accuracy on the hand-labelled seed and corpus (npm run eval)', () => {
  it('keeps precision at or above 0.98 on report fields and money figures', async () => {
    const stats = {};
    const labels = loadLabels(process.cwd()) as Array<{ id: string; label: unknown; path: string; corpus: boolean }>;
    expect(labels.length).toBeGreaterThanOrEqual(42);
    for (const { id, label, path, corpus } of labels) {
      const bytes = corpus ? corpusBytes(path).bytes : readFileSync(path);
      const { record } = await analyzeBytes(bytes, { fileName: basename(path) });
      compare(record, label, stats, id);
    }
    const { report, money } = summarize(stats) as { report: { precision: number; recall: number }; money: { precision: number; recall: number } };
    expect(report.precision).toBeGreaterThanOrEqual(0.98);
    expect(money.precision).toBeGreaterThanOrEqual(0.98);
    // Recall floors as measured (report 183/195 = 93.8%, money 82/92 = 89.1%): they may rise, never fall.
    expect(report.recall).toBeGreaterThanOrEqual(0.93);
    expect(money.recall).toBeGreaterThanOrEqual(0.89);
  });
});
