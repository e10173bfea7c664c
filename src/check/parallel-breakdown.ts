/**
 * Parallel breakdowns (issue 16): a project's plan and its outcome listed item by item in two
 * sentences, "本项目共申请预算资金2026400元，其中村级组织运转400000元，村民组长，党小组长基本报酬252000元，…"
 * and "本项目共完成预算资金1329120.67元，其中村级组织运转439120.67元，村民组长，党小组长基本报酬152000元，…".
 * A list short of its whole may be partial (sum.breakdown only warns); but when another sentence lists
 * the very same items, in the same order, and they make its whole, the list is complete, and the
 * shortfall of the first is a slip (definite). Names here are the whole text between two amounts, so
 * names with a comma inside them stay one item.
 */
import type { NumberMatch } from '../extract/numbers.js';
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { BREAKDOWN_MARKS } from '../vocabulary/breakdowns.js';
import { figuresIn, sentencesOf } from './breakdown.js';
import { intervalOfFigure, intervalsMeet, sumIntervals } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';

const RULE = 'sum.breakdown';
/** Between the whole and its first item: the mark, then the item's name. */
const FIRST_GAP = new RegExp(`^[\\s，,：:]*(?:${BREAKDOWN_MARKS.join('|')})[\\s：:，,]*([^\\d。]{2,24})$`, 'u');
/**
 * Any breakdown mark in a sentence: one scan of the sentence (asked of every sentence of every text,
 * a search per mark cost eight times as much).
 */
const ANY_MARK = new RegExp(BREAKDOWN_MARKS.join('|'), 'u');
/** Between two items: a separator, then the next item's name (commas allowed inside it). */
const NEXT_GAP = /^[\s，,、；;]+([^\d。：:]{2,24})$/u;
/** Fewest items for a list to be matched with another: two items in common prove little. */
const MIN_ITEMS = 3;

interface ItemList {
  whole: Figure;
  names: string[];
  parts: Figure[];
}

/** A whole and the items listed after it up to the sentence's end, or null when anything else stands there. */
function listIn(sentence: string, numbers: readonly NumberMatch[], at: (m: NumberMatch) => Figure): ItemList | null {
  for (let i = 0; i + MIN_ITEMS < numbers.length; i++) {
    if (numbers[i]!.kind !== 'money') continue;
    const first = FIRST_GAP.exec(sentence.slice(numbers[i]!.end, numbers[i + 1]!.start));
    if (!first) continue;
    const names = [first[1]!.trim()];
    for (let j = i + 2; j < numbers.length; j++) {
      const gap = NEXT_GAP.exec(sentence.slice(numbers[j - 1]!.end, numbers[j]!.start));
      if (!gap) return null;
      names.push(gap[1]!.trim());
    }
    const items = numbers.slice(i + 1);
    if (items.some((m) => m.kind !== 'money') || /\d/u.test(sentence.slice(items.at(-1)!.end))) return null;
    return { whole: at(numbers[i]!), names, parts: items.map(at) };
  }
  return null;
}

function sumOf(list: ItemList) {
  return sumIntervals(list.parts.map((p) => intervalOfFigure(p, list.whole.scale)));
}

export function checkParallelBreakdowns(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const lists: ItemList[] = [];
  for (const { sentence, at } of sentencesOf(text, doc, (x) => ANY_MARK.test(x))) {
    const list = listIn(sentence, figuresIn(sentence), at);
    if (list) lists.push(list);
  }
  const results: CheckResult[] = [];
  const key = (l: ItemList) => l.names.join('|');
  for (const list of lists) {
    const expected = sumOf(list);
    const actual = intervalOfFigure(list.whole);
    if (intervalsMeet(expected, actual)) continue;
    const complete = lists.find((o) => o !== list && key(o) === key(list) && intervalsMeet(sumOf(o), intervalOfFigure(o.whole)));
    if (!complete) continue;
    const p = list.whole.precision;
    const items = list.names.map((n, k) => `${n}${list.parts[k]!.text}`).join(' + ');
    results.push(
      makeResult({
        rule: RULE,
        status: 'fail',
        expected,
        actual,
        unit: list.whole.unit,
        zh: `其中各项 ${items}（合计区间 ${showInterval(expected, p)}）与总额 ${list.whole.text} 不符；同样各项在另一处合计为其总额 ${complete.whole.text}，故所列完整`,
        en: `The items ${items} (sum interval ${showInterval(expected, p)}) miss the whole ${list.whole.text}; the same items elsewhere make their whole ${complete.whole.text}, so the list is complete`,
        evidence: [evidenceOfFigure('total', list.whole), ...list.parts.map((x) => evidenceOfFigure('part', x)), evidenceOfFigure('parallel_total', complete.whole)],
        detail: { parts: list.names, parallel: true },
      }),
    );
  }
  return results;
}
