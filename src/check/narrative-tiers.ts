/**
 * Points stated in a report's own outline (issue 16: parts and wholes across sentences of one
 * section): a narrative 自评 that walks its indicators one heading at a time, each with its 分值 and
 * 自评得分, "1.产出指标完成情况:分值30分,自评得分30分。(1)数量指标:分值10分,自评得分10分。…" or
 * "(一)资金保障情况(分值10分),自评10分。1、…(分值5分),自评5分。2、…(分值5分),自评5分。". The items
 * one level below a heading share its points:
 * - indicator.tier_total: their 分值 add up to at most the heading's (t808: 满意度指标 分值10分 whose
 *   学生满意度 and 家长满意度 are each given 分值10分). Points are exact, and an item left unprinted
 *   only adds, so a sum above the heading fails `definite`; a sum that equals it passes; below it
 *   says nothing.
 * - indicator.scores_total: when the items' 分值 make the heading's exactly (every item is there), their
 *   自评得分 make the heading's 自评得分: a definite fail otherwise. Whatever their 分值, their 自评得分 add up
 *   to at most the heading's (an item left out only adds): a definite fail above it.
 * Levels come from the outline markers (一、 （一） 1. (1)/①, OUTLINE_LEVELS); an item with no marker
 * (after 。 or ； inside the heading's paragraph) is one level below every marked one. A heading's
 * items stand after it and before the next marker of its level or above, whether or not that one
 * states points.
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { CheckResult, Evidence } from '../schema/record.js';
import { OUTLINE_LEVELS } from '../vocabulary/index.js';
import { intervalsMeet, isIntervalAbove, pointInterval, sumDecimals } from './interval.js';
import { evidenceOfSpan, makeResult } from './result.js';

const WEIGHT_RULE = 'indicator.tier_total';
const SCORE_RULE = 'indicator.scores_total';
/** "分值10分", "分值：10分", "（分值5分）": an item's points (group 1). */
const WEIGHT = /分值\s*[为是:：]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分/gu;
/** After the 分值, in its clause: "自评得分10分", "自评10分", "得分9.5分" (group 1: the score). */
const SCORE = /(?:自评得分|自评分|自评|得分)\s*[为是:：]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分/u;
/** Where an item's clause starts or ends: a line, a sentence, a semicolon. */
const CLAUSE_BREAK = /[\n。；;]/u;
/** An item without an outline marker: below every marked level (1–4). */
const UNMARKED = 5;
/** How far after a heading its items may stand. */
const REACH = 2500;

interface Stated {
  text: string;
  value: string;
  start: number;
  end: number;
}

interface Item {
  level: number;
  weight: Stated;
  score: Stated | null;
}

/** A heading's marker at the start of a line: its outline level and where the line starts. */
interface Mark {
  level: number;
  at: number;
}

function levelOf(line: string): number | null {
  const s = line.trimStart();
  return OUTLINE_LEVELS.find((l) => l.marker.test(s))?.level ?? null;
}

/** Every line that opens with an outline marker. */
function marksIn(text: string): Mark[] {
  const marks: Mark[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const level = levelOf(line);
    if (level !== null) marks.push({ level, at });
    at += line.length + 1;
  }
  return marks;
}

/** Where the clause holding `at` starts (after the last line, sentence or semicolon break). */
function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i]!)) return i + 1;
  return 0;
}

function clauseEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (CLAUSE_BREAK.test(text[i]!)) return i;
  return text.length;
}

function itemsIn(text: string): Item[] {
  const items: Item[] = [];
  let lastClause = -1;
  for (const m of text.matchAll(WEIGHT)) {
    const start = clauseStart(text, m.index);
    // A second 分值 in one clause is an item inside it, never a heading of its own.
    const level = start === lastClause ? UNMARKED : (levelOf(text.slice(start, m.index)) ?? UNMARKED);
    lastClause = start;
    const end = m.index + m[0].length;
    const after = text.slice(end, clauseEnd(text, end));
    const s = SCORE.exec(after);
    // The score belongs to this 分值 only when no other 分值 stands between them.
    const score = s && !/分值/u.test(after.slice(0, s.index)) ? { text: s[0], value: s[1]!, start: end + s.index, end: end + s.index + s[0].length } : null;
    items.push({ level, weight: { text: m[0], value: m[1]!, start: m.index, end }, score });
  }
  return items;
}

