import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { divideExact, formatExact, parseExact, toFixedExact } from '../../src/check/exact-decimal.js';
import {
  addIntervals,
  closedInterval,
  divideIntervals,
  formatDecimal,
  intersectIntervals,
  intervalOfFigure,
  intervalsMeet,
  isIntervalAbove,
  ratioPoint,
  scaleInterval,
  setExactFastPaths,
  statedValueOf,
  subtractIntervals,
  sumDecimals,
  type Interval,
} from '../../src/check/interval.js';
import type { Figure } from '../../src/schema/record.js';

/** What a function answers with the BigInt fast paths and with decimal.js alone: the same, always. */
function bothWays<T>(run: () => T): { fast: T; decimalJs: T } {
  setExactFastPaths(true);
  const fast = run();
  setExactFastPaths(false);
  const decimalJs = run();
  setExactFastPaths(true);
  return { fast, decimalJs };
}

function expectSame<T>(run: () => T): void {
  const { fast, decimalJs } = bothWays(run);
  expect(fast).toEqual(decimalJs);
}

afterEach(() => setExactFastPaths(true));

/** Decimal strings as reports print them, and some that are not: long, tiny, huge, negative, signed zero. */
const decimalText = fc.oneof(
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 })).map(([neg, m, d]) => {
    const s = m.toString().padStart(d + 1, '0');
    const text = d > 0 ? `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}` : s;
    return neg ? `-${text}` : text;
  }),
  fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 50 })).map(([m, d]) => {
    const neg = m < 0n;
    const s = (neg ? -m : m).toString().padStart(d + 1, '0');
    const text = d > 0 ? `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}` : s;
    return neg ? `-${text}` : text;
  }),
  fc.constantFrom('0', '-0', '0.0', '100', '1e-9', '1e+70', '0.00000001', '123456789012345678901234', 'Infinity', '-Infinity'),
);
const bound = fc.oneof(decimalText, fc.constantFrom('Infinity', '-Infinity'));
const interval: fc.Arbitrary<Interval> = fc
  .tuple(bound, bound, fc.boolean(), fc.boolean())
  .map(([lo, hi, loOpen, hiOpen]) => ({ lo, hi, loOpen, hiOpen }));
const finiteInterval: fc.Arbitrary<Interval> = fc
  .tuple(decimalText, decimalText, fc.boolean(), fc.boolean())
  .filter(([lo, hi]) => !/Infinity|e/.test(lo + hi))
  .map(([lo, hi, loOpen, hiOpen]) => ({ lo, hi, loOpen, hiOpen }));

/** decimal.js throws on some inputs (NaN intervals): both ways must then throw, or answer alike. */
function outcome<T>(run: () => T): { value?: T; threw?: boolean } {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
}

describe('BigInt fast paths of the interval arithmetic agree with decimal.js', () => {
  const runs = { numRuns: 3000 };

  it('sums, differences and sums of many', () => {
    fc.assert(fc.property(interval, interval, (a, b) => expectSame(() => outcome(() => addIntervals(a, b)))), runs);
    fc.assert(fc.property(finiteInterval, finiteInterval, (a, b) => expectSame(() => outcome(() => subtractIntervals(a, b)))), runs);
    fc.assert(fc.property(fc.array(decimalText, { maxLength: 8 }), (xs) => expectSame(() => outcome(() => sumDecimals(xs)))), runs);
  });

  it('products by exact factors, intersections and order', () => {
    const factor = fc.oneof(fc.integer({ min: -100000, max: 100000 }), decimalText, fc.constantFrom(0, -0, 10000, -1, 0.5));
    fc.assert(fc.property(interval, factor, (a, k) => expectSame(() => outcome(() => scaleInterval(a, k)))), runs);
    fc.assert(fc.property(interval, interval, (a, b) => expectSame(() => outcome(() => intersectIntervals(a, b)))), runs);
    fc.assert(fc.property(interval, interval, (a, b) => expectSame(() => outcome(() => intervalsMeet(a, b)))), runs);
    fc.assert(fc.property(interval, interval, (a, b) => expectSame(() => outcome(() => isIntervalAbove(a, b)))), runs);
    fc.assert(fc.property(decimalText, decimalText, (lo, hi) => expectSame(() => outcome(() => closedInterval(lo, hi)))), runs);
  });

  it('quotients: rates of intervals and the point ratio of a message', () => {
    fc.assert(fc.property(interval, interval, (a, b) => expectSame(() => outcome(() => divideIntervals(a, b)))), runs);
    // (as reports give them: non-negative amounts, a budget above zero)
    const amount = decimalText.filter((t) => !t.startsWith('-') && !/Infinity|e/.test(t));
    const rateOf = fc.tuple(amount, amount, amount, amount).map(([a, b, c, d]) => [{ lo: a, hi: b, loOpen: false, hiOpen: false }, { lo: c, hi: d, loOpen: false, hiOpen: true }] as const);
    fc.assert(fc.property(rateOf, ([a, b]) => expectSame(() => outcome(() => divideIntervals(a, b)))), runs);
    fc.assert(fc.property(decimalText, decimalText, fc.integer({ min: -6, max: 8 }), (x, y, s) => expectSame(() => outcome(() => ratioPoint(x, y, s)))), runs);
  });

  it('intervals and stated values of figures', () => {
    const figure = fc
      .tuple(decimalText, fc.integer({ min: -2, max: 8 }), fc.integer({ min: -4, max: 8 }), fc.constantFrom('money', 'percent', 'count'), fc.constantFrom('exact', 'about', 'at_least'), fc.integer({ min: -6, max: 8 }))
      .map(([exact, precision, scale, kind, approx, unitScale]) => ({ figure: { exact, precision, scale, kind, approx } as unknown as Figure, unitScale }));
    fc.assert(fc.property(figure, ({ figure: f, unitScale }) => expectSame(() => outcome(() => intervalOfFigure(f, unitScale)))), runs);
    fc.assert(fc.property(figure, ({ figure: f, unitScale }) => expectSame(() => outcome(() => statedValueOf(f, unitScale)))), runs);
  });

  it('printed decimals, every rounding direction', () => {
    const options = fc.record({
      minDecimals: fc.integer({ min: 0, max: 4 }),
      maxDecimals: fc.integer({ min: 0, max: 8 }),
      rounding: fc.constantFrom<'floor' | 'ceil' | 'half_up' | undefined>('floor', 'ceil', 'half_up', undefined),
    });
    fc.assert(fc.property(decimalText, options, (v, o) => expectSame(() => outcome(() => formatDecimal(v, o)))), runs);
  });
});

