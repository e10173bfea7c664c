/**
 * What a count counts (issue 16: quantities, not words). Two statements of a count are the same
 * quantity only when subject, action, qualifier and scope agree:
 * - subject: the noun phrase counted, with the synonyms of `SUBJECT_SYNONYMS` read as one word and the
 *   modifiers printed before it kept (应急保障用车 and 其他用车 are different cars);
 * - action: what was done (培训, 发展 …);
 * - qualifiers: 共有/现有 (a stock), 拟/计划, 新增, 其中, 其他, 累计, 不合格/合格, 一级/二级, 上年 …;
 * - scope: the places, years and owning bodies (省政府办公厅设…) named in the count's own clause.
 * Identity is inferred from words, so a mismatch between two such statements is a `possible` finding.
 */
import { codeClass, holdsCharOf, holdsWordStart } from '../extract/char-class.js';
import type { Count } from '../schema/record.js';
import { lastStartAtOrBefore } from '../normalize/offsets.js';
import { COUNT_FILLER_WORDS, COUNT_QUALIFIERS, NOT_PLACE_BEFORE_SUFFIX, OWNER_SUFFIX, OWNER_WORDS, PLACE_SUFFIX, SUBJECT_SYNONYMS, TARGET_SECTION_HEADING } from '../vocabulary/counts.js';
import { HEADING_MARKER } from '../vocabulary/outline.js';

export interface CountIdentity {
  /** Canonical subject with its printed modifiers ("党组织书记和党务干部", "应急保障用车"). */
  subject: string;
  action: string;
  /** Sorted qualifier tags (`stock`, `planned`, `grade:fail`, `level:1` …). */
  qualifiers: string[];
  /** Sorted places, years, owners and the sentence's lead-in ("3、能繁母猪：…") of the count's clause. */
  scope: string[];
  /** Where the count's paragraph starts: counts with no action are one quantity only within it. */
  paragraph: number;
  /** The number of the list item its paragraph opens with ("3." / "（七）"), if any. */
  item?: string;
  /** The money its sentence spends before the count ("投入183.82万元，惠及学生1098人"), if any. */
  spend?: string;
}

/** Ends of a clause for the subject phrase: list items (、) are separate phrases. */
const PHRASE_BREAK = /[，,。；;！？!?\n\t：:、]/u;
/** Ends of a clause for scope and qualifiers: a list shares its lead-in ("其中：A 1 辆、B 2 辆"). */
const CLAUSE_BREAK = /[，,。；;！？!?\n\t]/u;
const SENTENCE_BREAK = /[。；;！？!?\n]/u;
const isPhraseBreak = codeClass(PHRASE_BREAK);
const isClauseBreak = codeClass(CLAUSE_BREAK);
const isSentenceBreak = codeClass(SENTENCE_BREAK);
const YEAR = /(?:19|20)\d{2}(?=\s*年)/gu;
/** An amount of money, not a rate per head ("2000元/生"). */
const SPENT_AMOUNT = /\d[\d,]*(?:\.\d+)?\s*(?:亿|億|万|萬)?元(?!\s*[/／每])/gu;
const LOOKBACK = 40;

function backTo(text: string, start: number, stop: (code: number) => boolean): string {
  let i = start;
  while (i > 0 && i > start - LOOKBACK && !stop(text.charCodeAt(i - 1))) i--;
  return text.slice(i, start);
}

const SYNONYM_OF = new Map<string, string>(SUBJECT_SYNONYMS.flatMap((row) => row.slice(1).map((v) => [v, row[0]!] as const)));
const SYNONYM_PATTERN = new RegExp([...SYNONYM_OF.keys()].sort((a, b) => b.length - a.length).join('|'), 'gu');

