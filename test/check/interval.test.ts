import { describe, expect, it } from 'vitest';
import {
  capInterval,
  closedInterval,
  divideIntervals,
  formatDecimal,
  formatInterval,
  intersectIntervals,
  intervalOfCount,
  intervalOfFigure,
  intervalsMeet,
  isIntervalAbove,
  multiplyIntervals,
  pointInterval,
  scaleInterval,
  sumIntervals,
} from '../../src/check/interval.js';
import { makeCount, makeFigure } from './make-figure.js';

const closed = (lo: string, hi: string) => ({ lo, hi, loOpen: false, hiOpen: false });

describe('intervalOfFigure', () => {
  it('gives the stated value ± half a unit of the last printed digit, in the stated unit', () => {
    expect(intervalOfFigure(makeFigure('714.07万元'))).toEqual(closed('714.065', '714.075'));
    expect(intervalOfFigure(makeFigure('80.2%'))).toEqual(closed('80.15', '80.25'));
    expect(intervalOfFigure(makeFigure('100.0%'))).toEqual(closed('99.95', '100.05'));
    expect(intervalOfFigure(makeFigure('25万元'))).toEqual(closed('24.5', '25.5'));
    expect(intervalOfFigure(makeFigure('89.974万元'))).toEqual(closed('89.9735', '89.9745'));
  });

  it('converts to another unit on request', () => {
    // 元 with 2 decimals reaches the fen: exact (no smaller unit to round away); 元 with 1 decimal is ±0.05元.
    expect(intervalOfFigure(makeFigure('7140700.00元'), 4)).toEqual(closed('714.07', '714.07'));
    expect(intervalOfFigure(makeFigure('7140700.0元'), 4)).toEqual(closed('714.069995', '714.070005'));
    // 万元 into 元 (base): 1,200.00万元 → [11,999,950, 12,000,050].
    expect(intervalOfFigure(makeFigure('1200.00万元'), 0)).toEqual(closed('11999950', '12000050'));
    // a rate into a fraction
    expect(intervalOfFigure(makeFigure('80.2%'), 0)).toEqual(closed('0.8015', '0.8025'));
  });

  it('uses lo/hi for approximate figures, with open ends where the words say so', () => {
    expect(intervalOfFigure(makeFigure('700万元', { approx: 'less_than', lo: '600', hi: '700' }))).toEqual({
      lo: '600',
      hi: '700',
      loOpen: false,
      hiOpen: true,
    });
    const atLeast = intervalOfFigure(makeFigure('200万元', { approx: 'at_least' }));
    expect(atLeast.lo).toBe('199.5');
    expect(atLeast.hi).toBe('Infinity');
    expect(atLeast.hiOpen).toBe(true);
    const about = intervalOfFigure(makeFigure('100万元', { approx: 'about' }));
    expect(about).toEqual(closed('95', '105'));
  });

  it('treats exact counts as points and 多 / 近 counts as their bounds', () => {
    expect(intervalOfCount(makeCount('80个'))).toEqual(closed('80', '80'));
    expect(intervalOfCount(makeCount('13000名', { approx: 'at_least', lo: '13000', hi: '14000' }))).toEqual(closed('13000', '14000'));
    const nearly = intervalOfCount(makeCount('10000名', { approx: 'less_than' }));
    expect(nearly).toEqual({ lo: '0', hi: '10000', loOpen: false, hiOpen: true });
  });
});

