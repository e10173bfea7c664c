import { describe, expect, it } from 'vitest';
import { extractRecord } from '../../src/extract/extract-record.js';
import type { Block } from '../../src/ingest/document.js';
import type { Figure } from '../../src/schema/record.js';
import { departmentForm, documentOf, finalAccountsOpening, grid, para, projectForm, STUDY_MONEY } from './form-documents.js';

const text = (f: Figure | null | undefined) => f?.text ?? null;
const record = (blocks: Block[]) => extractRecord(documentOf(blocks));

describe('extractForms: table forms', () => {
  it('reads a project form: header fields, its money block by column, fund rows, 总分 and its own indicators', () => {
    const r = record(projectForm('信访研究宣传立法专项', 1));
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0]!;
    expect(f).toMatchObject({ id: 'form:1', part: 'self_evaluation_form:1', formKind: 'project', source: 'table', projectName: '信访研究宣传立法专项' });
    // The 预算编码 "[292]" is not part of the unit's name.
    expect(f.department).toBe('某市测试局');
    expect(f.implementer).toBe('某市测试局本级');
    expect([f.budgetInitial, f.budget, f.execution, f.executionRate, f.budgetExecutionWeight, f.budgetExecutionScore, f.totalScore].map(text)).toEqual([
      '493.76', '536.2', '413.57', '77.13%', '10.0', '7.7', '94.7',
    ]);
    expect(f.budget!.value).toBe(5362000);
    expect(f.budget!.part).toBe('self_evaluation_form:1');
    expect(f.executionRate!.value).toBeCloseTo(0.7713, 10);
    expect(f.fundRows.map((row) => [row.name, text(row.budgetInitial), text(row.budget), text(row.execution)])).toEqual([
      ['财政拨款', '473.76', '473.76', '351.13'],
      ['上年结转', '20.00', '62.44', '62.44'],
      ['其他资金', '0.00', '0.00', '0.00'],
    ]);
    // The form's rows as printed (the money block's 预算执行 is not one of them).
    expect(f.indicators.map((i) => `${i.level3} ${text(i.weight)}/${text(i.score)}`)).toEqual([
      '每本刊物印刷成本 20/20', '形成的研究成果数 40/40', '出版图书 10/10', '信访工作法治化水平 20/17',
    ]);
  });

  it('reads a form printed across two pages as one form, its continued rows under the indicator columns', () => {
    const r = record(projectForm('信息化运行维护', 1, { splitAfter: 2 }));
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0]!;
    expect([f.pageStart, f.pageEnd]).toEqual([1, 2]);
    expect(text(f.totalScore)).toBe('94.7');
    expect(f.indicators.map((i) => `${i.level1} ${i.level3} ${text(i.weight)}/${text(i.score)}`)).toEqual([
      '成本指标 每本刊物印刷成本 20/20', '产出指标 形成的研究成果数 40/40', '产出指标 出版图书 10/10', '效益指标 信访工作法治化水平 20/17',
    ]);
  });

  it('leaves an empty 年初预算数 cell empty: 全年执行数 never shifts into the 全年预算数 column', () => {
    const r = record(
      projectForm('信访研究宣传立法专项', 1, {
        money: { ...STUDY_MONEY, initial: '' },
        funds: [['其中：财政拨款', '', '473.76', '351.13'], ['上年结转', '', '62.44', '62.44'], ['其他资金', '', '0.00', '0.00']],
      }),
    );
    const f = r.forms[0]!;
    expect([f.budgetInitial, f.budget, f.execution, f.executionRate].map(text)).toEqual([null, '536.2', '413.57', '77.13%']);
    expect(f.fundRows[0]).toMatchObject({ name: '财政拨款', budgetInitial: null });
    expect(text(f.fundRows[0]!.budget)).toBe('473.76');
    expect(text(f.fundRows[0]!.execution)).toBe('351.13');
    // A one-form document: the form is the headline.
    expect([r.figures.budget, r.figures.budgetInitial, r.figures.execution].map(text)).toEqual(['536.2', null, '413.57']);
    expect(r.report.documentKind).toBe('self_evaluation_forms');
  });

  it('gives a form per row of a 项目名称 | 自评分数 table, with its name and score only', () => {
    const r = record([
      ...finalAccountsOpening(),
      para('2024年度项目支出绩效自评结果', 5),
      grid([[[0, '序号'], [1, '项目名称'], [2, '自评分数']], [[0, '1'], [1, '信访研究宣传立法专项'], [2, '94.7']], [[0, '2'], [1, '资产运行维护'], [2, '98.0']], [[0, ''], [1, '平均'], [2, '96.35']]], 5),
    ]);
    expect(r.forms.map((f) => [f.source, f.projectName, text(f.totalScore), f.budget])).toEqual([
      ['score_table', '信访研究宣传立法专项', '94.7', null],
      ['score_table', '资产运行维护', '98.0', null],
    ]);
  });
});

