/**
 * 自评表 scoring identities (财预〔2020〕10号): 得分 ≤ 分值 in every row, Σ 分值 = 100, Σ 得分 = 总分,
 * tier headings equal their rows, 预算执行率 得分 = min(执行率, 100%) × 分值, and the range and
 * plausibility of the total score.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, Indicator, ReportRecord } from '../schema/record.js';
import {
  capInterval,
  divideIntervals,
  intervalOfFigure,
  intervalsMeet,
  isIntervalAbove,
  isIntervalBelow,
  multiplyIntervals,
  pointInterval,
  statedValueOf,
  sumDecimals,
  sumIntervals,
  type Interval,
} from './interval.js';
import { checkIndicatorValueRange } from './indicator-range.js';
import { evidenceOfFigure, evidenceOfSpan, makeResult, showInterval, type EvidenceEntry } from './result.js';
import { SCORE_TOTAL_ROW_WORDS, SUBTOTAL_ROW_WORDS, TOTAL_ROW_WORDS, anyOf } from '../vocabulary/index.js';

const POINTS_UNIT = '分';

/**
 * Points printed as whole numbers are taken as exact: forms assign 分值 and most 得分 in whole
 * points, and ±0.5 on each of twenty rows would make every sum hold. Points with decimals
 * (9.72, 33.33) were computed and rounded, so they keep their rounding interval.
 */
export function pointsInterval(f: Figure): Interval {
  if (f.precision === 0 && f.approx === 'exact') return pointInterval(statedValueOf(f));
  return intervalOfFigure(f);
}

/** A total or subtotal row among indicator rows (合计, 总分, 小计, "总 分" …), by its leading word. */
const TOTAL_ROW = new RegExp(`^\\s*(?:${anyOf([...SCORE_TOTAL_ROW_WORDS, ...TOTAL_ROW_WORDS, ...SUBTOTAL_ROW_WORDS])}|总\\s*分)`, 'u');

function isTotalRow(ind: Indicator): boolean {
  return TOTAL_ROW.test(ind.level1) || TOTAL_ROW.test(ind.level2) || TOTAL_ROW.test(ind.level3);
}

/** 预算执行率, 预算资金执行率, 预算完成率, 资金支付率, a bare 执行率 — not 政府采购执行率. */
const BUDGET_EXECUTION_ROW = /预算(资金)?(执行|完成)率?|资金(执行|支付|使用)率|^\s*执行率\s*$/;
const BUDGET_EXECUTION_HEADING = /预算执行/;

function isBudgetExecutionRow(ind: Indicator): boolean {
  return (
    BUDGET_EXECUTION_ROW.test(ind.level3) || BUDGET_EXECUTION_HEADING.test(ind.level2) || BUDGET_EXECUTION_HEADING.test(ind.level1)
  );
}

function rowName(ind: Indicator): string {
  return ind.level3.trim() || ind.level2.trim() || ind.level1.trim();
}

function rowEvidence(ind: Indicator): EvidenceEntry[] {
  const out: EvidenceEntry[] = [];
  if (ind.weight) out.push(evidenceOfFigure('weight', ind.weight));
  if (ind.score) out.push(evidenceOfFigure('score', ind.score));
  if (out.length === 0) out.push(evidenceOfSpan('indicator', rowName(ind), ind.evidence));
  return out;
}

function pointsSum(figures: readonly Figure[]): { interval: Interval; point: string; precision: number } {
  return {
    interval: sumIntervals(figures.map(pointsInterval)),
    point: sumDecimals(figures.map((f) => statedValueOf(f))),
    precision: Math.max(0, ...figures.map((f) => f.precision)),
  };
}

function show(point: string, precision: number): string {
  return new Decimal(point).toFixed(Math.min(precision, 6));
}

