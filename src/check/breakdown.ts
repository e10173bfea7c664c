/**
 * Breakdowns stated in one sentence (issue 16: parts and wholes, published slips such as fund sources
 * that do not add up to the stated total, an 实际到位 total that is not the sum of its sources, shares
 * printed wrong): "收到财政资金共 2330.9 万元，其中：中央资金 1372.7 万元，地方资金 98.6 万元…",
 * "支出 2940.05 万元，主要用于以下方面：一般公共服务支出（类）2106.66 万元，占 71.73%；…", and a total
 * after its parts ("下达中央资金30.9万元，县财政资金30.9万元，共计下达61.8万元") where every part names a fund.
 * - sum.breakdown: the parts, each with a short name and separated by 、，；, add up (interval sum) to
 *   the whole. A sum above the whole fails `definite`; a sum below it fails when every part is
 *   named as a piece of the whole (fund levels and kinds, nature classes), `definite` when the last
 *   part is "其他…" or the parts are every kind of a closed classification (政府采购's 货物, 工程, 服务: the
 *   list is closed) and `possible` otherwise, and warns when the parts are of
 *   other kinds, since such a list may be partial.
 * - share.of_whole: a part's "占 P%" is part ÷ whole to P's printed precision (definite: one sentence
 *   states all three); a share cut off instead of rounded is `rate.truncated`.
 */
import type { SourceDocument } from '../ingest/document.js';
import { figureOfMatch, inBrackets, toFigure } from '../extract/roles/candidates.js';
import { findNumbers } from '../extract/numbers.js';
import type { NumberMatch } from '../extract/numbers.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { ADJUSTMENT_WORDS, BASIC_SPENDING_CLASSES, BASIC_SPENDING_WHOLE, BREAKDOWN_MARKS, ECONOMIC_CLASS_PART, BREAKDOWN_PART_WORDS, CLOSED_PART_SETS, CLOSING_PART, INCOME_KIND_PART, LEVEL_PART_NAME } from '../vocabulary/breakdowns.js';
import { FUND_IN_NAME } from '../vocabulary/units.js';
import { COMPARISON_WORDS, REVENUE_CHANGE_WORDS } from '../vocabulary/accounts.js';
import { Decimal } from 'decimal.js';
import { divideIntervals, intervalOfFigure, intervalOfPrintedRate, sumOfPrintedParts, intervalsMeet, isIntervalAbove, midpointOf, roundedIntervalOfFigure, scaleInterval, sumIntervals, truncationIntervalOf, type Interval } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';
import { findUnitSlip, UNIT_SLIP_FACTOR } from './unit-slip.js';
import { codeClass } from '../extract/char-class.js';

const RULE = 'sum.breakdown';
const SHARE_RULE = 'share.of_whole';
/** Sentences end here; 、，；between parts do not end a breakdown. */
const SENTENCE_END = /[。！？!?\n]/u;
const isSentenceEnd = codeClass(SENTENCE_END);
const MARK = BREAKDOWN_MARKS.join('|');
/**
 * One piece of a part's name: a character that is no digit or separator, or a bracket whose places are
 * listed with 、 ("县(市、区)财政配套资金", t083: the 、 inside the bracket parts no parts).
 */
