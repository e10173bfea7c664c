/**
 * Issue 16: plausibility is a check (out-of-range values are flagged by named rules), every printed
 * precision is honoured (a truncated rate is its own finding), and failures say how certain they are.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord, isDefiniteFailure } from '../../src/check/index.js';
import type { CheckResult } from '../../src/schema/record.js';
import { makeFigure, makeRecord } from './make-figure.js';

function ofRule(results: CheckResult[], rule: string): CheckResult[] {
  return results.filter((r) => r.rule === rule);
}

describe('plausibility', () => {
  it('fails a self-score of 191.28 (the seed edit extraction used to drop)', () => {
    const [r] = ofRule(checkRecord(makeRecord({ selfScore: makeFigure('191.28分') })), 'self_score.range');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(r!.evidence[0]!.text).toBe('191.28分');
  });

  it('flags a rate of 1000% and an execution over budget', () => {
    const record = makeRecord({ budget: makeFigure('100万元'), execution: makeFigure('1000万元'), executionRate: makeFigure('1000%') });
    const results = checkRecord(record);
    expect(ofRule(results, 'plausibility.rate_over_100')[0]?.status).toBe('warn');
    expect(ofRule(results, 'plausibility.execution_over_budget')[0]?.status).toBe('warn');
  });

  it('fails a negative amount, once per statement', () => {
    const negative = makeFigure('-12.5万元');
    const results = checkRecord(makeRecord({ budget: makeFigure('100万元'), execution: negative, fundSources: [{ name: '财政拨款', amount: negative }] }));
    const found = ofRule(results, 'plausibility.negative_amount');
    expect(found.map((r) => [r.status, r.evidence[0]!.text])).toEqual([['fail', '-12.5万元']]);
    expect(ofRule(checkRecord(makeRecord({ execution: makeFigure('0万元') })), 'plausibility.negative_amount')).toEqual([]);
  });
});

describe('printed precision of rates', () => {
  it('warns rate.truncated when a rate was cut off instead of rounded (99.96% printed as 99.9%)', () => {
    const record = makeRecord({ budget: makeFigure('250000.00元'), execution: makeFigure('249900.00元'), executionRate: makeFigure('99.9%') });
    const [r] = ofRule(checkRecord(record), 'rate.truncated');
    expect(r).toMatchObject({ status: 'warn', certainty: 'definite' });
    expect(ofRule(checkRecord(record), 'execution_rate')).toEqual([]);
    // rounded correctly: passes; wrong beyond truncation too: fails
    const rounded = makeRecord({ budget: makeFigure('250000.00元'), execution: makeFigure('249900.00元'), executionRate: makeFigure('100.0%') });
    expect(ofRule(checkRecord(rounded), 'execution_rate')[0]?.status).toBe('pass');
    const wrong = makeRecord({ budget: makeFigure('250000.00元'), execution: makeFigure('249900.00元'), executionRate: makeFigure('99.7%') });
    expect(ofRule(checkRecord(wrong), 'execution_rate')[0]?.status).toBe('fail');
    expect(ofRule(checkRecord(wrong), 'rate.truncated')).toEqual([]);
  });

  it('fails a four-decimal rate off in the fourth decimal (7140700.00元 / 8903300.00元 = 80.2028%)', () => {
    const rate = (stated: string) =>
      makeRecord({ budget: makeFigure('8903300.00元'), execution: makeFigure('7140700.00元'), executionRate: makeFigure(stated) });
    expect(ofRule(checkRecord(rate('80.2028%')), 'execution_rate')[0]?.status).toBe('pass');
    expect(ofRule(checkRecord(rate('80.2029%')), 'execution_rate')[0]?.status).toBe('fail');
  });
});

describe('certainty', () => {
  it('every fail and warn says definite or possible; only definite fails count', () => {
    const record = makeRecord({ budget: makeFigure('100万元'), execution: makeFigure('90万元'), executionRate: makeFigure('80%') });
    const results = checkRecord(record);
    for (const r of results.filter((x) => x.status === 'fail' || x.status === 'warn')) expect(['definite', 'possible']).toContain(r.certainty);
    const [fail] = ofRule(results, 'execution_rate');
    expect(isDefiniteFailure(fail!)).toBe(true);
    expect(isDefiniteFailure({ ...fail!, certainty: 'possible' })).toBe(false);
    expect(isDefiniteFailure({ status: 'fail' })).toBe(true);
    expect(isDefiniteFailure({ status: 'warn', certainty: 'definite' })).toBe(false);
  });
});
