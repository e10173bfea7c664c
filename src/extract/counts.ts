import type { SourceDocument } from '../ingest/document.js';
import type { Count } from '../schema/record.js';
import { evidenceOf } from '../normalize/offsets.js';
import { hasWholeDictionary, loadWordsFor, tagWords, type TaggedWord } from '../segment/tokenize.js';
import { BATCH_UNITS, COUNT_LEAD_CHARACTERS, LEVEL_UNITS, OFFICE_NAME_COMPOUND, OFFICE_NAME_UNITS } from '../vocabulary/counts.js';
import { codeClass } from './char-class.js';
import type { LocatedNumber } from './locate.js';

const BREAK = /[，,。；;！？!?\n\t：:]/u;
const isBreak = codeClass(BREAK);
const isVerb = (t: TaggedWord) => t.tag === 'v' || t.tag === 'vn' || t.tag === 'vd';
/** Verbs jieba often tags as nouns; they end a subject. */
const VERB_WORDS: ReadonlySet<string> = new Set(['参加', '参与', '助力', '开展', '进行', '完成', '获得', '受益', '接受', '覆盖', '到位', '上岗', '入驻', '入党', '加入', '落实', '实现', '通过', '报名', '提交', '反馈', '整改', '办结', '受理', '参赛']);
/** Words tagged as verbs that stay in a subject after a noun ("党建工作", "培训对象"). */
const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set(['党建', '培训', '管理', '监督', '服务', '建设']);
/** Joiners and brackets inside a noun phrase; and those of them a phrase may carry (not 和与及). */
const PHRASE_JOINERS: ReadonlySet<string> = new Set(['和', '与', '及', '、', '（', '）', '(', ')', '“', '”', '"']);
const PHRASE_MARKS: ReadonlySet<string> = new Set(['、', '（', '）', '(', ')', '“', '”', '"']);
/** A noun's tag (n, nr, ns, nt, nz, ng …), a verbal noun's (vn), an abbreviation's (j), an idiom's (l) or an adjectival noun's (an). Set lookups and tag prefixes: these run per tagged word. */
const isNounTag = (tag: string) => tag.startsWith('n') || tag.startsWith('vn') || tag.startsWith('j') || tag.startsWith('l') || tag.startsWith('an');
/** Verbs that open a clause and name what was done: 发展党员, 培训学员. */
const ACTION_PREFIX = /^(发展|培训|组织|动员|发动|招募|招聘|录用|选派|慰问|帮扶|救助|走访|新增|新建|建成|开展|举办|培养|吸纳|接收|安置|资助|补助|表彰|评选|招收|录取|收集|整理|收到|受理|办理|成立|组建|检查|督查|抽查|处理|查处|调解|审核|审批|完成)/u;
const isNounish = (t: TaggedWord) => !VERB_WORDS.has(t.word) && (isNounTag(t.tag) || PHRASE_JOINERS.has(t.word));

function clauseAfter(text: string, end: number): string {
  let i = end;
  while (i < text.length && i < end + 40 && !isBreak(text.charCodeAt(i))) i++;
  return text.slice(end, i);
}

function clauseBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && i > start - 40 && !isBreak(text.charCodeAt(i - 1))) i--;
  return text.slice(i, start);
}

/** Leading noun phrase of `words` (nouns joined by 和/与/及/、), and where it stops. */
function leadingNounPhrase(words: TaggedWord[]): { phrase: string; next: number } {
  let i = 0;
  let phrase = '';
  while (i < words.length) {
    const w = words[i]!;
    if (w.tag === 'm' || (w.tag === 'x' && !PHRASE_MARKS.has(w.word)) || VERB_WORDS.has(w.word)) break;
    if (isVerb(w) && phrase && !NOUN_LIKE_VERBS.has(w.word)) break;
    if (!isNounish(w) && !(w.tag === 'a' || w.tag === 'b' || w.tag === 'f' || w.tag === 'q' || w.tag === 'v')) break;
    phrase += w.word;
    i++;
  }
  return { phrase: phrase.replace(/[和与及、（(“"]+$/u, '').replace(/^[“"]+|[”"]+$/gu, (q) => (phrase.split(/[“”"]/u).length > 3 ? q : '')), next: i };
}

/** Numbers written with digits (ASCII or full-width), not Chinese numerals. */
const DIGITS = /[0-9\uff10-\uff19]/u;

/**
 * Ordinals, levels and batches are positions, not quantities: 第一批, "一批 … 二批" (the first and the
 * second batch), 一级指标 / 二级项目. A batch written with digits ("2 批") is a count.
 */
