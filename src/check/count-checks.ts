/**
 * Parts and wholes among counts: "对10个镇（街）和70个机关、事业单位……进行评议" and elsewhere
 * "对80个参评单位" → 10 + 70 = 80. Parts are counts of one unit joined by 和/及/、/与 within a
 * sentence; a whole is another count of that unit whose subject shares a key term with the parts.
 * Deliberately conservative: nothing is reported without a clear whole. A mismatch fails `definite`
 * when the text itself marks the whole (共80个，其中…); a whole found by its subject in another sentence
 * of the same section (the one clear candidate: same head noun, larger than every part, under twice
 * their sum) fails `possible`, since its identity is inferred.
 */
import type { CheckResult, Count, Part, ReportRecord } from '../schema/record.js';
import { canonicalSubject } from './count-identity.js';
import { codeClass } from '../extract/char-class.js';
import { formatInterval, intervalOfCount, intervalsMeet, isIntervalAbove, sumIntervals, type Interval } from './interval.js';
import { anyOf, COUNT_LIST_JOINERS, COUNT_WHOLE_WORDS, GENERIC_SUBJECT_TERMS, SUBJECT_JOINERS } from '../vocabulary/index.js';
import { evidenceOfCount, makeResult } from './result.js';

interface Placed {
  count: Count;
  start: number;
  end: number;
  sentence: number;
  /** Index of the document part (section) it stands in; 0 when the record has no parts. */
  section: number;
  subject: string;
}

const SENTENCE_END = /[。！？；;!?\n]/;
const isSentenceEnd = codeClass(SENTENCE_END);
/** Joiners between listed parts. */
const JOINER = new RegExp(anyOf(COUNT_LIST_JOINERS), 'u');
/** Punctuation that ends a list item group: parts never straddle it. */
const GAP_BREAK = /[，,：:；;。\d]/;
/** Longest text between two listed counts (their subjects plus the joiner). */
const MAX_GAP = 10;
/** Marks a stated whole just before its number. */
const WHOLE_MARK = new RegExp(`(?:${anyOf(COUNT_WHOLE_WORDS)})\\s*$`, 'u');
/** Two-character terms too generic to tie a whole to its parts. */
const STOP_TERMS = new Set(GENERIC_SUBJECT_TERMS);

/**
 * Every list is compared with every count of the document, so the rule's cost grows with the
 * square of the counts: a document with more (a generated or flattened table, never a report we
 * have seen: the largest has 25) is left unchecked, and the record says so.
 */
export const MAX_COUNTS_FOR_PARTS_WHOLE = 1000;

/** What a count counts: the extractor's subject, or the words right after the number. */
function subjectOf(c: Count, text: string, end: number): string {
  if (c.subject.trim() !== '') return c.subject;
  const tail = text.slice(end, end + 12);
  const stop = tail.search(/[，,。；;：:\s\d]/);
  return stop >= 0 ? tail.slice(0, stop) : tail;
}

function sectionOf(parts: readonly Part[], offset: number): number {
  const i = parts.findIndex((p) => p.start <= offset && offset < p.end);
  return i < 0 ? 0 : i;
}

function place(counts: readonly Count[], text: string, parts: readonly Part[]): Placed[] {
  const placed: Placed[] = [];
  const seen = new Set<string>();
  for (const c of counts) {
    const { start, end, quote } = c.evidence;
    if (start < 0 || end > text.length || start >= end) continue;
    // Offsets that do not point at the quoted text belong to another text: skip rather than guess.
    if (quote !== '' && text.slice(start, end) !== quote) continue;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    placed.push({ count: c, start, end, sentence: 0, section: sectionOf(parts, start), subject: subjectOf(c, text, end) });
  }
  placed.sort((a, b) => a.start - b.start);
  // Sentence starts in one pass over the text (in order), not a scan back from every count.
  let at = 0;
  let sentence = 0;
  for (const p of placed) {
    for (; at < p.start; at++) if (isSentenceEnd(text.charCodeAt(at))) sentence = at + 1;
    p.sentence = sentence;
  }
  return placed;
}