const NAME_PIECE = '(?:[^\\d，,、；;。：:]|[（(][^\\d，,；;。：:（()）]{0,8}、[^\\d，,；;。：:（()）]{0,8}[）)])';
/** A part's name: a few characters, no digits, no separators. */
const NAME = `(${NAME_PIECE}{1,16})`;
/** Between the whole and the first part: the mark (其中, 主要用于以下方面 …; in a bracket: "X万元（其中…"), then the part's name. */
const FIRST_GAP = new RegExp(`^[\\s，,：:]*[（(]?(?:${MARK})[\\s：:，,]*${NAME}$`, 'u');
/** A share printed after a part: "，占 71.73%" (its digits are matched as a percent figure). */
const SHARE_LEAD = /^[\s，,]*([（(])?占(?:比)?[^\d，,；;。%％]{0,8}$/u;
/** Words that start a new clause rather than name a part: "…，全年实际支出 1595.59 万元，其中…". */
const CLAUSE_WORDS = new RegExp(`${MARK}|全年|本年|年度|核定|实际|收到|下达|安排|完成|累计|合计|共计|总计|限额`, 'u');
/** Between a part (and its share) and the next part: a separator, then the name (after the year it is of: "2018年度…结余资金"). */
const NEXT_GAP = new RegExp(`^[\\s，,、；;]+((?:\\d{4}年度?)?${NAME_PIECE}{1,16})$`, 'u');
/** The year a part's name opens with ("2018年度农机购置补贴结余资金": last year's balance carried in). */
const YEAR_OF_PART = /^\d{4}年度?/u;

/**
 * How many recipients an amount is given to, by the words right before it: "甲、乙项目各10万元", "与湖南日报、郴州日报
 * 开展战略合作，经费各40万" give it to each name of the clause's 、 list (2); without 各, to one. 0: a 各 whose names
 * cannot be counted (no 、 in the clause), so the list is not read.
 */
export function recipientsOf(lead: string): number {
  if (!/各\s*$/u.test(lead)) return 1;
  const clauses = lead.split(/[，,]/u).filter((c) => c.includes('、'));
  return clauses.length === 1 ? clauses[0]!.split('、').length : 0;
}

/** A figure from a number at its place in the text; with the document, its evidence carries the page and raw span. */
export type ToFigure = (m: NumberMatch) => Figure;

/** Without the document (a bare text): the span and quote only. */
export function bareFigureOf(m: NumberMatch): Figure {
  return figureOfMatch(m, { page: null, start: m.start, end: m.end, quote: m.text });
}

/**
 * The sentences of a text that `wanted` keeps, each with a maker of figures for its numbers at their
 * place in the text (with the document: page and raw span too). The cheap test keeps the hot path fast.
 */
export function* sentencesOf(text: string, doc: SourceDocument | undefined, wanted: (sentence: string) => boolean): Generator<{ sentence: string; at: (m: NumberMatch) => Figure }> {
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  const { starts, sentences } = splitSentences(text);
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const offset = starts[k]!;
    if (wanted(sentence)) yield { sentence, at: (m) => figureOf({ ...m, start: m.start + offset, end: m.end + offset }) };
  }
}

/**
 * The sentences of a text (up to each end mark, the mark left out; the last up to the text's end)
 * and where each starts. Eight checks read the same text's sentences, each with its own test: the
 * last text's are kept, so that each sentence is cut from the text once, not once per check.
 */
export function splitSentences(text: string): { starts: readonly number[]; sentences: readonly string[] } {
  if (text === lastSplit.text) return lastSplit;
  const starts: number[] = [];
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSentenceEnd(text.charCodeAt(i))) continue;
    starts.push(start);
    sentences.push(text.slice(start, i));
    start = i + 1;
  }
  lastSplit = { text, starts, sentences };
  return lastSplit;
}
let lastSplit: { text: string | null; starts: readonly number[]; sentences: readonly string[] } = { text: null, starts: [], sentences: [] };

export interface Part {
  name: string;
  figure: Figure;
  /** "占 P%" printed right after it. */
  share: Figure | null;
}

export interface Breakdown {
  whole: Figure;
  parts: Part[];
  /** The words right before the whole in its sentence ("1.基本支出"), when it stands in the parts' sentence. */
  wholeLead?: string;
}

/** Money and percent figures of a sentence, exact ones only. */
export function figuresIn(sentence: string): NumberMatch[] {
  return findNumbers(sentence, { includePlain: false }).filter((m) => m.approx === 'exact' && (m.kind === 'money' || m.kind === 'percent'));
}

/** 万 = 10^4 above 元. */
const WAN_SCALE = 4;

/**
 * figuresIn, with each "N万" whose 元 was dropped read as N万元 when the sentence's other amounts
 * are in 万元 ("预算数60万元,其中包括…补贴资金60万, …结余资金12.664万元", t554): a list's parts come
 * in one unit. collectParts takes such an amount only as a part named as a fund, never as a whole.
 */
function amountsIn(sentence: string): NumberMatch[] {
  const all = findNumbers(sentence, { includePlain: true }).filter((m) => m.approx === 'exact');
  if (!all.some((m) => m.kind === 'money' && m.unit === '万元')) return all.filter((m) => m.kind === 'money' || m.kind === 'percent');
  return all.flatMap((m) => (m.kind === 'money' || m.kind === 'percent' ? [m] : isBareWanNumber(m) ? [{ ...m, kind: 'money' as const, unit: '万元' }] : []));
}

