/**
 * 执行率 checks: the stated rate against 执行数 / 预算数 by interval division, with the 年初预算
 * fallback (templates differ on the denominator), 元/万元 slips, and the plausibility warnings
 * (执行数 above 预算数, rate above 100%).
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Figure, Interval, Project, ReportRecord } from '../schema/record.js';
import {
  cellsAtRowPrecision,
  divideIntervals,
  intervalOfFigure,
  intervalOfPrintedRate,
  intervalsMeet,
  isIntervalAbove,
  ratioPoint,
  scaleInterval,
  statedValueOf,
  truncationIntervalOf,
} from './interval.js';
import { evidenceOfFigure, makeResult, showInterval, showValue, type Certainty, type EvidenceEntry } from './result.js';
import { tiedCandidates } from './role-ties.js';
import { findUnitSlip, UNIT_SLIP_FACTOR } from './unit-slip.js';

export type Denominator = 'budget' | 'budgetInitial';

const DENOMINATOR_ZH: Record<Denominator, string> = { budget: '预算数', budgetInitial: '年初预算数' };
const DENOMINATOR_EN: Record<Denominator, string> = { budget: 'budget', budgetInitial: 'initial budget' };

export interface RateInputs {
  rule: string;
  rate: Figure | null;
  execution: Figure | null;
  budget: Figure | null;
  budgetInitial: Figure | null | undefined;
  /** Set for per-project checks. */
  project?: string;
  /**
   * The amount cells (年初预算数, 全年预算数, 全年执行数) of the one printed row the rate, execution and
   * budget are cells of, when they surely are one row: its integer cells are read at its precision.
   */
  row?: readonly Figure[];
}

interface RateCandidate {
  denominator: Denominator;
  figure: Figure;
  expected: Interval;
  /** Point value of 执行数 / 预算数 in the rate's unit, for the message. */
  point: string;
}

function subjectZh(project: string | undefined): string {
  return project === undefined ? '执行率' : `项目「${project}」执行率`;
}

function subjectEn(project: string | undefined): string {
  return project === undefined ? 'Execution rate' : `Execution rate of project "${project}"`;
}

/** 执行数 / 预算数 in the rate's own unit, or null when the denominator may be zero. */
function computeRate(execution: Figure, denominator: Figure, rate: Figure): { expected: Interval; point: string } | null {
  const numerator = intervalOfFigure(execution, denominator.scale);
  const ratio = divideIntervals(numerator, intervalOfFigure(denominator));
  if (ratio === null) return null;
  // (as a string, so that the BigInt path of scaleInterval takes it; % is "100", without decimal.js's pow)
  const toRateUnit = Number.isInteger(rate.scale) && rate.scale <= 0 ? `1${'0'.repeat(-rate.scale)}` : new Decimal(10).pow(-rate.scale).toString();
  const point = ratioPoint(statedValueOf(execution, denominator.scale), statedValueOf(denominator), rate.scale);
  return { expected: scaleInterval(ratio, toRateUnit), point };
}

function describe(c: RateCandidate, execution: Figure, rate: Figure): { zh: string; en: string } {
  const shown = `${showValue(c.point, rate.precision)}${rate.unit}`;
  const iv = showInterval(c.expected, rate.precision);
  return {
    zh: `执行数 ${execution.text} ÷ ${DENOMINATOR_ZH[c.denominator]} ${c.figure.text} = ${shown}（区间 ${iv}）`,
    en: `execution ${execution.text} ÷ ${DENOMINATOR_EN[c.denominator]} ${c.figure.text} = ${shown} (interval ${iv})`,
  };
}

