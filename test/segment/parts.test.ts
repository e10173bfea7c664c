import { describe, expect, it } from 'vitest';
import { findParts } from '../../src/segment/parts.js';
import { segmentDocument } from '../../src/segment/segment.js';
import { departmentForm, documentOf, finalAccountsOpening, grid, para, projectForm } from '../extract/form-documents.js';
import type { Block } from '../../src/ingest/document.js';
import { analyzeBytes } from '../../src/analyze.js';

const partsOf = (blocks: Block[]) => {
  const doc = documentOf(blocks);
  return findParts(doc, segmentDocument(doc));
};
const brief = (blocks: Block[]) => partsOf(blocks).map((p) => `${p.id} p${p.pageStart}-${p.pageEnd}${p.table ? ` ${p.table}` : ''}${p.unit ? ` ${p.unit}` : ''}`);

describe('findParts', () => {
  it('splits a 决算 with forms into cover, contents, tables, narrative, forms, a score table and an attached evaluation report', () => {
    const blocks = [
      ...finalAccountsOpening(),
      para('本部门对2个项目开展了绩效自评，结果如下表。', 5),
      para('2024年度项目支出绩效自评结果', 5),
      grid([[[0, '序号'], [1, '项目名称'], [2, '自评分数']], [[0, '1'], [1, '信访研究宣传立法专项'], [2, '94.7']], [[0, '2'], [1, '资产运行维护'], [2, '98.0']]], 5),
      para('第四部分 绩效自评表', 6),
      ...departmentForm(6),
      ...projectForm('信访研究宣传立法专项', 7, { splitAfter: 2 }),
      ...projectForm('资产运行维护', 9),
      para('附件', 10),
      para('2024年度全国信访信息系统维护费项目', 10),
      para('绩效评价报告', 10),
      para('一、基本情况', 10),
      para('受财政部门委托，评价工作组对项目开展了绩效评价。', 10),
      para('二、评价结论', 10),
    ];
    expect(brief(blocks)).toEqual([
      'cover:1 p1-1',
      'contents:1 p2-2',
      'narrative:1 p3-3',
      'narrative:2 p3-3',
      'accounts_table:1 p4-4 收入支出决算总表 万元',
      'narrative:3 p5-5',
      'narrative:4 p5-5',
      'score_table:1 p5-5',
      'narrative:5 p6-6',
      'self_evaluation_form:1 p6-6 万元',
      // The form printed across pages 7 and 8 is one part.
      'self_evaluation_form:2 p7-8 万元',
      'self_evaluation_form:3 p9-9 万元',
      'evaluation_report:1 p10-10',
    ]);
    const parts = partsOf(blocks);
    expect(parts.find((p) => p.kind === 'score_table')?.title).toBe('2024年度项目支出绩效自评结果');
    expect(parts.find((p) => p.kind === 'evaluation_report')?.title).toBe('2024年度全国信访信息系统维护费项目绩效评价报告');
    // Contiguous, in order, covering the text.
    parts.slice(1).forEach((p, i) => expect(p.start).toBe(parts[i]!.end));
  });

  it("names budget tables and target tables, and keeps a unit's own …绩效评价报告 a narrative", () => {
    expect(brief([para('某市测试局', 1), para('2025年部门预算', 1), para('财政拨款收支预算总表', 2), para('单位：万元', 2), grid([[[0, '收入'], [1, '预算数']], [[0, '收入总计'], [1, '2180.00']]], 2)])).toEqual([
      'cover:1 p1-1',
      'budget_table:1 p2-2 财政拨款收入支出预算总表 万元',
    ]);
    expect(brief([para('项目支出绩效目标申报表', 1), grid([[[0, '项目名称'], [1, '信访干部培训专项']], [[0, '三级指标'], [1, '指标值']]], 1)])).toEqual(['target_table:1 p1-1']);
    // No other body evaluates and the report speaks of 自评: not an attached evaluation report.
    const own = partsOf([para('某市测试局2020年度机关整体支出绩效评价报告', 1), para('一、自评得分情况', 1), para('经自评，得分95分。', 1)]);
    expect(own.map((p) => p.kind)).not.toContain('evaluation_report');
  });

  it('opens a form part at a form title that flattening glued into a line of cells', () => {
    const parts = partsOf([para('报表编号:510000_0013zp | | |部门预算项目支出绩效自评表(2023年度) |项目名称|工资性支出|主管部门|青神县发展和改革局', 1)]);
    expect(parts.map((p) => p.kind)).toEqual(['narrative', 'self_evaluation_form']);
    expect(parts[1]!.title).toBe('部门预算项目支出绩效自评表');
  });
});

describe('findParts: where a contents ends', () => {
  const report = (title: string) =>
    `${title}\n目 录\n(二)重点绩效评价原则、评价指标体系、评价方法、评价标准和评价抽样\n(五)项目前期准备工作不扎实,上报审批数据不准确,建设手续不完备\n一、项目基本情况\n城镇老旧小区改造是重大民生工程。截止2023年12月31日,财政实际下达并纳入评价的项目资金共计36,950.00万元,项目实际使用资金19,078.00万元,资金使用率51.63%。\n`;
  const recordOf = async (text: string) => (await analyzeBytes(Buffer.from(text, 'utf8'), { fileName: 'synthetic.txt' })).record;

  it('opens the body at the heading right above its first sentence, though the contents never listed it (t754)', async () => {
    const text = report('某区住房和城乡建设局2023年老旧小区改造项目情况');
    const r = await recordOf(text);
    expect(r.parts.map((p) => p.kind)).toEqual(['narrative', 'contents', 'narrative']);
    expect(r.parts[2]!.title).toBe('一、项目基本情况');
  });

  it('resumes an evaluation report after its own contents, so its money is read (t754)', async () => {
    const r = await recordOf(report('某区住房和城乡建设局2023年老旧小区改造项目\n重点绩效评价报告'));
    expect(r.parts.map((p) => p.kind)).toEqual(['evaluation_report', 'contents', 'evaluation_report']);
    expect(r.figures.budget?.text).toBe('36,950.00万元');
    expect(r.figures.execution?.text).toBe('19,078.00万元');
    expect(r.figures.executionRate?.text).toBe('51.63%');
  });
});