/** A plain number whose only unit is the magnitude 万 ("60万"). */
function isBareWanNumber(m: NumberMatch): boolean {
  return m.kind === 'plain' && m.unit === '' && m.scale === WAN_SCALE && /万$/u.test(m.text);
}

/** An amount amountsIn read from a bare "N万". */
function isBareWan(m: NumberMatch): boolean {
  return m.kind === 'money' && /\d万$/u.test(m.text);
}

/**
 * The parts listed from `numbers[j]` on, the first named `name`: each money figure, the share
 * printed after it, and the next one while a separator and a name lead to it; the list ends where
 * its parts make the whole.
 */
function collectParts(sentence: string, numbers: readonly NumberMatch[], j0: number, name0: string, whole: Figure, at: (m: NumberMatch) => Figure): Part[] {
  const between = (a: NumberMatch, b: NumberMatch) => sentence.slice(a.end, b.start);
  const parts: Part[] = [];
  let name = name0;
  let j = j0;
  while (j < numbers.length && numbers[j]!.kind === 'money') {
    const part = numbers[j]!;
    // An amount whose 元 was dropped ("…补贴资金60万") is one only as a fund's part.
    if (isBareWan(part) && !FUND_IN_NAME.test(name)) break;
    let share: Figure | null = null;
    let last = part;
    // A share in a bracket ("60万元（占60%），省级…") closes it before the next part.
    let closing = '';
    const next = numbers[j + 1];
    const lead = next?.kind === 'percent' ? SHARE_LEAD.exec(between(part, next)) : null;
    if (next && lead) {
      share = at(next);
      last = next;
      closing = lead[1] ? '[）)]' : '';
      j++;
    }
    parts.push({ name, figure: at(part), share });
    const following = numbers[j + 1];
    const gap = following?.kind === 'money' ? NEXT_GAP.exec(between(last, following).replace(new RegExp(`^\\s*${closing}`, 'u'), '')) : null;
    const nextName = gap ? gap[1]!.trim() : '';
    // A list that already makes its whole is complete: what follows is the next clause — except the
    // next kind of a 决算's income by type, which is still the list ("…0.00万元，其他收入1.00万元"): every
    // printed part is summed, so a part the others already make up is still seen.
    const incomeGoesOn = parts.every((p) => INCOME_KIND_PART.test(p.name)) && INCOME_KIND_PART.test(nextName);
    if (parts.length >= 2 && !incomeGoesOn && intervalsMeet(sumIntervals(parts.map((x) => intervalOfFigure(x.figure, whole.scale))), intervalOfFigure(whole))) break;
    if (!gap) break;
    // A year opens a new clause ("2020年度支出…") unless what follows it is a piece of the whole (its 结余, 结转).
    const unyeared = nextName.replace(YEAR_OF_PART, '');
    if (unyeared !== nextName && !isPieceOfWhole(unyeared)) break;
    if (CLAUSE_WORDS.test(unyeared) && !LEVEL_PART_NAME.test(unyeared)) break;
    name = nextName;
    j++;
  }
  return parts.length >= 2 && !parts.some((p) => ADJUSTMENT_WORDS.test(p.name)) ? parts : [];
}

/**
 * The breakdowns of one sentence (the sentence starts at `offset` in the text). A sentence that
 * opens with 其中 lists the parts of the previous sentence's first amount (`previous`):
 * "…支出6821.09751万元，比上年增加…。其中：基本支出2754.869651元，…".
 */
function breakdownsIn(sentence: string, offset: number, previous: Figure | null, figureOf: ToFigure): Breakdown[] {
  const numbers = amountsIn(sentence);
  const at = (m: NumberMatch): Figure => figureOf({ ...m, start: m.start + offset, end: m.end + offset });
  const out: Breakdown[] = [];
  const opening = numbers[0];
  if (previous && opening?.kind === 'money' && /^\s*其中/u.test(sentence)) {
    const first = FIRST_GAP.exec(sentence.slice(0, opening.start));
    const parts = first ? collectParts(sentence, numbers, 0, first[1]!.trim(), previous, at) : [];
    if (parts.length > 0) out.push({ whole: previous, parts });
  }
  for (let i = 0; i + 1 < numbers.length; i++) {
    const whole = numbers[i]!;
    const firstPart = numbers[i + 1]!;
    if (whole.kind !== 'money' || firstPart.kind !== 'money' || isBareWan(whole)) continue;
    // "预算支出910.42、7万元，其中…": a number after 、 is an item of a list, not a whole.
    if (/[、，,]$/u.test(sentence.slice(0, whole.start).trimEnd()) && /\d/u.test(sentence.slice(Math.max(0, whole.start - 3), whole.start))) continue;
    const first = FIRST_GAP.exec(sentence.slice(whole.end, firstPart.start));
    if (!first) continue;
    const wholeFigure = at(whole);
    const parts = collectParts(sentence, numbers, i + 1, first[1]!.trim(), wholeFigure, at);
    if (parts.length > 0) out.push({ whole: wholeFigure, parts, wholeLead: sentence.slice(Math.max(0, whole.start - WHOLE_LEAD_LENGTH), whole.start) });
  }
  out.push(...partsBeforeTotal(sentence, numbers, at));
  return out;
}

