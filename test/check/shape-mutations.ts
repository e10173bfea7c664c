/**
 * Shape mutations (issue 16): for each shape of published slip a check was built for, every text
 * that holds the shape's material (a relation that holds, a number printed right) is edited so that it shows that slip, and edited again within
 * the shape's slack (a neutral edit). The slip edit must make a definite failed check of the shape's
 * rules cite the edited number; the neutral edit must leave those rules quiet on it.
 * - rounding_touch: a sum of an odd number n ≥ 3 of parts printed to one precision, its total moved
 *   to Σ + (n+1)/2 units of the last digit, where the closed rounding intervals only touch and
 *   四舍五入 never prints such a total (t028: five parts 0.03 short). Neutral: one unit nearer.
 * - allocation_restated: one document's allocation (cited by its 文号) stated twice and agreeing; the
 *   second statement moved by 7 units of its last digit (t052's 5万元 / 6万元). Neutral: the same amount
 *   printed to one more decimal ("791" → "791.0").
 * - level_restated: a fund level listed as a part of a whole and named again in the same sentence,
 *   agreeing (level-restated.ts); the second statement moved by 7 units of its last digit (t202's 中央
 *   30.9 / 61.8). Neutral: the same amount printed to one more decimal. (The corpus holds no agreeing
 *   one: clean-text-edits.ts gives r52 the shape.)
 * - misgrouped: an amount of three or more integer digits (not four) whose second digit is 0 gets a
 *   comma after its first digit ("2026400" → "2,026400"; r59's "7,00.0,77"). Neutral: an amount of
 *   four digits or more whose second digit is 0 grouped right ("2,026,400", "2,040.56").
 * - tiers_budget_execution: a 自评表 whose 一级 tier headings and fund-block 预算执行 分值 make 100
 *   (产出指标(50分) + 效益指标(30分) + 满意度指标(10分) + 10); the first tier raised by the 预算执行
 *   分值, so the tiers alone make 100 and the form 110 (t224's slip). Neutral: the tier lowered by as
 *   much (a sum below 100 says nothing: a tier may print no points).
 * - narrative_percent: a share (占 x%), a year-on-year change (增长 p%) or a completion (完成预算的 x%)
 *   a definite check verified, moved two units of its last digit past the computed interval (a wrong
 *   percent, not a truncated one). Neutral: the computed value printed to one more digit.
 * - narrative_amount: the amount such a percent is computed from (the part, this year's amount, the
 *   outturn) or a product's stated total, doubled. No neutral edit.
 * - row_precision: a rate that holds with the cells of one form row ("200 | 179.43 | 89.7%"), its
 *   budget printed as an integer beside an execution printed with decimals, moved to 执行数 ÷
 *   (预算数 + 0.4): within the integer's half-unit, off at the row's precision (t225's 47.68 / 50 =
 *   95.36% printed 95.00%). Neutral: the rate at 执行数 ÷ 预算数 printed one digit finer.
 * - fund_row_score: a fund row holding the total row's whole money at the same 分值 and scored alike;
 *   its 得分 one point lower (t401: 9 on the total row, 8 on its 当年财政拨款 row). Neutral: the same
 *   得分 printed to one more decimal.
 * - scores_total: indicator rows whose 得分 (with the money block's 预算执行 得分) make the form's 总分,
 *   read from runs of values printed apart from their names (t171: 93 against 94); a row's 得分 one
 *   point lower. Neutral: the 总分 printed to one more decimal.
 * - rows_budget_execution: indicator rows whose 分值 with the money block's 预算执行 分值 make 100; one
 *   row raised by the block's 分值, so the rows alone make 100 and the form 110 against its 总分 (t332's
 *   slip: a 总分 row that leaves out the 预算执行 row). Neutral: the row's 分值 printed to one more decimal.
 * - truncated_rate: a rate that holds with its execution and budget, printed cut off instead of rounded
 *   where the two differ (95.367% → 95.36%). Not a wrong figure but a finding of its own kind: the edit
 *   is flagged when rate.truncated warns citing it and no definite fail does. Neutral: the rate
 *   printed one digit finer, rounded.
 * - narrative_tiers: a narrative's outline of points whose items' 分值 make their heading's
 *   ("1.产出指标完成情况:分值30分 …(1)数量指标:分值10分 …", narrative-tiers.ts); one item raised by one point, so
 *   the items carry more than the heading (t808: 学生满意度 and 家长满意度 each 分值10分 under 满意度 分值10分).
 *   Neutral: the item's 分值 printed to one more decimal.
 * - narrative_scores: such a complete outline whose items' 自评得分 make the heading's; one item's score
 *   one point lower. Neutral: that score printed to one more decimal.
 * - table_group: a numbered table's group row that makes the rows below it (table-groups.ts: "一 | 高校学生资助专项
 *   | … | 1116.19" over "1 | …" and "2 | …"), in a table where another group holds too; the group's amount
 *   doubled (t826's 1116.19 against 1528.47 + 0). Neutral: the amount printed to one more decimal, where the
 *   rows' printed amounts make it exactly (else the finer print could leave their rounding slack).
 * - indicator_rate: a 预算执行率 row whose 实际完成值 is its form's 执行数 ÷ 预算数 (indicator.execution_rate);
 *   the 完成值 moved 3 points up (t765's =98% against 94.54%). Neutral: printed with one more decimal.
 */
