import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/check/index.js';
import { extractRecord } from '../../src/extract/extract-record.js';
import type { Block } from '../../src/ingest/document.js';
import type { CheckResult } from '../../src/schema/record.js';
import { departmentForm, documentOf, finalAccountsOpening, para, projectForm, STUDY_FUNDS, STUDY_INDICATORS } from '../extract/form-documents.js';

function checks(blocks: Block[]): CheckResult[] {
  const doc = documentOf(blocks);
  return checkRecord(extractRecord(doc), { text: doc.text });
}
const failed = (results: CheckResult[]) => results.filter((r) => r.status === 'fail').map((r) => `${r.rule} ${r.part ?? ''}`);

/** 得分 20 + 40 + 10 + 12.8 + 7.7 (预算执行) = 90.5. */
const SCORED_90_5 = STUDY_INDICATORS.map((row, i): (typeof STUDY_INDICATORS)[number] => (i === 3 ? [row[0], row[1], row[2], row[3], '12.8'] : row));

function accounts(narrative: string[], secondTotal = '90.5'): Block[] {
  return [
    ...finalAccountsOpening(),
    ...narrative.map((t) => para(t, 5)),
    para('第四部分 绩效自评表', 6),
    ...departmentForm(6),
    ...projectForm('信访研究宣传立法专项', 7, { splitAfter: 2 }),
    ...projectForm('信息化运行维护', 9, { indicators: SCORED_90_5, total: secondTotal }),
  ];
}

describe('checks per form', () => {
  it('checks each form on its own: rate, fund rows per column, weights and scores with the 预算执行 row; all hold', () => {
    const results = checks(accounts([]));
    const formChecks = results.filter((r) => r.part?.startsWith('form:'));
    expect(failed(results)).toEqual([]);
    for (const form of ['form:1', 'form:2', 'form:3']) {
      const rules = formChecks.filter((r) => r.part === form && r.status === 'pass').map((r) => r.rule);
      expect(rules).toEqual(expect.arrayContaining(['form.execution_rate', 'form.fund_rows', 'indicator.weights_total', 'indicator.scores_total', 'indicator.score_within_weight']));
    }
    // Three money columns of fund rows on each project form.
    expect(formChecks.filter((r) => r.part === 'form:2' && r.rule === 'form.fund_rows')).toHaveLength(3);
  });

  it('finds a fund row that does not add up, and a row scored above its weight, in the form that prints them', () => {
    const funds = STUDY_FUNDS.map((row, i): (typeof STUDY_FUNDS)[number] => (i === 1 ? [row[0], row[1], '26.44', row[3]] : row));
    const over = STUDY_INDICATORS.map((row, i): (typeof STUDY_INDICATORS)[number] => (i === 2 ? [row[0], row[1], row[2], '10', '12'] : row));
    const results = checks([...projectForm('信访研究宣传立法专项', 1, { funds }), ...projectForm('资产运行维护', 2, { indicators: over, total: '96.7' })]);
    const sum = results.find((r) => r.rule === 'form.fund_rows' && r.status === 'fail');
    expect(sum).toMatchObject({ part: 'form:1', detail: { column: 'budget' } });
    expect(failed(results)).toContain('indicator.score_within_weight form:2');
    expect(failed(results)).not.toContain('indicator.score_within_weight form:1');
  });

  it('holds the narrative to the form of the same project: 77.1% against 77.13% passes by rounding, 88.5 against 90.5 fails', () => {
    const narrative = [
      '1.信访研究宣传立法专项项目综述：根据年初设定的绩效目标，项目自评得分为 94.7分。全年预算数为 536.20 万元，执行数为 413.57 万元，完成预算的 77.1%。',
      '2.信息化运行维护项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为 88.5 分。全年预算数为 536.20 万元，执行数为413.57 万元，完成预算的 77.1%。',
    ];
    const results = checks(accounts(narrative));
    const about = (form: string) => results.filter((r) => r.part === form && r.rule === 'restated').map((r) => `${String(r.detail?.field)} ${r.status}`);
    expect(about('form:2')).toEqual(expect.arrayContaining(['budget pass', 'execution pass', 'executionRate pass', 'totalScore pass']));
    expect(about('form:3')).toContain('totalScore fail');
    expect(about('form:3')).not.toContain('executionRate fail');
    expect(failed(results)).toEqual(['restated form:3']);
  });
});

describe('a fund row scoring the total row’s money', () => {
  /** t401's shape: a flattened form whose 当年财政拨款 row repeats the total row's money and scoring. */
  const flatForm = (subRow: string) =>
    [
      '项目支出绩效自评表',
      '项目名称 公共文化服务体系经费 主管部门 六安市文化和旅游局 实施单位 六安市文旅局',
      '项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分 (万元)',
      '年度资金总额 200 200 179.43 10 89.7% 9',
      `其中:当年财政拨款 ${subRow}`,
      '上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况',
    ].map((t) => para(t));
  const scoreChecks = (results: CheckResult[]) => results.filter((r) => r.rule === 'form.fund_rows' && r.detail?.column === 'score');

  it('fails when the same money at the same weight scores otherwise (8 against 9)', () => {
    const found = scoreChecks(checks(flatForm('200 200 179.43 10 89.7% 8')));
    expect(found).toMatchObject([{ status: 'fail', certainty: 'definite', part: 'form:1' }]);
  });

  it('passes the same score, and leaves a row with other money alone', () => {
    expect(scoreChecks(checks(flatForm('200 200 179.43 10 89.7% 9')))).toMatchObject([{ status: 'pass' }]);
    expect(scoreChecks(checks(flatForm('150 150 129.43 10 86.3% 8')))).toEqual([]);
  });
});
