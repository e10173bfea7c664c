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