function checkScoreWithinWeight(rows: readonly Indicator[]): CheckResult[] {
  const scored = rows.filter((r) => r.weight && r.score);
  if (scored.length === 0) return [];
  const results: CheckResult[] = [];
  for (const r of scored) {
    const weight = pointsInterval(r.weight!);
    const score = pointsInterval(r.score!);
    if (!isIntervalAbove(score, weight)) continue;
    results.push(
      makeResult({
        rule: 'indicator.score_within_weight',
        status: 'fail',
        expected: weight,
        actual: score,
        unit: POINTS_UNIT,
        zh: `指标「${rowName(r)}」得分 ${r.score!.text} 超过分值 ${r.weight!.text}`,
        en: `Indicator "${rowName(r)}" scores ${r.score!.text}, more than its weight ${r.weight!.text}`,
        evidence: rowEvidence(r),
        detail: { indicator: rowName(r) },
      }),
    );
  }
  if (results.length === 0) {
    results.push(
      makeResult({
        rule: 'indicator.score_within_weight',
        status: 'pass',
        unit: POINTS_UNIT,
        zh: `全部 ${scored.length} 项指标得分均不超过分值`,
        en: `All ${scored.length} indicator scores are within their weights`,
        evidence: scored.flatMap(rowEvidence),
        detail: { rows: scored.length },
      }),
    );
  }
  return results;
}

function checkWeightsTotal(rows: readonly Indicator[], totalRow: Indicator | undefined): CheckResult[] {
  const weighted = rows.filter((r) => r.weight);
  if (weighted.length === 0) return [];
  const weights = weighted.map((r) => r.weight!);
  const sum = pointsSum(weights);
  const evidence = weighted.flatMap((r) => [evidenceOfFigure('part', r.weight!)]);
  const shownSum = `${show(sum.point, sum.precision)}分（区间 ${showInterval(sum.interval, sum.precision)}）`;
  const shownSumEn = `${show(sum.point, sum.precision)} points (interval ${showInterval(sum.interval, sum.precision)})`;

  if (totalRow?.weight) {
    const actual = pointsInterval(totalRow.weight);
    const holds = intervalsMeet(sum.interval, actual);
    return [
      makeResult({
        rule: 'indicator.weights_total',
        status: holds ? 'pass' : 'fail',
        expected: sum.interval,
        actual,
        unit: POINTS_UNIT,
        zh: `各指标分值合计 ${shownSum}与合计行 ${totalRow.weight.text}${holds ? '一致' : '不一致'}`,
        en: `Indicator weights add up to ${shownSumEn}, ${holds ? 'consistent' : 'inconsistent'} with the total row ${totalRow.weight.text}`,
        evidence: [evidenceOfFigure('total', totalRow.weight), ...evidence],
        detail: { target: statedValueOf(totalRow.weight), source: 'total_row' },
      }),
    ];
  }

  // Where the 预算执行率 row (usually 10 分) sits in the funds part of the form, the indicator part totals 90.
  const hasExecutionRow = rows.some(isBudgetExecutionRow);
  const targets = hasExecutionRow ? ['100'] : ['100', '90'];
  const target = targets.find((t) => intervalsMeet(sum.interval, pointInterval(t)));
  if (target !== undefined) {
    return [
      makeResult({
        rule: 'indicator.weights_total',
        status: 'pass',
        expected: sum.interval,
        actual: pointInterval(target),
        unit: POINTS_UNIT,
        zh: `各指标分值合计 ${shownSum}与满分 ${target} 分一致${target === '90' ? '（预算执行率 10 分另计）' : ''}`,
        en: `Indicator weights add up to ${shownSumEn}, consistent with the full ${target} points${target === '90' ? ' (the 10-point budget-execution row is counted separately)' : ''}`,
        evidence,
        detail: { target },
      }),
    ];
  }
  // Above 100 can never be right; below it, rows may simply not have been extracted.
  const over = isIntervalAbove(sum.interval, pointInterval('100'));
  const missing = rows.length > weighted.length;
  return [
    makeResult({
      rule: 'indicator.weights_total',
      status: over ? 'fail' : 'warn',
      expected: sum.interval,
      actual: pointInterval('100'),
      unit: POINTS_UNIT,
      zh: `各指标分值合计 ${shownSum}，不等于 100 分${missing ? '（部分指标未取得分值）' : ''}`,
      en: `Indicator weights add up to ${shownSumEn}, not 100${missing ? ' (some rows have no weight)' : ''}`,
      evidence,
      detail: { target: '100', rowsWithoutWeight: rows.length - weighted.length },
    }),
  ];
}

