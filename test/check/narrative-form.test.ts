/** Issue 16: the same project's figures in the narrative, on its 自评表 and in a score summary table agree. */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import type { Figure, Form } from '../../src/schema/record.js';
import { makeFigure, makeRecord, ofRule } from './make-figure.js';

function form(id: string, projectName: string, figures: Partial<Record<'budget' | 'execution' | 'executionRate' | 'totalScore', Figure>>, source: Form['source'] = 'table'): Form {
  return {
    id,
    part: null,
    formKind: 'project',
    source,
    projectName,
    department: null,
    implementer: null,
    pageStart: 3,
    pageEnd: 3,
    budgetInitial: null,
    budget: figures.budget ?? null,
    execution: figures.execution ?? null,
    executionRate: figures.executionRate ?? null,
    budgetExecutionWeight: null,
    budgetExecutionScore: null,
    totalScore: figures.totalScore ?? null,
    grade: null,
    fundRows: [],
    indicators: [],
    evidence: { page: 3, start: 0, end: 1, quote: '表' },
  };
}

const project = (name: string, execution: string) => ({ name, budget: null, execution: makeFigure(execution), executionRate: null });

describe('narrative against form', () => {
  it('fails (definite) a project execution that differs from its form under the same name', () => {
    const record = { ...makeRecord({ projects: [project('信访干部培训专项', '100.00万元')] }), forms: [form('form:1', '信访干部培训专项项目', { execution: makeFigure('110.00万元') })] };
    const [r] = ofRule(checkRecord(record), 'restated');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite', part: 'form:1' });
    expect(r!.detail).toMatchObject({ field: 'execution', form: 'form:1' });
  });

  it('passes when they agree across units, and is possible when one name holds the other', () => {
    const agree = { ...makeRecord({ projects: [project('信访干部培训专项', '100.00万元')] }), forms: [form('form:1', '信访干部培训专项', { execution: makeFigure('1000000.00元') })] };
    expect(ofRule(checkRecord(agree), 'restated').map((r) => r.status)).toEqual(['pass']);
    const loose = { ...makeRecord({ projects: [project('干部培训', '100.00万元')] }), forms: [form('form:1', '信访干部培训专项', { execution: makeFigure('110.00万元') })] };
    expect(ofRule(checkRecord(loose), 'restated')[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
  });

  it('compares a summary table’s score with the project form’s total score', () => {
    const forms = [form('form:1', '信息化运行维护', { totalScore: makeFigure('94.7分') }), form('form:5', '信息化运行维护', { totalScore: makeFigure('97.4分') }, 'score_table')];
    const [r] = ofRule(checkRecord({ ...makeRecord(), forms }), 'restated');
    expect(r).toMatchObject({ status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['97.4分', '94.7分']);
  });

  it('never compares projects of other names', () => {
    const record = { ...makeRecord({ projects: [project('信访信息系统', '100.00万元')] }), forms: [form('form:1', '信访干部培训专项', { execution: makeFigure('110.00万元') })] };
    expect(ofRule(checkRecord(record), 'restated')).toEqual([]);
  });
});