export function checkRate(inputs: RateInputs): CheckResult[] {
  const { rate, execution } = inputs;
  if (!rate || !execution) return [];
  const denominators: { denominator: Denominator; figure: Figure | null | undefined }[] = [
    { denominator: 'budget', figure: inputs.budget },
    { denominator: 'budgetInitial', figure: inputs.budgetInitial },
  ];
  const stated = denominators.filter((d): d is { denominator: Denominator; figure: Figure } => !!d.figure);
  if (stated.length === 0) return [];

  const actual = intervalOfPrintedRate(rate);
  const actualShown = showInterval(actual, rate.precision);
  const base = { unit: rate.unit, actual };
  const projectDetail = inputs.project === undefined ? {} : { project: inputs.project };
  const evidence = (c?: RateCandidate): EvidenceEntry[] => [
    evidenceOfFigure('rate', rate),
    evidenceOfFigure('numerator', execution),
    ...(c ? [evidenceOfFigure('denominator', c.figure)] : stated.map((d) => evidenceOfFigure('denominator', d.figure))),
  ];

  const candidates: RateCandidate[] = [];
  for (const d of stated) {
    const computed = computeRate(execution, d.figure, rate);
    if (computed) candidates.push({ denominator: d.denominator, figure: d.figure, ...computed });
  }
  if (candidates.length === 0) {
    return [
      makeResult({
        rule: inputs.rule,
        status: 'not_applicable',
        ...base,
        zh: `${subjectZh(inputs.project)}：预算数为 0 或可能为 0，无法由执行数计算执行率（所报 ${rate.text}）`,
        en: `${subjectEn(inputs.project)}: the budget is (or may be) zero, so the stated ${rate.text} cannot be recomputed`,
        evidence: evidence(),
        detail: { ...projectDetail },
      }),
    ];
  }

  const holding = candidates.find((c) => intervalsMeet(c.expected, actual));
  const rowSlip = holding ? checkRowPrecision(inputs, rate, execution, stated) : null;
  if (rowSlip) return [rowSlip];
  if (holding) {
    const d = describe(holding, execution, rate);
    return [
      makeResult({
        rule: inputs.rule,
        status: 'pass',
        ...base,
        expected: holding.expected,
        zh: `${subjectZh(inputs.project)}：${d.zh}与所报 ${rate.text}（区间 ${actualShown}）一致`,
        en: `${subjectEn(inputs.project)}: ${d.en} is consistent with the stated ${rate.text} (interval ${actualShown})`,
        evidence: evidence(holding),
        // `row`: the cells were read as one printed row (checkRowPrecision found them consistent).
        detail: { ...projectDetail, denominator: holding.denominator, ...(inputs.row ? { row: true } : {}) },
      }),
    ];
  }

  for (const c of candidates) {
    const slip = findUnitSlip(c.expected, actual);
    if (!slip) continue;
    const d = describe(c, execution, rate);
    const adjustedShown = showInterval(slip.adjusted, rate.precision);
    const op = slip.adjustment === 'multiply' ? '×' : '÷';
    return [
      makeResult({
        rule: 'unit_slip',
        status: 'fail',
        ...base,
        expected: c.expected,
        zh: `${subjectZh(inputs.project)}：${d.zh}与所报 ${rate.text}（区间 ${actualShown}）不一致，${op}${UNIT_SLIP_FACTOR} 后（区间 ${adjustedShown}）一致：疑似元/万元单位错误`,
        en: `${subjectEn(inputs.project)}: ${d.en} disagrees with the stated ${rate.text} (interval ${actualShown}) but agrees after ${op}${UNIT_SLIP_FACTOR} (interval ${adjustedShown}): probable 元/万元 unit error`,
        evidence: evidence(c),
        detail: {
          ...projectDetail,
          factor: UNIT_SLIP_FACTOR,
          relation: inputs.rule,
          denominator: c.denominator,
          adjustment: slip.adjustment,
          adjustedExpected: slip.adjusted,
        },
      }),
    ];
  }

  // Printed digits cut off rather than rounded (99.96% printed as 99.9%): its own, lesser finding.
  if (rate.approx === 'exact' && new Decimal(rate.exact).gte(0)) {
    const cut = truncationIntervalOf(rate);
    const truncated = candidates.find((c) => intervalsMeet(c.expected, cut));
    if (truncated) {
      const d = describe(truncated, execution, rate);
      return [
        makeResult({
          rule: 'rate.truncated',
          status: 'warn',
          ...base,
          expected: truncated.expected,
          zh: `${subjectZh(inputs.project)}：${d.zh}，所报 ${rate.text} 系截断而非四舍五入（截断区间 ${showInterval(cut, rate.precision)}）`,
          en: `${subjectEn(inputs.project)}: ${d.en}; the stated ${rate.text} was truncated, not rounded (truncation interval ${showInterval(cut, rate.precision)})`,
          evidence: evidence(truncated),
          detail: { ...projectDetail, denominator: truncated.denominator, relation: inputs.rule, truncated: cut },
        }),
      ];
    }
  }

  const [first, ...others] = candidates as [RateCandidate, ...RateCandidate[]];
  const d = describe(first, execution, rate);
  const alsoZh = others.map((c) => `；按${describe(c, execution, rate).zh}亦不一致`).join('');
  const alsoEn = others.map((c) => `; by ${describe(c, execution, rate).en} it does not hold either`).join('');
  return [
    makeResult({
      rule: inputs.rule,
      status: 'fail',
      ...base,
      expected: first.expected,
      zh: `${subjectZh(inputs.project)}：${d.zh}与所报 ${rate.text}（区间 ${actualShown}）不一致${alsoZh}`,
      en: `${subjectEn(inputs.project)}: ${d.en} disagrees with the stated ${rate.text} (interval ${actualShown})${alsoEn}`,
      evidence: evidence(),
      detail: { ...projectDetail, denominator: first.denominator, tried: candidates.map((c) => c.denominator) },
    }),
  ];
}