/** min(执行率, 100%) × 分值 for the 预算执行率 row, from the record's rate or the row's own 实际完成值. */
function executionScoreOf(rate: Interval, weight: Interval): Interval {
  return multiplyIntervals(capInterval(rate, 1), weight);
}

/** A percentage in a cell ("≥90%", "97.20%"), as a fraction interval at its printed precision. */
function parsePercent(text: string): { interval: Interval; text: string } | null {
  const m = /(\d+(?:\.(\d+))?)\s*[%％]/.exec(text);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  const half = new Decimal(5).times(new Decimal(10).pow(-decimals - 1));
  const v = new Decimal(m[1]!);
  return {
    interval: {
      lo: v.minus(half).div(100).toString(),
      hi: v.plus(half).div(100).toString(),
      loOpen: false,
      hiOpen: false,
    },
    text: m[0],
  };
}

/**
 * Whether the indicator rows look complete: their weights add up to the form's total (a 合计 row,
 * 100, or 90 when the 预算执行率 part is scored outside the rows). Only then can a wrong Σ 得分 be
 * blamed on the report rather than on rows the extractor did not find.
 */
function weightsComplete(rows: readonly Indicator[], totalRow: Indicator | undefined): { complete: boolean; sum: Interval | null } {
  if (rows.length === 0 || rows.some((r) => !r.weight)) return { complete: false, sum: null };
  const sum = sumIntervals(rows.map((r) => pointsInterval(r.weight!)));
  if (totalRow?.weight) return { complete: intervalsMeet(sum, pointsInterval(totalRow.weight)), sum };
  const targets = rows.some(isBudgetExecutionRow) ? ['100'] : ['100', '90'];
  return { complete: targets.some((t) => intervalsMeet(sum, pointInterval(t))), sum };
}

/** The 预算执行率 rate as a fraction: stated, or 执行数 / 预算数 when the form left the cell blank. */
function budgetExecutionRate(f: IndicatorSubject): { rate: Interval; text: string; figures: Figure[] } | null {
  if (f.executionRate) return { rate: intervalOfFigure(f.executionRate, 0), text: f.executionRate.text, figures: [f.executionRate] };
  if (!f.execution || !f.budget) return null;
  const rate = divideIntervals(intervalOfFigure(f.execution, f.budget.scale), intervalOfFigure(f.budget));
  if (!rate) return null;
  return { rate, text: `${f.execution.text}/${f.budget.text}`, figures: [f.execution, f.budget] };
}

