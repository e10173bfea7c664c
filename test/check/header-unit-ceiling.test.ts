/**
 * Issue 16 (t566's shape): 元 amounts printed bare under a form's 万元 header. Read in 万元 they pass
 * every relation (each cell is off by the same 10^4), so only their size shows the slip: above
 * 1000亿元, more than one local project or department has in a year.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import type { Figure, Form } from '../../src/schema/record.js';
import { makeFigure, makeRecord, ofRule } from './make-figure.js';

/** A cell printed without its unit, which the form's 项目资金(万元) header gives it. */
function bare(stated: string): Figure {
  const f = makeFigure(`${stated}万元`);
  return { ...f, text: stated, evidence: { ...f.evidence, quote: stated } };
}

function form(cells: { budgetInitial: Figure; budget: Figure; execution: Figure }): Form {
  return {
    id: 'form:1',
    part: null,
    formKind: 'project',
    source: 'flattened',
    projectName: '城镇建设管理',
    department: null,
    implementer: null,
    pageStart: 1,
    pageEnd: 1,
    ...cells,
    executionRate: makeFigure('100.0%'),
    budgetExecutionWeight: null,
    budgetExecutionScore: null,
    totalScore: null,
    grade: null,
    fundRows: [],
    indicators: [],
    evidence: { page: 1, start: 0, end: 1, quote: '表' },
  };
}

const local = { region: { province: '上海市', city: null, county: '松江区' } };
const withForm = (stated: string, report: Parameters<typeof makeRecord>[1] = local) => ({
  ...makeRecord({}, report),
  forms: [form({ budgetInitial: bare(stated), budget: bare(stated), execution: bare(stated) })],
});

describe('unit_slip: a form\'s amounts above any local budget in the header\'s 万元', () => {
  it('fails 145000000.00 under 项目资金(万元) (1.45 万亿元 read so; 1.45亿元 in 元), citing the cells', () => {
    const [r] = ofRule(checkRecord(withForm('145000000.00')), 'unit_slip');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['145000000.00', '145000000.00', '145000000.00']);
  });

  it('is quiet at 9999999.99万元 and below, and on a cell that prints its own unit', () => {
    expect(ofRule(checkRecord(withForm('9999999.99')), 'unit_slip')).toEqual([]);
    expect(ofRule(checkRecord(withForm('671037')), 'unit_slip')).toEqual([]);
    const inline = { ...makeRecord({}, local), forms: [form({ budgetInitial: makeFigure('145000000.00万元'), budget: makeFigure('145000000.00万元'), execution: makeFigure('145000000.00万元') })] };
    expect(ofRule(checkRecord(inline), 'unit_slip')).toEqual([]);
  });

  it('says nothing when the report is placed in no province (a central ministry\'s form may hold that much)', () => {
    expect(ofRule(checkRecord(withForm('145000000.00', {})), 'unit_slip')).toEqual([]);
  });
});
