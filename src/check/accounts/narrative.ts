/**
 * The 决算's own words around its tables: the cover (unit and year), the contents list, and the
 * 情况说明 split into sections and sentences whose figures carry the clause that labels them.
 */
import type { SourceDocument } from '../../ingest/document.js';
import type { Figure } from '../../schema/record.js';
import { findNumbers } from '../../extract/numbers.js';
import { labelBefore } from '../../extract/locate.js';
import { figureOfMatch } from '../../extract/roles/candidates.js';
import { numbersInSpan, readSentenceNumbers, type SentenceNumbers, type SpanNumber } from '../../extract/sentence-numbers.js';
import { evidenceOf } from '../../normalize/offsets.js';
import { segmentDocument } from '../../segment/segment.js';
import { codeClass, dropEndRun } from '../../extract/char-class.js';
import { CONTENTS_TITLE, UNIT_YEAR_LINE, tableNamed } from '../../vocabulary/index.js';

export interface Cover {
  /** Reporting unit as the cover prints it, spaces removed. */
  unit: string;
  year: number;
  start: number;
  end: number;
}

export interface ContentsEntry {
  /** Canonical table name. */
  table: string;
  text: string;
  start: number;
  end: number;
}

export interface NarrativeFigure {
  figure: Figure;
  /** The clause before the number, fillers dropped ("支出决算"). */
  label: string;
  /** Text of the sentence before the number (from the sentence start). */
  before: string;
  /** The clause before the number with its total words kept ("本年收入合计", "收、支总计"). */
  clause: string;
  /** Text after the number up to the sentence end. */
  after: string;
  /** Text since the figure before it in the sentence (from the sentence start for the first). */
  gap: string;
}

export interface Sentence {
  /** Top-level section title without its numbering ("收入支出决算总体情况说明"). */
  section: string;
  /** Sub-section title ("（二）一般公共预算财政拨款支出决算结构情况"), '' when none. */
  subsection: string;
  /** The paragraph's text up to this sentence (an item's 科目 names open its paragraph). */
  paragraph: string;
  text: string;
  start: number;
  figures: NarrativeFigure[];
  /** Position in the list of sentences, and the position of its paragraph's first sentence. */
  index: number;
  paragraphIndex: number;
}

const SECTION = /^([一二三四五六七八九十]+)[、.．]\s*(.{2,40})$/u;
const SUBSECTION = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.{2,40}?)[。.]?$/u;
const PART_HEADING = /^第[一二三四五六七八九十]部分/u;
const GLOSSARY = /名词解释/u;

/** The last clause of `before`, without the verb that joins it to its number ("为", "达到"). */
function clauseOf(before: string): string {
  // From the last break back, not split(): `before` may be a sentence of thousands of clauses.
  let i = before.length;
  while (i > 0 && !isClauseEnd(before.charCodeAt(i - 1))) i--;
  return dropEndRun(before.slice(i), JOINING_VERBS, isJoiningVerbChar);
}

/** The verbs that join a clause to its number, at its end; and their characters. */
const JOINING_VERBS = /(?:为|是|达到?|约|共)+$/u;
const isJoiningVerbChar = codeClass(/[为是达到约共]/u);

/** (By char code: `before[i]` made a string per character.) */
const isClauseEnd = codeClass(/[，,；;。：:]/u);

/**
 * A blank by UTF-16 code (char-class.ts: the regex tested once per code, remembered): clean() and
 * keptBefore() ran a regex per character of every text, a third of the 情况说明 reading.
 */
export const isBlankCode = codeClass(/[\s\u3000]/u);

const BLANKS = /[\s\u3000]+/gu;

/**
 * The text without blanks. One native regex scan: a loop calling isBlankCode per character cost
 * twice as much, and clean() reads every block of every text and every figure's label.
 */
export function clean(text: string): string {
  return text.replace(BLANKS, '');
}

/** kept[i]: how many characters of text[0, i) clean() keeps. */
function keptBefore(text: string): Int32Array {
  const kept = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isBlankCode(text.charCodeAt(i))) n++;
    kept[i + 1] = n;
  }
  return kept;
}

