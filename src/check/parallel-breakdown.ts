/**
 * Parallel breakdowns (issue 16): a project's plan and its outcome listed item by item in two
 * sentences, "本项目共申请预算资金2026400元，其中村级组织运转400000元，村民组长，党小组长基本报酬252000元，…"
 * and "本项目共完成预算资金1329120.67元，其中村级组织运转439120.67元，村民组长，党小组长基本报酬152000元，…".
 * A list short of its whole may be partial (sum.breakdown only warns); but when another sentence lists
 * the very same items, in the same order, and they make its whole, the list is complete, and the
 * shortfall of the first is a slip (definite). Names here are the whole text between two amounts, so
 * names with a comma inside them stay one item.
 * The same holds for two lists of one paragraph that name the same items in another order and in
 * other words ("分4批次下达…。分别是A22.65万元、B50万元、C20万元、2020年D款907.35万元。…已使用696.5万元(其中,B使用50万元,
 * A22.65万元、C5万元〈结余15万元已上缴财政〉、D604万元)", t776): each item of one is named, whole or in part, by
 * exactly one item of the other; a list opening its sentence with 分别是 takes its whole from the sentence
 * before when that states one amount; a bracketed list ends at its bracket, and an aside bracketed
 * after an item is no item.
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
  const key = (l: ItemList) => l.names.join('|');
  return twinResults(lists, (o, list) => key(o) === key(list), false);
}

/**
 * Each list beside a twin that makes its whole (so both list every item): a miss of its own whole
 * fails `definite`. Twins named alike in print order (checkParallelBreakdowns) report only the miss;
 * twins matched by name (checkMatchedLists) report what holds too.
 */
function twinResults<L extends ItemList>(lists: readonly L[], isTwin: (other: L, list: L) => boolean, matched: boolean): CheckResult[] {
  const results: CheckResult[] = [];
  for (const list of lists) {
    const expected = sumOf(list);
    const actual = intervalOfFigure(list.whole);
    const holds = intervalsMeet(expected, actual);
    if (holds && !matched) continue;
    const complete = lists.find((o) => o !== list && isTwin(o, list) && intervalsMeet(sumOf(o), intervalOfFigure(o.whole)));
    if (!complete) continue;
    const p = list.whole.precision;
    const items = list.names.map((n, k) => `${n}${list.parts[k]!.text}`).join(' + ');
    const where = matched ? { zh: '同段另一处逐项列出同样各项，合计为其总额', en: 'the same items, listed elsewhere in the paragraph, make their whole' } : { zh: '同样各项在另一处合计为其总额', en: 'the same items elsewhere make their whole' };
    results.push(
      makeResult({
        rule: RULE,
        status: holds ? 'pass' : 'fail',
        expected,
        actual,
        unit: list.whole.unit,
        zh: `其中各项 ${items}（合计区间 ${showInterval(expected, p)}）与总额 ${list.whole.text} ${holds ? '一致' : '不符'}；${where.zh} ${complete.whole.text}，故所列完整`,
        en: `The items ${items} (sum interval ${showInterval(expected, p)}) ${holds ? 'make' : 'miss'} the whole ${list.whole.text}; ${where.en} ${complete.whole.text}, so the list is complete`,
        evidence: [evidenceOfFigure('total', list.whole), ...list.parts.map((x) => evidenceOfFigure('part', x)), evidenceOfFigure('parallel_total', complete.whole)],
        detail: matched ? { parts: list.names, parallel: true, matchedByName: true } : { parts: list.names, parallel: true },
      }),
    );
  }
  return results;
}

/** "分别是…", "其中，…" opening a sentence: its items' whole is the one amount of the sentence before. */
const OPENING_MARK = new RegExp(`^[\\s，,：:]*(?:${BREAKDOWN_MARKS.join('|')})[\\s：:，,]*([^\\d。]{2,30})$`, 'u');
/** Between a whole and its first item, a bracket may open the list: "696.5万元(其中,B使用50万元…)". */
const OPENING_GAP = new RegExp(`^[\\s，,：:]*([（(])?(?:${BREAKDOWN_MARKS.join('|')})[\\s：:，,]*([^\\d。（()）]{2,30})$`, 'u');
/** Between two items: a separator, then the next item's name (an aside in brackets before it dropped). */
const ITEM_GAP = /^[\s，,、；;]+((?:\d{4}年度?)?[^\d。：:（()）〈〉]{2,30})$/u;
/** An aside bracketed right after an item's amount: "5万元〈结余15万元已上缴财政〉". */
const ASIDE = /^[〈（(][^〈〉（()）]*[〉）)]/u;
/** A name contained in another counts as the same item only at this length (中央 is in many names). */
const MIN_NAME = 4;