describe('arithmetic', () => {
  it('sums addends with their own rounding intervals (seed functional classes)', () => {
    const parts = ['523.39万元', '142.46万元', '5.01万元', '43.22万元'].map((s) => intervalOfFigure(makeFigure(s)));
    const sum = sumIntervals(parts);
    expect(sum).toEqual(closed('714.06', '714.1'));
    expect(intervalsMeet(sum, intervalOfFigure(makeFigure('714.07万元')))).toBe(true);
    expect(intervalsMeet(sum, intervalOfFigure(makeFigure('714.17万元')))).toBe(false);
  });

  it('divides positive intervals outward (execution rate 714.07 / 890.33)', () => {
    const rate = divideIntervals(intervalOfFigure(makeFigure('714.07万元')), intervalOfFigure(makeFigure('890.33万元')))!;
    const pct = scaleInterval(rate, 100);
    expect(Number(pct.lo)).toBeCloseTo(80.2018341, 6);
    expect(Number(pct.hi)).toBeCloseTo(80.2038581, 6);
    // outward rounding: lo is not above the exact 714.065/890.335
    expect(pct.lo.startsWith('80.20183414108172766')).toBe(true);
    expect(intervalsMeet(pct, closed('80.15', '80.25'))).toBe(true);
    expect(intervalsMeet(pct, closed('81.15', '81.25'))).toBe(false);
  });

  it('reproduces the domain-notes example 837.29 / 861.46 = [97.19315%, 97.19544%]', () => {
    const pct = scaleInterval(divideIntervals(intervalOfFigure(makeFigure('837.29万元')), intervalOfFigure(makeFigure('861.46万元')))!, 100);
    expect(formatInterval(pct, { maxDecimals: 5 })).toBe('[97.19315, 97.19545]');
    expect(intervalsMeet(pct, intervalOfFigure(makeFigure('97.19%')))).toBe(true);
    expect(intervalsMeet(pct, intervalOfFigure(makeFigure('97.20%')))).toBe(true);
    expect(intervalsMeet(pct, intervalOfFigure(makeFigure('97.21%')))).toBe(false);
  });

  it('refuses to divide by an interval that may be zero', () => {
    expect(divideIntervals(closed('89.5', '90.5'), intervalOfFigure(makeFigure('0万元')))).toBeNull();
    expect(divideIntervals(closed('1', '2'), intervalOfFigure(makeFigure('0.00万元')))).toBeNull();
    expect(divideIntervals(closed('1', '2'), closed('-1', '3'))).toBeNull();
  });

  it('multiplies and caps (得分 = min(执行率, 100%) × 分值)', () => {
    const rate = closed('0.9719315', '0.9719545');
    const score = multiplyIntervals(capInterval(rate, 1), pointInterval(10));
    expect(score).toEqual(closed('9.719315', '9.719545'));
    expect(intervalsMeet(score, intervalOfFigure(makeFigure('9.72分')))).toBe(true);
    expect(capInterval(closed('0.99', '1.02'), 1)).toEqual(closed('0.99', '1'));
    expect(capInterval(closed('1.1', '1.2'), 1)).toEqual(closed('1', '1'));
    expect(multiplyIntervals(closed('-2', '3'), closed('4', '5'))).toEqual(closed('-10', '15'));
  });

  it('scales by negative constants by swapping ends', () => {
    expect(scaleInterval({ lo: '1', hi: '2', loOpen: true, hiOpen: false }, -1)).toEqual({ lo: '-2', hi: '-1', loOpen: false, hiOpen: true });
  });
});

describe('meeting and intersection', () => {
  it('counts touching closed ends as meeting, and not touching open ones', () => {
    expect(intervalsMeet(closed('1', '2'), closed('2', '3'))).toBe(true);
    expect(intervalsMeet({ lo: '1', hi: '2', loOpen: false, hiOpen: true }, closed('2', '3'))).toBe(false);
    expect(intervalsMeet(closed('1', '2'), { lo: '2', hi: '3', loOpen: true, hiOpen: false })).toBe(false);
    expect(intervalsMeet(closed('1', '2'), closed('2.0001', '3'))).toBe(false);
    expect(intersectIntervals(closed('1', '3'), closed('2', '4'))).toEqual(closed('2', '3'));
  });

  it('follows the Calc 1.1 worked example 12.1 + 45.4 vs 57.6', () => {
    const sum = sumIntervals([intervalOfFigure(makeFigure('12.1亿元')), intervalOfFigure(makeFigure('45.4亿元'))]);
    expect(sum).toEqual(closed('57.4', '57.6'));
    expect(intervalsMeet(sum, intervalOfFigure(makeFigure('57.6亿元')))).toBe(true);
    expect(intervalsMeet(sum, intervalOfFigure(makeFigure('57.7亿元')))).toBe(false);
  });

  it('orders intervals beyond rounding', () => {
    expect(isIntervalAbove(closed('3', '4'), closed('1', '2'))).toBe(true);
    expect(isIntervalAbove(closed('2', '4'), closed('1', '2'))).toBe(false);
    expect(isIntervalAbove({ lo: '2', hi: '4', loOpen: true, hiOpen: false }, closed('1', '2'))).toBe(true);
  });
});

describe('formatting', () => {
  it('prints bounds rounded outward with open/closed brackets', () => {
    expect(formatInterval(closed('80.2018341410817', '80.2038581416898'), { maxDecimals: 4 })).toBe('[80.2018, 80.2039]');
    expect(formatInterval({ lo: '1', hi: 'Infinity', loOpen: false, hiOpen: true })).toBe('[1, +∞)');
    expect(formatInterval(closedInterval('714.06', '714.1'), { minDecimals: 2, maxDecimals: 6 })).toBe('[714.06, 714.10]');
    expect(formatDecimal('0.10000', { minDecimals: 1 })).toBe('0.1');
  });
});