/** The items one level below `items[i]`: after it, before the next marker of its level or above. */
function childrenOf(items: readonly Item[], i: number, marks: readonly Mark[]): Item[] {
  const head = items[i]!;
  if (head.level === UNMARKED) return [];
  const bound = Math.min(marks.find((k) => k.at > head.weight.end && k.level <= head.level)?.at ?? Infinity, head.weight.end + REACH);
  const below = items.slice(i + 1).filter((x) => x.weight.start < bound);
  const top = Math.min(...below.map((x) => x.level));
  return below.filter((x) => x.level === top);
}

export function checkNarrativeTiers(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined || !text.includes('分值')) return [];
  const items = itemsIn(text);
  if (items.length < 3) return [];
  const marks = marksIn(text);
  const evidenceAt = (s: Stated): Evidence => (doc && doc.text === text ? evidenceOf(doc, s.start, s.end) : { page: null, start: s.start, end: s.end, quote: s.text });
  const results: CheckResult[] = [];
  items.forEach((head, i) => {
    const children = childrenOf(items, i, marks);
    // One item below a heading is the heading restated as often as it is a part.
    if (children.length < 2) return;
    const sum = sumDecimals(children.map((c) => c.weight.value));
    const expected = pointInterval(sum);
    const actual = pointInterval(head.weight.value);
    const holds = intervalsMeet(expected, actual);
    const list = children.map((c) => c.weight.value).join(' + ');
    // Points below the heading's say nothing (an item may print none).
    if (holds || isIntervalAbove(expected, actual))
      results.push(
        makeResult({
          rule: WEIGHT_RULE,
          status: holds ? 'pass' : 'fail',
          expected,
          actual,
          unit: '分',
          zh: `下级各项分值 ${list} = ${sum}分，${holds ? '与' : '超过'}其上级的${head.weight.text}${holds ? '一致' : ''}`,
          en: `The items' points ${list} = ${sum}, ${holds ? 'consistent with' : 'above'} their heading's ${head.weight.text}`,
          evidence: [evidenceOfSpan('total', head.weight.text, evidenceAt(head.weight)), ...children.map((c) => evidenceOfSpan('part', c.weight.text, evidenceAt(c.weight)))],
          detail: { narrative: true },
        }),
      );
    const scores = children.map((c) => c.score);
    if (!head.score || scores.some((s) => s === null)) return;
    const scored = sumDecimals(scores.map((s) => s!.value));
    const scoreHolds = intervalsMeet(pointInterval(scored), pointInterval(head.score.value));
    // A list whose points are not the heading's may be partial: only scores above the heading's are sure.
    if (!holds && (scoreHolds || !isIntervalAbove(pointInterval(scored), pointInterval(head.score.value)))) return;
    const scoreList = scores.map((s) => s!.value).join(' + ');
    results.push(
      makeResult({
        rule: SCORE_RULE,
        status: scoreHolds ? 'pass' : 'fail',
        expected: pointInterval(scored),
        actual: pointInterval(head.score.value),
        unit: '分',
        zh: `下级各项得分 ${scoreList} = ${scored}分，与其上级的${head.score.text}${scoreHolds ? '一致' : '不一致'}（${holds ? '各项分值合计等于上级分值，所列完整' : '超过上级得分'}）`,
        en: `The items' scores ${scoreList} = ${scored}, ${scoreHolds ? 'consistent with' : 'against'} their heading's ${head.score.text} (${holds ? 'their points make the heading’s: the list is complete' : 'above it'})`,
        evidence: [evidenceOfSpan('total', head.score.text, evidenceAt(head.score)), ...scores.map((s) => evidenceOfSpan('part', s!.text, evidenceAt(s!)))],
        detail: { narrative: true },
      }),
    );
  });
  return results;
}