describe('extractRecord: a 决算 with forms', () => {
  const withForms = (department: boolean) => [
    ...finalAccountsOpening(['某市测试局（汇总）', '2022年度部门决算']),
    para('第四部分 绩效自评表', 6),
    ...(department ? departmentForm(6) : []),
    ...projectForm('信访研究宣传立法专项', 7, { splitAfter: 3 }),
    ...projectForm('资产运行维护', 9),
  ];

  it('takes the headline from the department form only, and keeps each form its own figures and indicators', () => {
    const r = record(withForms(true));
    expect(r.report.documentKind).toBe('final_accounts');
    expect(r.report.kind).toBe('department_overall');
    expect(r.report.department).toBe('某市测试局');
    expect(r.forms.map((f) => [f.formKind, f.projectName, text(f.budget), text(f.totalScore), f.indicators.length])).toEqual([
      ['department_overall', null, '2150.00', '95.5', 3],
      ['project', '信访研究宣传立法专项', '536.2', '94.7', 4],
      ['project', '资产运行维护', '536.2', '94.7', 4],
    ]);
    expect(r.forms[0]!.grade).toBe('优');
    expect([r.figures.budget, r.figures.budgetInitial, r.figures.execution, r.figures.executionRate, r.figures.selfScore].map(text)).toEqual([
      '2150.00', '2100.00', '2046.80', '95.20%', '95.5',
    ]);
    expect(r.figures.budget!.part).toBe('self_evaluation_form:1');
    // The record's rows add up to its score: the money block's 预算执行 (10 / 9.5) first.
    expect(r.figures.indicators.map((i) => `${i.level3} ${text(i.weight)}/${text(i.score)}`)).toEqual([
      '预算执行率 10/9.5', '播发稿件数量 30/29', '资金使用合规性 30/30', '社会公众满意度 30/27',
    ]);
  });

  it('gives a 决算 without a department form no headline budget, execution, rate or score', () => {
    const r = record(withForms(false));
    expect(r.report.documentKind).toBe('final_accounts');
    expect([r.figures.budget, r.figures.execution, r.figures.executionRate, r.figures.selfScore]).toEqual([null, null, null, null]);
    expect(r.forms).toHaveLength(2);
    expect(r.figures.indicators).toEqual([]);
  });

  it('reads no 行次 as an amount: a 决算 table is not read as text, its narrative states the classes', () => {
    const r = record([
      para('某市测试局', 1),
      para('2024年度部门决算', 1),
      para('收入支出决算总表', 2),
      para('单位：万元', 2),
      grid([[[0, '项目'], [1, '行次'], [2, '金额'], [3, '项目'], [4, '行次'], [5, '金额']], [[0, '一、一般公共预算财政拨款收入'], [1, '1'], [2, '2180.00'], [3, '一、一般公共服务支出'], [4, '32'], [5, '2180.00']]], 2),
      para('一、本年支出决算情况说明', 3),
      para('本年支出2180.00万元，其中一般公共服务支出2180.00万元。', 3),
    ]);
    expect(r.figures.byFunction.map((f) => [f.code, f.amount.value])).toEqual([['201', 21800000]]);
    expect(r.figures.fundSources.map((f) => f.amount.value)).not.toContain(10000);
  });

  it('names the department from a cover, a 预算 cover field and a form header', () => {
    expect(record([para('国家信访局2024 年度部门决算', 1), para('二〇二五年七月', 1), para('目 录', 2)]).report.department).toBe('国家信访局');
    expect(record([para('预算主管部门：某市测试局', 1), para('2025年部门预算', 1)]).report.documentKind).toBe('budget');
    expect(record([para('上海市普陀区规划和自然', 1), para('资源局', 1), para('2024 年度部门决算', 1), para('目 录', 2)]).report).toMatchObject({
      department: '上海市普陀区规划和自然资源局',
      region: { province: '上海市', county: '普陀区' },
    });
  });
});