function checkScoresTotal(
  rows: readonly Indicator[],
  totalRow: Indicator | undefined,
  f: IndicatorSubject,
): CheckResult[] {
  const target = f.selfScore ?? totalRow?.score ?? null;
  const scored = rows.filter((r) => r.score);
  if (!target || scored.length === 0) return [];
  const unscored = rows.filter((r) => r.weight && !r.score);
  if (unscored.length > 0) {
    return [
      makeResult({
        rule: 'indicator.scores_total',
        status: 'not_applicable',
        unit: POINTS_UNIT,
        zh: `有 ${unscored.length} 项指标未填得分，无法核对总分 ${target.text}`,
        en: `${unscored.length} indicator rows have no score; the total ${target.text} cannot be checked`,
        evidence: [evidenceOfFigure('total', target)],
      }),
    ];
  }
  const scores = scored.map((r) => r.score!);
  const sum = pointsSum(scores);
  const actual = pointsInterval(target);
  const evidence = [evidenceOfFigure('total', target), ...scores.map((s) => evidenceOfFigure('part', s))];
  const p = Math.max(sum.precision, target.precision);
  const shownSum = `${show(sum.point, sum.precision)}分（区间 ${showInterval(sum.interval, p)}）`;
  const shownSumEn = `${show(sum.point, sum.precision)} points (interval ${showInterval(sum.interval, p)})`;
  const targetName = f.selfScore ? '自评得分' : '合计得分';
  const targetNameEn = f.selfScore ? 'the self-evaluation score' : 'the total row';
  const shownTarget = `${target.text}（区间 ${showInterval(actual, p)}）`;
  const shownTargetEn = `${target.text} (interval ${showInterval(actual, p)})`;

  const completeness = weightsComplete(rows, totalRow);
  // The 预算执行率 score (rate × its weight, capped) is often scored in the funds part, outside the
  // rows: its weight is what the rows leave of 100 (10 on the national form).
  const execution = rows.some(isBudgetExecutionRow) ? null : budgetExecutionRate(f);
  const impliedExecution = (() => {
    if (!execution) return null;
    const rest = completeness.sum && completeness.complete ? new Decimal(100).minus(completeness.sum.lo) : new Decimal(10);
    const weight = rest.gt(0) && rest.lte(20) ? rest.toString() : '10';
    return { weight, score: executionScoreOf(execution.rate, pointInterval(weight)), text: execution.text, figures: execution.figures };
  })();

  if (intervalsMeet(sum.interval, actual)) {
    // Rows weighing 90 whose scores alone make the total: the total leaves out the 预算执行 part,
    // whose score the stated rate makes clearly positive.
    const rowsWeigh90 = !totalRow?.weight && completeness.complete && completeness.sum !== null && intervalsMeet(completeness.sum, pointInterval('90'));
    if (rowsWeigh90 && impliedExecution && isIntervalAbove(impliedExecution.score, pointInterval('0.5'))) {
      const withExecution = sumIntervals([sum.interval, impliedExecution.score]);
      return [
        makeResult({
          rule: 'indicator.scores_total',
          status: 'fail',
          expected: withExecution,
          actual,
          unit: POINTS_UNIT,
          zh: `各指标（分值合计 90 分）得分合计 ${shownSum}即为${targetName} ${shownTarget}：总分漏计预算执行率得分（${impliedExecution.weight} 分 × ${impliedExecution.text}，区间 ${showInterval(impliedExecution.score, 2)}）`,
          en: `Indicator scores (weights totalling 90) add up to ${shownSumEn}, which is ${targetNameEn} ${shownTargetEn} itself: the total leaves out the budget-execution score (${impliedExecution.weight} × ${impliedExecution.text}, interval ${showInterval(impliedExecution.score, 2)})`,
          evidence: [...evidence, ...impliedExecution.figures.map((x) => evidenceOfFigure('rate', x))],
          detail: { leavesOutBudgetExecution: true, impliedBudgetExecutionScore: impliedExecution.score, impliedBudgetExecutionWeight: impliedExecution.weight },
        }),
      ];
    }
    return [
      makeResult({
        rule: 'indicator.scores_total',
        status: 'pass',
        expected: sum.interval,
        actual,
        unit: POINTS_UNIT,
        zh: `各指标得分合计 ${shownSum}与${targetName} ${shownTarget}一致`,
        en: `Indicator scores add up to ${shownSumEn}, consistent with ${targetNameEn} ${shownTargetEn}`,
        evidence,
      }),
    ];
  }
  if (impliedExecution) {
    const { weight, score: implied } = impliedExecution;
    const execution = impliedExecution;
    const withExecution = sumIntervals([sum.interval, implied]);
    if (intervalsMeet(withExecution, actual)) {
      return [
        makeResult({
          rule: 'indicator.scores_total',
          status: 'pass',
          expected: withExecution,
          actual,
          unit: POINTS_UNIT,
          zh: `各指标得分合计 ${shownSum}加预算执行率得分（${weight} 分 × ${execution.text}，区间 ${showInterval(implied, 2)}）与${targetName} ${shownTarget}一致`,
          en: `Indicator scores ${shownSumEn} plus the budget-execution score (${weight} × ${execution.text}, interval ${showInterval(implied, 2)}) are consistent with ${targetNameEn} ${shownTargetEn}`,
          evidence: [...evidence, ...execution.figures.map((x) => evidenceOfFigure('rate', x))],
          detail: { impliedBudgetExecutionScore: implied, impliedBudgetExecutionWeight: weight },
        }),
      ];
    }
  }
  // Rows whose weights do not add up to the form's total are probably not all there.
  const complete = completeness.complete;
  return [
    makeResult({
      rule: 'indicator.scores_total',
      status: complete ? 'fail' : 'warn',
      expected: sum.interval,
      actual,
      unit: POINTS_UNIT,
      zh: `各指标得分合计 ${shownSum}与${targetName} ${shownTarget}不一致${complete ? '' : '（指标行可能不全）'}`,
      en: `Indicator scores add up to ${shownSumEn}, inconsistent with ${targetNameEn} ${shownTargetEn}${complete ? '' : ' (rows may be missing)'}`,
      evidence,
      detail: { rowsComplete: complete },
    }),
  ];
}

