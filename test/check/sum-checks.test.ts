/** Sums within one part of a document (issue 16). */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { makeFigure, makeRecord, ofRule } from './make-figure.js';

describe('parts of a document', () => {
  it('never sums one part’s figures against a total read from another part', () => {
    const inPart = (stated: string, part: string) => ({ ...makeFigure(stated), part });
    const classes = [
      { name: '一般公共服务支出', amount: inPart('100万元', 'accounts_table:3') },
      { name: '住房保障支出', amount: inPart('20万元', 'accounts_table:3') },
    ];
    const other = makeRecord({ execution: inPart('180.03万元', 'self_evaluation_form:1'), byFunction: classes });
    expect(ofRule(checkRecord(other), 'sum.by_function')).toEqual([]);
    const same = makeRecord({ execution: inPart('180.03万元', 'accounts_table:3'), byFunction: classes });
    expect(ofRule(checkRecord(same), 'sum.by_function')[0]?.status).toBe('fail');
  });
});

describe('every printed precision honoured (四舍五入)', () => {
  // t028's shape: five parts printed to 0.01万元 add up to 0.03 below the total. Each part stands for
  // less than its value + 0.005, so the sum stays below the total's least value: the ends only touch.
  const parts = ['3144.00万元', '570.17万元', '433.00万元', '1426.90万元', '1591.22万元'].map((s, i) => ({ name: `来源${i}`, amount: makeFigure(s) }));
  it('fails a sum whose rounding intervals only touch the total’s', () => {
    const record = makeRecord({ budget: makeFigure('7165.32万元'), fundSources: [{ name: '年度资金总额', amount: makeFigure('7165.32万元') }, ...parts] });
    expect(ofRule(checkRecord(record), 'sum.fund_sources')[0]?.status).toBe('fail');
  });
  it('passes the same parts against a total 0.01 nearer (0.02 apart: inside the rounding)', () => {
    const record = makeRecord({ budget: makeFigure('7165.31万元'), fundSources: [{ name: '年度资金总额', amount: makeFigure('7165.31万元') }, ...parts] });
    expect(ofRule(checkRecord(record), 'sum.fund_sources')[0]?.status).toBe('pass');
  });
});