/** Decimals of a figure in its stated unit ("47.68" → 2, "50" → 0). */
function decimalsOf(f: Figure): number {
  return Math.max(0, f.precision);
}

/** Decimals a rate beside integer cells asks of them: the two of an amount in 万元 or 元, when the rate prints at least two. */
const AMOUNT_DECIMALS = 2;

/**
 * A rate that holds only by the rounding of a row's coarse cells. When a sibling amount cell of the
 * row prints decimals ("50万元 | 47.68 | 95.00%"), its integer cells are stated at that precision
 * (interval.ts, cellsAtRowPrecision), and a rate off at that reading is `definite`: 47.68 ÷ 50.00 =
 * 95.36%, not 95.00% (t225). When every amount cell is an integer but the rate prints two decimals
 * ("148 | 46 | 31.00%"), the cells may be exact (46 ÷ 148 = 31.08%) or rounded from amounts a sheet
 * computed the rate from (45.88 ÷ 148 = 31.00%): read as exact, a mismatch is a `possible` warning (t406).
 */
function checkRowPrecision(
  inputs: RateInputs,
  rate: Figure,
  execution: Figure,
  stated: readonly { denominator: Denominator; figure: Figure }[],
): CheckResult | null {
  if (!inputs.row || rate.approx !== 'exact') return null;
  const cells = inputs.row.filter((f, i, all) => f.kind === 'money' && all.findIndex((g) => sameSpan(g, f)) === i);
  const allIntegers = cells.every((f) => decimalsOf(f) === 0);
  const certainty: Certainty = allIntegers ? 'possible' : 'definite';
  if (allIntegers && decimalsOf(rate) < AMOUNT_DECIMALS) return null;
  const read = allIntegers ? cells.map((f) => (f.approx === 'exact' ? { ...f, precision: AMOUNT_DECIMALS } : f)) : cellsAtRowPrecision(cells);
  const readOf = (f: Figure) => read[cells.findIndex((g) => sameSpan(g, f))] ?? f;
  const exec = readOf(execution);
  if (stated.every((d) => readOf(d.figure).precision === d.figure.precision) && exec.precision === execution.precision) return null;
  const actual = intervalOfPrintedRate(rate);
  const cut = truncationIntervalOf(rate);
  const candidates: RateCandidate[] = [];
  for (const d of stated) {
    const computed = computeRate(exec, readOf(d.figure), rate);
    if (!computed || intervalsMeet(computed.expected, actual) || intervalsMeet(computed.expected, cut)) return null;
    candidates.push({ denominator: d.denominator, figure: readOf(d.figure), ...computed });
  }
  const first = candidates[0];
  if (!first) return null;
  const shown = (f: Figure) => showValue(statedValueOf(f), decimalsOf(f), 0);
  const reading = allIntegers ? `整数金额格按 ${AMOUNT_DECIMALS} 位小数读作准确值` : `整数金额格按同行金额的印刷精度（${decimalsOf(read.reduce((a, b) => (decimalsOf(b) > decimalsOf(a) ? b : a)))} 位小数）读`;
  const readingEn = allIntegers ? `the integer amount cells read as exact to ${AMOUNT_DECIMALS} decimals` : 'the integer amount cells read at the precision of their row';
  return makeResult({
    rule: inputs.rule,
    // Cells that may be rounded ask a look, not a correction: a warning, as a rate another budget explains.
    status: allIntegers ? 'warn' : 'fail',
    certainty,
    unit: rate.unit,
    expected: first.expected,
    actual,
    zh: `${subjectZh(inputs.project)}：${reading}，执行数 ${shown(exec)} ÷ ${DENOMINATOR_ZH[first.denominator]} ${shown(first.figure)} = ${showValue(first.point, rate.precision)}${rate.unit}（区间 ${showInterval(first.expected, rate.precision)}），与所报 ${rate.text}（区间 ${showInterval(actual, rate.precision)}）不一致`,
    en: `${subjectEn(inputs.project)}: ${readingEn}, execution ${shown(exec)} / ${DENOMINATOR_EN[first.denominator]} ${shown(first.figure)} = ${showValue(first.point, rate.precision)}${rate.unit} (interval ${showInterval(first.expected, rate.precision)}) disagrees with the stated ${rate.text} (interval ${showInterval(actual, rate.precision)})`,
    evidence: [evidenceOfFigure('rate', rate), evidenceOfFigure('numerator', execution), ...stated.map((d) => evidenceOfFigure('denominator', d.figure))],
    detail: { ...(inputs.project === undefined ? {} : { project: inputs.project }), denominator: first.denominator, cellsRead: allIntegers ? 'exact' : 'row_precision' },
  });
}