describe('extractForms: real layouts retyped (fixtures/retyped)', () => {
  const read = async (name: string) => {
    const { readFileSync } = await import('node:fs');
    const { analyzeBytes } = await import('../../src/analyze.js');
    return (await analyzeBytes(readFileSync(`fixtures/retyped/${name}`), { fileName: name })).record;
  };
  const money = (f: { budgetInitial: Figure | null; budget: Figure | null; execution: Figure | null; executionRate: Figure | null }) =>
    [f.budgetInitial, f.budget, f.execution, f.executionRate].map((x) => x?.value ?? null);

  it('a unit\'s list of its forms (序号 | 项目名称 | 备注) is no form; a 绩效目标自评表 is one', async () => {
    const r = await read('forms-anhui-list-and-target.pdf');
    expect(r.forms.map((f) => f.projectName)).toEqual(['“三支一扶”省级财政补助资金', '临时救助']);
    expect(r.parts.filter((p) => p.kind === 'self_evaluation_form').map((p) => [p.title, p.pageStart])).toContainEqual(['（临时救助）绩效目标自评表', 3]);
  });

  it('a transfer form: 转移支付（项目）名称, 资金使用单位, amounts printed with 万, a fund row the block label spans; a 部门整体 form over two pages is the headline', async () => {
    const r = await read('forms-transfer-and-department.pdf');
    const [transfer, department] = r.forms;
    expect([transfer!.projectName, transfer!.department, transfer!.implementer]).toEqual(['医疗救助补助资金', '医疗保障局', '医疗保障局']);
    expect(money(transfer!)).toEqual([null, 33596200, 33596200, 1]);
    expect(transfer!.fundRows.map((row) => [row.name, row.budget?.value ?? null])).toEqual([
      ['中央财政资金', 8293000], ['彩票公益金用于医疗救助', 0], ['地方资金', 25303200], ['其他资金', null],
    ]);
    expect([department!.formKind, department!.department, department!.pageStart, department!.pageEnd]).toEqual(['department_overall', '零陵区林业局', 1, 2]);
    expect(r.figures.budget?.value).toBe(47536600);
  });

  it('the 合计 row\'s lone 100 under 权重 is no score; label columns are found from the 总额 row (青神, XLSX)', async () => {
    const r = await read('forms-workbook-real-layouts.xlsx');
    const f = r.forms.find((x) => x.projectName === '工资性支出')!;
    expect(money(f)).toEqual([2389300, 2518900, 2518900, 1]);
    expect(f.totalScore).toBeNull();
    // Several project forms and no department form: no headline (a set of forms has no one budget).
    expect([r.figures.budget, r.figures.execution, r.figures.selfScore]).toEqual([null, null, null]);
  });

  it('reads the 预算执行 分值 a header prints (预算执行情况（万元）（20分）) and carries unmerged 一级指标 down', async () => {
    const r = await read('forms-hubei-and-suixi.pdf');
    const f = r.forms.find((x) => x.projectName === '东津院区建设补助')!;
    expect([f.budgetExecutionWeight?.value, f.budgetExecutionScore?.value]).toEqual([20, 20]);
    const suixi = r.forms.find((x) => x.projectName === '临时救助')!;
    expect(suixi.indicators.map((i) => i.level1)).toEqual(Array(8).fill('产出指标（50分）').concat(['效益指标（30分）']));
  });
});

