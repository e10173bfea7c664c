/**
 * Breakdown sums (XBRL Calculations 1.1, rounding mode): every addend carries its own rounding
 * interval, the computed sum is the interval sum, and the relation holds when it meets the
 * interval of the stated total.
 */
import type { CheckResult, Figure, NamedAmount, Part, ReportRecord } from '../schema/record.js';
import { Decimal } from 'decimal.js';
import {
  formatDecimal,
  intervalOfFigure,
  intervalsMeet,
  isIntervalAbove,
  isIntervalBelow,
  midpointOf,
  roundedIntervalOfFigure,
  statedValueOf,
  subtractIntervals,
  sumDecimals,
  sumIntervals,
  sumOfPrintedParts,
  type Interval,
} from './interval.js';
import { anyOf, NATURE_CLASS_NAMES, TOTAL_NAME } from '../vocabulary/index.js';
import { evidenceOfFigure, makeResult, showInterval, type EvidenceEntry } from './result.js';
import { findUnitSlip, UNIT_SLIP_FACTOR } from './unit-slip.js';

export interface SumPart {
  name: string;
  figure: Figure;
}

export interface SumTotal {
  /** Which figure served as the total, reported in detail.total when there was a choice. */
  key: string;
  zh: string;
  en: string;
  figure: Figure;
}

export interface SumSpec {
  rule: string;
  /** "功能分类合计" */
  zh: string;
  /** "Sum of functional classes" */
  en: string;
  parts: SumPart[];
  /** Candidate totals, most likely first; the relation holds if any of them meets the sum. */
  totals: SumTotal[];
  /** Status when no total meets: 'fail' when the total is certain, 'warn' when it was a guess. */
  mismatch: 'fail' | 'warn';
}

export function isTotalName(name: string): boolean {
  return TOTAL_NAME.test(name);
}

function sumInUnit(parts: readonly SumPart[], scale: number): { interval: Interval; point: string; precision: number } {
  const interval = sumOfPrintedParts(parts.map((p) => p.figure), scale);
  const point = sumDecimals(parts.map((p) => statedValueOf(p.figure, scale)));
  const precision = Math.max(0, ...parts.map((p) => p.figure.precision + scale - p.figure.scale));
  return { interval, point, precision };
}

/** A computed sum with the digits its parts carry, trailing zeros trimmed down to the total's precision. */
function showPoint(point: string, precision: number, totalPrecision = 0): string {
  return formatDecimal(point, { minDecimals: Math.min(totalPrecision, precision), maxDecimals: Math.min(precision, 6) });
}

function sameStatement(a: Figure, b: Figure): boolean {
  return a.evidence.start === b.evidence.start && a.evidence.end === b.evidence.end && a.evidence.page === b.evidence.page;
}

/** Both figures say which document part they were read from, and the parts differ. */
function isOtherPart(a: Figure, b: Figure): boolean {
  return a.part !== undefined && b.part !== undefined && a.part !== b.part;
}