import { Decimal } from 'decimal.js';
import type { SourceDocument } from '../../src/ingest/document.js';
import type { CheckResult, Figure, ReportRecord } from '../../src/schema/record.js';
import { ADDITIVE_RULES, citing, findStated, isDefiniteFail, listStated, locateNumber, locateValue, printLike, type AnalyzeFn, type RawNumber } from './mutate.js';

export type ShapeName =
  | 'rounding_touch'
  | 'misgrouped'
  | 'allocation_restated'
  | 'level_restated'
  | 'tiers_budget_execution'
  | 'narrative_percent'
  | 'narrative_amount'
  | 'row_precision'
  | 'fund_row_score'
  | 'scores_total'
  | 'rows_budget_execution'
  | 'truncated_rate'
  | 'narrative_tiers'
  | 'narrative_scores'
  | 'table_group'
  | 'indicator_rate';

interface ShapeEdit {
  shape: ShapeName;
  /** True: within the shape's slack, nothing may fail. */
  neutral: boolean;
  number: RawNumber;
  text: string;
  /** Rules that report the shape. */
  rules: ReadonlySet<string>;
  /** A slip edit that is a finding, not a wrong figure: a warning of `rules` cites it and no definite fail does. */
  flagged?: boolean;
}

export interface ShapeResult {
  id: string;
  shape: ShapeName;
  neutral: boolean;
  from: string;
  to: string;
  ok: boolean;
  by: string[];
}

/** A figure's number as printed, in its stated unit (714.07万元 → 714.07). */
function statedValue(f: Figure): Decimal {
  return new Decimal(f.exact).div(new Decimal(10).pow(f.scale));
}

/** Money printed to the fen is exact (interval.ts): no rounding interval to touch. */
function isRounded(f: Figure): boolean {
  return f.approx === 'exact' && !(f.kind === 'money' && f.precision - f.scale >= 2);
}

const SUM_RULES: ReadonlySet<string> = new Set([...ADDITIVE_RULES].filter((r) => !r.startsWith('indicator.') && !r.startsWith('count.')));

function roundingTouchEdits(checks: readonly CheckResult[], record: ReportRecord, rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  const seen = new Set<string>();
  for (const check of checks.filter((c) => c.status === 'pass' && SUM_RULES.has(c.rule))) {
    const totals = check.evidence.filter((e) => e.role === 'total');
    const parts = check.evidence.filter((e) => e.role === 'part');
    if (totals.length !== 1 || parts.length < 3 || parts.length % 2 === 0) continue;
    const stated = [...totals, ...parts].map((e) => findStated(record, e.evidence));
    const figures = stated.map((s) => (s?.kind === 'figure' ? s.figure : null));
    if (figures.some((f) => f === null || !isRounded(f))) continue;
    const [total, ...partFigures] = figures as Figure[];
    if (partFigures.some((f) => f.scale !== total!.scale || f.precision !== total!.precision)) continue;
    const number = locateNumber(rawText, stated[0]!, doc);
    if (!number || seen.has(`${number.rawStart}`)) continue;
    seen.add(`${number.rawStart}`);
    const sum = partFigures.reduce((s, f) => s.plus(statedValue(f)), new Decimal(0));
    const unit = new Decimal(10).pow(-number.decimals);
    const touch = sum.plus(unit.times((parts.length + 1) / 2));
    edits.push({ shape: 'rounding_touch', neutral: false, number, text: printLike(number, touch), rules: SUM_RULES });
    edits.push({ shape: 'rounding_touch', neutral: true, number, text: printLike(number, touch.minus(unit)), rules: SUM_RULES });
  }
  return edits;
}

