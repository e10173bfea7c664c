/**
 * A whole given as a count and its money, and its parts after 其中 each given the same way (issue 16,
 * t876): "专项资金项目共计113个，财政资金3267.28万元。其中绩效自评“优”的项目79个财政资金3038.38万元；…“良”的项目
 * 11个财政资金201.9万元，…“中”的项目3个财政资金7万元，…“差”的项目20个财政资金218.07万元（“三区”人才项目16个49万元）".
 * The parts name a grade or a category, no fund, so breakdown.ts cannot tell whether they cover the whole;
 * their counts can: when the parts' counts add up exactly to the whole's count (79 + 11 + 3 + 20 = 113), the
 * parts are every item of the whole, so their money is the whole's money and any mismatch fails `definite`
 * (`sum.breakdown`). Counts that do not add up say nothing (the list may be partial, or the count a
 * different quantity): no result. A bracket inside the list is a part's own detail, not a part.
 */
import type { SourceDocument } from '../ingest/document.js';
import { findNumbers, type NumberMatch } from '../extract/numbers.js';
import { inBrackets, toFigure } from '../extract/roles/candidates.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { COUNTED_PARTS_MARK } from '../vocabulary/breakdowns.js';
import { bareFigureOf, reportBreakdown, splitSentences, sumOfParts, type ToFigure } from './breakdown.js';

/** Sentences end here (a 其中 after 。 opens the next sentence, whose parts are the previous one's). */
/** Between a count and its money in one item: a few characters, no digit, one comma at most ("，财政资金", "项目，资金", ""). */
const COUNT_TO_MONEY = /^[^\d，,、；;。：:]{0,6}[，,]?[^\d，,、；;。：:]{0,8}$/u;
/** Between one part's money and the next part's count: a separator, then the part's name (no digit). */
const BETWEEN_PARTS = /^[，,、；;][^\d，,、；;。：:]{1,24}$/u;

interface Pair {
  count: NumberMatch;
  money: NumberMatch;
  /** The part's name: what stands before its count ("绩效自评“优”的项目"). */
  name?: string;
}

/** The count and money figures of a stretch, outside brackets, in order. */
function countsAndMoney(sentence: string): NumberMatch[] {
  return findNumbers(sentence, { includePlain: false }).filter((m) => (m.kind === 'count' || m.kind === 'money') && !inBrackets(sentence, 0, m.start));
}

/** The whole: a stretch's last count right before its last money, nothing between them but a short name. */
function wholeOf(stretch: string, numbers: readonly NumberMatch[]): Pair | null {
  const last = numbers.length;
  if (last < 2) return null;
  const count = numbers[last - 2]!;
  const money = numbers[last - 1]!;
  if (count.kind !== 'count' || money.kind !== 'money' || count.approx !== 'exact' || money.approx !== 'exact') return null;
  return COUNT_TO_MONEY.test(stretch.slice(count.end, money.start)) ? { count, money } : null;
}

/** The parts after the mark: count, money, count, money … and nothing else, each pair joined as wholeOf's. */
function partsOf(list: string, numbers: readonly NumberMatch[]): Pair[] | null {
  if (numbers.length < 4 || numbers.length % 2 !== 0) return null;
  const pairs: Pair[] = [];
  for (let i = 0; i < numbers.length; i += 2) {
    const count = numbers[i]!;
    const money = numbers[i + 1]!;
    if (count.kind !== 'count' || money.kind !== 'money' || count.approx !== 'exact' || money.approx !== 'exact') return null;
    if (!COUNT_TO_MONEY.test(list.slice(count.end, money.start))) return null;
    const lead = list.slice(i > 0 ? numbers[i - 1]!.end : 0, count.start).replace(/[（(][^（）()]*[）)]/gu, '');
    if (i > 0 && !BETWEEN_PARTS.test(lead)) return null;
    pairs.push({ count, money, name: lead.replace(/^[，,、；;\s]+/u, '').trim() });
  }
  return pairs;
}

/** Whole counts, the parts' adding up exactly to the whole's. */
function isPartition(parts: readonly NumberMatch[], whole: NumberMatch): boolean {
  const whole_ = /^\d+$/u.test(whole.base) ? Number(whole.base) : NaN;
  if (!Number.isSafeInteger(whole_) || !parts.every((p) => /^\d+$/u.test(p.base))) return false;
  return parts.reduce((n, p) => n + Number(p.base), 0) === whole_;
}

export function checkCountedParts(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined || !text.includes('其中')) return [];
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  const results: CheckResult[] = [];
  const { starts, sentences } = splitSentences(text);
  let previous = { text: '', start: 0 };
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const start = starts[k]!;
    const i = start + sentence.length;
    const mark = COUNTED_PARTS_MARK.exec(sentence);
    if (mark) {
      // The whole stands before the mark in this sentence, or, when the sentence opens with it, ends the previous one.
      const before = sentence.slice(0, mark.index);
      const inOwn = before.trim() !== '';
      const wholeText = inOwn ? before : previous.text;
      const wholeAt = inOwn ? start : previous.start;
      const listAt = start + mark.index + mark[0].length;
      const list = text.slice(listAt, i);
      const whole = wholeOf(wholeText, countsAndMoney(wholeText));
      const parts = whole && whole.count.unit !== '' ? partsOf(list, countsAndMoney(list)) : null;
      if (whole && parts && parts.every((p) => p.count.unit === whole.count.unit) && isPartition(parts.map((p) => p.count), whole.count)) {
        const at = (m: NumberMatch, offset: number): Figure => figureOf({ ...m, start: m.start + offset, end: m.end + offset });
        const wholeFigure = at(whole.money, wholeAt);
        const named = parts.map((p) => ({ name: `${p.name ?? ''}${p.count.text}`, figure: at(p.money, listAt) }));
        const result = reportBreakdown({ whole: wholeFigure, parts: named }, sumOfParts({ whole: wholeFigure, parts: named }), { complete: true, shortIsDefinite: true });
        result.detail = { ...result.detail, counts: { whole: whole.count.text, parts: parts.map((p) => p.count.text) } };
        results.push(result);
      }
    }
    if (sentence.trim() !== '') previous = { text: sentence, start };
  }
  return results;
}
