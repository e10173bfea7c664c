/**
 * Wholes given part by part in a shape the money breakdowns (breakdown.ts) do not read, both seen as
 * published slips (issue 16):
 * - a measure and its parts: "硬化道路7.8公里，其中三湾村3.4公里，庙沟村1.9公里，大义村2.5公里，陈家村1.9公里"
 *   (9.7 ≠ 7.8). The parts are every amount of the whole's unit after 其中 to the end of the sentence,
 *   each named by a short name, and the names are parallel (they end in the same character: 村, 镇,
 *   路 …), so the list is one list and not a next clause. Parts above the whole fail `definite`;
 *   below it, the list may leave something out: a `possible` warning.
 * - an amount itemized after it: "下达预算资金9378万元。具体是：…项目3005万元；…项目1235万元；…"
 *   (7765 ≠ 9378). The amount ends its sentence (or its clause: "…9378万元，具体是：…") and 具体是/分别为 …
 *   with a colon follows, a mark that promises every item; each item (between ；) is a name and one amount (a remark without
 *   figures may follow it), so the items are the whole and any mismatch fails `definite`.
 * Both report `sum.breakdown` with the whole as `total` and the items as `part`s.
 */
import type { SourceDocument } from '../ingest/document.js';
import { findNumbers, type NumberMatch } from '../extract/numbers.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { ITEMIZED_MARKS, MEASURE_PART_MARKS } from '../vocabulary/index.js';
import { bareFigureOf, recipientsOf, reportBreakdown, sentencesOf, sumOfParts, type ToFigure } from './breakdown.js';
import { toFigure } from '../extract/roles/candidates.js';

const MEASURE_MARK = new RegExp(MEASURE_PART_MARKS.join('|'), 'u');
/** Between a measure whole and its first part: the mark, then the part's name. */
const MEASURE_FIRST_GAP = new RegExp(`^[\\s，,：:]*(?:${MEASURE_PART_MARKS.join('|')})[\\s：:，,]*([^\\d，,、；;。：:]{1,12})$`, 'u');
/** Between two measure parts: a separator, then the next part's name. */
const MEASURE_NEXT_GAP = /^[\s，,、；;]+([^\d，,、；;。：:]{1,12})$/u;
/** Items follow the mark (at a sentence's start or after the amount and a comma), separated by ；. */
const ITEMIZED_OPENING = new RegExp(`^\\s*(?:${ITEMIZED_MARKS.join('|')})[\\s：:]*`, 'u');
const ITEMIZED_MARK = new RegExp(`(?<=^\\s*|[\\d万亿元][，,]\\s*)(?:${ITEMIZED_MARKS.join('|')})[：:]`, 'u');
/** ITEMIZED_MARK without its look-behind: most sentences hold no mark, and this says so without trying the look-behind at every character. */
const ITEMIZED_MARK_ANYWHERE = new RegExp(`(?:${ITEMIZED_MARKS.join('|')})[：:]`, 'u');
/** An item's name: no digits but a leading year ("2021年红河州排污许可证核发经费"), no comma or stop. */
const ITEM_NAME = /^(?:\d{4}年度?)?[^\d，,；;。：:]{2,40}$/u;
/** After an item's amount: nothing, or a remark without figures ("，资金直接拨付至个旧市财政局"). */
const ITEM_REMARK = /^(?:[，,][^\d]*)?$/u;

interface Listed {
  whole: Figure;
  parts: Array<{ name: string; figure: Figure }>;
  /** Whether the text promises the whole list (a shortfall is then a slip, not a partial list). */
  complete: boolean;
}

function measuresOf(sentence: string): NumberMatch[] {
  return findNumbers(sentence, { includePlain: false }).filter((m) => m.kind === 'measure' && m.approx === 'exact');
}

/** Measure breakdowns of one sentence: a whole, 其中, and parts of its unit with parallel names. */
function measureLists(sentence: string, at: (m: NumberMatch) => Figure): Listed[] {
  const numbers = measuresOf(sentence);
  const out: Listed[] = [];
  for (let i = 0; i + 2 < numbers.length; i++) {
    const whole = numbers[i]!;
    const first = MEASURE_FIRST_GAP.exec(sentence.slice(whole.end, numbers[i + 1]!.start));
    if (!first || numbers[i + 1]!.unit !== whole.unit) continue;
    const parts = [{ name: first[1]!.trim(), m: numbers[i + 1]! }];
    for (let j = i + 2; j < numbers.length; j++) {
      const gap = MEASURE_NEXT_GAP.exec(sentence.slice(numbers[j - 1]!.end, numbers[j]!.start));
      if (!gap || numbers[j]!.unit !== whole.unit) break;
      parts.push({ name: gap[1]!.trim(), m: numbers[j]! });
    }
    // Nothing but the list may follow its last part: a further clause could be a part of its own.
    const rest = sentence.slice(parts[parts.length - 1]!.m.end);
    const ends = parts.map((p) => p.name.slice(-1));
    if (parts.length < 2 || !/^[\s，,；;]*$/u.test(rest) || new Set(ends).size !== 1) continue;
    out.push({ whole: at(whole), parts: parts.map((p) => ({ name: p.name, figure: at(p.m) })), complete: false });
  }
  return out;
}

