/**
 * A ReportRecord for the seed report (中共广州市花都区直属机关工作委员会 2021 年部门整体支出绩效自评报告),
 * written by hand from ../shared/seed/README.md so the store tests do not depend on extraction.
 * Evidence offsets are plausible, not measured. The indicator rows, parts and forms are
 * illustrative: the seed report has no 自评表. The forms have the shapes a 部门决算 holds (a
 * department-overall form, a project form with an empty 年初预算数 cell and a grade, a row of a
 * 项目名称 | 自评分数 table); their sums were redone by hand (24.99/25 = 99.96%).
 */
import { createHash } from 'node:crypto';
import type { Approx, Evidence, Figure, FigureKind, Form, Part, ReportRecord } from '../../src/schema/record.js';

/** A stable fake content hash for a label. */
export function sha256Of(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export const SAMPLE_SHA256 = sha256Of('huadu-2021-jgdgw.pdf');
export const SAMPLE_FILE_NAME = 'huadu-2021-jgdgw.pdf';

function evidence(quote: string, start: number, page: number | null = 1): Evidence {
  return { page, start, end: start + quote.length, quote };
}

interface FigureSpec {
  /** Value in base units as an exact decimal string. */
  exact: string;
  text: string;
  unit: string;
  kind: FigureKind;
  precision: number;
  scale: number;
  approx?: Approx;
  lo?: string;
  hi?: string;
  start: number;
  page?: number;
}

function figure(spec: FigureSpec): Figure {
  const result: Figure = {
    value: Number(spec.exact),
    exact: spec.exact,
    text: spec.text,
    unit: spec.unit,
    kind: spec.kind,
    precision: spec.precision,
    scale: spec.scale,
    approx: spec.approx ?? 'exact',
    evidence: evidence(spec.text, spec.start, spec.page ?? 1),
  };
  if (spec.lo !== undefined) result.lo = spec.lo;
  if (spec.hi !== undefined) result.hi = spec.hi;
  return result;
}

/** An amount stated in 万元 with two decimals; `exact` in yuan. */
function wan(exact: string, text: string, start: number, page = 1): Figure {
  const precision = text.includes('.') ? text.split('.')[1]!.replace(/\D/g, '').length : 0;
  return figure({ exact, text, unit: '万元', kind: 'money', precision, scale: 4, start, page });
}

export function sampleRecord(): ReportRecord {
  return {
    schemaVersion: 2,
    extractorVersion: '0.1.0',
    source: {
      fileName: SAMPLE_FILE_NAME,
      sha256: SAMPLE_SHA256,
      format: 'pdf',
      encoding: null,
      pages: 5,
      ocrPages: 0,
      unreadPages: 0,
    },
    report: {
      title: '中共广州市花都区直属机关工作委员会2021年部门整体支出绩效自评报告',
      kind: 'department_overall',
      documentKind: 'self_evaluation_report',
      department: '中共广州市花都区直属机关工作委员会',
      fiscalYear: 2021,
      region: { province: '广东省', city: '广州市', county: '花都区' },
    },
    figures: {
      budget: wan('8903300', '890.33万元', 1795),
      budgetInitial: null,
      execution: wan('7140700', '714.07万元', 1809),
      executionRate: figure({ exact: '0.802', text: '80.2%', unit: '%', kind: 'percent', precision: 1, scale: -2, start: 1824 }),
      selfScore: figure({ exact: '91.28', text: '91.28分', unit: '分', kind: 'score', precision: 2, scale: 0, start: 2240, page: 2 }),
      byFunction: [
        { name: '一般公共服务支出', code: '201', amount: wan('5233900', '523.39万元', 1850) },
        { name: '社会保障和就业支出', code: '208', amount: wan('1424600', '142.46万元', 1873) },
        { name: '卫生健康支出', code: '210', amount: wan('50100', '5.01万元', 1890) },
        { name: '住房保障支出', code: '221', amount: wan('432200', '43.22万元', 1905) },
      ],
      byNature: [
        { name: '基本支出', amount: wan('6421900', '642.19万元', 1935) },
        { name: '项目支出', amount: wan('718800', '71.88万元', 1951) },
      ],
      fundSources: [],
      projects: [
        {
          name: '党建工委工作经费',
          budget: wan('250000', '25万元', 3410, 3),
          budgetInitial: null,
          execution: wan('249900', '24.99万元', 3422, 3),
          executionRate: figure({
            exact: '1.000',
            text: '100.0%',
            unit: '%',
            kind: 'percent',
            precision: 1,
            scale: -2,
            start: 3437,
            page: 3,
          }),
          evidence: evidence('党建工委工作经费项目全年预算数25万元，执行数是24.99万元，完成预算的100.0%', 3396, 3),
        },
      ],
      counts: [
        count(774, '名', '党组织书记和党务干部', '培训', '774名', 2620),
        count(165, '名', '党员', '发展', '165名', 2648),
        count(12, '个', '奖项', '获得', '12个', 2580),
        count(380, '条', '意见建议', '收集', '380条', 2760),
        count(1762, '条', '反馈意见信息', '收到', '1762条', 2810),
        count(10, '个', '行风监督组', '组织', '10个', 2850),
        count(60, '支', '党员突击队', '成立', '60支', 4010, 4),
        { ...count(13000, '名', '党员', '动员', '13000多名', 4040, 4), approx: 'at_least', lo: '13000', hi: '14000' },
        { ...count(10000, '名', '党员志愿者', '发动', '近万名', 4080, 4), approx: 'less_than', hi: '10000' },
        count(2, '个', '内设科室', '设', '2个', 1290),
      ],
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          level3: '培训党务干部人数',
          target: '≥700人',
          actual: '774人',
          weight: figure({ exact: '10', text: '10', unit: '分', kind: 'score', precision: 0, scale: 0, start: 5010, page: 5 }),
          score: figure({ exact: '10', text: '10', unit: '分', kind: 'score', precision: 0, scale: 0, start: 5014, page: 5 }),
          evidence: evidence('培训党务干部人数\t≥700人\t774人\t10\t10', 5000, 5),
        },
        {
          level1: '效益指标',
          level2: '社会效益指标',
          level3: '行风评议覆盖率',
          target: '100%',
          actual: '100%',
          weight: figure({ exact: '10', text: '10', unit: '分', kind: 'score', precision: 0, scale: 0, start: 5050, page: 5 }),
          score: null,
          evidence: evidence('行风评议覆盖率\t100%\t100%\t10', 5040, 5),
        },
      ],
    },
    parts: sampleParts(),
    forms: sampleForms(),
    roles: [],
    checks: [
      {
        rule: 'execution_rate',
        status: 'pass',
        expected: { lo: '80.19', hi: '80.21', loOpen: false, hiOpen: false },
        actual: { lo: '80.15', hi: '80.25', loOpen: false, hiOpen: true },
        unit: '%',
        message: { zh: '执行率 80.2% 与 714.07/890.33 = 80.20% 一致', en: 'Execution rate 80.2% matches 714.07/890.33 = 80.20%' },
        evidence: [
          { role: 'budget', text: '890.33万元', evidence: evidence('890.33万元', 1795) },
          { role: 'execution', text: '714.07万元', evidence: evidence('714.07万元', 1809) },
          { role: 'rate', text: '80.2%', evidence: evidence('80.2%', 1824) },
        ],
        detail: { denominator: 'budget' },
      },
      {
        rule: 'sum.by_function',
        status: 'pass',
        expected: { lo: '714.06', hi: '714.10', loOpen: false, hiOpen: false },
        actual: { lo: '714.065', hi: '714.075', loOpen: false, hiOpen: true },
        unit: '万元',
        message: {
          zh: '功能分类合计 714.08 万元，与执行数 714.07 万元在舍入误差内一致',
          en: 'Functional classes sum to 714.08 (万元), within rounding of the stated 714.07',
        },
        evidence: [{ role: 'total', text: '714.07万元', evidence: evidence('714.07万元', 1809) }],
        detail: { addends: 4, tolerance: '0.02' },
      },
      {
        rule: 'sum.by_nature',
        status: 'pass',
        expected: { lo: '714.06', hi: '714.08', loOpen: false, hiOpen: false },
        actual: { lo: '714.065', hi: '714.075', loOpen: false, hiOpen: true },
        unit: '万元',
        message: { zh: '基本支出与项目支出合计 714.07 万元，一致', en: 'Basic + project spending = 714.07 (万元): consistent' },
        evidence: [],
      },
      {
        rule: 'project.execution_rate',
        status: 'pass',
        expected: { lo: '99.94', hi: '99.98', loOpen: false, hiOpen: false },
        actual: { lo: '99.95', hi: '100.05', loOpen: false, hiOpen: true },
        unit: '%',
        message: { zh: '项目执行率 100.0% 与 24.99/25 = 99.96% 一致', en: 'Project rate 100.0% matches 24.99/25 = 99.96%' },
        evidence: [],
        detail: { project: '党建工委工作经费' },
      },
      {
        rule: 'execution_rate',
        status: 'pass',
        expected: { lo: '99.92', hi: '100', loOpen: false, hiOpen: false },
        actual: { lo: '99.955', hi: '99.965', loOpen: false, hiOpen: true },
        unit: '%',
        message: { zh: '表内执行率 99.96% 与 24.99/25 = 99.96% 一致', en: 'Form rate 99.96% matches 24.99/25 = 99.96%' },
        evidence: [],
        part: 'form:2',
        certainty: 'definite',
      },
    ],
  };
}