/** One sum relation, with the unit-slip diagnosis when it fails by a factor of 10^4. */
export function checkSum(input: SumSpec): CheckResult[] {
  // A total that is one of the parts' own statement (the only fund row read as the budget too, r50)
  // would make the relation hold by itself.
  // A total read from another part of the document than its parts (a project form's execution
  // against the 决算 tables' classes) is another quantity.
  const spec = {
    ...input,
    totals: input.totals.filter((t) => !input.parts.some((p) => sameStatement(p.figure, t.figure) || isOtherPart(p.figure, t.figure))),
  };
  if (spec.parts.length === 0 || spec.totals.length === 0) return [];
  const evidenceFor = (total: SumTotal): EvidenceEntry[] => [
    evidenceOfFigure('total', total.figure),
    ...spec.parts.map((p) => evidenceOfFigure('part', p.figure)),
  ];
  const partNames = spec.parts.map((p) => p.name);
  const choice = spec.totals.length > 1;

  const attempts = spec.totals.map((total) => {
    const scale = total.figure.scale;
    const sum = sumInUnit(spec.parts, scale);
    const actual = roundedIntervalOfFigure(total.figure);
    return { total, sum, actual, holds: intervalsMeet(sum.interval, actual) };
  });

  const describe = (a: (typeof attempts)[number]) => {
    const unit = a.total.figure.unit;
    const p = a.total.figure.precision;
    const expShown = showInterval(a.sum.interval, p);
    const actShown = showInterval(a.actual, p);
    return {
      zh: `${spec.zh} ${showPoint(a.sum.point, a.sum.precision, p)}${unit}（区间 ${expShown}）与${a.total.zh} ${a.total.figure.text}（区间 ${actShown}）`,
      en: `${spec.en} ${showPoint(a.sum.point, a.sum.precision, p)}${unit} (interval ${expShown}) vs ${a.total.en} ${a.total.figure.text} (interval ${actShown})`,
    };
  };

  const holding = attempts.find((a) => a.holds);
  if (holding) {
    const d = describe(holding);
    return [
      makeResult({
        rule: spec.rule,
        status: 'pass',
        expected: holding.sum.interval,
        actual: holding.actual,
        unit: holding.total.figure.unit,
        zh: `${d.zh}一致`,
        en: `${d.en}: consistent`,
        evidence: evidenceFor(holding.total),
        detail: { parts: partNames, total: holding.total.key },
      }),
    ];
  }

  for (const a of attempts) {
    const slip = findSumSlip(spec.parts, a.total.figure, a.sum.interval, a.actual);
    if (!slip) continue;
    const d = describe(a);
    const which = slip.part === undefined ? '全部分项' : `分项「${slip.part}」`;
    const whichEn = slip.part === undefined ? 'all parts' : `part "${slip.part}"`;
    const op = slip.adjustment === 'multiply' ? '×' : '÷';
    return [
      makeResult({
        rule: 'unit_slip',
        status: 'fail',
        expected: a.sum.interval,
        actual: a.actual,
        unit: a.total.figure.unit,
        zh: `${d.zh}不一致；${which}${op}${UNIT_SLIP_FACTOR} 后一致（区间 ${showInterval(slip.adjusted, a.total.figure.precision)}）：疑似元/万元单位错误`,
        en: `${d.en}: inconsistent; consistent once ${whichEn} ${slip.adjustment === 'multiply' ? 'is multiplied' : 'is divided'} by ${UNIT_SLIP_FACTOR} (interval ${showInterval(slip.adjusted, a.total.figure.precision)}): probable 元/万元 unit error`,
        evidence: evidenceFor(a.total),
        detail: {
          factor: UNIT_SLIP_FACTOR,
          relation: spec.rule,
          adjustment: slip.adjustment,
          adjustedExpected: slip.adjusted,
          parts: partNames,
          ...(slip.part === undefined ? {} : { part: slip.part }),
          total: a.total.key,
        },
      }),
    ];
  }

  const first = attempts[0]!;
  const d = describe(first);
  const also = attempts.slice(1);
  const nearSlip = attempts.some((a) => isNearFactor(a.sum.interval, a.actual));
  const hintZh = nearSlip ? `（相差约 ${UNIT_SLIP_FACTOR} 倍，亦疑似元/万元单位错误）` : '';
  const hintEn = nearSlip ? ` (about ${UNIT_SLIP_FACTOR} times apart: a 元/万元 unit error as well)` : '';
  return [
    makeResult({
      rule: spec.rule,
      status: spec.mismatch,
      // A total that was a guess (no total row) may not be what the parts add up to.
      certainty: spec.mismatch === 'warn' ? 'possible' : 'definite',
      expected: first.sum.interval,
      actual: first.actual,
      unit: first.total.figure.unit,
      zh: `${d.zh}不一致${also.map((a) => `；与${a.total.zh} ${a.total.figure.text} 亦不一致`).join('')}${hintZh}`,
      en: `${d.en}: inconsistent${also.map((a) => `; nor does it match ${a.total.en} ${a.total.figure.text}`).join('')}${hintEn}`,
      evidence: evidenceFor(first.total),
      detail: {
        parts: partNames,
        total: first.total.key,
        ...(choice ? { tried: attempts.map((a) => a.total.key) } : {}),
        ...(nearSlip ? { suspectedFactor: UNIT_SLIP_FACTOR } : {}),
      },
    }),
  ];
}