/**
 * 预算执行率 得分 ≈ min(执行率, 100%) × 分值, or, where the row has a target (≥90%), the
 * quantitative rule: full points when the target is met, else 分值 × 完成值 / 指标值. Only a
 * warning when neither holds, since forms score differently.
 */
function checkBudgetExecutionScore(rows: readonly Indicator[], f: IndicatorSubject): CheckResult[] {
  const row = rows.find((r) => isBudgetExecutionRow(r) && r.weight && r.score);
  if (!row) return [];
  const rateFigure = f.executionRate;
  const rowRate = parsePercent(row.actual);
  const rate = rowRate?.interval ?? (rateFigure ? intervalOfFigure(rateFigure, 0) : undefined);
  if (!rate) return [];
  const rateText = rowRate?.text ?? rateFigure!.text;
  const weight = pointsInterval(row.weight!);
  const proportional = executionScoreOf(rate, weight);
  const targetRate = parsePercent(row.target);
  const byTarget = targetRate ? targetScoreOf(rate, targetRate.interval, weight) : null;
  const actual = pointsInterval(row.score!);
  const holdsProportional = intervalsMeet(proportional, actual);
  const holdsTarget = byTarget !== null && intervalsMeet(byTarget, actual);
  const holds = holdsProportional || holdsTarget;
  const expected = holdsTarget && !holdsProportional ? byTarget! : proportional;
  const p = Math.max(2, row.score!.precision);
  const evidence = [
    ...rowEvidence(row),
    rowRate || !rateFigure ? evidenceOfSpan('rate', rateText, row.evidence) : evidenceOfFigure('rate', rateFigure),
  ];
  const head =
    expected === byTarget
      ? `预算执行率指标：完成值 ${rateText} 对指标值 ${targetRate!.text}，分值 ${row.weight!.text} → 区间 ${showInterval(expected, p)}`
      : `预算执行率指标：min(${rateText}, 100%) × 分值 ${row.weight!.text} = 区间 ${showInterval(expected, p)}`;
  const headEn =
    expected === byTarget
      ? `Budget-execution indicator: ${rateText} achieved against the target ${targetRate!.text}, weight ${row.weight!.text} → interval ${showInterval(expected, p)}`
      : `Budget-execution indicator: min(${rateText}, 100%) × weight ${row.weight!.text} = interval ${showInterval(expected, p)}`;
  return [
    makeResult({
      rule: 'indicator.budget_execution_score',
      status: holds ? 'pass' : 'warn',
      expected,
      actual,
      unit: POINTS_UNIT,
      zh: `${head}，与所报得分 ${row.score!.text}（区间 ${showInterval(actual, p)}）${holds ? '一致' : '不一致（评分规则可能不同）'}`,
      en: `${headEn}, ${holds ? 'consistent' : 'inconsistent (the form may score differently)'} with the stated score ${row.score!.text} (interval ${showInterval(actual, p)})`,
      evidence,
      detail: { indicator: rowName(row), rule: expected === byTarget ? 'target' : 'proportional' },
    }),
  ];
}

/** A 实际完成值 that states one exact percent ("98%", "=98%"): no comparator, no approximation. */
const EXACT_PERCENT = /^[=＝]?\s*\d+(?:\.\d+)?\s*[%％]$/u;

/**
 * The 预算执行率 row's 实际完成值 is the subject's own execution rate (narrative against form, issue 16:
 * t765 prints 98% where 实际支付数 2798.30 ÷ 财政拨款数 2960.00 = 94.54%): 执行数 ÷ 预算数 (or the stated
 * 执行率) must meet the printed percent. A row the record made from the money block (no 指标值, the
 * rate's own text) says nothing; nor does 100% printed for a rate above it (a 完成值 may be capped).
 * `definite` on a form (one table's own money), `possible` against the record's headline figures.
 */
