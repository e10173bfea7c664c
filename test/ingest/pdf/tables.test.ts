import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HRule, VRule } from '../../../src/ingest/pdf/geometry.js';
import { findTableGrids, nearest, nearestAscending } from '../../../src/ingest/pdf/tables.js';

/** A ruled grid: horizontal rules at `ys` from the first to the last of `xs`, vertical ones at `xs`. */
function grid(xs: number[], ys: number[]): { h: HRule[]; v: VRule[] } {
  return {
    h: ys.map((y) => ({ y, x1: xs[0]!, x2: xs[xs.length - 1]! })),
    v: xs.map((x) => ({ x, y1: ys[0]!, y2: ys[ys.length - 1]! })),
  };
}

describe('findTableGrids', () => {
  it('keeps tables apart that share no rule, whatever the order of their rules', () => {
    const left = grid([0, 50, 100], [0, 20, 40]);
    const right = grid([200, 260, 300], [10, 30, 50, 70]);
    // (vertical rules interleaved and out of x order, as a page draws them)
    const v = [right.v[2]!, left.v[1]!, right.v[0]!, left.v[0]!, right.v[1]!, left.v[2]!];
    const grids = findTableGrids({ h: [...right.h, ...left.h], v });
    expect(grids.map((g) => [g.xs, g.ys])).toEqual([
      [
        [0, 50, 100],
        [0, 20, 40],
      ],
      [
        [200, 260, 300],
        [10, 30, 50, 70],
      ],
    ]);
  });

  it('joins tables by a vertical rule that reaches within 2.5 pt of a horizontal one’s end, not by one beyond', () => {
    // A table at x 0–100, y 0–40, and a second one below and to the right whose left rule rises to y 0.
    const tables = (left: number): ReturnType<typeof findTableGrids> => {
      const first = grid([0, 100], [0, 20, 40]);
      const second = { h: [60, 100].map((y) => ({ y, x1: left, x2: 200 })), v: [{ x: left, y1: 0, y2: 100 }, { x: 200, y1: 60, y2: 100 }] };
      return findTableGrids({ h: [...first.h, ...second.h], v: [...second.v, ...first.v] });
    };
    expect(tables(102.5)).toHaveLength(1);
    expect(tables(103)).toHaveLength(2);
  });
});

describe('nearestAscending', () => {
  it('answers what the scan of every level answers, for finite ascending levels and any value', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 0.1 + 0.2, 1e16 + 2));
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 12 }), value, fc.nat(), (raw, v, pick) => {
        const levels = [...new Set(raw.map((x) => (x === 0 ? 0 : x)))].sort((a, b) => a - b);
        // (a value that is one of the levels, or a level's neighbour, as rules on a level are)
        const at = levels.length > 0 ? levels[pick % levels.length]! : v;
        for (const x of [v, at, at + 1e-9, at - 1e-9]) expect(Object.is(nearestAscending(levels, x), nearest(levels, x))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