/** How many characters before a whole are kept as its lead (Breakdown.wholeLead). */
const WHOLE_LEAD_LENGTH = 12;

/** A total stated after its parts: "，合计100万元", "，共计下达61.8万元". */
const TOTAL_AFTER_PARTS = /^[，,]\s*(?:合计|共计|总计)(?:下达|安排|拨付|投入|到位)?(?:资金)?[为是达]?\s*$/u;
/** The name a sentence's first part ends its opening with ("我局收到中央资金60万元": 我局收到中央资金). */
const OPENING_NAME = /([^\d，,、；;。：:]{1,16})$/u;

/**
 * Parts listed first and their total after them, in a sentence that states no other amount before them
 * ("下达中央资金30.9万元，县财政资金30.9万元，共计下达61.8万元", t202): read only when every part is named as
 * a piece of a whole (fund levels and kinds, nature classes), so the total is surely theirs.
 */
function partsBeforeTotal(sentence: string, numbers: readonly NumberMatch[], at: (m: NumberMatch) => Figure): Breakdown[] {
  const k = numbers.findIndex((m, i) => i >= 2 && m.kind === 'money' && TOTAL_AFTER_PARTS.test(sentence.slice(numbers[i - 1]!.end, m.start)));
  if (k < 0) return [];
  const run = numbers.slice(0, k);
  if (!run.every((m) => m.kind === 'money' && !isBareWan(m))) return [];
  const opening = OPENING_NAME.exec(sentence.slice(0, run[0]!.start));
  if (!opening) return [];
  const names = [opening[1]!.trim()];
  for (let i = 1; i < run.length; i++) {
    const gap = NEXT_GAP.exec(sentence.slice(run[i - 1]!.end, run[i]!.start));
    if (!gap) return [];
    names.push(gap[1]!.trim());
  }
  if (!names.every(isPieceOfWhole) || names.some((n) => ADJUSTMENT_WORDS.test(n))) return [];
  return [{ whole: at(numbers[k]!), parts: run.map((m, i) => ({ name: names[i]!, figure: at(m), share: null })) }];
}

/**
 * Parts and whole about 10^4 apart (within 1%) without meeting even after the factor: the unit is
 * wrong and the arithmetic off as well (r28: income parts in 元 that also miss the total by 0.43万元).
 */
function nearUnitSlip(sum: Interval, whole: Interval): { adjustment: 'multiply' | 'divide'; adjusted: Interval } | null {
  const s = midpointOf(sum);
  const w = midpointOf(whole);
  if (s === null || w === null || new Decimal(s).isZero() || new Decimal(w).isZero()) return null;
  const ratio = new Decimal(w).div(s);
  if (ratio.div(UNIT_SLIP_FACTOR).minus(1).abs().lte('0.01')) return { adjustment: 'multiply', adjusted: scaleInterval(sum, UNIT_SLIP_FACTOR) };
  if (ratio.times(UNIT_SLIP_FACTOR).minus(1).abs().lte('0.01')) return { adjustment: 'divide', adjusted: scaleInterval(sum, '0.0001') };
  return null;
}

function isPieceOfWhole(name: string): boolean {
  return BREAKDOWN_PART_WORDS.some((w) => name.includes(w));
}

/**
 * The parts are economic classes of spending (ECONOMIC_CLASS_PART) naming each of a 基本支出's classes once
 * (BASIC_SPENDING_CLASSES): the whole's spending, nothing left out.
 */
