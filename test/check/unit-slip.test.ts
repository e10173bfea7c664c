import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSharp, isSharpDecimal } from '../../src/check/unit-slip.js';

const plain = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 99_999_999n }), fc.integer({ min: 0, max: 6 }))
  .map(([neg, m, e]) => {
    const digits = m.toString().padStart(e + 1, '0');
    const text = e === 0 ? digits : `${digits.slice(0, digits.length - e)}.${digits.slice(digits.length - e)}`;
    return neg && m !== 0n ? `-${text}` : text;
  });

describe('isSharp', () => {
  it('answers as decimal.js does, bounds in any order', () => {
    fc.assert(
      fc.property(plain, plain, (lo, hi) => {
        expect(isSharp({ lo, hi, loOpen: false, hiOpen: false })).toBe(isSharpDecimal({ lo, hi, loOpen: false, hiOpen: false }));
      }),
      { numRuns: 5000 },
    );
  });

  it('holds at the 20% edge and fails just past it, and never across zero or to infinity', () => {
    expect(isSharp({ lo: '100', hi: '120', loOpen: false, hiOpen: false })).toBe(true);
    expect(isSharp({ lo: '100', hi: '120.0001', loOpen: false, hiOpen: false })).toBe(false);
    expect(isSharp({ lo: '-0.5', hi: '0.5', loOpen: false, hiOpen: false })).toBe(false);
    expect(isSharp({ lo: '1', hi: 'Infinity', loOpen: false, hiOpen: true })).toBe(false);
  });
});
