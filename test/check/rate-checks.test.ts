/**
 * Issue 16: every printed precision of a rate is honoured (a truncated rate is its own finding; a
 * four-decimal rate is checked to its fourth decimal), and a rate is checked against the candidates
 * extraction left tied.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { makeFigure, makeRecord, ofRule } from './make-figure.js';

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

describe('a rate whose execution extraction left open between tied candidates (r61)', () => {
  const tied = (...stated: [string, number][]) => ({
    role: 'execution',
    chosen: null,
    reason: 'abstained_tie',
    candidates: stated.map(([s, score]) => ({ figure: makeFigure(s), score, features: [] })),
  });

  it('fails (possible) when the rate holds for none of them, says nothing when it holds for one', () => {
    const record = (rate: string) => ({
      ...makeRecord({ budget: makeFigure('7505万元'), executionRate: makeFigure(rate) }),
      roles: [tied(['2388.24万元', 8.5], ['388.16万元', 8])],
    });
    const [r] = ofRule(checkRecord(record('28.93%')), 'execution_rate');
    expect(r).toMatchObject({ status: 'fail', certainty: 'possible' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['28.93%', '2388.24万元', '388.16万元', '7505万元']);
    // 2388.24 / 7505 = 31.822%
    expect(ofRule(checkRecord(record('31.82%')), 'execution_rate')).toEqual([]);
  });

  it('leaves a clear or low-scored role alone', () => {
    const record = { ...makeRecord({ budget: makeFigure('7505万元'), executionRate: makeFigure('28.93%') }), roles: [{ ...tied(['2388.24万元', 8.5]), reason: 'abstained_low' }] };
    expect(ofRule(checkRecord(record), 'execution_rate')).toEqual([]);
  });
});

describe('a rate whose cells are one printed row (t225, t406)', () => {
  // "年度资金总额50万元47.68万元95.00%": three cells of one row, nothing between them.
  const row = (budget: string, execution: string, rate: string, gap = '') => {
    const text = `年度资金总额${budget}${gap}${execution}${gap}${rate}`;
    const at = (s: string, from: number) => text.indexOf(s, from);
    const b = at(budget, 0);
    const e = at(execution, b + budget.length);
    const r = at(rate, e + execution.length);
    const record = makeRecord({ budget: makeFigure(budget, { start: b }), execution: makeFigure(execution, { start: e }), executionRate: makeFigure(rate, { start: r }) });
    return ofRule(checkRecord(record, { text }), 'execution_rate');
  };

  it('reads an integer cell at the precision of a sibling printed to the cent: 47.68 / 50.00 = 95.36%, not 95.00% (definite)', () => {
    const [r] = row('50万元', '47.68万元', '95.00%');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite', detail: { cellsRead: 'row_precision' } });
    expect(row('50万元', '47.68万元', '95.36%')[0]?.status).toBe('pass');
    // cells apart by a word are no row: read at ±0.5 the rate holds
    expect(row('50万元', '47.68万元', '95.00%', '，执行')[0]?.status).toBe('pass');
  });

  it('reads integer cells as exact beside a rate printed to two decimals only for a possible warning: 46 / 148 = 31.08%, not 31.00%', () => {
    const [r] = row('148万元', '46万元', '31.00%');
    expect(r).toMatchObject({ status: 'warn', certainty: 'possible', detail: { cellsRead: 'exact' } });
    expect(row('148万元', '46万元', '31.08%')[0]?.status).toBe('pass');
    // a rate printed to whole percents asks nothing of integer cells
    expect(row('148万元', '46万元', '31%')[0]?.status).toBe('pass');
  });
});