function isEveryBasicSpendingClass(names: readonly string[], wholeLead: string | undefined): boolean {
  // Only a 基本支出's: a whole of all spending by class may hold more (对企业补助, 债务利息 of its projects).
  if (wholeLead === undefined || !BASIC_SPENDING_WHOLE.test(wholeLead)) return false;
  if (names.length !== BASIC_SPENDING_CLASSES.length || !names.every((n) => ECONOMIC_CLASS_PART.test(n))) return false;
  const named = names.map((n) => BASIC_SPENDING_CLASSES.filter((k) => n.includes(k)));
  return named.every((ks) => ks.length === 1) && new Set(named.map((ks) => ks[0])).size === BASIC_SPENDING_CLASSES.length;
}

/** The parts are the kinds of a closed classification (CLOSED_PART_SETS), each kind named once: nothing is left out. */
function isClosedClassification(names: readonly string[]): boolean {
  return CLOSED_PART_SETS.some(({ marker, kinds }) => {
    if (names.length !== kinds.length || !names.every((n) => n.includes(marker))) return false;
    const named = names.map((n) => kinds.filter((k) => n.includes(k)));
    return named.every((ks) => ks.length === 1) && new Set(named.map((ks) => ks[0])).size === kinds.length;
  });
}

const MARKED = new RegExp(MARK, 'u');
/** A sentence that may state a total after its parts (partsBeforeTotal). */
const TOTAL_WORD = /合计|共计|总计/u;
/** MARKED or TOTAL_WORD, in one scan of the sentence (asked of every sentence of every text). */
const MARKED_OR_TOTAL = new RegExp(`${MARKED.source}|${TOTAL_WORD.source}`, 'u');
/** The words that state an amount as a change of another ("较上年决算数减少70.62万元", "增收2546万元"). */
const CHANGE_BEFORE = new RegExp(`(?:${[...COMPARISON_WORDS.increase, ...COMPARISON_WORDS.decrease, ...REVENUE_CHANGE_WORDS.increase, ...REVENUE_CHANGE_WORDS.decrease].join('|')})[了为是]?\\s*$`, 'u');
/** How far before an amount its change word may stand. */
const CHANGE_LOOKBACK = 6;

/** A breakdown with the sentence it stands in (`offset`: where the sentence starts in the text). */
export interface BreakdownInSentence {
  sentence: string;
  offset: number;
  breakdown: Breakdown;
  figureOf: ToFigure;
}

/**
 * Every breakdown of a text, sentence by sentence. Two checks read the same text's (sum.breakdown
 * and the restated levels): the last text's are kept, as its sentence ends are.
 */
export function breakdownsOf(text: string, doc?: SourceDocument): readonly BreakdownInSentence[] {
  if (text === lastBreakdowns.text && doc === lastBreakdowns.doc) return lastBreakdowns.found;
  const found = [...readBreakdowns(text, doc)];
  lastBreakdowns = { text, doc, found };
  return found;
}
let lastBreakdowns: { text: string | null; doc: SourceDocument | undefined; found: readonly BreakdownInSentence[] } = { text: null, doc: undefined, found: [] };

function* readBreakdowns(text: string, doc?: SourceDocument): Generator<BreakdownInSentence> {
  const figureOf: ToFigure = doc && doc.text === text ? (m) => toFigure(doc, m) : bareFigureOf;
  let before = { text: '', start: 0 };
  const { starts, sentences } = splitSentences(text);
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const start = starts[k]!;
    if (MARKED_OR_TOTAL.test(sentence)) {
      // Numbers of the previous sentence are read only when this one opens with 其中 (it is the hot path).
      const previous = /^\s*其中/u.test(sentence) ? firstMoneyOf(before.text, before.start, figureOf) : null;
      for (const breakdown of breakdownsIn(sentence, start, previous, figureOf)) yield { sentence, offset: start, breakdown, figureOf };
    }
    // "…合计562.21万元。\n其中：…": the line break after 。 ends an empty sentence, not the whole's.
    if (sentence.trim() !== '') before = { text: sentence, start };
  }
}

export function checkBreakdowns(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const results: CheckResult[] = [];
  for (const { breakdown: b } of breakdownsOf(text, doc)) {
    const sum = checkBreakdown(b);
    results.push(...sum);
    // Shares of a whole printed in the wrong unit say nothing more.
    if (!sum.some((r) => r.rule === 'unit_slip')) results.push(...b.parts.flatMap((p) => checkShare(b.whole, p)));
  }
  return results;
}