const NUMBER_FORMAT: ReadonlySet<string> = new Set(['number_format']);

function misgroupedEdits(record: ReportRecord, rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  const seen = new Set<number>();
  for (const s of listStated(record)) {
    if (s.kind !== 'figure' || s.figure.kind !== 'money') continue;
    const number = locateNumber(rawText, s, doc);
    if (!number || number.grouped || number.fullWidth || seen.has(number.rawStart)) continue;
    // A number glued to digits of the next or last cell ("10001000100%"): a comma put into it makes
    // the run of digits misgrouped whatever the edit means, so it can be no neutral edit (nor a clean slip edit).
    if (/\d/u.test(rawText[number.rawStart - 1] ?? '') || /\d/u.test(rawText[number.rawEnd] ?? '')) continue;
    const whole = number.text.split('.')[0]!;
    if (whole.length < 3 || whole[1] !== '0') continue;
    seen.add(number.rawStart);
    // A four-digit number with a comma after its first digit is grouped right: no slip edit of it.
    if (whole.length !== 4) edits.push({ shape: 'misgrouped', neutral: false, number, text: `${number.text[0]},${number.text.slice(1)}`, rules: NUMBER_FORMAT });
    if (whole.length >= 4) edits.push({ shape: 'misgrouped', neutral: true, number, text: printLike({ ...number, grouped: true }, number.value), rules: NUMBER_FORMAT });
  }
  return edits;
}

const RESTATED: ReadonlySet<string> = new Set(['restated']);

/** A restatement that holds, by the shape of its statements: one 文号's allocation, or a listed fund level named again. */
function restatedShapeOf(check: CheckResult): 'allocation_restated' | 'level_restated' | null {
  if (check.rule !== 'restated' || check.status !== 'pass') return null;
  return check.detail?.allocation === true ? 'allocation_restated' : check.detail?.listedPart === true ? 'level_restated' : null;
}

function allocationEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  for (const check of checks) {
    const shape = restatedShapeOf(check);
    if (!shape) continue;
    const second = check.evidence.find((e) => e.role === 'restatement');
    if (!second) continue;
    const printed = /\d+(?:\.\d+)?/u.exec(second.text)?.[0];
    const number = printed ? locateValue(rawText, second.evidence, new Decimal(printed), doc) : null;
    if (!number) continue;
    const unit = new Decimal(10).pow(-number.decimals);
    edits.push({ shape, neutral: false, number, text: printLike(number, number.value.plus(unit.times(7))), rules: RESTATED });
    edits.push({ shape, neutral: true, number, text: number.value.toFixed(number.decimals + 1), rules: RESTATED });
  }
  return edits;
}

const TIER_TOTAL: ReadonlySet<string> = new Set(['indicator.tier_total']);

function tierEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  for (const check of checks.filter((c) => c.rule === 'indicator.tier_total' && c.status === 'pass' && c.detail?.budgetExecutionWeight !== undefined)) {
    const tier = check.evidence[0];
    const points = tier ? /(\d+(?:\.\d+)?)\s*分/u.exec(tier.text)?.[1] : undefined;
    const number = tier && points ? locateValue(rawText, tier.evidence, new Decimal(points), doc) : null;
    if (!number) continue;
    const weight = new Decimal(String(check.detail!.budgetExecutionWeight));
    edits.push({ shape: 'tiers_budget_execution', neutral: false, number, text: printLike(number, number.value.plus(weight)), rules: TIER_TOTAL });
    edits.push({ shape: 'tiers_budget_execution', neutral: true, number, text: printLike(number, number.value.minus(weight)), rules: TIER_TOTAL });
  }
  return edits;
}

/** Per narrative rule: the role of its percent (none for a product) and of the amount an edit doubles. */
const NARRATIVE_ROLES: Readonly<Record<string, { percent?: string; amount: string }>> = {
  'narrative.share': { percent: 'share', amount: 'part' },
  'share.of_whole': { percent: 'rate', amount: 'numerator' },
  'narrative.change': { percent: 'percent', amount: 'current' },
  'narrative.rate': { percent: 'rate', amount: 'execution' },
  'narrative.execution_rate': { percent: 'rate', amount: 'execution' },
  'narrative.product': { amount: 'total' },
};
const NARRATIVE_RULES: ReadonlySet<string> = new Set([...Object.keys(NARRATIVE_ROLES), 'unit_slip']);