/** Runs of ≥2 counts in one sentence, same unit, separated only by a short subject and a joiner. */
function findPartLists(placed: readonly Placed[], text: string): Placed[][] {
  const lists: Placed[][] = [];
  let current: Placed[] = [];
  const flush = () => {
    if (current.length >= 2) lists.push(current);
    current = [];
  };
  for (const p of placed) {
    const prev = current[current.length - 1];
    if (prev && prev.sentence === p.sentence && prev.count.unit === p.count.unit && p.start >= prev.end) {
      const gap = text.slice(prev.end, p.start).replace(/\s+/g, '');
      // "…和70个机关、事业单位共80个": a count marked as a whole ends the list rather than extending it.
      // "道路工程覆盖25个村庄、路灯工程覆盖7个乡镇": the verb of both, repeated, starts another clause.
      const verb = p.count.action;
      const ownVerb = verb !== '' && gap.includes(verb) && text.slice(prev.sentence, prev.start).includes(verb);
      if (gap.length <= MAX_GAP && JOINER.test(gap) && !GAP_BREAK.test(gap) && !WHOLE_MARK.test(gap) && !ownVerb) {
        current.push(p);
        continue;
      }
    }
    flush();
    current = [p];
  }
  flush();
  return lists;
}

function cleanSubject(s: string): string {
  return canonicalSubject(s).replace(/[（(][^）)]*[）)]/g, '').replace(/[^\u4e00-\u9fff\w]/g, '');
}

function termsOf(s: string): Set<string> {
  const clean = cleanSubject(s);
  const terms = new Set<string>();
  for (let i = 0; i + 2 <= clean.length; i++) {
    const t = clean.slice(i, i + 2);
    if (!STOP_TERMS.has(t)) terms.add(t);
  }
  return terms;
}

/**
 * The key term shared by a whole's subject and any part's subject, if any. `terms` keeps each
 * subject's terms: a list is held against every count of its section, and its parts' terms were
 * made again for each.
 */
function sharedTerm(whole: string, parts: readonly string[], terms: Map<string, Set<string>> = new Map()): string | null {
  const termsOfKept = (s: string): Set<string> => {
    let t = terms.get(s);
    if (t === undefined) terms.set(s, (t = termsOf(s)));
    return t;
  };
  const w = termsOfKept(whole);
  for (const p of parts) for (const t of termsOfKept(p)) if (w.has(t)) return t;
  return null;
}

/** Joins between coordinated nouns in a subject: "参评单位及服务窗口". */
const SUBJECT_JOINER = new RegExp(anyOf(SUBJECT_JOINERS), 'u');

/**
 * The head noun (last two characters) of the whole's subject, or of one of its conjuncts
 * ("参评单位及服务窗口" → 单位, 窗口), appears among the parts' subjects.
 */
function sharesHead(whole: string, parts: readonly string[]): boolean {
  return whole.split(SUBJECT_JOINER).some((conjunct) => {
    const clean = cleanSubject(conjunct);
    if (clean.length < 2) return false;
    const head = clean.slice(-2);
    return !STOP_TERMS.has(head) && parts.some((p) => cleanSubject(p).includes(head));
  });
}

/**
 * A count in the parts' own sentence is another item of the same enumeration ("县委书记1名、县委副书记
 * 1名、县委办公室主任1名……副主任3名", r08), not their whole, unless the text marks it (共80个).
 */
function isSibling(w: Placed, first: Placed, text: string): boolean {
  if (w.sentence !== first.sentence) return false;
  return !WHOLE_MARK.test(text.slice(Math.max(w.sentence, w.start - 4), w.start));
}

function describeParts(parts: readonly Placed[]): string {
  return parts.map((p) => `${p.count.text}${p.count.text.includes(p.subject) ? '' : p.subject}`).join(' + ');
}