/** The first amount of a sentence, as a figure at its place in the text. */
function firstMoneyOf(sentence: string, offset: number, figureOf: ToFigure): Figure | null {
  const money = figuresIn(sentence).filter((x) => x.kind === 'money');
  // Two quantities before the 其中 ("共销售福利彩票4.2亿元,筹集福利彩票公益金4331.09万元。其中…", t434): whose
  // parts follow is not told. A change of the first ("比上年增加…万元") is no second quantity, nor what a
  // bracket says it holds ("18.7739万元(含上年度结转3.58万元)", t438).
  const second = (m: NumberMatch) => !CHANGE_BEFORE.test(sentence.slice(Math.max(0, m.start - CHANGE_LOOKBACK), m.start)) && !inBrackets(sentence, 0, m.start);
  if (money.slice(1).some(second)) return null;
  const m = money[0];
  return m ? figureOf({ ...m, start: m.start + offset, end: m.end + offset }) : null;
}

/** A whole and the parts listed for it, by name. */
export interface ListedParts {
  whole: Figure;
  parts: ReadonlyArray<{ name: string; figure: Figure }>;
}

/** The parts' sum against the whole, each read as 四舍五入 printed it (the end away from zero open). */
export function sumOfParts({ whole, parts }: ListedParts): { expected: Interval; actual: Interval; holds: boolean; over: boolean } {
  const expected = sumOfPrintedParts(parts.map((p) => p.figure), whole.scale);
  const actual = roundedIntervalOfFigure(whole);
  return { expected, actual, holds: intervalsMeet(expected, actual), over: isIntervalAbove(expected, actual) };
}

/**
 * The `sum.breakdown` finding of a list: parts above the whole fail `definite`; parts short of it
 * fail when `complete` (the parts are the whole's pieces), `definite` only when `shortIsDefinite`
 * (nothing can be left out), else warn. `itemized`: the text promised every item (逐项列出).
 */
export function reportBreakdown(list: ListedParts, sum: ReturnType<typeof sumOfParts>, how: { complete: boolean; shortIsDefinite: boolean; itemized?: boolean }): CheckResult {
  const { whole, parts } = list;
  const { expected, actual, holds, over } = sum;
  const p = whole.precision;
  const names = parts.map((x) => `${x.name}${x.figure.text}`).join(' + ');
  const verdict = holds ? '一致' : over ? '超过总额' : '不足总额';
  const verdictEn = holds ? 'consistent' : over ? 'more than the whole' : 'less than the whole';
  return makeResult({
    rule: RULE,
    status: holds ? 'pass' : over || how.complete ? 'fail' : 'warn',
    certainty: over || how.shortIsDefinite ? 'definite' : 'possible',
    expected,
    actual,
    unit: whole.unit,
    zh: `${how.itemized ? '逐项列出' : '其中'}各项 ${names}（合计区间 ${showInterval(expected, p)}）与总额 ${whole.text}（区间 ${showInterval(actual, p)}）${verdict}`,
    en: `The ${how.itemized ? 'items' : 'parts'} ${names} (sum interval ${showInterval(expected, p)}) against the whole ${whole.text} (interval ${showInterval(actual, p)}): ${verdictEn}`,
    evidence: [evidenceOfFigure('total', whole), ...parts.map((x) => evidenceOfFigure('part', x.figure))],
    detail: { parts: parts.map((x) => x.name), complete: how.complete },
  });
}