describe('exact decimals', () => {
  it('print as decimal.js prints, or not at all when decimal.js would round or use an exponent', () => {
    expect(formatExact(parseExact('714.0650')!, -40, 60)).toBe('714.065');
    expect(formatExact(parseExact('-0.000')!, -40, 60)).toBe('0');
    expect(formatExact(parseExact('8903300')!, -40, 60)).toBe('8903300');
    expect(formatExact(parseExact('0.00000001')!, -7, 21)).toBeNull();
    expect(formatExact(parseExact('123456')!, -40, 60, 5)).toBeNull();
    expect(parseExact('1e5')).toBeNull();
  });

  it('read exactly the plain decimals, as the pattern -?digits(.digits)? says', () => {
    const plain = /^(-?)(\d+)(?:\.(\d+))?$/;
    const reference = (t: string) => {
      const m = plain.exec(t);
      return m ? { m: BigInt(m[1]! + m[2]! + (m[3] ?? '')), e: 0 - (m[3] ?? '').length } : null;
    };
    const text = fc.oneof(decimalText, fc.array(fc.constantFrom('-', '.', '0', '1', '9', 'e', ' '), { maxLength: 24 }).map((cs) => cs.join('')));
    fc.assert(fc.property(text, (t) => {
      expect(parseExact(t)).toEqual(reference(t));
    }), { numRuns: 5000 });
  });

  it('divide to significant digits as decimal.js rounds a quotient', () => {
    expect(formatExact(divideExact(parseExact('2')!, parseExact('3')!, 5, 'floor')!, -7, 21)).toBe('0.66666');
    expect(formatExact(divideExact(parseExact('2')!, parseExact('3')!, 5, 'ceil')!, -7, 21)).toBe('0.66667');
    expect(formatExact(divideExact(parseExact('-2')!, parseExact('3')!, 5, 'floor')!, -7, 21)).toBe('-0.66667');
    expect(formatExact(divideExact(parseExact('1')!, parseExact('8')!, 2, 'half_up')!, -7, 21)).toBe('0.13');
    expect(formatExact(divideExact(parseExact('180.3')!, parseExact('200')!, 20, 'ceil')!, -7, 21)).toBe('0.9015');
    expect(divideExact(parseExact('1')!, parseExact('0.00')!, 5, 'floor')).toBeNull();
  });

  it('round to fixed decimals outward and half away from zero', () => {
    expect(toFixedExact(parseExact('-0.0004')!, 2, 'ceil')).toBe('-0.00');
    expect(toFixedExact(parseExact('-0.0004')!, 2, 'floor')).toBe('-0.01');
    expect(toFixedExact(parseExact('2.345')!, 2, 'half_up')).toBe('2.35');
    expect(toFixedExact(parseExact('-2.345')!, 2, 'half_up')).toBe('-2.35');
    expect(toFixedExact(parseExact('12')!, 0, 'floor')).toBe('12');
  });
});