function checkBudgetExecutionValue(rows: readonly Indicator[], f: IndicatorSubject): CheckResult[] {
  const rate = budgetExecutionRate(f);
  if (!rate) return [];
  const results: CheckResult[] = [];
  for (const row of rows) {
    if (!BUDGET_EXECUTION_ROW.test(row.level3) || !EXACT_PERCENT.test(row.actual.trim())) continue;
    if (row.target.trim() === '' && row.actual === rate.text) continue;
    const printed = parsePercent(row.actual)!;
    const holds = intervalsMeet(printed.interval, rate.rate);
    if (!holds && new Decimal(printed.interval.lo).lte(1) && new Decimal(printed.interval.hi).gte(1) && new Decimal(rate.rate.lo).gt(1)) continue;
    results.push(
      makeResult({
        rule: 'indicator.execution_rate',
        status: holds ? 'pass' : 'fail',
        certainty: f.ownMoney ? 'definite' : 'possible',
        expected: rate.rate,
        actual: printed.interval,
        unit: '',
        zh: `预算执行率指标完成值 ${printed.text}（区间 ${showInterval(printed.interval, 6)}）与执行率 ${rate.text}（区间 ${showInterval(rate.rate, 6)}）${holds ? '一致' : '不一致'}`,
        en: `The budget-execution indicator's achieved ${printed.text} (interval ${showInterval(printed.interval, 6)}) ${holds ? 'agrees with' : 'disagrees with'} the execution rate ${rate.text} (interval ${showInterval(rate.rate, 6)})`,
        evidence: [evidenceOfSpan('actual', printed.text, row.evidence), ...rate.figures.map((x) => evidenceOfFigure(x === f.budget ? 'denominator' : 'numerator', x))],
        detail: { indicator: rowName(row) },
      }),
    );
  }
  return results;
}

/** Quantitative indicator scoring: min(完成值 / 指标值, 1) × 分值. */
function targetScoreOf(achieved: Interval, target: Interval, weight: Interval): Interval | null {
  const ratio = divideIntervals(achieved, target);
  return ratio ? multiplyIntervals(capInterval(ratio, 1), weight) : null;
}

const TIER_POINTS = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/** 一级 headings that carry points (产出指标(50分)) must equal the sum of their rows' 分值. */
function checkTierTotals(rows: readonly Indicator[]): CheckResult[] {
  const tiers = new Map<string, Indicator[]>();
  for (const r of rows) {
    if (!TIER_POINTS.test(r.level1)) continue;
    const key = r.level1.replace(/\s+/g, '');
    const list = tiers.get(key);
    if (list) list.push(r);
    else tiers.set(key, [r]);
  }
  const results: CheckResult[] = [];
  for (const [tier, members] of tiers) {
    if (members.some((m) => !m.weight)) continue;
    const stated = TIER_POINTS.exec(tier)![1]!;
    const sum = pointsSum(members.map((m) => m.weight!));
    const actual = pointInterval(stated);
    const holds = intervalsMeet(sum.interval, actual);
    const shown = `${show(sum.point, sum.precision)}分（区间 ${showInterval(sum.interval, sum.precision)}）`;
    results.push(
      makeResult({
        rule: 'indicator.tier_total',
        status: holds ? 'pass' : 'fail',
        expected: sum.interval,
        actual,
        unit: POINTS_UNIT,
        zh: `「${tier}」下各指标分值合计 ${shown}与标题所列 ${stated} 分${holds ? '一致' : '不一致'}`,
        en: `Weights under "${tier}" add up to ${show(sum.point, sum.precision)} points, ${holds ? 'consistent' : 'inconsistent'} with the ${stated} points in its heading`,
        evidence: [
          evidenceOfSpan('total', tier, members[0]!.evidence),
          ...members.map((m) => evidenceOfFigure('part', m.weight!)),
        ],
        detail: { tier },
      }),
    );
  }
  return results;
}

/** Points a scheme's bonus items (加分项) usually add at most: 5 or 10 on top of 100. */
const BONUS_ALLOWANCE = 10;

/**
 * The self-score lies in 0–100. Bonus items (加分项) of many local schemes lift a real score a little
 * past 100 (t200: 自评得分102.964分 for 衔接资金, labelled clean): a score within BONUS_ALLOWANCE of 100
 * is a warning to look at, not a failure, since nothing shows it wrong; beyond it (the seed edit's
 * 191.28) or below 0 no scheme reaches, a definite failure.
 */