/** Money of a sentence, exact amounts only. */
function moneyOf(sentence: string): NumberMatch[] {
  return findNumbers(sentence, { includePlain: false }).filter((m) => m.kind === 'money' && m.approx === 'exact');
}

/** The items of an itemizing sentence, each one name and one amount; null when any item is other. */
function itemsOf(sentence: string, at: (m: NumberMatch) => Figure): Array<{ name: string; figure: Figure }> | null {
  const opening = ITEMIZED_OPENING.exec(sentence);
  if (!opening) return null;
  const items: Array<{ name: string; figure: Figure }> = [];
  let from = opening[0].length;
  for (const piece of sentence.slice(from).split(/[；;]/u)) {
    const numbers = moneyOf(piece);
    const only = numbers[0];
    if (numbers.length !== 1 || !only || !ITEM_REMARK.test(piece.slice(only.end).trim())) return null;
    const name = piece.slice(0, only.start).trim();
    if (!ITEM_NAME.test(name)) return null;
    // "甲、乙项目各10万元" is 10万元 for each of its names (recipientsOf).
    const recipients = recipientsOf(name);
    if (recipients === 0) return null;
    const figure = at({ ...only, start: only.start + from, end: only.end + from });
    for (let k = 0; k < recipients; k++) items.push({ name, figure });
    from += piece.length + 1;
  }
  return items.length >= 2 ? items : null;
}

/** A promised list (items after 具体是) is the whole: a shortfall is a slip as sure as an excess. */
function checkListed(listed: Listed): CheckResult {
  const { complete } = listed;
  return reportBreakdown(listed, sumOfParts(listed), { complete, shortIsDefinite: complete, itemized: complete });
}

/** 。 and \n, the sentence ends of the itemized scan. */
/**
 * The ends of the text's sentences for this check (。 or a line feed), in order, then the text's
 * length: found by indexOf, not by a test of every character of the text.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  let fullStop = text.indexOf('。');
  let lineFeed = text.indexOf('\n');
  while (fullStop >= 0 || lineFeed >= 0) {
    const end = fullStop < 0 ? lineFeed : lineFeed < 0 ? fullStop : Math.min(fullStop, lineFeed);
    ends.push(end);
    if (end === fullStop) fullStop = text.indexOf('。', end + 1);
    if (end === lineFeed) lineFeed = text.indexOf('\n', end + 1);
  }
  ends.push(text.length);
  return ends;
}

export function checkItemizedBreakdowns(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const results: CheckResult[] = [];
  for (const { sentence, at } of sentencesOf(text, doc, (s) => MEASURE_MARK.test(s))) results.push(...measureLists(sentence, at).map(checkListed));
  // The items list the amount right before their mark: the previous sentence's last ("…9378万元。具体是：")
  // or the same sentence's ("…9378万元，具体是：").
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  let previous: { sentence: string; start: number } | null = null;
  let start = 0;
  for (const i of sentenceEnds(text)) {
    const sentence = text.slice(start, i);
    const mark = ITEMIZED_MARK_ANYWHERE.test(sentence) ? ITEMIZED_MARK.exec(sentence) : null;
    if (mark) {
      const before = mark.index === 0 ? previous : { sentence: sentence.slice(0, mark.index).replace(/[，,]\s*$/u, ''), start };
      const last = before ? moneyOf(before.sentence).at(-1) : undefined;
      const offset = start + mark.index;
      const items = itemsOf(sentence.slice(mark.index), (m) => figureOf({ ...m, start: m.start + offset, end: m.end + offset }));
      if (before && last && items && before.sentence.slice(last.end).trim() === '') {
        const whole = figureOf({ ...last, start: last.start + before.start, end: last.end + before.start });
        results.push(checkListed({ whole, parts: items, complete: true }));
      }
    }
    previous = { sentence, start };
    start = i + 1;
  }
  return results;
}
