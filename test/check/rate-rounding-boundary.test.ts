/**
 * Issue 16: the half-up (四舍五入) boundary of a printed rate, from first principles. A rate printed
 * to two decimals, 107.77%, is what every true value in [107.765%, 107.775%) prints as: the lower
 * end is an exact half and rounds up into it, the upper end is an exact half and rounds up out of
 * it. Amounts printed to the fen are exact, so their ratio is a point and lands on these ends.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { intervalOfPrintedNumber, intervalOfPrintedRate, intervalsMeet, pointInterval } from '../../src/check/interval.js';
import { percentInterval } from '../../src/check/accounts/relations.js';
import { makeFigure, makeRecord, ofRule } from './make-figure.js';

/** 四舍五入 of an exact decimal to two places, by decimal.js (the definition, not the code under test). */
const halfUp = (percent: string) => new Decimal(percent).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** The execution_rate results of 执行数 / 预算数 (元, to the fen) against a printed rate, and whether it passed. */
function rateCheck(execution: string, budget: string, printed: string) {
  const record = makeRecord({ budget: makeFigure(budget), execution: makeFigure(execution), executionRate: makeFigure(printed) });
  const results = checkRecord(record);
  return { status: ofRule(results, 'execution_rate')[0]?.status, truncated: ofRule(results, 'rate.truncated')[0]?.status };
}

describe('intervalOfPrintedRate', () => {
  it('is [107.765, 107.775) for a printed 107.77%: lower exact half in, upper exact half out', () => {
    expect(intervalOfPrintedRate(makeFigure('107.77%'))).toEqual({ lo: '107.765', hi: '107.775', loOpen: false, hiOpen: true });
    const printed = intervalOfPrintedRate(makeFigure('107.77%'));
    for (const [truth, meets] of [
      ['107.765', true],
      ['107.7649999', false],
      ['107.7749999', true],
      ['107.775', false],
    ] as const) {
      // the definition and the interval agree on each side of both ends
      expect(halfUp(truth) === '107.77').toBe(meets);
      expect(intervalsMeet(pointInterval(truth), printed)).toBe(meets);
    }
  });

  it('is the same for a percent of a 决算 说明 and a bare printed number (超额完成8.8%)', () => {
    expect(percentInterval(makeFigure('107.77%'))).toEqual({ lo: '107.765', hi: '107.775', loOpen: false, hiOpen: true });
    expect(intervalOfPrintedNumber('107.77')).toEqual({ lo: '107.765', hi: '107.775', loOpen: false, hiOpen: true });
    expect(intervalOfPrintedNumber('8.8')).toEqual({ lo: '8.75', hi: '8.85', loOpen: false, hiOpen: true });
    // below zero the end away from zero is the lower one: −3.45 rounds to −3.5, so −3.5 is (−3.55, −3.45]
    expect(intervalOfPrintedNumber('-3.5')).toEqual({ lo: '-3.55', hi: '-3.45', loOpen: true, hiOpen: false });
    expect(new Decimal('-3.45').toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)).toBe('-3.5');
    expect(new Decimal('-3.55').toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)).toBe('-3.6');
  });

  it('keeps a printed 0.00% around an exact zero', () => {
    expect(intervalsMeet(pointInterval('0'), intervalOfPrintedRate(makeFigure('0.00%')))).toBe(true);
  });
});

describe('execution_rate at the half-up boundary', () => {
  // 215530.00 / 200000.00 = 1.07765 exactly; 215550.00 / 200000.00 = 1.07775 exactly.
  it('accepts 107.77% for a true 107.765% and rejects 107.76% (it would print 107.77%)', () => {
    expect(new Decimal('215530.00').div('200000.00').times(100).toFixed()).toBe('107.765');
    expect(rateCheck('215530.00元', '200000.00元', '107.77%')).toEqual({ status: 'pass', truncated: undefined });
    // 107.76% is 107.765% cut off, not rounded: no pass, the lesser truncation finding instead
    expect(rateCheck('215530.00元', '200000.00元', '107.76%')).toEqual({ status: undefined, truncated: 'warn' });
    expect(rateCheck('215530.00元', '200000.00元', '107.75%')).toEqual({ status: 'fail', truncated: undefined });
  });

  it('rejects 107.77% for a true 107.775% (it is that value cut off) and accepts 107.78%', () => {
    expect(new Decimal('215550.00').div('200000.00').times(100).toFixed()).toBe('107.775');
    expect(rateCheck('215550.00元', '200000.00元', '107.78%')).toEqual({ status: 'pass', truncated: undefined });
    expect(rateCheck('215550.00元', '200000.00元', '107.77%')).toEqual({ status: undefined, truncated: 'warn' });
    expect(rateCheck('215550.00元', '200000.00元', '107.79%')).toEqual({ status: 'fail', truncated: undefined });
  });

  it('rejects 86.19% for 215457.60 / 250000.00 = 86.18304% (86.19% allows [86.185%, 86.195%))', () => {
    expect(new Decimal('215457.60').div('250000.00').times(100).toFixed()).toBe('86.18304');
    expect(rateCheck('215457.60元', '250000.00元', '86.19%')).toEqual({ status: 'fail', truncated: undefined });
    expect(rateCheck('215457.60元', '250000.00元', '86.18%')).toEqual({ status: 'pass', truncated: undefined });
  });
});