/** The first printed number of an evidence entry's text ("89.59%" → 89.59). */
function printedOf(text: string): Decimal | null {
  const m = /\d[\d,]*(?:\.\d+)?/u.exec(text.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return m ? new Decimal(m[0].replace(/,/gu, '')) : null;
}

function narrativeEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  const seen = new Set<number>();
  for (const check of checks) {
    const roles = NARRATIVE_ROLES[check.rule];
    if (!roles || check.status !== 'pass' || check.certainty === 'possible' || !check.expected) continue;
    const percent = roles.percent ? check.evidence.find((e) => e.role === roles.percent) : undefined;
    const percentValue = percent ? printedOf(percent.text) : null;
    // A stated 0% or a computed interval reaching 0 or infinity says too little to move.
    const lo = new Decimal(check.expected.lo);
    const hi = new Decimal(check.expected.hi);
    if (!lo.isFinite() || !hi.isFinite() || lo.lte(0)) continue;
    if (percent && percentValue && !percentValue.isZero()) {
      const number = locateValue(rawText, percent.evidence, percentValue, doc);
      if (number && !seen.has(number.rawStart)) {
        seen.add(number.rawStart);
        const step = new Decimal(10).pow(-number.decimals);
        const slip = hi.div(step).ceil().times(step).plus(step.times(2));
        edits.push({ shape: 'narrative_percent', neutral: false, number, text: printLike(number, slip), rules: NARRATIVE_RULES });
        // The computed value printed to one more digit: its rounding interval holds the computed midpoint.
        const finer = { ...number, decimals: number.decimals + 1 };
        const mid = lo.plus(hi).div(2).toDecimalPlaces(finer.decimals, Decimal.ROUND_HALF_UP);
        edits.push({ shape: 'narrative_percent', neutral: true, number, text: printLike(finer, mid), rules: NARRATIVE_RULES });
      }
    }
    if (roles.percent && (!percentValue || percentValue.isZero())) continue;
    const amount = check.evidence.find((e) => e.role === roles.amount);
    const amountValue = amount ? printedOf(amount.text) : null;
    if (!amount || !amountValue || amountValue.isZero()) continue;
    const number = locateValue(rawText, amount.evidence, amountValue, doc);
    if (!number || seen.has(number.rawStart)) continue;
    seen.add(number.rawStart);
    edits.push({ shape: 'narrative_amount', neutral: false, number, text: printLike(number, number.value.times(2)), rules: NARRATIVE_RULES });
  }
  return edits;
}

const ROW_RATE_RULES: ReadonlySet<string> = new Set(['execution_rate', 'form.execution_rate', 'execution_rate.project']);

function rowPrecisionEdits(checks: readonly CheckResult[], record: ReportRecord, rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  const seen = new Set<number>();
  for (const check of checks.filter((c) => ROW_RATE_RULES.has(c.rule) && c.status === 'pass' && c.detail?.row === true)) {
    const [rate, numerator, denominator] = ['rate', 'numerator', 'denominator'].map((role) => {
      const e = check.evidence.find((x) => x.role === role);
      const s = e ? findStated(record, e.evidence) : null;
      return s?.kind === 'figure' ? s.figure : null;
    });
    if (!rate || !numerator || !denominator || rate.kind !== 'percent') continue;
    // The shape needs an integer budget beside an execution printed with decimals.
    if (denominator.precision > 0 || numerator.precision <= 0 || numerator.scale !== denominator.scale) continue;
    const number = locateValue(rawText, rate.evidence, statedValue(rate), doc);
    if (!number || seen.has(number.rawStart)) continue;
    seen.add(number.rawStart);
    const budget = statedValue(denominator);
    const execution = statedValue(numerator);
    const step = new Decimal(10).pow(-number.decimals);
    const slip = execution.div(budget.plus('0.4')).times(100).toDecimalPlaces(number.decimals, Decimal.ROUND_HALF_UP);
    // At the row's precision the rate stands for execution ÷ budget ± a hair; the slip must print apart from it.
    const exact = execution.div(budget).times(100);
    if (slip.minus(exact).abs().lte(step.div(2))) continue;
    edits.push({ shape: 'row_precision', neutral: false, number, text: printLike(number, slip), rules: ROW_RATE_RULES });
    const finer = { ...number, decimals: number.decimals + 1 };
    edits.push({ shape: 'row_precision', neutral: true, number, text: printLike(finer, exact.toDecimalPlaces(finer.decimals, Decimal.ROUND_HALF_UP)), rules: ROW_RATE_RULES });
  }
  return edits;
}

