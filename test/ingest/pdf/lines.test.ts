import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../src/ingest/pdf/geometry.js';
import { groupLines } from '../../../src/ingest/pdf/lines.js';

const run = (text: string, x: number, y = 100, size = 10): TextRun => ({ text, x, y, width: size * text.length, size });

describe('groupLines: fake bold (the same text drawn twice a fraction of a point apart)', () => {
  it('keeps one copy of each overprinted run, however many runs the line has', () => {
    const runs: TextRun[] = [];
    for (let k = 0; k < 200; k++) runs.push(run(`${k % 10}`, k * 12), run(`${k % 10}`, k * 12 + 0.4, 100.2));
    const [line] = groupLines(runs);
    expect(line!.runs).toHaveLength(200);
    expect(line!.runs.map((r) => r.x)).toEqual(Array.from({ length: 200 }, (_, k) => k * 12));
  });

  it('finds a copy behind other runs kept in between, and keeps the same text 3 em away', () => {
    // (a narrow run drawn between the two copies of a bold word)
    const [line] = groupLines([run('预算', 50), run('.', 50.5, 100, 2), run('预算', 51), run('预算', 80)]);
    expect(line!.runs.map((r) => [r.text, r.x])).toEqual([
      ['预算', 50],
      ['.', 50.5],
      ['预算', 80],
    ]);
  });

  it('compares every kept run when a position is not a number', () => {
    const [line] = groupLines([run('a', Number.NaN), run('b', 10), run('b', 10.5), run('c', 30)]);
    expect(line!.runs.map((r) => r.text).sort()).toEqual(['a', 'b', 'c']);
  });
});
