/**
 * Words of a 自评表's cells: its column headers, its total and fund rows, its header fields. The
 * one place for them: table forms (extract/forms.ts), flattened forms and checks read these.
 */
import { anyOf, SCORE_TOTAL_ROW_WORDS, SUBTOTAL_ROW_WORDS, TOTAL_ROW_WORDS } from './roles.js';

/**
 * The 分值 (weight) column of a 自评表's money block; the other columns are `FORM_COLUMNS` in
 * roles.ts (年初预算数, 全年预算数, 全年执行数, 执行率, 得分).
 */
export const FORM_WEIGHT_COLUMN = /^(?:分值|权重)/u;

/**
 * The columns of a 自评表's money block as a flattened form prints their names in a row ("年初预算数(A)
 * 全年执行数(B) 分值 执行率(B/A) 得分"), in the order they are tried (执行率 before 执行数, 年初预算 before
 * 预算数). A bracketed note after a name ("(A)", "(B/A)", "(10分)", "(%)", "(万元)") is the reader's
 * to skip, not part of the name. `partial`: a layout dump leaves a wrapped name's last character on
 * the next line ("全年执行" / "数").
 */
export const FLAT_FORM_COLUMNS: ReadonlyArray<{ column: 'budgetInitial' | 'budget' | 'execution' | 'weight' | 'executionRate' | 'score'; pattern: RegExp }> = [
  { column: 'budgetInitial', pattern: /年初预算(?:数|金额)?/u },
  { column: 'executionRate', pattern: /(?:预算)?执行率/u },
  { column: 'execution', pattern: /全年执行数?|预算执行数|实际执行数|执行数|实际支出数?/u },
  // "全年(调整)预算数": the bracket inside the name.
  { column: 'budget', pattern: /全年预算数|全年[（(]调整[）)]预算数|调整后预算数|调整后预算|全年预算|预算数/u },
  { column: 'weight', pattern: /分值|权重/u },
  { column: 'score', pattern: /(?:自评)?得分/u },
];

/**
 * A money unit in brackets after a block's label ("项目资金（万元）"), its closing bracket possibly
 * wrapped into the next line of an unruled PDF's cell ("项目资金（元 … 年初预算数 …" / "）"): then a
 * cell boundary (tab, pipe, line end) follows the unit.
 */
export const BRACKETED_MONEY_UNIT = /[（(]\s*(万元|亿元|元)\s*(?:[）)]|(?=[\t|｜\n]))/u;

/** The form's own money row (年度资金总额 is the form's budget/execution, not a fund row). */
export const FORM_TOTAL_ROW = new RegExp(`^(?:年度财政资金总额|总额|${anyOf(TOTAL_ROW_WORDS)})[:：]?$`, 'u');

/**
 * A name marking a total inside a breakdown list (sum-checks): the total and subtotal row words, any
 * 总额 (资金总额, 支出总额), or a name opening with 总数.
 */
export const TOTAL_NAME = new RegExp(`${anyOf([...TOTAL_ROW_WORDS, ...SUBTOTAL_ROW_WORDS, '总额'])}|^总数`, 'u');

/** Fund rows under the total: 财政拨款, 上年结转, 其他资金 … ("其中：" stripped first). */
export const FUND_ROW = /^(?:(?:本年|当年)?财政拨款(?:资金)?|财政资金|上年结转(?:资金)?|结转结余(?:资金)?|其他资金|单位资金|自有资金|财政专户管理资金|[\u4e00-\u9fff]{1,8}资金)[:：]?$/u;

/** The 总分 row that ends a form's 绩效指标 part. */
export const SCORE_TOTAL_ROW = new RegExp(`^(?:总计|自评总分|合计得分|总得分|${anyOf(SCORE_TOTAL_ROW_WORDS)})[:：]?$`, 'u');

