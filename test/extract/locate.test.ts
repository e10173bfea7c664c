import { describe, expect, it } from 'vitest';
import { locateNumbers } from '../../src/extract/locate.js';
import { segmentDocument } from '../../src/segment/segment.js';
import { documentOf, grid, para } from './form-documents.js';

describe('locateNumbers over table cells', () => {
  // The grammar reads a cell text once per column unit (a 决算 repeats its cell texts): a repeated
  // text still gives each cell a number of its own, at its own offsets, in its column's unit.
  it('gives each of several cells with the same text its own number, offsets and unit', () => {
    const doc = documentOf([
      para('单位：万元'),
      grid([
        [[0, '项目'], [1, '金额（万元）'], [2, '人数（人）']],
        [[0, '甲'], [1, '12.50'], [2, '12.50']],
        [[0, '乙'], [1, '12.50'], [2, '12.50']],
      ]),
    ]);
    const cells = locateNumbers(doc, segmentDocument(doc)).filter((n) => n.cell && n.numberText === '12.50');
    expect(cells.map((n) => [n.cell!.row, n.cell!.col, n.unit])).toEqual([
      [1, 1, '万元'],
      [1, 2, '人'],
      [2, 1, '万元'],
      [2, 2, '人'],
    ]);
    expect(cells.map((n) => doc.text.slice(n.start, n.end))).toEqual(['12.50', '12.50', '12.50', '12.50']);
    expect(new Set(cells.map((n) => n.start)).size).toBe(4);
    expect(new Set(cells).size).toBe(4);
  });
});