function sameSpan(a: Figure, b: Figure): boolean {
  return a.evidence.start === b.evidence.start && a.evidence.end === b.evidence.end;
}

/** Warn when 执行数 exceeds 预算数 beyond rounding (possible, but usually an extraction or reporting error). */
function checkExecutionOverBudget(execution: Figure | null, budget: Figure | null, project?: string): CheckResult[] {
  if (!execution || !budget) return [];
  const exec = intervalOfFigure(execution, budget.scale);
  const bud = intervalOfFigure(budget);
  const over = isIntervalAbove(exec, bud);
  const who = project === undefined ? '' : `项目「${project}」`;
  const whoEn = project === undefined ? '' : ` of project "${project}"`;
  return [
    makeResult({
      rule: 'plausibility.execution_over_budget',
      status: over ? 'warn' : 'pass',
      expected: bud,
      actual: exec,
      unit: budget.unit,
      zh: over
        ? `${who}执行数 ${execution.text} 超过预算数 ${budget.text}`
        : `${who}执行数 ${execution.text} 未超过预算数 ${budget.text}`,
      en: over
        ? `Execution ${execution.text}${whoEn} exceeds the budget ${budget.text}`
        : `Execution ${execution.text}${whoEn} does not exceed the budget ${budget.text}`,
      evidence: [evidenceOfFigure('execution', execution), evidenceOfFigure('budget', budget)],
      detail: project === undefined ? undefined : { project },
    }),
  ];
}