type BlockSpans = SourceDocument['blockSpans'];

/** Each document's first span of each block, indexed once: five readings of one document ask for it. */
const SPANS_BY_DOCUMENT = new WeakMap<SourceDocument, (BlockSpans[number] | undefined)[]>();

function spansOf(doc: SourceDocument): (BlockSpans[number] | undefined)[] {
  let byBlock = SPANS_BY_DOCUMENT.get(doc);
  if (byBlock) return byBlock;
  byBlock = [];
  for (const s of doc.blockSpans) if (byBlock[s.block] === undefined) byBlock[s.block] = s;
  SPANS_BY_DOCUMENT.set(doc, byBlock);
  return byBlock;
}

function blockText(doc: SourceDocument, i: number, spans: (BlockSpans[number] | undefined)[]): { text: string; start: number; end: number } | null {
  const span = spans[i];
  if (!span) return null;
  return { text: doc.text.slice(span.start, span.end), start: span.start, end: span.end };
}

function contentsIndex(doc: SourceDocument): number {
  return doc.blocks.findIndex((b, i) => i < 60 && b.kind !== 'table' && CONTENTS_TITLE.test(b.text.trim()));
}

/** The unit and year the cover names ("上海市普陀区财政局 2024年度部门决算"). */
export function readCover(doc: SourceDocument): Cover | null {
  const spans = spansOf(doc);
  const contents = contentsIndex(doc);
  const until = contents > 0 ? contents : Math.min(3, doc.blocks.length);
  let joined = '';
  let start = -1;
  let end = 0;
  for (let i = 0; i < until; i++) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') break;
    const t = blockText(doc, i, spans);
    if (!t) continue;
    if (start < 0) start = t.start;
    end = t.end;
    joined += clean(b.text);
  }
  const m = /^(.{2,40}?)((?:19|20)\d{2})年度?(?:部门|单位)?决算/u.exec(joined);
  if (!m) return null;
  return { unit: m[1]!, year: Number(m[2]), start: Math.max(0, start), end };
}

export interface Contents {
  /** The 决算 tables the contents list, in order. */
  entries: ContentsEntry[];
  /** Offset in the normalized text where the body starts (after the contents; 0 without contents). */
  bodyStart: number;
}

/** The contents list and where the body after it starts. */
export function readContents(doc: SourceDocument): Contents {
  const at = contentsIndex(doc);
  if (at < 0) return { entries: [], bodyStart: 0 };
  const spans = spansOf(doc);
  const entries: ContentsEntry[] = [];
  const seenPart = new Set<string>();
  let i = at + 1;
  for (; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') break;
    const text = clean(b.text).replace(/[.．…·]+\d*$/u, '').replace(/\d+$/u, '');
    // The body starts where a part heading comes round again.
    const part = PART_HEADING.exec(text)?.[0];
    if (part) {
      if (seenPart.has(part)) break;
      seenPart.add(part);
    }
    if (text.length > 60) break;
    const name = /表$/u.test(text) ? tableNamed(text) : null;
    // Contents entries are numbered ("三、支出决算表") or carry a page number; a bare title is the body's.
    if (name && !/^[一二三四五六七八九十]+[、.．]|\d+$/u.test(clean(b.text))) break;
    const span = blockText(doc, i, spans);
    if (name && span) entries.push({ table: name, text: b.text.trim(), start: span.start, end: span.end });
  }
  return { entries, bodyStart: i < doc.blocks.length ? (blockText(doc, i, spans)?.start ?? doc.text.length) : doc.text.length };
}

/** Canonical names of the tables whose titles the body prints (a table may be laid out as text, not a grid). */
export function readBodyTitles(doc: SourceDocument, bodyStart: number): Set<string> {
  const spans = spansOf(doc);
  const names = new Set<string>();
  for (const [i, b] of doc.blocks.entries()) {
    if (b.kind === 'table') continue;
    const span = blockText(doc, i, spans);
    const text = clean(b.text).replace(/[.．…·\d]+$/u, '');
    if (!span || span.start < bodyStart || text.length > 40 || !/表$/u.test(text)) continue;
    const name = tableNamed(text);
    if (name) names.add(name);
  }
  return names;
}

