/**
 * Nested tier headings of a 自评表 (issue 16: parts and wholes where the rows cannot be read): the
 * 一级指标 headings that carry points share the points of the goal heading above them,
 * "年度绩效目标(80分) … 产出指标(60分) … 效益指标(40分)" (r38: 60 + 40 = 100 above 80). Read from the
 * text, so a flattened form whose rows cannot be aligned is still checked. A tier may print no points
 * (or lose them in flattening), so only a sum above the goal is sure: it fails `definite`; a sum that
 * equals it passes; a sum below it says nothing.
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { CheckResult, Evidence, Form, ReportRecord } from '../schema/record.js';
import { INDICATOR_GOAL_TIERS, INDICATOR_LEVEL1_TIERS } from '../vocabulary/index.js';
import { intervalsMeet, isIntervalAbove, pointInterval, sumDecimals } from './interval.js';
import { evidenceOfFigure, evidenceOfSpan, makeResult } from './result.js';

const RULE = 'indicator.tier_total';
/** How far from the goal heading its 一级 headings may stand (a flattened form spans a few hundred characters). */
const REACH = 600;

/** A heading name as the flattened text may print it: spaces between its characters. */
function spaced(name: string): string {
  return [...name].join('\\s*');
}

/** "产出指标 (60 分)": the name, then its points in brackets (group 1: the points). */
function headingPattern(names: readonly string[]): RegExp {
  return new RegExp(`(?:${names.map(spaced).join('|')})\\s*[（(]\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[)）]`, 'gu');
}

const GOAL = headingPattern(INDICATOR_GOAL_TIERS);
const LEVEL1 = INDICATOR_LEVEL1_TIERS.map((name) => ({ name, pattern: headingPattern([name]) }));

interface Heading {
  name: string;
  points: string;
  text: string;
  start: number;
  end: number;
}

function headingsIn(text: string, pattern: RegExp, name: string, from: number, to: number): Heading[] {
  return [...text.slice(from, to).matchAll(pattern)].map((m) => ({ name, points: m[1]!, text: m[0], start: from + m.index, end: from + m.index + m[0].length }));
}

function evidenceAtOf(text: string, doc: SourceDocument | undefined): (h: Heading) => Evidence {
  return (h) => (doc && doc.text === text ? evidenceOf(doc, h.start, h.end) : { page: null, start: h.start, end: h.end, quote: h.text });
}

export function checkTierHeadings(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const evidenceAt = evidenceAtOf(text, doc);
  const goals = [...text.matchAll(GOAL)].map((m) => ({ name: '年度绩效目标', points: m[1]!, text: m[0], start: m.index, end: m.index + m[0].length }));
  const results: CheckResult[] = [];
  goals.forEach((goal, i) => {
    // The goal's own form: up to the neighbouring goal headings.
    const from = Math.max(goal.start - REACH, i > 0 ? goals[i - 1]!.end : 0);
    const to = Math.min(goal.end + REACH, goals[i + 1]?.start ?? text.length);
    const found = LEVEL1.map((t) => headingsIn(text, t.pattern, t.name, from, to));
    // Each tier once, or the window holds more than one form.
    if (found.some((f) => f.length > 1)) return;
    const tiers = found.flatMap((f) => f);
    if (tiers.length < 2) return;
    const sum = sumDecimals(tiers.map((t) => t.points));
    const expected = pointInterval(sum);
    const actual = pointInterval(goal.points);
    const holds = intervalsMeet(expected, actual);
    if (!holds && !isIntervalAbove(expected, actual)) return;
    const list = tiers.map((t) => `${t.name}(${t.points}分)`).join(' + ');
    results.push(
      makeResult({
        rule: RULE,
        status: holds ? 'pass' : 'fail',
        expected,
        actual,
        unit: '分',
        zh: `一级指标 ${list} = ${sum}分，与${goal.name}(${goal.points}分)${holds ? '一致' : '不一致：超过其分值'}`,
        en: `The first-level tiers ${list} = ${sum} points, ${holds ? 'consistent with' : 'above'} the goal's ${goal.points} points`,
        evidence: [evidenceOfSpan('total', goal.text, evidenceAt(goal)), ...tiers.map((t) => evidenceOfSpan('part', t.text, evidenceAt(t)))],
        detail: { tiers: tiers.map((t) => t.name), headings: true },
      }),
    );
  });
  return results;
}