describe('extractForms: real layouts printed as publishers print them (fixtures/retyped/printed-*)', () => {
  const read = async (name: string) => {
    const { readFileSync } = await import('node:fs');
    const { analyzeBytes } = await import('../../src/analyze.js');
    return (await analyzeBytes(readFileSync(`fixtures/retyped/${name}`), { fileName: name })).record;
  };
  const money = (f: { budget: Figure | null; execution: Figure | null; executionRate: Figure | null }) => [f.budget, f.execution, f.executionRate].map((x) => x?.value ?? null);

  it('a spreadsheet printed without rules: centred text, right-aligned figures with thousands separators, the block label between rows', async () => {
    const r = await read('printed-calc-unruled.pdf');
    const [yongde, jishan] = r.forms;
    expect(yongde!.projectName).toBe('义务教育营养改善计划专项资金');
    expect(money(yongde!)).toEqual([387664.62, 387664.62, 1]);
    expect(yongde!.fundRows.map((row) => row.name)).toEqual(['当年财政拨款', '上年结转资金', '其他资金']);
    expect(yongde!.totalScore?.value).toBe(96);
    // 绩效指标, printed on a row's line in the 一级 column, is no tier: 产出指标（50分）keeps its four rows.
    expect(jishan!.indicators.filter((i) => i.level1 === '产出指标（50分）').map((i) => i.weight?.value)).toEqual([15, 15, 10, 10]);
    expect(jishan!.totalScore?.value).toBe(94);
    // Its unit is in the block label wrapped round a fund row: "项目资金（万" … "元）".
    expect(money(jishan!)).toEqual([656600, 650700, 0.99]);
  });

  it('a tall header row without rules: 全年执行数 wrapped above and below the line of the other names ("…全年执行" / header / "数")', async () => {
    const r = await read('printed-calc-one-sheet-unruled.pdf');
    const jishan = r.forms.find((f) => f.projectName === '建档立卡个人缴费县级配套资金')!;
    // 年初预算数 empty: 65.66 and 65.07 (99.1%, printed 99%) are the budget and the execution.
    expect(money(jishan)).toEqual([656600, 650700, 0.99]);
  });

  it('a block unit whose closing bracket wrapped to the next line ("项目资金（元 … 年初预算数" / "）")', async () => {
    const r = await read('final-accounts-real-layouts-unruled.pdf');
    const yongde = r.forms.find((f) => f.projectName === '义务教育营养改善计划专项资金')!;
    expect(money(yongde)).toEqual([387664.62, 387664.62, 1]);
    expect(yongde.budget?.unit).toBe('元');
    expect(r.parts.find((p) => p.kind === 'self_evaluation_form' && p.title === '2022年度项目支出绩效自评表')?.unit).toBe('元');
  });

  it('Word, landscape, centred cells, no rules: a form running on to the next page without its header, a merged label sharing the rows\' lines', async () => {
    const r = await read('printed-centred-landscape-unruled.pdf');
    expect(r.forms.map((f) => [f.projectName, f.pageStart, f.pageEnd, f.totalScore?.value ?? null])).toEqual([
      ['援滇对口支援及结对帮扶经费', 1, 1, null],
      ['普陀体育中心与委托运营方结算费用', 1, 2, 98.62],
      ['义务教育营养改善计划专项资金', 2, 2, 96],
    ]);
    expect(money(r.forms[2]!)).toEqual([387664.62, 387664.62, 1]);
    // Its rows on page 2 continue the 绩效指标 columns though that page prints no 绩效指标 column.
    expect(r.forms[1]!.indicators.map((i) => [i.weight?.value, i.score?.value])).toEqual([[10, 10], [20, 20], [20, 20], [30, 30], [10, 10]]);
  });
});