function result(
  status: 'pass' | 'fail',
  parts: readonly Placed[],
  whole: Placed,
  expected: Interval,
  term: string | null,
  marked: boolean,
): CheckResult {
  const actual = intervalOfCount(whole.count);
  const unit = whole.count.unit;
  const sum = formatInterval(expected);
  const partsText = describeParts(parts);
  const wholeText = `${whole.count.text}${whole.count.text.includes(whole.subject) ? '' : whole.subject}`;
  const verdictZh = status === 'pass' ? '一致' : '不一致';
  const certainty = marked ? 'definite' : 'possible';
  const verdictEn = status === 'pass' ? 'consistent' : 'inconsistent';
  return makeResult({
    rule: 'count.parts_whole',
    status,
    certainty,
    expected,
    actual,
    unit,
    zh: `分项 ${partsText} 合计 ${sum}${unit}，与总数 ${wholeText}（${formatInterval(actual)}）${verdictZh}`,
    en: `Parts ${partsText} add up to ${sum} ${unit}, ${verdictEn} with the whole ${wholeText} (${formatInterval(actual)})`,
    evidence: [evidenceOfCount('total', whole.count), ...parts.map((p) => evidenceOfCount('part', p.count))],
    detail: { sharedTerm: term, markedWhole: marked, parts: parts.map((p) => p.subject), whole: whole.subject },
  });
}

/** From a whole's number to the bracket that opens its parts: "实有人数63人(公务员50人…". */
const BRACKET_OPENS_PARTS = /^[^，,。；;：:（()）\d]{0,6}[（(][^（()）]*$/u;

/**
 * A whole followed by a bracket holding every part of the list: "2021年底实有人数63人(公务员50人、机关工勤2人、
 * 事业人员11人)" (t705). The bracket ties the parts to that whole, not to another sentence's count.
 */
function isBracketedWhole(w: Placed, parts: readonly Placed[], text: string): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (w.end > first.start || !BRACKET_OPENS_PARTS.test(text.slice(w.end, first.start))) return false;
  const close = text.slice(last.end).search(/[）)]/u);
  return close >= 0 && !/[（(]/u.test(text.slice(last.end, last.end + close));
}

function checkPartList(parts: readonly Placed[], placed: readonly Placed[], text: string): CheckResult[] {
  const expected = sumIntervals(parts.map((p) => intervalOfCount(p.count)));
  const unit = parts[0]!.count.unit;
  const inList = new Set(parts);
  const partSubjects = parts.map((p) => p.subject);
  const first = parts[0]!;
  const terms = new Map<string, Set<string>>();
  // Wholes only within the parts' own section: another section may count other units.
  const candidates = placed.filter((w) => !inList.has(w) && w.count.unit === unit && w.section === first.section);

  // A whole the text marks itself: "共80个单位，其中镇（街）10个和机关70个".
  for (const w of candidates) {
    // The bracket ties the parts to this whole, never to another sentence's count. A whole they miss fails
    // `possible` only: a bracket may list some groups, or groups that overlap ("63人(其中女性30人、党员20人)").
    if (isBracketedWhole(w, parts, text)) {
      const holds = intervalsMeet(expected, intervalOfCount(w.count));
      return [result(holds ? 'pass' : 'fail', parts, w, expected, sharedTerm(w.subject, partSubjects, terms), holds)];
    }
    if (w.sentence !== first.sentence || w.end > first.start) continue;
    const before = text.slice(Math.max(w.sentence, w.start - 4), w.start);
    const between = text.slice(w.end, first.start);
    if (WHOLE_MARK.test(before) && between.includes('其中')) {
      const holds = intervalsMeet(expected, intervalOfCount(w.count));
      return [result(holds ? 'pass' : 'fail', parts, w, expected, sharedTerm(w.subject, partSubjects, terms), true)];
    }
  }

  const related = candidates
    .filter((w) => !isSibling(w, first, text))
    .map((w) => ({ w, term: sharedTerm(w.subject, partSubjects, terms) }))
    .filter((x): x is { w: Placed; term: string } => x.term !== null);
  const matching = related.find((x) => intervalsMeet(expected, intervalOfCount(x.w.count)));
  if (matching) return [result('pass', parts, matching.w, expected, matching.term, false)];

  // A differing whole is only reported when it is the one clear candidate: same head noun, larger
  // than every part, and not wildly larger than their sum.
  const largest = parts.map((p) => intervalOfCount(p.count)).reduce((a, b) => (isIntervalAbove(b, a) ? b : a));
  const plausible = related.filter(({ w }) => {
    const iv = intervalOfCount(w.count);
    return sharesHead(w.subject, partSubjects) && isIntervalAbove(iv, largest) && w.count.value < 2 * parts.reduce((s, p) => s + p.count.value, 0);
  });
  if (plausible.length !== 1) return [];
  const only = plausible[0]!;
  return [result('fail', parts, only.w, expected, only.term, false)];
}