function checkBreakdown({ whole, parts, wholeLead }: Breakdown): CheckResult[] {
  const sum = sumOfParts({ whole, parts });
  const { expected, actual, holds } = sum;
  const classified = isClosedClassification(parts.map((p) => p.name)) || isEveryBasicSpendingClass(parts.map((p) => p.name), wholeLead);
  // A 决算's income by type closed by its 其他收入 leaves nothing out (INCOME_KIND_PART).
  const incomeClosed = parts.every((p) => INCOME_KIND_PART.test(p.name)) && CLOSING_PART.test(parts.at(-1)!.name);
  const complete = classified || incomeClosed || parts.every((p) => isPieceOfWhole(p.name));
  // A list closed by its "其他…" part, or naming every kind of a closed classification, leaves nothing out: a shortfall is no partial list.
  const closed = classified || incomeClosed || (complete && CLOSING_PART.test(parts.at(-1)!.name));
  const exactSlip = holds ? null : findUnitSlip(expected, actual);
  const slip = exactSlip ?? (holds ? null : nearUnitSlip(expected, actual));
  if (slip) {
    const op = slip.adjustment === 'multiply' ? '×' : '÷';
    const after = exactSlip ? '后一致' : '后仍不一致（另有金额不符）';
    const afterEn = exactSlip ? 'agree after' : 'still disagree after';
    return [
      makeResult({
        rule: 'unit_slip',
        status: 'fail',
        expected,
        actual,
        unit: whole.unit,
        zh: `其中各项 ${parts.map((x) => `${x.name}${x.figure.text}`).join(' + ')} 与总额 ${whole.text} 相差约 ${UNIT_SLIP_FACTOR} 倍，${op}${UNIT_SLIP_FACTOR} ${after}：疑似元/万元单位错误`,
        en: `The parts ${parts.map((x) => `${x.name} ${x.figure.text}`).join(' + ')} and the whole ${whole.text} are about ${UNIT_SLIP_FACTOR} times apart and ${afterEn} ${op}${UNIT_SLIP_FACTOR}: probable 元/万元 unit error`,
        evidence: [evidenceOfFigure('total', whole), ...parts.map((x) => evidenceOfFigure('part', x.figure))],
        detail: { factor: UNIT_SLIP_FACTOR, relation: RULE, adjustment: slip.adjustment, adjustedExpected: slip.adjusted, exact: exactSlip !== null, parts: parts.map((x) => x.name) },
      }),
    ];
  }
  // Short of the whole: a slip when the parts are pieces of it, else perhaps a partial list (a warning).
  return [reportBreakdown({ whole, parts }, sum, { complete, shortIsDefinite: closed })];
}

/** 占 P%: the part's share of the whole, to P's printed precision. */
function checkShare(whole: Figure, part: Part): CheckResult[] {
  const share = part.share;
  if (!share) return [];
  const ratio = divideIntervals(intervalOfFigure(part.figure, whole.scale), intervalOfFigure(whole));
  if (!ratio) return [];
  const expected = scaleInterval(ratio, 100);
  const actual = intervalOfPrintedRate(share);
  const p = share.precision;
  const what = `${part.name}${part.figure.text} ÷ ${whole.text}（区间 ${showInterval(expected, p)}%）`;
  const whatEn = `${part.name} ${part.figure.text} ÷ ${whole.text} (interval ${showInterval(expected, p)}%)`;
  const evidence = [evidenceOfFigure('rate', share), evidenceOfFigure('numerator', part.figure), evidenceOfFigure('denominator', whole)];
  if (intervalsMeet(expected, actual)) {
    return [makeResult({ rule: SHARE_RULE, status: 'pass', expected, actual, unit: '%', zh: `${what}与所报占比 ${share.text} 一致`, en: `${whatEn} is consistent with the stated share ${share.text}`, evidence })];
  }
  const shareSlip = findUnitSlip(expected, actual);
  if (shareSlip) {
    return [
      makeResult({
        rule: 'unit_slip',
        status: 'fail',
        expected,
        actual,
        unit: '%',
        zh: `${what}与所报占比 ${share.text} 相差 ${UNIT_SLIP_FACTOR} 倍：疑似元/万元单位错误`,
        en: `${whatEn} is ${UNIT_SLIP_FACTOR} times off the stated share ${share.text}: probable 元/万元 unit error`,
        evidence,
        detail: { factor: UNIT_SLIP_FACTOR, relation: SHARE_RULE, adjustment: shareSlip.adjustment },
      }),
    ];
  }
  if (intervalsMeet(expected, truncationIntervalOf(share))) {
    return [
      makeResult({
        rule: 'rate.truncated',
        status: 'warn',
        expected,
        actual,
        unit: '%',
        zh: `${what}，所报占比 ${share.text} 系截断而非四舍五入`,
        en: `${whatEn}; the stated share ${share.text} was truncated, not rounded`,
        evidence,
        detail: { relation: SHARE_RULE },
      }),
    ];
  }
  return [
    makeResult({
      rule: SHARE_RULE,
      status: 'fail',
      expected,
      actual,
      unit: '%',
      zh: `${what}与所报占比 ${share.text}（区间 ${showInterval(actual, p)}%）不一致`,
      en: `${whatEn} disagrees with the stated share ${share.text} (interval ${showInterval(actual, p)}%)`,
      evidence,
    }),
  ];
}
