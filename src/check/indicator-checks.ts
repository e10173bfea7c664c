/**
 * 自评表 scoring identities (财预〔2020〕10号): 得分 ≤ 分值 in every row, Σ 分值 = 100, Σ 得分 = 总分,
 * tier headings equal their rows, 预算执行率 得分 = min(执行率, 100%) × 分值, and the range and
 * plausibility of the total score.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, Indicator, ReportRecord } from '../schema/record.js';
import {
  capInterval,
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
import { evidenceOfFigure, evidenceOfSpan, makeResult, showInterval, type EvidenceEntry } from './result.js';

const POINTS_UNIT = '分';

/**
 * Points printed as whole numbers are taken as exact: forms assign 分值 and most 得分 in whole
 * points, and ±0.5 on each of twenty rows would make every sum hold. Points with decimals
 * (9.72, 33.33) were computed and rounded, so they keep their rounding interval.
 */
function pointsInterval(f: Figure): Interval {
  if (f.precision === 0 && f.approx === 'exact') return pointInterval(statedValueOf(f));
  return intervalOfFigure(f);
}

const TOTAL_ROW = /^\s*(合计|总计|总分|小计|总\s*分)/;

function isTotalRow(ind: Indicator): boolean {
  return TOTAL_ROW.test(ind.level1) || TOTAL_ROW.test(ind.level2) || TOTAL_ROW.test(ind.level3);
}

const BUDGET_EXECUTION = /执行率|预算执行/;

function isBudgetExecutionRow(ind: Indicator): boolean {
  return BUDGET_EXECUTION.test(ind.level3) || BUDGET_EXECUTION.test(ind.level2) || BUDGET_EXECUTION.test(ind.level1);
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

/** The rate printed in a row's 实际完成值 cell ("97.20%"), as a fraction interval. */
function parseRowRate(text: string): { interval: Interval; text: string } | null {
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

function checkScoresTotal(
  rows: readonly Indicator[],
  totalRow: Indicator | undefined,
  record: ReportRecord,
): CheckResult[] {
  const f = record.figures;
  const target = f.selfScore ?? totalRow?.score ?? null;
  const weighted = rows.filter((r) => r.weight || r.score);
  const scored = rows.filter((r) => r.score);
  if (!target || scored.length === 0) return [];
  if (weighted.some((r) => r.weight && !r.score)) {
    return [
      makeResult({
        rule: 'indicator.scores_total',
        status: 'not_applicable',
        unit: POINTS_UNIT,
        zh: `有 ${weighted.filter((r) => !r.score).length} 项指标未填得分，无法核对总分 ${target.text}`,
        en: `${weighted.filter((r) => !r.score).length} indicator rows have no score; the total ${target.text} cannot be checked`,
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

  if (intervalsMeet(sum.interval, actual)) {
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
  // The 预算执行率 score (10 × rate, capped) is often scored in the funds part, outside the indicator rows.
  if (!rows.some(isBudgetExecutionRow) && f.executionRate) {
    const implied = executionScoreOf(intervalOfFigure(f.executionRate, 0), pointInterval(10));
    const withExecution = sumIntervals([sum.interval, implied]);
    if (intervalsMeet(withExecution, actual)) {
      return [
        makeResult({
          rule: 'indicator.scores_total',
          status: 'pass',
          expected: withExecution,
          actual,
          unit: POINTS_UNIT,
          zh: `各指标得分合计 ${shownSum}加预算执行率得分（10 分 × ${f.executionRate.text}，区间 ${showInterval(implied, 2)}）与${targetName} ${shownTarget}一致`,
          en: `Indicator scores ${shownSumEn} plus the budget-execution score (10 × ${f.executionRate.text}, interval ${showInterval(implied, 2)}) are consistent with ${targetNameEn} ${shownTargetEn}`,
          evidence: [...evidence, evidenceOfFigure('rate', f.executionRate)],
          detail: { impliedBudgetExecutionScore: implied },
        }),
      ];
    }
  }
  return [
    makeResult({
      rule: 'indicator.scores_total',
      status: 'fail',
      expected: sum.interval,
      actual,
      unit: POINTS_UNIT,
      zh: `各指标得分合计 ${shownSum}与${targetName} ${shownTarget}不一致`,
      en: `Indicator scores add up to ${shownSumEn}, inconsistent with ${targetNameEn} ${shownTargetEn}`,
      evidence,
    }),
  ];
}

/** 预算执行率 得分 ≈ min(执行率, 100%) × 分值: only a warning when it differs, since forms use other rules. */
function checkBudgetExecutionScore(rows: readonly Indicator[], record: ReportRecord): CheckResult[] {
  const row = rows.find((r) => isBudgetExecutionRow(r) && r.weight && r.score);
  if (!row) return [];
  const rateFigure = record.figures.executionRate;
  const rowRate = rateFigure ? null : parseRowRate(row.actual);
  const rate = rateFigure ? intervalOfFigure(rateFigure, 0) : rowRate?.interval;
  if (!rate) return [];
  const rateText = rateFigure?.text ?? rowRate!.text;
  const weight = pointsInterval(row.weight!);
  const expected = executionScoreOf(rate, weight);
  const actual = pointsInterval(row.score!);
  const holds = intervalsMeet(expected, actual);
  const p = Math.max(2, row.score!.precision);
  const evidence = [
    ...rowEvidence(row),
    rateFigure ? evidenceOfFigure('rate', rateFigure) : evidenceOfSpan('rate', rateText, row.evidence),
  ];
  const head = `预算执行率指标：min(${rateText}, 100%) × 分值 ${row.weight!.text} = 区间 ${showInterval(expected, p)}`;
  const headEn = `Budget-execution indicator: min(${rateText}, 100%) × weight ${row.weight!.text} = interval ${showInterval(expected, p)}`;
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
      detail: { indicator: rowName(row) },
    }),
  ];
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

function checkSelfScoreRange(record: ReportRecord): CheckResult[] {
  const score = record.figures.selfScore;
  if (!score) return [];
  const actual = intervalOfFigure(score);
  const v = new Decimal(statedValueOf(score));
  const inRange = v.gte(0) && v.lte(100);
  return [
    makeResult({
      rule: 'self_score.range',
      status: inRange ? 'pass' : 'fail',
      expected: { lo: '0', hi: '100', loOpen: false, hiOpen: false },
      actual,
      unit: score.unit || POINTS_UNIT,
      zh: inRange ? `自评得分 ${score.text} 在 0–100 分之间` : `自评得分 ${score.text} 超出 0–100 分`,
      en: inRange ? `The self-evaluation score ${score.text} is within 0–100` : `The self-evaluation score ${score.text} is outside 0–100`,
      evidence: [evidenceOfFigure('score', score)],
    }),
  ];
}

function checkFullScoreWithFailures(rows: readonly Indicator[], record: ReportRecord): CheckResult[] {
  const score = record.figures.selfScore;
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

export function checkIndicators(record: ReportRecord): CheckResult[] {
  const all = record.figures.indicators;
  const totalRow = all.find(isTotalRow);
  const rows = all.filter((r) => !isTotalRow(r));
  return [
    ...checkSelfScoreRange(record),
    ...checkScoreWithinWeight(rows),
    ...checkWeightsTotal(rows, totalRow),
    ...checkTierTotals(rows),
    ...checkScoresTotal(rows, totalRow, record),
    ...checkBudgetExecutionScore(rows, record),
    ...checkFullScoreWithFailures(rows, record),
  ];
}