/** Warn when a stated rate is above 100%: over-spending, or a misread cell ("290%" from a merged cell). */
function checkRateOver100(rate: Figure | null, project?: string): CheckResult[] {
  if (!rate || rate.kind !== 'percent') return [];
  const over = new Decimal(rate.exact).gt(1);
  const who = project === undefined ? '' : `项目「${project}」`;
  const whoEn = project === undefined ? '' : ` of project "${project}"`;
  return [
    makeResult({
      rule: 'plausibility.rate_over_100',
      status: over ? 'warn' : 'pass',
      expected: { lo: '0', hi: '100', loOpen: false, hiOpen: false },
      actual: intervalOfFigure(rate, -2),
      unit: '%',
      zh: over ? `${who}所报执行率 ${rate.text} 超过 100%` : `${who}所报执行率 ${rate.text} 不超过 100%`,
      en: over ? `The stated execution rate ${rate.text}${whoEn} is above 100%` : `The stated execution rate ${rate.text}${whoEn} is at most 100%`,
      evidence: [evidenceOfFigure('rate', rate)],
      detail: project === undefined ? undefined : { project },
    }),
  ];
}

/** The candidates of a role extraction abstained between (`abstained_tie`), or [] when it did not. */
function abstainedBetween(record: ReportRecord, role: 'execution' | 'budget'): Figure[] {
  const decision = record.roles.find((r) => r.role === role);
  return decision?.reason === 'abstained_tie' ? tiedCandidates(record, role).map((c) => c.figure) : [];
}

/**
 * A stated rate whose execution (or budget) extraction left open between tied candidates (a wrong
 * figure is worse than a missing one) must still hold for one of them: when it holds for none, the
 * rate or every candidate is wrong. The pair is inferred, so the failure is `possible`.
 */
function checkRateAgainstTies(record: ReportRecord): CheckResult[] {
  const f = record.figures;
  const rate = f.executionRate;
  if (!rate || (f.execution && f.budget)) return [];
  const executions = f.execution ? [f.execution] : abstainedBetween(record, 'execution');
  const budgets = f.budget ? [f.budget] : abstainedBetween(record, 'budget');
  if (executions.length === 0 || budgets.length === 0) return [];
  const actual = intervalOfPrintedRate(rate);
  const cut = truncationIntervalOf(rate);
  for (const e of executions)
    for (const b of budgets) {
      if (sameSpan(e, b)) continue;
      const computed = computeRate(e, b, rate);
      if (!computed || intervalsMeet(computed.expected, actual) || intervalsMeet(computed.expected, cut)) return [];
    }
  const list = (xs: readonly Figure[]) => xs.map((x) => x.text).join('、');
  return [
    makeResult({
      rule: 'execution_rate',
      status: 'fail',
      certainty: 'possible',
      unit: rate.unit,
      actual,
      zh: `所报执行率 ${rate.text}（区间 ${showInterval(actual, rate.precision)}）与候选执行数（${list(executions)}）÷ 预算数（${list(budgets)}）的任何组合均不一致`,
      en: `The stated execution rate ${rate.text} (interval ${showInterval(actual, rate.precision)}) holds for no pair of candidate executions (${list(executions)}) and budgets (${list(budgets)})`,
      evidence: [
        evidenceOfFigure('rate', rate),
        ...executions.map((e) => evidenceOfFigure('numerator', e)),
        ...budgets.map((b) => evidenceOfFigure('denominator', b)),
      ],
      detail: { tied: { execution: executions.length > 1 || !f.execution, budget: budgets.length > 1 || !f.budget } },
    }),
  ];
}

/**
 * A headline rate that fails with the chosen budget but holds with another printed budget candidate
 * (a carried-over 结转 total the extraction ranked low, last year's allocation): the slip may be the
 * choice of denominator rather than the report's, so it is only a `possible` warning that names both.
 */