const FUND_ROW_RULES: ReadonlySet<string> = new Set(['form.fund_rows']);

function fundRowScoreEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  for (const check of checks.filter((c) => c.rule === 'form.fund_rows' && c.status === 'pass' && c.detail?.column === 'score')) {
    const part = check.evidence.find((e) => e.role === 'part');
    const value = part ? printedOf(part.text) : null;
    const number = part && value && value.gte(1) ? locateValue(rawText, part.evidence, value, doc) : null;
    if (!number) continue;
    edits.push({ shape: 'fund_row_score', neutral: false, number, text: printLike(number, number.value.minus(1)), rules: FUND_ROW_RULES });
    edits.push({ shape: 'fund_row_score', neutral: true, number, text: number.value.toFixed(number.decimals + 1), rules: FUND_ROW_RULES });
  }
  return edits;
}

const SCORES_TOTAL: ReadonlySet<string> = new Set(['indicator.scores_total']);

function scoresTotalEdits(checks: readonly CheckResult[], record: ReportRecord, rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  // Rows read by name are mutated by the form copies (mutated-forms.ts): these are rows without names.
  const unnamed = new Set(record.forms.filter((f) => f.indicators.length > 0 && f.indicators.every((r) => !r.level1 && !r.level2 && !r.level3)).map((f) => f.id));
  for (const check of checks.filter((c) => c.rule === 'indicator.scores_total' && c.status === 'pass' && c.part && unnamed.has(c.part))) {
    const total = check.evidence.find((e) => e.role === 'total');
    const part = check.evidence.filter((e) => e.role === 'part').find((e) => (printedOf(e.text) ?? new Decimal(0)).gte(1));
    const partNumber = part ? locateValue(rawText, part.evidence, printedOf(part.text)!, doc) : null;
    const totalNumber = total ? locateValue(rawText, total.evidence, printedOf(total.text)!, doc) : null;
    if (!partNumber || !totalNumber) continue;
    edits.push({ shape: 'scores_total', neutral: false, number: partNumber, text: printLike(partNumber, partNumber.value.minus(1)), rules: SCORES_TOTAL });
    edits.push({ shape: 'scores_total', neutral: true, number: totalNumber, text: totalNumber.value.toFixed(totalNumber.decimals + 1), rules: SCORES_TOTAL });
  }
  return edits;
}

const WEIGHTS_TOTAL: ReadonlySet<string> = new Set(['indicator.weights_total']);

function rowsBudgetExecutionEdits(checks: readonly CheckResult[], record: ReportRecord, rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  const seen = new Set<number>();
  for (const check of checks.filter((c) => c.rule === 'indicator.weights_total' && c.status === 'pass')) {
    const parts = check.evidence.filter((e) => e.role === 'part');
    // The block's 预算执行 分值 is one of the parts the rows were summed with.
    const block = record.forms
      .map((f) => f.budgetExecutionWeight)
      .find((w) => w && parts.some((e) => e.evidence.start === w.evidence.start && e.evidence.end === w.evidence.end));
    if (!block) continue;
    const row = parts.find((e) => !(e.evidence.start === block.evidence.start && e.evidence.end === block.evidence.end) && (printedOf(e.text) ?? new Decimal(0)).gte(1));
    const number = row ? locateValue(rawText, row.evidence, printedOf(row.text)!, doc) : null;
    if (!number || seen.has(number.rawStart)) continue;
    seen.add(number.rawStart);
    edits.push({ shape: 'rows_budget_execution', neutral: false, number, text: printLike(number, number.value.plus(statedValue(block))), rules: WEIGHTS_TOTAL });
    edits.push({ shape: 'rows_budget_execution', neutral: true, number, text: number.value.toFixed(number.decimals + 1), rules: WEIGHTS_TOTAL });
  }
  return edits;
}

const TRUNCATED: ReadonlySet<string> = new Set(['rate.truncated']);