function checkSelfScoreRange(f: IndicatorSubject): CheckResult[] {
  const score = f.selfScore;
  if (!score) return [];
  const actual = intervalOfFigure(score);
  const v = new Decimal(statedValueOf(score));
  const inRange = v.gte(0) && v.lte(100);
  const bonus = v.gt(100) && v.lte(100 + BONUS_ALLOWANCE);
  return [
    makeResult({
      rule: 'self_score.range',
      status: inRange ? 'pass' : bonus ? 'warn' : 'fail',
      expected: { lo: '0', hi: '100', loOpen: false, hiOpen: false },
      actual,
      unit: score.unit || POINTS_UNIT,
      zh: inRange
        ? `自评得分 ${score.text} 在 0–100 分之间`
        : bonus
          ? `自评得分 ${score.text} 超过 100 分，在加分项可及的 ${100 + BONUS_ALLOWANCE} 分以内：请核对是否含加分`
          : `自评得分 ${score.text} 超出 0–100 分`,
      en: inRange
        ? `The self-evaluation score ${score.text} is within 0–100`
        : bonus
          ? `The self-evaluation score ${score.text} is above 100, within the ${100 + BONUS_ALLOWANCE} that bonus items (加分项) reach: check for bonus points`
          : `The self-evaluation score ${score.text} is outside 0–100`,
      evidence: [evidenceOfFigure('score', score)],
      ...(bonus ? { detail: { bonusAllowance: BONUS_ALLOWANCE } } : {}),
    }),
  ];
}

function checkFullScoreWithFailures(rows: readonly Indicator[], f: IndicatorSubject): CheckResult[] {
  const score = f.selfScore;
  if (!score || !new Decimal(statedValueOf(score)).eq(100)) return [];
  const scored = rows.filter((r) => r.weight && r.score);
  if (scored.length === 0) return [];
  const short = scored.filter((r) => isIntervalBelow(pointsInterval(r.score!), pointsInterval(r.weight!)));
  return [
    makeResult({
      rule: 'plausibility.full_score_with_failures',
      status: short.length > 0 ? 'warn' : 'pass',
      unit: POINTS_UNIT,
      actual: intervalOfFigure(score),
      zh:
        short.length > 0
          ? `自评满分 ${score.text}，但有 ${short.length} 项指标未得满分：${short.map(rowName).join('、')}`
          : `自评满分 ${score.text}，各指标均得满分`,
      en:
        short.length > 0
          ? `A full self-evaluation score ${score.text}, yet ${short.length} indicators score below their weight: ${short.map(rowName).join(', ')}`
          : `A full self-evaluation score ${score.text}, and every indicator scores its full weight`,
      evidence: [evidenceOfFigure('score', score), ...short.flatMap(rowEvidence)],
      detail: { indicators: short.map(rowName) },
    }),
  ];
}

/**
 * What the indicator rules read: one table's rows and the figures they are scored against — the
 * record's headline, or one form's own (form-checks.ts runs these per form).
 */
export interface IndicatorSubject {
  indicators: readonly Indicator[];
  /** The score the rows add up to: the record's 自评得分 or the form's 总分. */
  selfScore: Figure | null;
  executionRate: Figure | null;
  execution: Figure | null;
  budget: Figure | null;
  /** The figures are the rows' own table's (a form's money block), not the record's headline. */
  ownMoney?: boolean;
}

/** Every indicator rule over one subject's rows. */
export function checkIndicatorSet(f: IndicatorSubject): CheckResult[] {
  const all = f.indicators;
  const totalRow = all.find(isTotalRow);
  const rows = all.filter((r) => !isTotalRow(r));
  return [
    ...checkSelfScoreRange(f),
    ...checkScoreWithinWeight(rows),
    ...checkWeightsTotal(rows, totalRow),
    ...checkTierTotals(rows),
    ...checkScoresTotal(rows, totalRow, f),
    ...checkBudgetExecutionScore(rows, f),
    ...checkBudgetExecutionValue(rows, f),
    ...checkFullScoreWithFailures(rows, f),
    ...checkIndicatorValueRange(rows),
  ];
}

export function checkIndicators(record: ReportRecord): CheckResult[] {
  return checkIndicatorSet(record.figures);
}