interface MatchedList extends ItemList {
  /** Where the list's paragraph starts: two lists are matched within one paragraph. */
  paragraph: number;
}

/** The end of the bracket opened before `from` (its matching close), or -1. */
function bracketEnd(sentence: string, from: number): number {
  let depth = 1;
  for (let i = from; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The items from numbers[j0] on (the first named name0), to `end`; null when anything else stands among them. */
function itemsFrom(sentence: string, numbers: readonly NumberMatch[], j0: number, name0: string, end: number): { names: string[]; items: NumberMatch[] } | null {
  const names = [name0.trim()];
  const items = [numbers[j0]!];
  let at = numbers[j0]!.end;
  for (let j = j0 + 1; j < numbers.length && numbers[j]!.start < end; j++) {
    let gapStart = at;
    const aside = ASIDE.exec(sentence.slice(gapStart, end));
    if (aside) {
      gapStart += aside[0].length;
      // An amount inside the aside is no item.
      if (numbers[j]!.start < gapStart) continue;
    }
    const gap = ITEM_GAP.exec(sentence.slice(gapStart, numbers[j]!.start));
    if (!gap || numbers[j]!.kind !== 'money') return null;
    names.push(gap[1]!.trim());
    items.push(numbers[j]!);
    at = numbers[j]!.end;
  }
  const tail = sentence.slice(at, end).replace(ASIDE, '');
  return /\d/u.test(tail) || items.length < MIN_ITEMS ? null : { names, items };
}

/** A list in one sentence: after its whole, or opening the sentence with the sentence before's one amount as its whole. */
function matchedListIn(sentence: string, numbers: readonly NumberMatch[], at: (m: NumberMatch) => Figure, borrowed: Figure | null): Omit<MatchedList, 'paragraph'> | null {
  const opening = numbers.length > 0 ? OPENING_MARK.exec(sentence.slice(0, numbers[0]!.start)) : null;
  if (opening && borrowed && numbers[0]!.kind === 'money') {
    const found = itemsFrom(sentence, numbers, 0, opening[1]!, sentence.length);
    return found ? { whole: borrowed, names: found.names, parts: found.items.map(at) } : null;
  }
  for (let i = 0; i + MIN_ITEMS < numbers.length; i++) {
    if (numbers[i]!.kind !== 'money') continue;
    const gap = OPENING_GAP.exec(sentence.slice(numbers[i]!.end, numbers[i + 1]!.start));
    if (!gap) continue;
    const end = gap[1] ? bracketEnd(sentence, numbers[i]!.end + gap[0].indexOf(gap[1]) + 1) : sentence.length;
    if (end < 0) return null;
    const found = itemsFrom(sentence, numbers, i + 1, gap[2]!, end);
    return found ? { whole: at(numbers[i]!), names: found.names, parts: found.items.map(at) } : null;
  }
  return null;
}

/** Each name of one list named, whole or in part, by exactly one of the other, and the other way round. */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const names = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= MIN_NAME && (x.includes(y) || y.includes(x)));
  return a.every((x) => b.filter((y) => names(x, y)).length === 1) && b.every((y) => a.filter((x) => names(x, y)).length === 1);
}

/**
 * Two lists of one paragraph naming the same items in any order, in other words: one that makes its
 * whole shows the other complete, whose miss is a slip (definite). Lists of the same names in the same
 * order are checkParallelBreakdowns's.
 */
export function checkMatchedLists(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined || !BREAKDOWN_MARKS.some((m) => text.includes(m))) return [];
  const lists: MatchedList[] = [];
  let previous: Figure | null = null;
  let paragraph = 0;
  let start = 0;
  for (const { sentence, at } of sentencesOf(text, doc, () => true)) {
    const end = start + sentence.length;
    if (sentence.trim() !== '') {
      const numbers = figuresIn(sentence);
      const list = BREAKDOWN_MARKS.some((m) => sentence.includes(m)) ? matchedListIn(sentence, numbers, at, previous) : null;
      if (list) lists.push({ ...list, paragraph });
      const money = numbers.filter((m) => m.kind === 'money');
      previous = money.length === 1 ? at(money[0]!) : null;
    }
    // A sentence closed by a line break ends its paragraph.
    if (text[end] === '\n') {
      paragraph = end + 1;
      previous = null;
    }
    start = end + 1;
  }
  const key = (l: ItemList) => l.names.join('|');
  return twinResults(lists, (o, list) => o.paragraph === list.paragraph && key(o) !== key(list) && sameItems(o.names, list.names), true);
}
