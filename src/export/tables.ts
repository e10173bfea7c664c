/**
 * The export tables: their columns (names, Chinese and English meanings, types, units) and the
 * rows one stored record yields for each. Pure: the writers (csv, xlsx, jsonl, parquet) and the
 * data dictionary are all driven by these specs.
 *
 * Cell values: text as strings; `money` and `number` cells as exact decimal strings (never through
 * a float: the record's Figure.exact), `integer` as numbers, `boolean`, `timestamp` as Date, or null.
 */
import { Decimal } from 'decimal.js';
import { FUNCTION_CLASSES } from '../extract/function-classes.js';
import { listFormChecks, listRecordIndicators } from '../schema/record-forms.js';
import type { CheckResult, Evidence, Figure, Form, Interval, ReportRecord } from '../schema/record.js';
import { listRecordFigures } from '../schema/record-figures.js';
import { isDefiniteFailure } from '../check/result.js';

export { listRecordFigures } from '../schema/record-figures.js';

export type ColumnType = 'string' | 'integer' | 'money' | 'number' | 'boolean' | 'timestamp';

export interface ColumnSpec {
  /** snake_case; money columns end in `_yuan`. */
  name: string;
  /** Chinese header (xlsx first header row, data dictionary). */
  zh: string;
  /** English meaning (xlsx second header row shows `name`; this goes to the data dictionary). */
  en: string;
  type: ColumnType;
  /** Unit of the values: 元, fraction, 分 … */
  unit?: string;
}