/** The full points of a 自评表 (财预〔2020〕10号): its 一级 tiers and its 预算执行 part share them. */
const FULL_POINTS = '100';
/** How far after the fund block a form's indicator headings may stand. */
const FORM_REACH = 1500;

/**
 * A 自评表's 一级 tier headings that carry points (产出指标(50分), 效益指标(30分), 满意度指标(10分))
 * and the 预算执行 分值 printed in its fund block (年度资金总额 … 分值 10) are disjoint parts of the
 * form's 100 points. Tiers that already make 100 with the 预算执行 part on top (t224: 70 + 20 + 10
 * + 10) give the form more than its points: a definite fail, since whatever a tier left unprinted
 * only adds. A sum of exactly 100 passes; below it says nothing (a tier may print no points). The
 * headings are read from the form's own text: after its fund block, before the next form or the
 * end of its part, each tier once.
 */
export function checkTiersWithBudgetExecution(record: ReportRecord, text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const evidenceAt = evidenceAtOf(text, doc);
  const results: CheckResult[] = [];
  const starts = record.forms.map((f) => f.evidence.start).sort((a, b) => a - b);
  for (const form of record.forms) {
    const weight = form.budgetExecutionWeight;
    const part = record.parts.find((p) => p.id === form.part);
    if (!weight || !part) continue;
    const from = weight.evidence.end;
    const nextForm = starts.find((s) => s > from) ?? text.length;
    const to = Math.min(part.end, nextForm, from + FORM_REACH);
    if (to <= from) continue;
    const found = LEVEL1.map((t) => headingsIn(text, t.pattern, t.name, from, to));
    if (found.some((f) => f.length > 1)) continue;
    const tiers = found.flat();
    if (tiers.length < 2) continue;
    const sum = sumDecimals([...tiers.map((t) => t.points), weight.exact]);
    const expected = pointInterval(sum);
    const actual = pointInterval(FULL_POINTS);
    const holds = intervalsMeet(expected, actual);
    if (!holds && !isIntervalAbove(expected, actual)) continue;
    results.push(tierResult(form, tiers, weight, sum, holds, evidenceAt));
  }
  return results;
}

function tierResult(form: Form, tiers: readonly Heading[], weight: NonNullable<Form['budgetExecutionWeight']>, sum: string, holds: boolean, evidenceAt: (h: Heading) => Evidence): CheckResult {
  const list = tiers.map((t) => `${t.name}(${t.points}分)`).join(' + ');
  return {
    ...makeResult({
      rule: RULE,
      status: holds ? 'pass' : 'fail',
      expected: pointInterval(sum),
      actual: pointInterval(FULL_POINTS),
      unit: '分',
      zh: `一级指标 ${list} 加预算执行分值 ${weight.text} = ${sum}分，${holds ? '与满分 100 分一致' : '超过满分 100 分（总分漏计预算执行部分）'}`,
      en: `The first-level tiers ${list} plus the budget-execution weight ${weight.text} = ${sum} points, ${holds ? 'consistent with the full 100' : 'above the full 100 (the total leaves out the budget-execution part)'}`,
      evidence: [...tiers.map((t) => evidenceOfSpan('part', t.text, evidenceAt(t))), evidenceOfFigure('part', weight)],
      detail: { tiers: tiers.map((t) => t.name), headings: true, budgetExecutionWeight: weight.exact },
    }),
    part: form.id,
  };
}