export function checkCountPartsWhole(record: ReportRecord, text: string | undefined): CheckResult[] {
  if (text === undefined || record.figures.counts.length < 3) return [];
  const placed = place(record.figures.counts, text, record.parts);
  if (placed.length > MAX_COUNTS_FOR_PARTS_WHOLE)
    return [
      makeResult({
        rule: 'count.parts_whole',
        status: 'not_applicable',
        zh: `文中有 ${placed.length} 个计数，超过 ${MAX_COUNTS_FOR_PARTS_WHOLE} 个，未核对分项与总数`,
        en: `The text holds ${placed.length} counts, over ${MAX_COUNTS_FOR_PARTS_WHOLE}: parts and wholes among them were not checked`,
      }),
    ];
  return [...findPartLists(placed, text).flatMap((parts) => checkPartList(parts, placed, text)), ...checkNamedBreakdowns(placed, text)];
}

const FULL_SENTENCE_END = /[。！？!?\n]/u;
const isFullSentenceEnd = codeClass(FULL_SENTENCE_END);

function fullSentenceStartOf(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (isFullSentenceEnd(text.charCodeAt(i))) return i + 1;
  return 0;
}

/** "财政全额供给单位中行政单位1个；参公单位0个；事业单位1个": a sentence that opens by naming its whole. */
const NAMED_WHOLE = /^[\s，,：:]*([\u4e00-\u9fff]{2,16}?)中(?![心央国华层级型标学小])/u;

/**
 * A sentence that opens with "<whole>中" and lists counts of one unit (parts separated by ；，、)
 * against the count stated before for exactly that name (r08: 财政全额供给单位1个, then 1 + 0 + 1).
 * Definite when the name is printed word for word as the whole's subject in the same paragraph;
 * otherwise (a synonym, another paragraph) the identity is inferred: `possible`.
 */
function checkNamedBreakdowns(placed: readonly Placed[], text: string): CheckResult[] {
  const results: CheckResult[] = [];
  // Whole sentences here: the parts of such a list are separated by ；, which ends a `sentence` above.
  const bySentence = new Map<number, Placed[]>();
  for (const p of placed) {
    const start = fullSentenceStartOf(text, p.start);
    bySentence.set(start, [...(bySentence.get(start) ?? []), p]);
  }
  for (const [start, inSentence] of bySentence) {
    const named = NAMED_WHOLE.exec(text.slice(start, start + 24));
    if (!named || inSentence.length < 2) continue;
    const unit = inSentence[0]!.count.unit;
    if (inSentence.some((p) => p.count.unit !== unit)) continue;
    const name = canonicalSubject(named[1]!);
    const whole = [...placed]
      .reverse()
      .find((w) => w.start < start && w.count.unit === unit && w.section === inSentence[0]!.section && canonicalSubject(w.count.subject) === name);
    if (!whole) continue;
    const expected = sumIntervals(inSentence.map((p) => intervalOfCount(p.count)));
    const holds = intervalsMeet(expected, intervalOfCount(whole.count));
    // The text names the whole word for word in the same paragraph ("财政全额供给单位1个。财政全额供给
    // 单位中…"): both sides are surely one quantity. A synonym, or a whole paragraphs away, is inferred.
    const verbatim = whole.count.subject.replace(/\s+/gu, '') === named[1]! && !text.slice(whole.end, start).includes('\n');
    const r = result(holds ? 'pass' : 'fail', inSentence, whole, expected, name, verbatim);
    results.push({ ...r, detail: { ...r.detail, namedWhole: named[1] } });
  }
  return results;
}