/**
 * A sum that holds once every part, or exactly one part, is scaled by 10^4. A single part is only
 * blamed for being 10^4 too large when it alone already exceeds the total.
 */
function findSumSlip(
  parts: readonly SumPart[],
  total: Figure,
  sum: Interval,
  actual: Interval,
): { adjustment: 'multiply' | 'divide'; adjusted: Interval; part?: string } | null {
  const all = findUnitSlip(sum, actual);
  if (all) return all;
  if (parts.length < 2) return null;
  const scale = total.scale;
  const ivs = parts.map((p) => intervalOfFigure(p.figure, scale));
  for (let i = 0; i < parts.length; i++) {
    const others = sumIntervals(ivs.filter((_, j) => j !== i));
    const own = ivs[i]!;
    const slip = findUnitSlip(own, subtractIntervals(actual, others));
    if (!slip) continue;
    if (slip.adjustment === 'divide' && !isIntervalAbove(own, actual)) continue;
    const adjusted = sumIntervals([others, slip.adjusted]);
    if (intervalsMeet(adjusted, actual)) return { adjustment: slip.adjustment, adjusted, part: parts[i]!.name };
  }
  return null;
}

/**
 * Sum and total about 10^4 apart (within 1%) without meeting even after the factor: a unit slip
 * on top of an arithmetic one (r28: income parts in 元 that also miss the total by 0.43万元).
 */
function isNearFactor(sum: Interval, total: Interval): boolean {
  const s = midpointOf(sum);
  const t = midpointOf(total);
  if (s === null || t === null) return false;
  const a = new Decimal(s).abs();
  const b = new Decimal(t).abs();
  if (a.isZero() || b.isZero()) return false;
  const ratio = Decimal.max(a, b).div(Decimal.min(a, b)).div(UNIT_SLIP_FACTOR);
  return ratio.gte('0.99') && ratio.lte('1.01');
}