const score = (exact: string, text: string, start: number, page: number) =>
  figure({ exact, text, unit: '分', kind: 'score', precision: text.includes('.') ? text.split('.')[1]!.length : 0, scale: 0, start, page });
const percent = (exact: string, text: string, start: number, page: number) =>
  figure({ exact, text, unit: '%', kind: 'percent', precision: text.includes('.') ? text.split('.')[1]!.replace('%', '').length : 0, scale: -2, start, page });

function sampleParts(): Part[] {
  const part = (kind: Part['kind'], ordinal: number, title: string, pageStart: number, pageEnd: number, start: number, end: number, unit: string | null = null): Part => ({
    id: `${kind}:${ordinal}`,
    kind,
    title,
    table: null,
    pageStart,
    pageEnd,
    start,
    end,
    unit,
  });
  return [
    part('narrative', 1, '一、部门基本情况', 1, 4, 0, 4900),
    part('self_evaluation_form', 1, '部门整体支出绩效自评表', 5, 5, 4900, 5200, '万元'),
    part('self_evaluation_form', 2, '党建工委工作经费项目支出绩效自评表', 6, 7, 5200, 5600, '万元'),
    part('score_table', 1, '项目支出绩效自评得分表', 8, 8, 5600, 5700),
  ];
}

function sampleForms(): Form[] {
  return [
    {
      id: 'form:1',
      part: 'self_evaluation_form:1',
      formKind: 'department_overall',
      source: 'table',
      projectName: null,
      department: '中共广州市花都区直属机关工作委员会',
      implementer: null,
      pageStart: 5,
      pageEnd: 5,
      budgetInitial: wan('8500000', '850.00', 4960, 5),
      budget: wan('8903300', '890.33', 4967, 5),
      execution: wan('7140700', '714.07', 4974, 5),
      executionRate: percent('0.802', '80.2%', 4981, 5),
      budgetExecutionWeight: score('10', '10', 4987, 5),
      budgetExecutionScore: score('8.02', '8.02', 4990, 5),
      totalScore: score('91.28', '91.28', 5150, 5),
      grade: '优',
      fundRows: [{ name: '财政拨款', budgetInitial: wan('8500000', '850.00', 5000, 5), budget: wan('8903300', '890.33', 5007, 5), execution: wan('7140700', '714.07', 5014, 5) }],
      indicators: [],
      evidence: evidence('部门整体支出绩效自评表', 4900, 5),
    },
    {
      id: 'form:2',
      part: 'self_evaluation_form:2',
      formKind: 'project',
      source: 'table',
      projectName: '党建工委工作经费',
      department: '中共广州市花都区直属机关工作委员会',
      implementer: '中共广州市花都区直属机关工作委员会',
      pageStart: 6,
      pageEnd: 7,
      // The 年初预算数 cell is empty on this form.
      budgetInitial: null,
      budget: wan('250000', '25', 5260, 6),
      execution: wan('249900', '24.99', 5265, 6),
      executionRate: percent('0.9996', '99.96%', 5272, 6),
      budgetExecutionWeight: score('10', '10', 5277, 6),
      budgetExecutionScore: score('10', '10', 5280, 6),
      totalScore: score('95.5', '95.5', 5550, 7),
      grade: null,
      fundRows: [],
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          level3: '培训党务干部人数',
          target: '≥700人',
          actual: '774人',
          weight: score('10', '10', 5400, 6),
          score: score('10', '10', 5404, 6),
          evidence: evidence('培训党务干部人数\t≥700人\t774人\t10\t10', 5390, 6),
        },
      ],
      evidence: evidence('党建工委工作经费项目支出绩效自评表', 5200, 6),
    },
    {
      id: 'form:3',
      part: 'score_table:1',
      formKind: 'project',
      source: 'score_table',
      projectName: '党员教育培训经费',
      department: null,
      implementer: null,
      pageStart: 8,
      pageEnd: 8,
      budgetInitial: null,
      budget: null,
      execution: null,
      executionRate: null,
      budgetExecutionWeight: null,
      budgetExecutionScore: null,
      totalScore: score('88.5', '88.5', 5650, 8),
      grade: null,
      fundRows: [],
      indicators: [],
      evidence: evidence('党员教育培训经费\t88.5', 5640, 8),
    },
  ];
}

function count(value: number, unit: string, subject: string, action: string, text: string, start: number, page = 2) {
  return { value, unit, approx: 'exact' as const, subject, action, text, evidence: evidence(text, start, page) };
}

/** The number of long-form figure rows `sampleRecord()` produces. */
/** Indicator rows of `sampleRecord()`: its own two and one on form:2. */
export const SAMPLE_INDICATOR_ROWS = 3;

/** Checks in `sampleRecord()`. */
export const SAMPLE_CHECK_ROWS = 5;

/** Forms in `sampleRecord()`. */
export const SAMPLE_FORM_ROWS = 3;

export const SAMPLE_FIGURE_ROWS = 4 /* budget, execution, rate, score */ + 4 + 2 + 3 /* project */;
