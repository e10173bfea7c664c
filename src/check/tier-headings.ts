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
import type { CheckResult, Evidence } from '../schema/record.js';
import { INDICATOR_GOAL_TIERS, INDICATOR_LEVEL1_TIERS } from '../vocabulary/index.js';
import { intervalsMeet, isIntervalAbove, pointInterval, sumDecimals } from './interval.js';
import { evidenceOfSpan, makeResult } from './result.js';

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

export function checkTierHeadings(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const evidenceAt = (h: Heading): Evidence => (doc && doc.text === text ? evidenceOf(doc, h.start, h.end) : { page: null, start: h.start, end: h.end, quote: h.text });
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