function isPositionNotCount(m: LocatedNumber, text: string): boolean {
  const before = text[m.start - 1] ?? '';
  if (before === '第') return true;
  // 秘书二处, 综合调研三处: a numeral glued to a name is part of an office's name.
  // 执法一支队, 二大队: the measure word and the character after it name the office.
  const namesOffice = OFFICE_NAME_UNITS.includes(m.unit) || OFFICE_NAME_COMPOUND.test(`${m.unit}${text[m.end] ?? ''}`);
  if (namesOffice && !DIGITS.test(m.text) && /[\u4e00-\u9fff]/u.test(before) && !COUNT_LEAD_CHARACTERS.test(before)) return true;
  if (LEVEL_UNITS.includes(m.unit)) return true;
  return BATCH_UNITS.includes(m.unit) && !DIGITS.test(m.text);
}

/**
 * Counts with what is counted (subject) and what was done (action):
 * "组织774名党组织书记和党务干部参加能力提升培训" → 774 名, 党组织书记和党务干部, 培训;
 * "发展党员165名" → 165 名, 党员, 发展. The subject follows the number when a noun phrase does,
 * otherwise it is the noun phrase before it.
 */
export function extractCounts(doc: SourceDocument, numbers: LocatedNumber[]): Count[] {
  const text = doc.text;
  const out: Count[] = [];
  // jieba's tagging is most of the cost of counts, and a third of the clauses one document asks
  // for are asked again (two counts of one clause, a figure restated): each clause text is tagged
  // once per document. (Never across documents: that would flatter a corpus of look-alikes.)
  const tagged = new Map<string, TaggedWord[]>();
  const tagOnce = (clause: string): TaggedWord[] => {
    let words = tagged.get(clause);
    if (!words) tagged.set(clause, (words = tagWords(clause)));
    return words;
  };
  const candidates = numbers
    .filter((m) => m.kind === 'count' && !m.cell && !isPositionNotCount(m, text))
    .map((m) => {
      const afterText = clauseAfter(text, m.end);
      return {
        m,
        // "24个(机关公勤2个)": a bracket after the number opens an aside, not what is counted.
        afterText: /^[、和与及（(]/u.test(afterText) ? undefined : afterText,
        beforeText: clauseBefore(text, m.start).replace(/(?:累计|合计|总计|达到|超过|[共计达约近逾为是有])+$/u, ''),
      };
    });
  // One dictionary load for every clause the document may tag (see segment/tokenize.ts).
  if (candidates.length > 0 && !hasWholeDictionary()) loadWordsFor(candidates.flatMap((c) => (c.afterText === undefined ? [c.beforeText] : [c.afterText, c.beforeText])));
  for (const { m, afterText, beforeText } of candidates) {
    const after = afterText === undefined ? [] : tagOnce(afterText);
    // The clause before is tagged only when it is needed.
    let taggedBefore: TaggedWord[] | undefined;
    const tagBefore = () => (taggedBefore ??= tagOnce(beforeText));
    let subject = '';
    let action = '';
    const lead = leadingNounPhrase(after);
    if (lead.phrase && Array.from(lead.phrase).length >= 2) {
      subject = lead.phrase;
      const rest = after.slice(lead.next);
      const verbs = rest.filter(isVerb);
      action = verbs.length > 0 ? verbs[verbs.length - 1]!.word : '';
      if (!action) action = tagBefore().filter(isVerb).at(-1)?.word ?? '';
    } else {
      // "发展党员165名": trailing noun phrase before the number, the verb before it.
      const before = tagBefore();
      let j = before.length;
      while (j > 0 && (isNounish(before[j - 1]!) || before[j - 1]!.tag === 'a') && !(isVerb(before[j - 1]!) && j < before.length && before[j - 1]!.tag === 'v'))
        j--;
      // keep a leading verbal noun as the action rather than the subject
      while (j < before.length && (before[j]!.tag === 'vn' || before[j]!.tag === 'v') && j < before.length - 1) j++;
      subject = before.slice(j).map((w) => w.word).join('').replace(/^[和与及、共计]+/u, '');
      action = before.slice(0, j).filter(isVerb).at(-1)?.word ?? '';
    }
    // "发展党员" is one dictionary word: split the verb off the subject.
    const prefix = ACTION_PREFIX.exec(subject);
    if (prefix && subject.length > prefix[0].length + 1) {
      if (!action) action = prefix[0];
      subject = subject.slice(prefix[0].length);
    }
    // Built key by key in the record's order (value, unit, approx, lo?, hi?, subject …): a
    // conditional spread is a generic property copy.
    const count = { value: Number(m.base), unit: m.unit, approx: m.approx } as Count;
    if (m.lo !== undefined) count.lo = m.lo;
    if (m.hi !== undefined) count.hi = m.hi;
    count.subject = subject;
    count.action = action;
    count.text = m.text;
    count.evidence = evidenceOf(doc, m.start, m.end);
    out.push(count);
  }
  return out;
}