export const TABLE_NAMES = ['reports', 'forms', 'figures', 'functions', 'counts', 'indicators', 'checks', 'ingest_errors'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface TableSpec {
  /** Sheet name in xlsx, file stem elsewhere. */
  name: string;
  zh: string;
  en: string;
  columns: readonly ColumnSpec[];
}

export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

/** What every row of a report's tables carries besides the record: its identity after aliases. */
export interface RowContext {
  sha256: string;
  fileName: string;
  /** 部门标识 after aliases; null when the report names no department. */
  departmentKey: string | null;
  /** 最新名称 of the key's group. */
  departmentLatest: string | null;
}

const col = (name: string, zh: string, en: string, type: ColumnType = 'string', unit?: string): ColumnSpec =>
  unit === undefined ? { name, zh, en, type } : { name, zh, en, type, unit };

/** Leading columns of every per-report child table, so each table stands alone in pandas or Excel. */
const REPORT_IDENTITY: readonly ColumnSpec[] = [
  col('sha256', '文件哈希', 'SHA-256 of the source file: joins every table to `reports`'),
  col('department_key', '部门标识', 'Department key after aliases: the same unit across years and spellings'),
  col('department', '部门名称', 'Department name as stated in this report'),
  col('fiscal_year', '年度', 'Fiscal year the report evaluates', 'integer'),
];

const DOCUMENT_KIND = col(
  'document_kind',
  '文件类型',
  'What the document is: self_evaluation_report (自评报告) | self_evaluation_forms (自评表) | final_accounts (部门决算) | budget (部门预算) | target_declaration (绩效目标申报表) | evaluation_report (评价报告) | other',
);

/** The stated and the computed execution rate, of a report (`报告所述`) or of a form (`表内所述`). */
const rateColumns = (statedBy: string, en: string): ColumnSpec[] => [
  col('execution_rate_stated', `执行率(${statedBy})`, `Execution rate as the ${en} states it`, 'number', 'fraction (0.802 = 80.2%)'),
  col('execution_rate_computed', '执行率(执行数/预算数)', 'execution_yuan / budget_yuan, rounded to 6 decimals', 'number', 'fraction'),
];

const EVIDENCE_COLUMNS: readonly ColumnSpec[] = [
  col('page', '页码', 'Page of the evidence (1-based); empty for formats without pages', 'integer'),
  col('quote', '原文摘录', 'The normalized source text the value was read from'),
];

export const TABLES: Record<TableName, TableSpec> = {
  reports: {
    name: 'reports',
    zh: '报告',
    en: 'One row per stored report: its department, region, year and headline figures',
    columns: [
      col('sha256', '文件哈希', 'SHA-256 of the source file (the report id)'),
      col('file_name', '文件名', 'Source file name as ingested'),
      col('department_key', '部门标识', 'Department key after aliases: the same unit across years and spellings'),
      col('department_latest', '部门最新名称', 'Name the department states in its latest year'),
      col('department', '部门名称', 'Department name as stated in this report'),
      col('province', '省', 'Province as named in the department name or title'),
      col('city', '市/州', 'City / prefecture'),
      col('county', '县/区', 'County / district'),
      col('fiscal_year', '年度', 'Fiscal year the report evaluates', 'integer'),
      col('kind', '报告类型', 'What the self-evaluation is about: department_overall (部门整体支出) | project (项目支出) | unknown'),
      DOCUMENT_KIND,
      col('title', '报告标题', 'Report title'),
      col('budget_yuan', '全年预算数(元)', 'Budget for the year (全年预算数 / 调整后预算数, or the only budget stated)', 'money', '元'),
      col('budget_initial_yuan', '年初预算数(元)', 'Budget at the start of the year (年初预算数)', 'money', '元'),
      col('execution_yuan', '执行数(元)', 'Amount executed / spent (执行数 / 支出数)', 'money', '元'),
      ...rateColumns('报告所述', 'report'),
      col('self_score', '自评得分', 'Self-evaluation score', 'number', '分 (points)'),
      col('forms', '自评表数', 'Self-evaluation forms (自评表) found in the document, incl. rows of a score summary table; one row each in `forms`', 'integer'),
      col('checks_total', '校验数', 'Consistency checks run', 'integer'),
      col('checks_failed', '未通过校验数', 'Checks whose stated figures surely contradict each other (definite failures; possible ones are in the checks table)', 'integer'),
      col('checks_warned', '警示校验数', 'Checks with a warning', 'integer'),
      col('source_format', '文件格式', 'pdf | docx | txt | html …'),
      col('pages', '页数', 'Pages in the source file', 'integer'),
      col('ocr_pages', 'OCR页数', 'Pages read by OCR', 'integer'),
      col('extractor_version', '提取器版本', 'jixiao extractor version that produced the record'),
    ],
  },
  forms: {
    name: 'forms',
    zh: '自评表',
    en: 'One row per self-evaluation form (自评表) in a document — a 部门决算 may hold dozens — or per row of a 项目名称 | 自评分数 summary table: the comparable project scores',
    columns: [
      ...REPORT_IDENTITY,
      DOCUMENT_KIND,
      col('ord', '序号', 'Order of the form within the document', 'integer'),
      col('form_id', '表标识', 'Form id within the record (form:1 …); checks.part names it'),
      col('form_kind', '表类型', 'department_overall (部门整体支出绩效自评表) | project (项目支出绩效自评表)'),
      col('source', '来源', 'table (a table block) | flattened (a form flattened into text) | score_table (a summary row: name and score only)'),
      col('project', '项目名称', 'Project name (empty on a department-overall form)'),
      col('form_department', '主管部门', 'Department printed on the form (主管部门)'),
      col('implementer', '实施单位', 'Implementing unit printed on the form (实施单位)'),
      col('budget_initial_yuan', '年初预算数(元)', 'Budget at the start of the year (年初预算数)', 'money', '元'),
      col('budget_yuan', '全年预算数(元)', 'Budget for the year (全年预算数)', 'money', '元'),
      col('execution_yuan', '全年执行数(元)', 'Amount executed (全年执行数)', 'money', '元'),
      ...rateColumns('表内所述', 'form'),
      col('budget_execution_weight', '预算执行分值', 'Points the 预算执行率 row is worth', 'number', '分'),
      col('budget_execution_score', '预算执行得分', 'Points scored on the 预算执行率 row', 'number', '分'),
      col('score', '总分', 'Total score of the form (总分 / 自评分数)', 'number', '分'),
      col('grade', '评价等级', 'Grade where printed: 优 | 良 | 中 | 差'),
      col('indicators', '指标数', 'Indicator rows read from the form', 'integer'),
      col('checks_failed', '未通过校验数', 'Definite failed checks within this form (checks.part = form_id)', 'integer'),
      col('page_start', '起始页', 'First page of the form', 'integer'),
      col('page_end', '结束页', 'Last page of the form', 'integer'),
      col('quote', '原文摘录', 'The form title or summary row as read'),
      col('file_name', '文件名', 'Source file name as ingested'),
    ],
  },
  figures: {
    name: 'figures',
    zh: '数值',
    en: 'Long form: one row per extracted figure, with its evidence',
    columns: [
      ...REPORT_IDENTITY,
      col('ord', '序号', 'Order of the figure within the report', 'integer'),
      col('field', '字段', 'Record field: budget, budgetInitial, execution, executionRate, selfScore, byFunction, byNature, fundSources, project.budget …'),
      col('item', '项目/科目', 'Item name for named amounts (科目, 资金来源) and projects; empty for report totals'),
      col('code', '科目编码', '政府收支分类科目 class code (201…234) for functional classes'),
      col('kind', '数值类型', 'money | percent | score | count | measure | plain'),
      col('text', '原文数值', 'The figure as stated, e.g. 890.33万元'),
      col('unit', '原文单位', 'Unit as stated: 万元, 元, %, 分 …'),
      col('value', '数值(基本单位)', 'Value in base units: yuan for money, a fraction for rates, points, counts', 'number', 'base unit of `kind`'),
      col('amount_yuan', '金额(元)', 'The value again for money figures only', 'money', '元'),
      col('approx', '近似方式', 'exact | at_least | more_than | at_most | less_than | about | range'),
      col('lo', '下界', 'Lower bound for approximate figures (base units)', 'number'),
      col('hi', '上界', 'Upper bound for approximate figures (base units)', 'number'),
      col('precision', '小数位数', 'Decimals printed in the stated number', 'integer'),
      col('scale', '单位幂次', 'Power of ten from the stated unit to the base unit (万元 → 4, % → -2)', 'integer'),
      ...EVIDENCE_COLUMNS,
    ],
  },
  functions: {
    name: 'functions',
    zh: '功能分类支出',
    en: 'One row per report × 政府收支分类科目 class (expenditure by function); line years up by code',
    columns: [
      ...REPORT_IDENTITY,
      col('code', '科目编码', 'Class code (201…234); empty when the printed name is not a known class'),
      col('class_name', '科目名称(现行)', 'Current name of the class for the code, whatever the year printed'),
      col('name_stated', '科目名称(原文)', 'Class name as printed in the report'),
      col('amount_yuan', '金额(元)', 'Amount of the class', 'money', '元'),
      col('text', '原文数值', 'The amount as stated'),
      ...EVIDENCE_COLUMNS,
    ],
  },
  counts: {
    name: 'counts',
    zh: '数量',
    en: 'One row per counted output (774 名 trained, 12 个 awards …)',
    columns: [
      ...REPORT_IDENTITY,
      col('ord', '序号', 'Order within the report', 'integer'),
      col('subject', '计数对象', 'What is counted'),
      col('action', '动作', 'What was done to or with it'),
      col('value', '数量', 'The count', 'number'),
      col('unit', '量词', 'Measure word as stated: 名, 个, 条 …'),
      col('approx', '近似方式', 'exact | at_least | more_than | at_most | less_than | about | range'),
      col('lo', '下界', 'Lower bound when approximate', 'number'),
      col('hi', '上界', 'Upper bound when approximate', 'number'),
      col('text', '原文', 'The count as stated'),
      ...EVIDENCE_COLUMNS,
    ],
  },
  indicators: {
    name: 'indicators',
    zh: '绩效指标',
    en: 'One row per row of a 自评表 performance-indicator part: the report\'s own, then each form\'s',
    columns: [
      ...REPORT_IDENTITY,
      col('ord', '序号', 'Order within the report', 'integer'),
      col('form_id', '表标识', 'The form the row belongs to (forms.form_id); empty for the report\'s own indicators'),
      col('project', '项目名称', 'Project name of that form'),
      col('level1', '一级指标', 'Level-1 indicator'),
      col('level2', '二级指标', 'Level-2 indicator'),
      col('level3', '三级指标', 'Level-3 indicator'),
      col('target', '年度指标值', 'Target for the year, as stated'),
      col('actual', '实际完成值', 'Actual value, as stated'),
      col('weight', '分值', 'Points the indicator is worth', 'number', '分'),
      col('score', '得分', 'Points scored', 'number', '分'),
      ...EVIDENCE_COLUMNS,
    ],
  },
  checks: {
    name: 'checks',
    zh: '校验',
    en: 'One row per consistency check, with the computed (expected) and stated (actual) intervals',
    columns: [
      ...REPORT_IDENTITY,
      col('ord', '序号', 'Order within the report', 'integer'),
      col('rule', '规则', 'Rule id, e.g. execution_rate, sum.by_function'),
      col('status', '结果', 'pass | fail | warn | not_applicable'),
      col('certainty', '确定性', 'For fail and warn: definite (both sides surely the same quantity) | possible (identity inferred); counted failures are the definite ones'),
      col('part', '所属部分', 'Part or form id the relation was checked within (form:2, accounts_table:1); empty = the whole document'),
      col('unit', '单位', 'Unit of both intervals, in the report’s own terms (万元, %, 分 …)'),
      col('expected_lo', '计算区间下界', 'Lower bound of the interval computed from the parts; empty = unbounded', 'number', '`unit`'),
      col('expected_hi', '计算区间上界', 'Upper bound of the computed interval; empty = unbounded', 'number', '`unit`'),
      col('expected_lo_open', '计算下界开区间', 'The lower bound is excluded', 'boolean'),
      col('expected_hi_open', '计算上界开区间', 'The upper bound is excluded', 'boolean'),
      col('actual_lo', '所述区间下界', 'Lower bound of the stated result’s interval; empty = unbounded', 'number', '`unit`'),
      col('actual_hi', '所述区间上界', 'Upper bound of the stated interval; empty = unbounded', 'number', '`unit`'),
      col('actual_lo_open', '所述下界开区间', 'The lower bound is excluded', 'boolean'),
      col('actual_hi_open', '所述上界开区间', 'The upper bound is excluded', 'boolean'),
      col('message_zh', '说明', 'Finding, in Chinese'),
      col('message_en', '说明(英文)', 'Finding, in English'),
      col('evidence', '依据', 'Figures the rule used: role: text (p.N); …'),
      col('detail', '详情', 'Rule-specific detail as JSON'),
    ],
  },
  ingest_errors: {
    name: 'ingest_errors',
    zh: '入库错误',
    en: 'Files that could not be ingested (not filtered by report filters)',
    columns: [
      col('sha256', '文件哈希', 'SHA-256 of the file when known'),
      col('file_name', '文件名', 'File name'),
      col('code', '错误代码', 'Stable error code: corrupt_file, no_text, unsupported_format …'),
      col('message', '错误信息', 'Error message'),
      col('disposition', '处置', 'permanent (bad input) | transient (retry) | fatal (configuration)'),
      col('at', '时间', 'When the error was recorded (UTC)', 'timestamp'),
    ],
  },
};

/** A decimal string in plain notation, or null when absent, infinite or not a number. */
export function decimalText(text: string | null | undefined): string | null {
  if (text == null || text.trim() === '') return null;
  try {
    const d = new Decimal(text.trim());
    return d.isFinite() ? d.toFixed() : null;
  } catch {
    return null;
  }
}

/** Yuan with at least two decimals (8903300 → 8903300.00); more when the source states more. */
export function moneyText(text: string | null | undefined): string | null {
  const plain = decimalText(text);
  if (plain === null) return null;
  const d = new Decimal(plain);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/**
 * The yuan of a figure in a money role (budget, execution, a named amount). A bare 万/亿 amount
 * (29.6万, no 元) is read as kind `plain` but its value is already in yuan: it is money there too.
 * A rate, score or count in a money role is not money and stays empty.
 */
function figureMoney(figure: Figure | null | undefined): string | null {
  return figure && (figure.kind === 'money' || figure.kind === 'plain') ? moneyText(figure.exact) : null;
}

/** Record fields (figures.field) that hold amounts of money. */
const MONEY_FIELDS = new Set(['budget', 'budgetInitial', 'execution', 'byFunction', 'byNature', 'fundSources', 'project.budget', 'project.budgetInitial', 'project.execution']);

function figureNumber(figure: Figure | null | undefined): string | null {
  return figure ? decimalText(figure.exact) : null;
}

/** execution / budget to 6 decimals, from the exact strings; null when either is missing or budget is 0. */
export function computedRate(budget: Figure | null, execution: Figure | null): string | null {
  const b = decimalText(budget?.exact);
  const e = decimalText(execution?.exact);
  if (b === null || e === null || new Decimal(b).isZero()) return null;
  return new Decimal(e).div(b).toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toFixed();
}

function evidenceCells(evidence: Evidence): Row {
  return { page: evidence.page, quote: evidence.quote };
}

function identity(record: ReportRecord, ctx: RowContext): Row {
  return {
    sha256: ctx.sha256,
    department_key: ctx.departmentKey,
    department: record.report.department,
    fiscal_year: record.report.fiscalYear,
  };
}

export function reportRow(record: ReportRecord, ctx: RowContext): Row {
  const { report, figures, checks, source } = record;
  return {
    sha256: ctx.sha256,
    file_name: ctx.fileName,
    department_key: ctx.departmentKey,
    department_latest: ctx.departmentLatest,
    department: report.department,
    province: report.region.province,
    city: report.region.city,
    county: report.region.county,
    fiscal_year: report.fiscalYear,
    kind: report.kind,
    document_kind: report.documentKind,
    title: report.title,
    budget_yuan: figureMoney(figures.budget),
    budget_initial_yuan: figureMoney(figures.budgetInitial),
    execution_yuan: figureMoney(figures.execution),
    execution_rate_stated: figureNumber(figures.executionRate),
    execution_rate_computed: computedRate(figures.budget, figures.execution),
    self_score: figureNumber(figures.selfScore),
    forms: record.forms.length,
    checks_total: checks.length,
    checks_failed: checks.filter(isDefiniteFailure).length,
    checks_warned: checks.filter((check) => check.status === 'warn').length,
    source_format: source.format,
    pages: source.pages,
    ocr_pages: source.ocrPages,
    extractor_version: record.extractorVersion,
  };
}


export function figureRows(record: ReportRecord, ctx: RowContext): Row[] {
  const base = identity(record, ctx);
  return listRecordFigures(record).map(({ field, item, code, figure }, ord) => ({
    ...base,
    ord,
    field,
    item,
    code,
    kind: figure.kind,
    text: figure.text,
    unit: figure.unit,
    value: decimalText(figure.exact),
    amount_yuan: MONEY_FIELDS.has(field) ? figureMoney(figure) : null,
    approx: figure.approx,
    lo: decimalText(figure.lo),
    hi: decimalText(figure.hi),
    precision: figure.precision,
    scale: figure.scale,
    ...evidenceCells(figure.evidence),
  }));
}

const CLASS_NAMES = new Map(FUNCTION_CLASSES.map((c) => [c.code, c.name]));

export function formRows(record: ReportRecord, ctx: RowContext): Row[] {
  const base = identity(record, ctx);
  return record.forms.map((form: Form, ord) => ({
    ...base,
    document_kind: record.report.documentKind,
    ord,
    form_id: form.id,
    form_kind: form.formKind,
    source: form.source,
    project: form.projectName,
    form_department: form.department,
    implementer: form.implementer,
    budget_initial_yuan: figureMoney(form.budgetInitial),
    budget_yuan: figureMoney(form.budget),
    execution_yuan: figureMoney(form.execution),
    execution_rate_stated: figureNumber(form.executionRate),
    execution_rate_computed: computedRate(form.budget, form.execution),
    budget_execution_weight: figureNumber(form.budgetExecutionWeight),
    budget_execution_score: figureNumber(form.budgetExecutionScore),
    score: figureNumber(form.totalScore),
    grade: form.grade,
    indicators: form.indicators.length,
    checks_failed: listFormChecks(record, form).filter(isDefiniteFailure).length,
    page_start: form.pageStart,
    page_end: form.pageEnd,
    quote: form.evidence.quote,
    file_name: ctx.fileName,
  }));
}

export function functionRows(record: ReportRecord, ctx: RowContext): Row[] {
  const base = identity(record, ctx);
  return record.figures.byFunction.map((named) => ({
    ...base,
    code: named.code ?? null,
    class_name: named.code ? (CLASS_NAMES.get(named.code) ?? null) : null,
    name_stated: named.name,
    amount_yuan: figureMoney(named.amount),
    text: named.amount.text,
    ...evidenceCells(named.amount.evidence),
  }));
}

export function countRows(record: ReportRecord, ctx: RowContext): Row[] {
  const base = identity(record, ctx);
  return record.figures.counts.map((count, ord) => ({
    ...base,
    ord,
    subject: count.subject,
    action: count.action,
    value: decimalText(String(count.value)),
    unit: count.unit,
    approx: count.approx,
    lo: decimalText(count.lo),
    hi: decimalText(count.hi),
    text: count.text,
    ...evidenceCells(count.evidence),
  }));
}

export function indicatorRows(record: ReportRecord, ctx: RowContext): Row[] {
  const base = identity(record, ctx);
  return listRecordIndicators(record).map(({ formId, project, indicator }, ord) => ({
    ...base,
    ord,
    form_id: formId,
    project,
    level1: indicator.level1,
    level2: indicator.level2,
    level3: indicator.level3,
    target: indicator.target,
    actual: indicator.actual,
    weight: figureNumber(indicator.weight),
    score: figureNumber(indicator.score),
    ...evidenceCells(indicator.evidence),
  }));
}

function intervalCells(prefix: 'expected' | 'actual', interval: Interval | null): Row {
  return {
    [`${prefix}_lo`]: decimalText(interval?.lo),
    [`${prefix}_hi`]: decimalText(interval?.hi),
    [`${prefix}_lo_open`]: interval ? interval.loOpen : null,
    [`${prefix}_hi_open`]: interval ? interval.hiOpen : null,
  };
}

function evidenceSummary(check: CheckResult): string {
  return check.evidence
    .map((item) => `${item.role}: ${item.text}${item.evidence.page !== null ? ` (p.${item.evidence.page})` : ''}`)
    .join('; ');
}

export function checkRows(record: ReportRecord, ctx: RowContext): Row[] {
  const base = identity(record, ctx);
  return record.checks.map((check, ord) => ({
    ...base,
    ord,
    rule: check.rule,
    status: check.status,
    certainty: check.status === 'fail' || check.status === 'warn' ? (check.certainty ?? 'definite') : null,
    part: check.part ?? null,
    unit: check.unit,
    ...intervalCells('expected', check.expected),
    ...intervalCells('actual', check.actual),
    message_zh: check.message.zh,
    message_en: check.message.en,
    evidence: evidenceSummary(check),
    detail: check.detail === undefined ? null : JSON.stringify(check.detail),
  }));
}

/** The rows one record yields for a per-report table. */
export function rowsOfRecord(table: Exclude<TableName, 'ingest_errors'>, record: ReportRecord, ctx: RowContext): Row[] {
  switch (table) {
    case 'reports':
      return [reportRow(record, ctx)];
    case 'forms':
      return formRows(record, ctx);
    case 'figures':
      return figureRows(record, ctx);
    case 'functions':
      return functionRows(record, ctx);
    case 'counts':
      return countRows(record, ctx);
    case 'indicators':
      return indicatorRows(record, ctx);
    case 'checks':
      return checkRows(record, ctx);
  }
}

export function errorRow(error: { sha256?: string | null; fileName: string; code: string; message: string; disposition: string; at: Date }): Row {
  return {
    sha256: error.sha256 ?? null,
    file_name: error.fileName,
    code: error.code,
    message: error.message,
    disposition: error.disposition,
    at: error.at,
  };
}