function truncatedRateEdits(checks: readonly CheckResult[], record: ReportRecord, rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  const seen = new Set<number>();
  for (const check of checks.filter((c) => ROW_RATE_RULES.has(c.rule) && c.status === 'pass' && c.expected)) {
    const [rate, numerator, denominator] = ['rate', 'numerator', 'denominator'].map((role) => {
      const e = check.evidence.find((x) => x.role === role);
      const s = e ? findStated(record, e.evidence) : null;
      return s?.kind === 'figure' ? s.figure : null;
    });
    if (!rate || !numerator || !denominator || rate.kind !== 'percent' || numerator.scale !== denominator.scale) continue;
    const budget = statedValue(denominator);
    if (budget.isZero()) continue;
    const number = locateValue(rawText, rate.evidence, statedValue(rate), doc);
    if (!number || seen.has(number.rawStart)) continue;
    seen.add(number.rawStart);
    const exact = statedValue(numerator).div(budget).times(100);
    const cut = exact.toDecimalPlaces(number.decimals, Decimal.ROUND_DOWN);
    // Only where cutting and rounding print apart, and the cut print is off the computed interval.
    if (cut.eq(exact.toDecimalPlaces(number.decimals, Decimal.ROUND_HALF_UP))) continue;
    const half = new Decimal(10).pow(-number.decimals).div(2);
    if (cut.plus(half).gte(new Decimal(check.expected!.lo))) continue;
    edits.push({ shape: 'truncated_rate', neutral: false, number, text: printLike(number, cut), rules: TRUNCATED, flagged: true });
    const finer = { ...number, decimals: number.decimals + 1 };
    edits.push({ shape: 'truncated_rate', neutral: true, number, text: printLike(finer, exact.toDecimalPlaces(finer.decimals, Decimal.ROUND_HALF_UP)), rules: TRUNCATED });
  }
  return edits;
}

const NARRATIVE_TIER_RULES: Readonly<Record<string, ShapeName>> = { 'indicator.tier_total': 'narrative_tiers', 'indicator.scores_total': 'narrative_scores' };

/** A narrative outline's points that hold (narrative-tiers.ts): its first item's 分值 raised a point, or its first item's score lowered one. */
function narrativeTierEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  for (const check of checks.filter((c) => c.status === 'pass' && c.detail?.narrative === true && NARRATIVE_TIER_RULES[c.rule] !== undefined)) {
    const shape = NARRATIVE_TIER_RULES[check.rule]!;
    const item = check.evidence.find((e) => e.role === 'part');
    const points = item ? /(\d+(?:\.\d+)?)\s*分/u.exec(item.text)?.[1] : undefined;
    const number = item && points ? locateValue(rawText, item.evidence, new Decimal(points), doc) : null;
    if (!number || number.value.lt(1)) continue;
    const moved = shape === 'narrative_tiers' ? number.value.plus(1) : number.value.minus(1);
    edits.push({ shape, neutral: false, number, text: printLike(number, moved), rules: new Set([check.rule]) });
    edits.push({ shape, neutral: true, number, text: number.value.toFixed(number.decimals + 1), rules: new Set([check.rule]) });
  }
  return edits;
}

const GROUP_RULES: ReadonlySet<string> = new Set(['sum.breakdown']);

/** A table's group rows that hold (table-groups.ts), where two or more do: each group's amount doubled. */
function tableGroupEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const holding = checks.filter((c) => c.status === 'pass' && c.detail?.tableGroup === true);
  if (holding.length < 2) return [];
  const edits: ShapeEdit[] = [];
  const seen = new Set<number>();
  for (const check of holding) {
    const group = check.evidence.find((e) => e.role === 'total');
    const printed = group ? printedOf(group.text) : null;
    const number = group && printed && !printed.isZero() ? locateValue(rawText, group.evidence, printed, doc) : null;
    if (!number || seen.has(number.rawStart)) continue;
    seen.add(number.rawStart);
    edits.push({ shape: 'table_group', neutral: false, number, text: printLike(number, number.value.times(2)), rules: GROUP_RULES });
    // One more decimal narrows the group's interval: neutral only where its rows' printed amounts make it exactly.
    const parts = check.evidence.filter((e) => e.role === 'part').map((e) => printedOf(e.text) ?? new Decimal(NaN));
    if (parts.reduce((a, b) => a.plus(b), new Decimal(0)).eq(number.value))
      edits.push({ shape: 'table_group', neutral: true, number, text: printLike(number, number.value).replace(/(\.\d+)?$/u, (d) => (d ? `${d}0` : '.0')), rules: GROUP_RULES });
  }
  return edits;
}