/** Short lines naming a unit and a year: "第二部分 上海市普陀区XX局 2024 年度部门决算表". */
export function readUnitYearLines(doc: SourceDocument): { unit: string; year: number; text: string; start: number; end: number }[] {
  const out: { unit: string; year: number; text: string; start: number; end: number }[] = [];
  const spans = spansOf(doc);
  for (const [i, b] of doc.blocks.entries()) {
    if (b.kind === 'table') continue;
    const text = clean(b.text);
    if (text.length > 50) continue;
    const m = UNIT_YEAR_LINE.exec(text);
    const span = blockText(doc, i, spans);
    if (!m || !span) continue;
    out.push({ unit: m[1]!.replace(PART_HEADING, ''), year: Number(m[2]), text: b.text.trim(), start: span.start, end: span.end });
  }
  return out;
}

/** A line that stops inside a sentence: it ends without 。；！？： (a comma, a word, a number). */
const WRAP_CONTINUES = /[^。；;！？!?：:]$/u;
/** Prose, not a title: a line with a clause break in it. */
const PROSE = /[，,、；;：:]/u;
/** Fewest prose lines cut inside a sentence for a text to count as hard-wrapped. */
const MIN_WRAPPED_LINES = 3;

/** A prose line that stops inside its sentence ("项目支出预算 48100 元,占支出总预算的 4.43%,同比无增"). */
function isCutLine(flat: string): boolean {
  return WRAP_CONTINUES.test(flat) && PROSE.test(flat) && /\p{Script=Han}/u.test(flat);
}

function isHeadingLine(flat: string): boolean {
  return flat === '' || (SECTION.test(flat) && flat.length <= 40) || PART_HEADING.test(flat) || /^[（(][一二三四五六七八九十]+[）)]/u.test(flat);
}

/**
 * Lines cut at a fixed width: several prose lines stop inside their sentence (a paragraph ends in 。).
 * Only then, and only after such a line, are lines joined: a title line in an ordinary text stays apart.
 */
function isHardWrapped(doc: SourceDocument, afterOffset: number, spans: (BlockSpans[number] | undefined)[], flatOf: (i: number) => string): boolean {
  let cut = 0;
  for (const [i, b] of doc.blocks.entries()) {
    if (b.kind === 'table') continue;
    const span = spans[i];
    if (!span || span.start < afterOffset) continue;
    if (isCutLine(flatOf(i)) && ++cut >= MIN_WRAPPED_LINES) return true;
  }
  return false;
}

/** clean() of each block's span text, made once when first asked: the wrap test and the reading both read every block. */
function cleanedSpans(doc: SourceDocument, spans: (BlockSpans[number] | undefined)[]): (i: number) => string {
  const flat: (string | undefined)[] = [];
  return (i) => (flat[i] ??= clean(doc.text.slice(spans[i]!.start, spans[i]!.end)));
}

/** Ends of a sentence of the 情况说明: 。；;！？ */
const isSentenceEnd = codeClass(/[。；;！？]/u);

/** A block's numbers, offsets into the block: from the document's reading where it gives the grammar's own list. */
function numbersOfBlock(doc: SourceDocument, read: SentenceNumbers, start: number, end: number): SpanNumber[] {
  const shared = numbersInSpan(doc, read, start, end);
  if (shared) {
    for (const n of shared) {
      n.start -= start;
      n.end -= start;
    }
    return shared;
  }
  return findNumbers(doc.text.slice(start, end)).map((match) => ({ start: match.start, end: match.end, match }));
}

/**
 * Sentences of the 情况说明: the text blocks after the last accounts table up to the glossary
 * (名词解释), each with its section and its figures.
 */