function hedgeByOtherBudget(results: CheckResult[], record: ReportRecord): CheckResult[] {
  const f = record.figures;
  const rate = f.executionRate;
  const execution = f.execution;
  if (!rate || !execution) return results;
  const chosen = [f.budget, f.budgetInitial].filter((x): x is Figure => !!x);
  const others = record.roles
    .filter((r) => r.role === 'budget' || r.role === 'budgetInitial')
    .flatMap((r) => r.candidates.map((c) => c.figure))
    // The same amount printed again (the 其中 row repeating the total row's 50万元) is no other budget:
    // it holds only by its coarser rounding, the reading the failure already rejected.
    .filter((c) => c.kind === 'money' && !chosen.some((x) => sameSpan(x, c) || x.value === c.value));
  return results.map((r) => {
    if (r.rule !== 'execution_rate' || r.status !== 'fail') return r;
    const actual = intervalOfPrintedRate(rate);
    const other = others.find((b) => {
      const computed = computeRate(execution, b, rate);
      return computed !== null && intervalsMeet(computed.expected, actual);
    });
    if (!other) return r;
    return {
      ...r,
      status: 'warn',
      certainty: 'possible',
      message: {
        zh: `${r.message.zh}；但按另一处所报金额 ${other.text} 计算则一致：所取预算数可能有误`,
        en: `${r.message.en}; with another stated amount, ${other.text}, it holds: the budget taken may be the wrong one`,
      },
      evidence: [...r.evidence, evidenceOfFigure('alternative_denominator', other)],
      detail: { ...r.detail, alternativeDenominator: other.text },
    };
  });
}

/** Between two cells of one printed row: blanks, cell borders and other cells' numbers, never a line break or a word. */
const WITHIN_ROW = /^[ \t\u3000|｜\d.,%]*$/u;

/**
 * The headline 全年预算数, 全年执行数 and 执行率 when the text prints them as cells of one row (a
 * flattened form's "年度资金总额50万元47.6895.00%"), with the row's 年初预算数 when it is a cell of it
 * too; null when they are stated apart (prose, two tables).
 */
function headlineRow(record: ReportRecord, text: string | undefined): Figure[] | null {
  const { budget, budgetInitial, execution, executionRate } = record.figures;
  if (!text || !budget || !execution || !executionRate) return null;
  const cells = [budget, execution, executionRate].sort((a, b) => a.evidence.start - b.evidence.start);
  const inRow = (a: Figure, b: Figure) => a.evidence.end <= b.evidence.start && WITHIN_ROW.test(text.slice(a.evidence.end, b.evidence.start));
  if (!cells.every((c, i) => i === 0 || inRow(cells[i - 1]!, c))) return null;
  const initial = budgetInitial && (inRow(budgetInitial, cells[0]!) || inRow(cells[2]!, budgetInitial)) ? [budgetInitial] : [];
  return [...initial, budget, execution];
}

export function checkExecutionRates(record: ReportRecord, text?: string): CheckResult[] {
  const f = record.figures;
  const row = headlineRow(record, text);
  const results: CheckResult[] = [
    ...hedgeByOtherBudget(
      checkRate({ rule: 'execution_rate', rate: f.executionRate, execution: f.execution, budget: f.budget, budgetInitial: f.budgetInitial, ...(row ? { row } : {}) }),
      record,
    ),
    ...checkRateAgainstTies(record),
    ...checkExecutionOverBudget(f.execution, f.budget),
    ...checkRateOver100(f.executionRate),
  ];
  for (const p of f.projects) results.push(...checkProjectRate(p));
  return results;
}

function checkProjectRate(p: Project): CheckResult[] {
  // Per project only the warnings: a passing plausibility line per project would drown the list.
  const warningsOnly = (rs: CheckResult[]) => rs.filter((r) => r.status !== 'pass');
  return [
    ...checkRate({
      rule: 'execution_rate.project',
      rate: p.executionRate,
      execution: p.execution,
      budget: p.budget,
      budgetInitial: p.budgetInitial,
      project: p.name,
    }),
    ...warningsOnly(checkExecutionOverBudget(p.execution, p.budget, p.name)),
    ...warningsOnly(checkRateOver100(p.executionRate, p.name)),
  ];
}