const INDICATOR_RATE: ReadonlySet<string> = new Set(['indicator.execution_rate']);

/** A 预算执行率 row's 完成值 that holds with its form's money: moved 3 points up. */
function indicatorRateEdits(checks: readonly CheckResult[], rawText: string, doc: SourceDocument): ShapeEdit[] {
  const edits: ShapeEdit[] = [];
  for (const check of checks.filter((c) => c.rule === 'indicator.execution_rate' && c.status === 'pass')) {
    const actual = check.evidence.find((e) => e.role === 'actual');
    const printed = actual ? printedOf(actual.text) : null;
    const number = actual && printed ? locateValue(rawText, actual.evidence, printed, doc) : null;
    if (!number) continue;
    edits.push({ shape: 'indicator_rate', neutral: false, number, text: printLike(number, number.value.plus(3)), rules: INDICATOR_RATE });
    edits.push({ shape: 'indicator_rate', neutral: true, number, text: number.value.toFixed(number.decimals + 1), rules: INDICATOR_RATE });
  }
  return edits;
}

/** Every shape edit of one text, run through the pipeline. */
export async function mutateShapes(id: string, bytes: Uint8Array, analyze: AnalyzeFn): Promise<ShapeResult[]> {
  const fileName = `${id}.txt`;
  const base = await analyze(bytes, { fileName });
  const rawText = base.doc.rawText;
  const edits = [
    ...roundingTouchEdits(base.record.checks, base.record, rawText, base.doc),
    ...misgroupedEdits(base.record, rawText, base.doc),
    ...allocationEdits(base.record.checks, rawText, base.doc),
    ...tierEdits(base.record.checks, rawText, base.doc),
    ...narrativeEdits(base.record.checks, rawText, base.doc),
    ...rowPrecisionEdits(base.record.checks, base.record, rawText, base.doc),
    ...fundRowScoreEdits(base.record.checks, rawText, base.doc),
    ...scoresTotalEdits(base.record.checks, base.record, rawText, base.doc),
    ...rowsBudgetExecutionEdits(base.record.checks, base.record, rawText, base.doc),
    ...truncatedRateEdits(base.record.checks, base.record, rawText, base.doc),
    ...narrativeTierEdits(base.record.checks, rawText, base.doc),
    ...tableGroupEdits(base.record.checks, rawText, base.doc),
    ...indicatorRateEdits(base.record.checks, rawText, base.doc),
  ];
  const results: ShapeResult[] = [];
  for (const edit of edits) {
    const { number } = edit;
    const source = rawText.slice(0, number.rawStart) + edit.text + rawText.slice(number.rawEnd);
    const after = await analyze(Buffer.from(source, 'utf8'), { fileName });
    const citingAll = citing(after.record.checks, after.doc, number.rawStart, number.rawStart + edit.text.length);
    const cited = citingAll.filter((c) => edit.rules.has(c.rule));
    // A flagged shape is caught by its warning, and only while no check calls the figure wrong.
    const raised = edit.neutral
      ? cited.filter((c) => c.status === 'fail')
      : edit.flagged
        ? citingAll.some(isDefiniteFail) ? [] : cited.filter((c) => c.status === 'warn')
        : cited.filter(isDefiniteFail);
    results.push({
      id,
      shape: edit.shape,
      neutral: edit.neutral,
      from: number.text,
      to: edit.text,
      ok: edit.neutral ? raised.length === 0 : raised.length > 0,
      by: [...new Set(raised.map((c) => c.rule))],
    });
  }
  return results;
}

/** Per shape: slip edits caught of tried, neutral edits quiet of tried. */
export function tallyShapes(results: readonly ShapeResult[]): string[] {
  const shapes = [...new Set(results.map((r) => r.shape))].sort();
  return shapes.map((shape) => {
    const of = (neutral: boolean) => results.filter((r) => r.shape === shape && r.neutral === neutral);
    const ok = (rs: ShapeResult[]) => rs.filter((r) => r.ok).length;
    return `${shape}: slip edits caught ${ok(of(false))} of ${of(false).length}; neutral edits quiet ${ok(of(true))} of ${of(true).length}`;
  });
}