export function readNarrative(doc: SourceDocument, afterOffset: number): Sentence[] {
  const sentences: Sentence[] = [];
  let section = '';
  let subsection = '';
  const spans = spansOf(doc);
  const flatOf = cleanedSpans(doc, spans);
  const wrapped = isHardWrapped(doc, afterOffset, spans, flatOf);
  const read = readSentenceNumbers(doc, segmentDocument(doc));
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') continue;
    let span = blockText(doc, i, spans);
    if (!span || span.start < afterOffset) continue;
    const flat = b.text === span.text ? flatOf(i) : clean(b.text);
    const block = i;
    // Lengths first: a paragraph of thousands of characters is no glossary title and no heading.
    if (flat.length < 20 && GLOSSARY.test(flat)) break;
    const sec = flat.length <= 40 ? SECTION.exec(flat) : null;
    if (sec && !/[，。；]/u.test(flat)) {
      section = sec[2]!;
      subsection = '';
      continue;
    }
    const sub = flat.length <= 40 ? SUBSECTION.exec(flat) : null;
    // In a hard-wrapped text "（二）社会保障和就业支出类科目 116433.12 元,占支" opens a paragraph: a heading has no comma.
    if (sub && !(wrapped && /[，,；;]/u.test(flat))) {
      subsection = sub[2]!;
      continue;
    }
    // A hard-wrapped text (lines cut at a fixed width, "…116433.12 元,占支" / "出总预算 10.73 %,…"): the
    // lines a sentence runs over are one paragraph, else the share loses its part and the change its amount.
    while (wrapped && span && isCutLine(clean(doc.text.slice(span.start, span.end))) && doc.blocks[i + 1]?.kind !== 'table') {
      const next = blockText(doc, i + 1, spans);
      if (!next || isHeadingLine(flatOf(i + 1))) break;
      span = { text: doc.text.slice(span.start, next.end), start: span.start, end: next.end };
      i++;
    }
    const text = span.text;
    const numbers = numbersOfBlock(doc, read, span.start, span.end);
    let sentenceStart = 0;
    const bounds: [number, number][] = [];
    for (let k = 0; k < text.length; k++) {
      if (!isSentenceEnd(text.charCodeAt(k))) continue;
      bounds.push([sentenceStart, k + 1]);
      sentenceStart = k + 1;
    }
    if (sentenceStart < text.length) bounds.push([sentenceStart, text.length]);
    // The paragraph up to each sentence, blanks dropped, as a slice of the block cleaned once (a
    // one-line text of 50,000 sentences cleaned its growing prefix per sentence: quadratic).
    const cleaned = i === block ? flatOf(block) : clean(text);
    // A block without blanks (cleaned as long as the text) keeps every character: kept[i] is i.
    const kept = cleaned.length === text.length ? null : keptBefore(text);
    const at = (i: number): number => (kept === null ? i : kept[i]!);
    const paragraphIndex = sentences.length;
    let next = 0;
    for (const [from, to] of bounds) {
      // Numbers come in order: each sentence takes the run that starts inside it.
      while (next < numbers.length && numbers[next]!.start < from) next++;
      const inside: typeof numbers = [];
      for (let j = next; j < numbers.length && numbers[j]!.start < to; j++) if (numbers[j]!.end <= to) inside.push(numbers[j]!);
      let floor = from;
      const figures: NarrativeFigure[] = [];
      for (const n of inside) {
        figures.push({
          figure: figureOfMatch(n.match, evidenceOf(doc, n.start + span.start, n.end + span.start)),
          label: clean(labelBefore(text, n.start, floor)),
          before: cleaned.slice(at(from), at(n.start)),
          clause: clauseOf(cleaned.slice(at(Math.max(from, floor)), at(n.start))),
          after: cleaned.slice(at(n.end), at(to)),
          gap: cleaned.slice(at(floor), at(n.start)),
        });
        floor = n.end;
      }
      sentences.push({ section, subsection, paragraph: cleaned.slice(0, at(to)), text: cleaned.slice(at(from), at(to)), start: span.start + from, figures, index: sentences.length, paragraphIndex });
    }
  }
  return sentences;
}

export function isMoney(f: NarrativeFigure): boolean {
  return f.figure.kind === 'money';
}

export function isPercent(f: NarrativeFigure): boolean {
  return f.figure.kind === 'percent';
}

