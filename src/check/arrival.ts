/**
 * Money that arrived cannot exceed the money allocated (issue 16: 到位 totals against what they are
 * of; t548): "实际实施并下达预算指标173.65万元" and, paragraphs later, "资金来源为财政本级预算174万元,全部到位…
 * 使用率100%": 0.35万元 more arrived than was allocated. What arrived in full is the one amount a sentence
 * states before its 全部到位 (到位率100%); what was allocated, the one amount the text states after
 * 下达 and the money's name (ALLOCATED_AMOUNT), read only when the text states one such amount. The two are found in different sentences and taken for one project's money, so a failure
 * is `possible`; an arrival below the allocation says nothing (one source of several may be meant).
 * Printed precision is honoured: 174万元 covers 173.65; read as exact (a budget set in whole 万元) it is
 * above, a warning.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { ALLOCATED_AMOUNT, ARRIVED_IN_FULL } from '../vocabulary/breakdowns.js';
import { figuresIn, sentencesOf } from './breakdown.js';
import { intervalOfFigure, isIntervalAbove, pointInterval, statedValueOf } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';

const RULE = 'arrival.above_allocation';

/** The one money amount of a sentence before its words of full arrival, or null. */
function arrivedIn(sentence: string, at: (m: ReturnType<typeof figuresIn>[number]) => Figure): Figure | null {
  const words = ARRIVED_IN_FULL.exec(sentence);
  if (!words) return null;
  const money = figuresIn(sentence).filter((m) => m.kind === 'money');
  const before = money.filter((m) => m.end <= words.index);
  return money.length === 1 && before.length === 1 ? at(before[0]!) : null;
}

/** The amounts stated after 实际下达 in a sentence. */
function allocatedIn(sentence: string, at: (m: ReturnType<typeof figuresIn>[number]) => Figure): Figure[] {
  return figuresIn(sentence)
    .filter((m) => m.kind === 'money' && ALLOCATED_AMOUNT.test(sentence.slice(0, m.start)))
    .map(at);
}

export function checkArrival(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined || !text.includes('到位') || !text.includes('下达')) return [];
  const arrived: Figure[] = [];
  const allocated: Figure[] = [];
  for (const { sentence, at } of sentencesOf(text, doc, (s) => s.includes('到位') || s.includes('下达'))) {
    const a = arrivedIn(sentence, at);
    if (a) arrived.push(a);
    allocated.push(...allocatedIn(sentence, at));
  }
  // One allocation in the text: with several (batches, years, levels) which one arrived is a guess.
  if (allocated.length !== 1) return [];
  const whole = allocated[0]!;
  const results: CheckResult[] = [];
  // The allocation's own sentence saying it arrived ("下达…100万元…资金到位率100%") compares it with itself.
  for (const a of arrived.filter((x) => x.evidence.start !== whole.evidence.start)) {
    const expected = intervalOfFigure(whole);
    const actual = intervalOfFigure(a, whole.scale);
    const over = isIntervalAbove(actual, expected);
    // An amount printed in whole 万元 may be the allocation rounded (174 for 173.65), or the budget as
    // set, exactly 174: above the allocation read so, it is a warning, as integer cells of a rate are (t406).
    const overIfExact = !over && a.precision <= 0 && isIntervalAbove(pointInterval(statedValueOf(a, whole.scale)), expected);
    const p = whole.precision;
    const verdict = over ? '多于' : overIfExact ? '按整数读作准确值时多于' : '不多于';
    const verdictEn = over ? 'more than' : overIfExact ? 'more than, read as exact,' : 'within';
    results.push(
      makeResult({
        rule: RULE,
        status: over ? 'fail' : overIfExact ? 'warn' : 'pass',
        certainty: 'possible',
        expected,
        actual,
        unit: whole.unit,
        zh: `全部到位的资金 ${a.text}（区间 ${showInterval(actual, p)}）${verdict}下达的 ${whole.text}（区间 ${showInterval(expected, p)}）`,
        en: `Money that arrived in full, ${a.text}, is ${verdictEn} the ${whole.text} allocated`,
        evidence: [evidenceOfFigure('allocated', whole), evidenceOfFigure('arrived', a)],
        ...(overIfExact ? { detail: { cellsRead: 'exact' } } : {}),
      }),
    );
  }
  return results;
}
