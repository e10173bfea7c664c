import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExact, formatExact } from '../../../src/check/exact-decimal.js';
import { Dec, formatDecimal } from '../../../src/extract/decimal.js';
import { boundsOf, boundsOfExact, PREFIX_WORDS, SUFFIX_WORDS, INFIX_MORE, REACHING, type ApproxWord } from '../../../src/extract/numbers/approx.js';

const WORDS: ApproxWord[] = [...PREFIX_WORDS.values(), ...SUFFIX_WORDS.values(), INFIX_MORE, REACHING];

/** A plain decimal as reports print them: sign, up to 12 integer digits, up to 4 decimals. */
const plain = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9999 }))
  .map(([neg, int, decimals, frac]) => `${neg ? '-' : ''}${int}${decimals > 0 ? '.' + String(frac).padStart(4, '0').slice(0, decimals) : ''}`);

describe('boundsOfExact', () => {
  it('gives the bounds boundsOf gives, printed alike, for every word', () => {
    fc.assert(
      fc.property(plain, fc.constantFrom(...WORDS), fc.integer({ min: -2, max: 8 }), (text, word, scale) => {
        const precision = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
        const exact = boundsOfExact(word, parseExact(text)!, precision);
        const dec = boundsOf(word, new Dec(text), precision);
        const show = (x: { m: bigint; e: number } | undefined) => (x ? formatExact({ m: x.m, e: x.e + scale }, -Infinity, Infinity) : undefined);
        const showDec = (d: InstanceType<typeof Dec> | undefined) => (d ? formatDecimal(d.times(new Dec(10).pow(scale))) : undefined);
        expect({ lo: show(exact.lo), hi: show(exact.hi), loOpen: exact.loOpen, hiOpen: exact.hiOpen }).toEqual({
          lo: showDec(dec.lo),
          hi: showDec(dec.hi),
          loOpen: dec.loOpen,
          hiOpen: dec.hiOpen,
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('steps a whole number by its last non-zero digit (13000多 → [13000, 14000))', () => {
    const b = boundsOfExact(INFIX_MORE, parseExact('13000')!, 0);
    expect(formatExact(b.hi!, -Infinity, Infinity)).toBe('14000');
  });
});