/** Header fields of a form naming its project and units; the value is the next cell. */
export const FORM_HEADER_FIELDS: ReadonlyArray<{ field: 'projectName' | 'department' | 'implementer' | 'grade'; pattern: RegExp }> = [
  // 转移支付（项目）名称: a transfer-payment 绩效目标自评表 names its project so.
  { field: 'projectName', pattern: /^(?:项目名称|项目全称|转移支付[（(]项目[）)]名称)[:：]?$/u },
  // 预算部门、单位名称 / 一级预算单位名称 (湖南 部门整体 forms), 地方主管部门 / 中央主管部门 (转移支付 forms).
  { field: 'department', pattern: /^(?:主管部门|预算主管部门|(?:中央|地方)主管部门|部门[（(]单位[）)]名称|部门名称|单位名称|预算部门|部门|(?:一级)?预算(?:部门[、，,]?)?单位名称)[:：]?$/u },
  { field: 'implementer', pattern: /^(?:实施单位|项目实施单位|项目单位|资金使用单位)(?:[（(]盖章[）)])?[:：]?$/u },
  { field: 'grade', pattern: /^(?:评价等级|自评等级|等级)[:：]?$/u },
];

/** The label of a form's money block (项目资金（万元）, 资金投入情况 …), a field's neighbour in a flattened form. */
export const FORM_MONEY_BLOCK_LABEL = /项目资金|资金情况|资金投入情况|年度预算申请|预算执行情况|年度资金总额|年初预算数|全年预算数/u;

/**
 * Where a field's value ends in a form flattened without separators ("项目名称村级补助及运转经费主管部门219-…"):
 * at the next field's label or the money block (labels of three characters or more, so a name holding 部门 stays whole).
 */
export const NEXT_FORM_FIELD = new RegExp(
  `项目名称|(?:预算|中央|地方)?主管部门|(?:项目)?实施单位|资金使用单位|(?:项目)?负责人|联系人|评价等级|自评等级|自评得分|自评总分|联系电话|${FORM_MONEY_BLOCK_LABEL.source}`,
  'u',
);

/** A printed grade. */
export const GRADE = /^(优|良|中|差|优秀|良好|合格|不合格)$/u;

/** "--", "—", "/", "无": a cell that states nothing. */
export const EMPTY_CELL = /^(?:[-—–/／\\]+|无|空)?$/u;

/**
 * A 部门整体 form's money block split two ways (湖南 layout): "按收入性质分:2030.12 … 按支出性质分:1925.67";
 * both split the same 全年执行数, so their printed totals are one amount.
 */
export const NATURE_SPLIT_LABELS = { income: '按收入性质分', expenditure: '按支出性质分' } as const;
/** A 自评表's money total row (年度资金总额): its 分值 and 得分 cells are the 预算执行 part's weight and score. */
export const FORM_MONEY_TOTAL_ROW = /年度资金总额|资金总额/u;
/** Columns of a 自评表's money block holding the 预算执行 part's weight (分值/权重) and its points (得分). */
export const FORM_WEIGHT_HEADER = /分值|权重/u;
export const FORM_SCORE_HEADER = /得分/u;

/**
 * The tiers of a 自评表's 绩效指标 part whose headings carry points: the goal ("年度绩效目标(80分)")
 * and its 一级指标 ("产出指标(60分)", "效益指标(40分)" …), which share the goal's points among them.
 */
export const INDICATOR_GOAL_TIERS: readonly string[] = ['年度绩效目标', '绩效指标'];
export const INDICATOR_LEVEL1_TIERS: readonly string[] = ['产出指标', '效益指标', '满意度指标', '成本指标'];

/**
 * The money columns of a 项目基本信息 table (湘西, 海南, 岳阳 evaluation templates), in print order, each with
 * the names it is printed under: each holds a total and is split by source in the rows below (其中:中央财政 |
 * 省财政 | 市县财政 | 其他 …). The first two are always printed; the spending column only in some templates, the
 * balance (结余) in 岳阳's (计划安排资金 | 实际到位资金 | 实际支出 | 结余).
 */
export const INVESTMENT_COLUMNS: readonly (readonly string[])[] = [['计划投资额', '计划安排资金'], ['实际到位资金'], ['实际使用情况', '实际支出'], ['结余']];
