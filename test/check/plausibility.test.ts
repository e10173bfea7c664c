/**
 * Issue 16: plausibility is a check (out-of-range values are flagged by named rules), every printed
 * precision is honoured (a truncated rate is its own finding), and failures say how certain they are.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord, isDefiniteFailure } from '../../src/check/index.js';
import { makeFigure, makeRecord, ofRule } from './make-figure.js';

describe('plausibility', () => {
  it('fails a self-score of 191.28 (the seed edit extraction used to drop)', () => {
    const [r] = ofRule(checkRecord(makeRecord({ selfScore: makeFigure('191.28分') })), 'self_score.range');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(r!.evidence[0]!.text).toBe('191.28分');
  });

  it('warns on a score a little over 100, which bonus items (加分项) reach (t200: 102.964分), and fails one beyond', () => {
    const [r] = ofRule(checkRecord(makeRecord({ selfScore: makeFigure('102.964分') })), 'self_score.range');
    expect(r).toMatchObject({ status: 'warn', detail: { bonusAllowance: 10 } });
    expect(ofRule(checkRecord(makeRecord({ selfScore: makeFigure('110分') })), 'self_score.range')[0]).toMatchObject({ status: 'warn' });
    const [beyond] = ofRule(checkRecord(makeRecord({ selfScore: makeFigure('110.5分') })), 'self_score.range');
    expect(beyond).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(ofRule(checkRecord(makeRecord({ selfScore: makeFigure('-1分') })), 'self_score.range')[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
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