/** A subject with its synonyms replaced by their canonical names, spacing and quotes removed. */
export function canonicalSubject(subject: string): string {
  const bare = subject.replace(/[\s“”"‘’'「」]/gu, '');
  return mayHoldSynonym(bare) ? bare.replace(SYNONYM_PATTERN, (w) => SYNONYM_OF.get(w) ?? w) : bare;
}
const mayHoldSynonym = holdsWordStart(SYNONYM_OF.keys());
const mayHoldQualifier = holdsWordStart(COUNT_QUALIFIERS.map((q) => q.word));

function qualifiersIn(s: string): string[] {
  if (!mayHoldQualifier(s)) return [];
  const tags = new Set<string>();
  let rest = s;
  for (const q of COUNT_QUALIFIERS) {
    if (!rest.includes(q.word)) continue;
    tags.add(q.tag);
    rest = rest.split(q.word).join('\u0000');
  }
  return [...tags];
}

/** `s` without any of `words`, longest words first (`words` must be sorted so: see wordsToStrip). */
function stripWords(s: string, words: readonly string[]): string {
  let out = s;
  for (const w of words) if (w !== '' && out.includes(w)) out = out.split(w).join('');
  return out;
}

/** Qualifier and filler words, longest first (a stable sort: ties keep the vocabulary's order). */
let STRIP_WORDS: readonly string[] | null = null;
const STRIP_WORDS_WITH_ACTION = new Map<string, readonly string[]>();

/** The words stripped from a subject printed before its count: qualifiers, fillers and the action, longest first. */
function wordsToStrip(action: string): readonly string[] {
  const base = (STRIP_WORDS ??= [...COUNT_QUALIFIERS.map((q) => q.word), ...COUNT_FILLER_WORDS].sort((a, b) => b.length - a.length));
  if (action === '') return base;
  let words = STRIP_WORDS_WITH_ACTION.get(action);
  if (!words) {
    // Where a stable sort of base + [action] puts the action: after every word at least as long.
    const at = base.findIndex((w) => w.length < action.length);
    words = at < 0 ? [...base, action] : [...base.slice(0, at), action, ...base.slice(at)];
    if (STRIP_WORDS_WITH_ACTION.size >= 1024) STRIP_WORDS_WITH_ACTION.clear();
    STRIP_WORDS_WITH_ACTION.set(action, words);
  }
  return words;
}

function placesIn(s: string): string[] {
  return [...s.matchAll(PLACE_SUFFIX)].map((m) => m[1]!).filter((p) => !NOT_PLACE_BEFORE_SUFFIX.test(p[1]!));
}

/**
 * The phrase printed right before a number: back to a clause or list break, or to the bracket it
 * stands in ("项目共15个(含2023年转列暂付性款项项目5个)" → 含2023年转列暂付性款项项目).
 */
function phraseBefore(text: string, start: number): { phrase: string; inBracket: boolean } {
  let depth = 0;
  let i = start;
  for (; i > 0 && i > start - LOOKBACK; i--) {
    const c = text.charCodeAt(i - 1);
    if (isPhraseBreak(c)) break;
    if (c === 0x29 || c === 0xff09) depth++; // ) ）
    else if (c === 0x28 || c === 0xff08) { // ( （
      if (depth === 0) return { phrase: text.slice(i, start), inBracket: true };
      depth--;
    }
  }
  return { phrase: text.slice(i, start), inBracket: false };
}

/** An owner's name ends in one of OWNER_WORDS: a clause without any of their last characters names none. */
const mayNameOwner = holdsCharOf(OWNER_WORDS.map((w) => w.slice(-1)));

/** Bodies that own the count ("省政府办公厅设…"), by their last six characters (明光国有林场 ≠ 苏江国有林场). */
function ownersIn(s: string): string[] {
  if (!mayNameOwner(s)) return [];
  return [...s.matchAll(OWNER_SUFFIX)].map((m) => `owner:${m[1]!.slice(-6)}`);
}

/** The line starts of the last text asked: every count of one text is identified in turn. */
let lineStarts: { text: string; starts: Int32Array } | null = null;

/**
 * Where the line holding `offset` starts. By a search in the text's line starts, made once: a
 * normalized paragraph is one line of often thousands of characters, and walking back to its start
 * for every count was most of this module's time.
 */
function lineStartsOf(text: string): Int32Array {
  if (lineStarts === null || lineStarts.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts = { text, starts: Int32Array.from(starts) };
  }
  return lineStarts.starts;
}

function lineStartAt(text: string, offset: number): number {
  const starts = lineStartsOf(text);
  return starts[lastStartAtOrBefore(starts, offset)]!;
}

/** How many lines back a count's section heading is looked for. */
const HEADING_LOOKBACK_LINES = 30;
/** A heading is a short line: a long one opening with 一、 is a paragraph. */
const HEADING_MAX_LENGTH = 40;

/**
 * Whether the nearest numbered heading above the count (on an earlier line) heads the report's
 * targets: its counts are planned, whatever verb they carry.
 */
function isUnderTargetHeading(text: string, offset: number): boolean {
  const starts = lineStartsOf(text);
  const line = lastStartAtOrBefore(starts, offset);
  for (let k = line - 1; k >= 0 && k >= line - HEADING_LOOKBACK_LINES; k--) {
    const from = starts[k]!;
    const to = k + 1 < starts.length ? starts[k + 1]! - 1 : text.length;
    const heading = text.slice(from, to).trim();
    if (heading.length > HEADING_MAX_LENGTH || !HEADING_MARKER.test(heading)) continue;
    return TARGET_SECTION_HEADING.test(heading.replace(/[：:]$/u, ''));
  }
  return false;
}

/**
 * The identity of a count in `text` (the normalized text its evidence points into). Without the
 * text (or with evidence that does not point into it) only the extracted subject and action are known.
 */
export function identityOf(count: Count, text: string | undefined): CountIdentity {
  const { start, end, quote } = count.evidence;
  const located = text !== undefined && start >= 0 && end <= text.length && (quote === '' || (quote.length === end - start && text.startsWith(quote, start)));
  const subjectWords = canonicalSubject(count.subject);
  if (!located) return { subject: subjectWords, action: count.action, qualifiers: [], scope: [], paragraph: -1 };
  const { phrase, inBracket } = phraseBefore(text, start);
  const clause = backTo(text, start, isClauseBreak);
  const sentence = backTo(text, start, isSentenceBreak);
  // The subject printed before the number ("共培训党组织书记和党务工作者 774 名"): the whole phrase,
  // minus totals, qualifiers, numbers and the action, so that its modifiers stay (其他用车 ≠ 应急保障用车).
  const phraseWords = count.subject !== '' ? canonicalSubject(phrase) : '';
  const subjectBefore = count.subject !== '' && phraseWords.endsWith(subjectWords);
  const qualifierSource = `${clause}${subjectBefore ? '' : count.subject}`;
  const qualifiers = qualifiersIn(qualifierSource);
  // "其中…" in the sentence, or an aside in brackets after a whole ("编制24个(机关公勤2个)"): a part.
  if (/其中/u.test(sentence) || inBracket) qualifiers.push('part');
  // A part inherits its whole's qualifiers: "购置公务用车0辆，其中：轿车0辆" counts purchases, "共有公务用车7辆，
  // 其中：轿车2辆" the fleet, so the two 轿车 are different quantities (only parts meet parts, so no part of a
  // standalone statement loses a comparison through this).
  const partsFrom = sentence.lastIndexOf('其中');
  if (partsFrom > 0) qualifiers.push(...qualifiersIn(sentence.slice(0, partsFrom)).filter((q) => q !== 'part'));
  if (isUnderTargetHeading(text, start)) qualifiers.push('planned');
  let subject = subjectWords;
  if (subjectBefore) {
    subject = stripWords(phraseWords.replace(/[\d.年度]+/gu, ''), wordsToStrip(count.action));
    if (subject === '') subject = subjectWords;
  }
  // (A year needs its 年 in the clause: most clauses have none, and matchAll is costly to start.)
  const years = clause.includes('年') ? [...clause.matchAll(YEAR)].map((m) => m[0]) : [];
  // "3、能繁母猪：全县投保 38112 头" and "4、育肥猪保险：全县投保 33.05 万头" count two things.
  const lead = /^\s*(?:[\d一二三四五六七八九十]+[、.．)）]\s*)?([^：:，,]{1,12})[：:]/u.exec(sentence)?.[1];
  const paragraph = lineStartAt(text, start);
  const item = LIST_ITEM.exec(text.slice(paragraph, paragraph + 12))?.[1];
  const action = count.action;
  const tags = [...new Set(qualifiers)].sort();
  // "70-79周岁老年人40098人" and "80-89周岁的老年人12673人" count two age bands (t854): a number band in the
  // subject's phrase is its scope, not a digit to strip.
  const bands = phrase.includes('岁') || phrase.includes('级') ? [...phrase.matchAll(NUMBER_BAND)].map((m) => `band:${m[0].replace(/\s+/gu, '')}`) : [];
  const scope = [...new Set([...placesIn(clause), ...years, ...ownersIn(clause), ...bands, ...(lead && lead !== '其中' ? [`topic:${lead}`] : [])])].sort();
  // "…投入183.82万元,惠及学生1098人" and "…投入1106.97万元,惠及学生5962人": each spending's beneficiaries (t631).
  const spend = sentence.includes('元') ? [...sentence.matchAll(SPENT_AMOUNT)].at(-1)?.[0].replace(/[\s,]/gu, '') : undefined;
  const identity: CountIdentity = item === undefined ? { paragraph, subject, action, qualifiers: tags, scope } : { paragraph, item, subject, action, qualifiers: tags, scope };
  if (spend !== undefined) identity.spend = spend;
  return identity;
}

/** An age or grade band: "70-79周岁", "100周岁及以上", "60岁以上", "3至6年级". */
const NUMBER_BAND = /\d+(?:\s*[-－~～至到]\s*\d+)?\s*(?:周岁|岁|年级)(?:及?以[上下])?/gu;

/** A paragraph opening a numbered list item: "3.资助…", "7、…", "（二）…". */
const LIST_ITEM = /^\s*[（(]?([\d一二三四五六七八九十]{1,3})[、.．)）](?!\d)/u;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Actions agree when equal or one holds the other (培训 / 参加能力提升培训). With no action on either
 * side ("共有 6 个教学班，在园幼儿 204 名"), only counts of one paragraph are taken as one quantity: two
 * paragraphs usually describe two units.
 */
function actionsAgree(a: CountIdentity, b: CountIdentity): boolean {
  const x = a.action.replace(/\s+/gu, '');
  const y = b.action.replace(/\s+/gu, '');
  if (x === '' && y === '') return a.paragraph === b.paragraph;
  if (x === '' || y === '') return false;
  return x.includes(y) || y.includes(x);
}

/**
 * Whether two counts state the same quantity: same unit, subject, action, qualifiers and scope, and
 * not in two different items of a numbered list: "3.资助养老服务补贴项目155个，资助对象35.1万人" and
 * "7.资助医疗救助…项目284个，资助对象54.87万人" count the people of two items (t431); nor the
 * beneficiaries of two spendings that each sentence states ("投入183.82万元,惠及学生1098人" and
 * "投入1106.97万元,惠及学生5962人", t631). A sentence naming no money restates either.
 */
export function isSameQuantity(a: Count, ia: CountIdentity, b: Count, ib: CountIdentity): boolean {
  return (
    a.unit === b.unit &&
    (ia.item === undefined || ib.item === undefined || ia.item === ib.item) &&
    (ia.spend === undefined || ib.spend === undefined || ia.spend === ib.spend) &&
    ia.subject !== '' &&
    ia.subject === ib.subject &&
    actionsAgree(ia, ib) &&
    sameList(ia.qualifiers, ib.qualifiers) &&
    sameList(ia.scope, ib.scope)
  );
}
