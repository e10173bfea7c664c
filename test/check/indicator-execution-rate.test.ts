/** The 预算执行率 row's 实际完成值 against the money it is computed from (issue 16, narrative against form: t765). */
import { describe, expect, it } from 'vitest';
import { checkIndicatorSet } from '../../src/check/indicator-checks.js';
import { makeFigure, makeIndicator } from './make-figure.js';

/** A form's rows with a 预算执行率 row stating `actual`, over 实际支付数 2798.30 of 财政拨款数 2960.00 (94.54%). */
const form = (actual: string, money: { execution?: string; budget?: string; rate?: string } = { execution: '2798.30万元', budget: '2960.00万元' }, ownMoney = true) =>
  checkIndicatorSet({
    indicators: [makeIndicator('预算执行率', '2.8', '2.8', { target: '95%', actual }), makeIndicator('专款专用率', '2.8', '2.8', { target: '=100%', actual: '=100%' })],
    selfScore: null,
    executionRate: money.rate ? makeFigure(money.rate) : null,
    execution: money.execution ? makeFigure(money.execution) : null,
    budget: money.budget ? makeFigure(money.budget) : null,
    ownMoney,
  }).filter((r) => r.rule === 'indicator.execution_rate');

describe('indicator.execution_rate', () => {
  it('fails a 完成值 that is not 执行数 ÷ 预算数 (t765: =98% against 2798.30 ÷ 2960.00 = 94.54%), citing all three', () => {
    const [r, ...rest] = form('=98%');
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => `${e.role} ${e.text}`)).toEqual(['actual 98%', 'numerator 2798.30万元', 'denominator 2960.00万元']);
  });

  it('passes the rate printed right, or the form’s stated rate', () => {
    expect(form('94.54%').map((r) => r.status)).toEqual(['pass']);
    expect(form('94.5%', { rate: '94.5%' }).map((r) => r.status)).toEqual(['pass']);
  });

  it('is only possible against the record’s headline figures (they may be another table’s)', () => {
    expect(form('=98%', undefined, false)[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
  });

  it('reads no comparator, no range, no capped 100% and no row made from the money block', () => {
    expect(form('≥95%')).toEqual([]);
    expect(form('95%以上')).toEqual([]);
    expect(form('100%', { execution: '3000.00万元', budget: '2960.00万元' })).toEqual([]);
    const block = checkIndicatorSet({
      indicators: [makeIndicator('预算执行率', '10', '10', { level1: '预算执行', actual: '98%' })],
      selfScore: null,
      executionRate: makeFigure('98%'),
      execution: makeFigure('2798.30万元'),
      budget: makeFigure('2960.00万元'),
      ownMoney: true,
    }).filter((r) => r.rule === 'indicator.execution_rate');
    expect(block).toEqual([]);
  });
});