/** First entry per name: a list may repeat a row (budget and execution tables); restated checks compare those. */
function firstByName(items: readonly NamedAmount[]): NamedAmount[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = i.name.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toPart(i: NamedAmount): SumPart {
  return { name: i.name, figure: i.amount };
}

/** Functional classes (类, 3-digit codes) only: 款/项 rows under them would count twice. */
function classLevelOnly(items: readonly NamedAmount[]): NamedAmount[] {
  const hasClassCodes = items.some((i) => i.code !== undefined && /^\d{3}$/.test(i.code));
  return hasClassCodes ? items.filter((i) => i.code === undefined || /^\d{3}$/.test(i.code)) : [...items];
}

function checkByFunction(record: ReportRecord): CheckResult[] {
  const f = record.figures;
  const rows = firstByName(f.byFunction);
  const stated = rows.find((r) => isTotalName(r.name));
  const parts = classLevelOnly(rows.filter((r) => !isTotalName(r.name))).map(toPart);
  const totals: SumTotal[] = [];
  if (stated) totals.push({ key: 'stated_total', zh: stated.name, en: `the stated total (${stated.name})`, figure: stated.amount });
  if (f.execution) totals.push({ key: 'execution', zh: '支出总额', en: 'total expenditure', figure: f.execution });
  if (!stated && f.budget) totals.push({ key: 'budget', zh: '预算数', en: 'the budget', figure: f.budget });
  // With neither a stated total nor an execution figure there is nothing the classes must add up to.
  if (!stated && !f.execution) return [];
  // One class against the whole expenditure is no breakdown: the text (or the excerpt) names only that
  // class ("…其他支出5.00万元" after a use not named as a class, t433; a list cut off after its first class,
  // t443). Only a stated total makes the list closed; otherwise a shortfall is a warning, never definite.
  const closed = stated !== undefined || parts.length >= 2;
  return checkSum({ rule: 'sum.by_function', zh: '功能分类合计', en: 'Sum of functional classes', parts, totals, mismatch: closed ? 'fail' : 'warn' });
}

/** Top-level nature classes of expenditure; 人员经费/公用经费 sit inside 基本支出. */
const NATURE_CLASS = new RegExp(anyOf(NATURE_CLASS_NAMES), 'u');

function findNamed(items: readonly NamedAmount[], pattern: RegExp): NamedAmount | undefined {
  return items.find((i) => pattern.test(i.name) && !isTotalName(i.name));
}

function checkByNature(record: ReportRecord): CheckResult[] {
  const f = record.figures;
  const rows = firstByName(f.byNature);
  const basic = findNamed(rows, /基本支出/);
  const project = findNamed(rows, /项目支出/);
  if (!basic || !project) return [];
  const parts = rows.filter((r) => NATURE_CLASS.test(r.name) && !isTotalName(r.name)).map(toPart);
  const stated = rows.find((r) => isTotalName(r.name));
  const totals: SumTotal[] = [];
  if (stated) totals.push({ key: 'stated_total', zh: stated.name, en: `the stated total (${stated.name})`, figure: stated.amount });
  if (f.execution) totals.push({ key: 'execution', zh: '支出总额', en: 'total expenditure', figure: f.execution });
  if (totals.length === 0) return [];
  if (f.budget) totals.push({ key: 'budget', zh: '预算数', en: 'the budget', figure: f.budget });
  return checkSum({
    rule: 'sum.by_nature',
    zh: '基本支出与项目支出合计',
    en: 'Basic plus project expenditure',
    parts,
    totals,
    mismatch: 'fail',
  });
}

function checkBasicExpenditure(record: ReportRecord): CheckResult[] {
  const rows = firstByName(record.figures.byNature);
  const basic = findNamed(rows, /基本支出/);
  const personnel = findNamed(rows, /人员经费/);
  const office = findNamed(rows, /公用经费/);
  if (!basic || !personnel || !office) return [];
  return checkSum({
    rule: 'sum.basic_expenditure',
    zh: '人员经费与公用经费合计',
    en: 'Personnel plus office expenses',
    parts: [toPart(personnel), toPart(office)],
    totals: [{ key: 'basic', zh: '基本支出', en: 'basic expenditure', figure: basic.amount }],
    mismatch: 'fail',
  });
}

function checkFundSources(record: ReportRecord): CheckResult[] {
  const f = record.figures;
  const rows = firstByName(f.fundSources);
  const stated = rows.find((r) => isTotalName(r.name));
  const parts = rows.filter((r) => !isTotalName(r.name)).map(toPart);
  if (parts.length === 0) return [];
  if (stated) {
    // One row short of its total: the other rows (地方资金 …) may simply not have been read.
    const short = parts.length === 1 && isIntervalBelow(intervalOfFigure(parts[0]!.figure, stated.amount.scale), intervalOfFigure(stated.amount));
    return checkSum({
      rule: 'sum.fund_sources',
      zh: '各资金来源合计',
      en: 'Sum of fund sources',
      parts,
      totals: [{ key: 'stated_total', zh: stated.name, en: `the stated total (${stated.name})`, figure: stated.amount }],
      mismatch: short ? 'warn' : 'fail',
    });
  }
  // Without a total row the list may be any column of the funds table: budget, initial budget or execution.
  const totals: SumTotal[] = [];
  if (f.budget) totals.push({ key: 'budget', zh: '预算数', en: 'the budget', figure: f.budget });
  if (f.budgetInitial) totals.push({ key: 'budgetInitial', zh: '年初预算数', en: 'the initial budget', figure: f.budgetInitial });
  if (f.execution) totals.push({ key: 'execution', zh: '执行数', en: 'the execution', figure: f.execution });
  return checkSum({ rule: 'sum.fund_sources', zh: '各资金来源合计', en: 'Sum of fund sources', parts, totals, mismatch: 'warn' });
}

/** Σ project executions ≤ 项目支出: the projects a report discusses need not be all of them. */
function checkProjects(record: ReportRecord): CheckResult[] {
  const f = record.figures;
  const projectTotal = findNamed(firstByName(f.byNature), /项目支出/);
  const withExecution = f.projects.filter((p) => p.execution !== null);
  if (!projectTotal || withExecution.length === 0) return [];
  const total = projectTotal.amount;
  const parts = withExecution.map((p) => ({ name: p.name, figure: p.execution! }));
  const sum = sumInUnit(parts, total.scale);
  const actual = intervalOfFigure(total);
  const over = isIntervalAbove(sum.interval, actual);
  const p = total.precision;
  const point = showPoint(sum.point, sum.precision, p);
  const sumInterval = showInterval(sum.interval, p);
  const totalInterval = showInterval(actual, p);
  const shown = `${point}${total.unit}（区间 ${sumInterval}）`;
  const shownEn = `${point}${total.unit} (interval ${sumInterval})`;
  const totalShown = `${total.text}（区间 ${totalInterval}）`;
  const totalShownEn = `${total.text} (interval ${totalInterval})`;
  return [
    makeResult({
      rule: 'sum.projects',
      status: over ? 'warn' : 'pass',
      expected: sum.interval,
      actual,
      unit: total.unit,
      zh: over ? `各项目执行数合计 ${shown}超过项目支出 ${totalShown}` : `各项目执行数合计 ${shown}不超过项目支出 ${totalShown}`,
      en: over
        ? `Project executions add up to ${shownEn}, more than project expenditure ${totalShownEn}`
        : `Project executions add up to ${shownEn}, within project expenditure ${totalShownEn}`,
      evidence: [evidenceOfFigure('total', total), ...parts.map((x) => evidenceOfFigure('part', x.figure))],
      detail: { parts: parts.map((x) => x.name), relation: '<=' },
    }),
  ];
}

/** Parts whose figures belong to one table: a sum never mixes two of them. */
const TABLE_PARTS = new Set<Part['kind']>(['accounts_table', 'budget_table', 'self_evaluation_form', 'score_table']);

/**
 * The record with each figure that stands in a table part (and does not say its part) given that
 * part's id, so that 基本支出 of the 支出决算表 is never summed against 人员经费 and 公用经费 of the
 * 财政拨款基本支出决算表 (two scopes of money). Figures of a self-evaluation's narrative stay as they
 * are; in a 决算 each section is its own part.
 */
function withTableParts(record: ReportRecord): ReportRecord {
  // A 决算's 情况说明 sections each speak of one scope (all funds, 财政拨款, 基本支出 of 财政拨款 …):
  // there every part is one.
  const scoped = record.report.documentKind === 'final_accounts';
  const tables = record.parts.filter((p) => scoped || TABLE_PARTS.has(p.kind));
  if (tables.length === 0) return record;
  const place = (f: Figure): Figure => {
    if (f.part !== undefined) return f;
    const at = tables.find((p) => p.start <= f.evidence.start && f.evidence.start < p.end);
    return at ? { ...f, part: at.id } : f;
  };
  const maybe = (f: Figure | null | undefined) => (f ? place(f) : (f ?? null));
  const named = (items: readonly NamedAmount[]) => items.map((i) => ({ ...i, amount: place(i.amount) }));
  const f = record.figures;
  return {
    ...record,
    figures: {
      ...f,
      budget: maybe(f.budget),
      budgetInitial: maybe(f.budgetInitial),
      execution: maybe(f.execution),
      byFunction: named(f.byFunction),
      byNature: named(f.byNature),
      fundSources: named(f.fundSources),
      projects: f.projects.map((p) => ({ ...p, execution: maybe(p.execution) })),
    },
  };
}

export function checkSums(input: ReportRecord): CheckResult[] {
  const record = withTableParts(input);
  return [
    ...checkByFunction(record),
    ...checkByNature(record),
    ...checkBasicExpenditure(record),
    ...checkFundSources(record),
    ...checkProjects(record),
  ];
}
