/**
 * The money block's 预算执行 row on top of indicator rows that already weigh 100 (t304, t332: the
 * form carries 110 points against its 总分 of 100), and rows of 100 that hold the execution row
 * themselves (no slip).
 */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { extractRecord } from '../../src/extract/extract-record.js';
import { withBudgetExecutionRow } from '../../src/schema/form-indicators.js';
import type { CheckResult } from '../../src/schema/record.js';
import { documentOf, projectForm, STUDY_INDICATORS } from '../extract/form-documents.js';
import { makeFigure, makeIndicator } from './make-figure.js';

function formChecks(indicators: typeof STUDY_INDICATORS): CheckResult[] {
  const doc = documentOf(projectForm('信访研究宣传立法专项', 1, { indicators }));
  return checkRecord(extractRecord(doc), { text: doc.text }).filter((r) => r.rule === 'indicator.weights_total');
}

/** STUDY_INDICATORS weigh 20 + 40 + 10 + 20 = 90; the block's 预算执行 row brings 10. */
const withWeight = (i: number, weight: string, rows = STUDY_INDICATORS): typeof STUDY_INDICATORS =>
  rows.map((row, k): (typeof STUDY_INDICATORS)[number] => (k === i ? [row[0], row[1], row[2], weight, row[4]] : row));

describe('the 预算执行 row on top of rows that weigh 100', () => {
  it('passes the form whose rows weigh 90 beside the block', () => {
    expect(formChecks(STUDY_INDICATORS).map((r) => r.status)).toEqual(['pass']);
  });

  it('fails definite when the rows weigh 100 without an execution row: 110 points', () => {
    const [r] = formChecks(withWeight(1, '50'));
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    // The block prints its 分值 as 10.0: Σ = 110 within ±0.05.
    expect([Number(r!.expected!.lo), Number(r!.expected!.hi)]).toEqual([109.95, 110.05]);
  });

  it('adds no block row when the rows of 100 hold the execution row themselves', () => {
    const rows = [makeIndicator('预算资金执行率', '10', '10'), makeIndicator('出版图书', '90', '90')];
    expect(withBudgetExecutionRow(rows, makeFigure('10分'), makeFigure('10分'), null)).toHaveLength(2);
    const others = [makeIndicator('形成的研究成果数', '10', '10'), makeIndicator('出版图书', '90', '90')];
    expect(withBudgetExecutionRow(others, makeFigure('10分'), makeFigure('10分'), null).map((i) => i.level3)).toEqual(['预算执行率', '形成的研究成果数', '出版图书']);
  });
});
