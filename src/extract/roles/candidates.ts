/**
 * Candidates for the headline roles: every located amount, percent and score, with the context the
 * features read (its clause, the sentence before it, its table header and row, its section heading).
 */
import type { SourceDocument } from '../../ingest/document.js';
import { evidenceOf } from '../../normalize/offsets.js';
import type { Figure, ReportKind } from '../../schema/record.js';
import type { Segmentation } from '../../segment/segment.js';
import { ARRIVAL_HEADING, OUTLINE_MARKER, TOTAL_FILLER } from '../../vocabulary/index.js';
import type { LocatedNumber } from '../locate.js';
import type { NumberMatch } from '../numbers.js';
import { leadingCount } from '../span-index.js';
import { codeClass } from '../char-class.js';

/** A number found in the document's text as a record Figure with its evidence. */
export function toFigure(doc: SourceDocument, m: NumberMatch): Figure {
  return figureOfMatch(m, evidenceOf(doc, m.start, m.end));
}

/** A number as a record Figure with the given evidence (a bare text has no pages or raw offsets). */
export function figureOfMatch(m: NumberMatch, evidence: Figure['evidence']): Figure {
  // Built key by key in the record's order (… approx, lo?, hi?, evidence): a conditional spread
  // followed by keys is a slow literal, and every number becomes a figure.
  const figure = { value: Number(m.base), exact: m.base, text: m.text, unit: m.unit, kind: m.kind, precision: m.precision, scale: m.scale, approx: m.approx } as Figure;
  if (m.lo !== undefined) figure.lo = m.lo;
  if (m.hi !== undefined) figure.hi = m.hi;
  figure.evidence = evidence;
  return figure;
}

/** "5.8万" after a money word: the 元 is implied. */
export const isImpliedMoney = (m: LocatedNumber) => m.kind === 'plain' && m.scale === 4 && m.unit === '';

/** What a candidate can be: money (amounts), a percent (rates) or points (scores). */
export type CandidateKind = 'money' | 'percent' | 'score';

export interface Candidate {
  number: LocatedNumber;
  figure: Figure;
  kind: CandidateKind;
  /** The clause that labels it ("本部门2021年预算数"); for "8个项目985万元" the words before the count. */
  label: string;
  /** The sentence's text before it. */
  before: string;
  /** The last clause of `before`, brackets and total words ("共计", "合计") removed. */
  clause: string;
  /** Up to 12 characters of raw text before it, filler words kept ("项目资金共"). */
  rawBefore: string;
  /** A few characters after it ("，其中：年初批复预算"). */
  after: string;
  /** Up to 30 characters after it: the clause that follows ("，已使用50万元"). */
  next: string;
  /** Table context, without spaces. */
  cell?: { header: string; rowLabel: string };
  /** Heading of the section it stands in ("" when none). */
  heading: string;
  /** What the report is about (project, department). */
  reportKind: ReportKind;
  /** Set when a named-amount rule (function class, nature, fund source, project) took the number. */
  namedAs?: string;
  /** Set when a narrative rule saw it as a whole followed by its parts. */
  wholeAs?: string;
  /** The document states a transfer (下达…资金) whose amount slot is blank or masked ("下达资金 点击查看>> 万元"). */
  unpricedTransfer: boolean;
  /** A form's 行次 (row number) printed before the row's values: "年度资金总额(万元): 1 52.800000". */
  rowNumber: boolean;
  /** The fund the report's title is about ("…2021年中央动物防疫等补助经费"), "" when it names none. */
  subject: string;
  /** It is the one amount of a section on the money that arrived ("1.项目资金到位情况。…"), headed or only numbered (ARRIVAL_HEADING). */
  arrivalSection: boolean;
}

/**
 * The fund a document's one 项目名称 field names ("项目名称:2018年度少数民族工作专项经费"), or "" when it
 * names none or several (forms of several projects have no one subject).
 */
export function fundOfProjectField(text: string): string {
  const names = new Set<string>();
  for (const m of text.matchAll(/项目名称[:：\s|｜]*([^\s|｜:：，。；\n]{4,40}?(?:资金|经费))(?=项目|[\s|｜，。；]|$)/gu)) {
    names.add(m[1]!);
    if (names.size > 1) return '';
  }
  return [...names][0] ?? '';
}

/**
 * The fund or funding a report's title is about: the title up to its last 资金/经费 before
 * 绩效/使用/管理 ("2021年中央动物防疫等补助经费项目支出绩效自评报告" → "2021年中央动物防疫等补助经费"),
 * or "" when the title names none.
 */
export function fundOfTitle(title: string | null | undefined): string {
  const t = (title ?? '').replace(/\s+/gu, '');
  const m = /^(.*(?:资金|经费))(?:项目)?(?:转移支付)?(?:项目)?(?:支出)?(?:绩效|使用|管理)/u.exec(t);
  return m ? m[1]! : '';
}

/**
 * A form row's label ending with its unit ("地方财政资金(万元) 3", "其他资金(万元,自有资金…) 4"): in a form
 * with a 行次 column the number after it is the row's 行次, even on a row whose cells are empty.
 */
const ROW_LABEL_UNIT = /[（(]\s*万?元[^（）()\d]{0,40}[）)]\s*[:：]?[ \t]*$/u;

/** A transfer with a unit but no digits in its amount slot: blank in a template, masked on a mirror. */
const UNPRICED_TRANSFER = /下达[^，。；\n\d]{0,40}?资金[^\d，。；\n]{0,12}?万?元/u;

/** How far a section on the money that arrived runs at most, when no next numbered line ends it first. */
const ARRIVAL_SECTION_REACH = 400;
/** A line that opens the next item or section ("2.项目资金执行情况", "（二）…", "三、…"). */
const NEXT_SECTION = new RegExp(`\n\s*(?:${OUTLINE_MARKER.source.replace(/^\^/u, '')})`, 'u');

/**
 * The spans of the sections on the money that arrived: from each line naming it (ARRIVAL_HEADING: "1.项目资金到位情况。",
 * a heading or a numbered line the outline does not keep) to the next numbered line, at most ARRIVAL_SECTION_REACH on.
 */
function arrivalSections(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(new RegExp(ARRIVAL_HEADING.source, 'gu'))) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + ARRIVAL_SECTION_REACH);
    const next = window.search(NEXT_SECTION);
    out.push([from, from + (next < 0 ? window.length : next)]);
  }
  return out;
}

/** The last clause of a text: what follows its last comma, stop or line break. */
export function lastClause(text: string): string {
  // Scanned back from the end: splitting the whole text made a string of every clause per number.
  let i = text.length;
  while (i > 0 && !isClauseEnd(text.charCodeAt(i - 1))) i--;
  return text.slice(i).trim();
}
/** (By char code: a regex per character, on a string made per character, was ten times as slow; asked twice per number.) */
const isClauseEnd = codeClass(/[，,。；;！？!?\n\t、]/u);


/** The last clause before an amount, a closing bracket and total words ("共计", "合计") removed. */
export function clauseBefore(before: string): string {
  return lastClause(before).replace(/[（(][^（）()]*[）)]$/u, '').replace(TOTAL_FILLER, '');
}

/**
 * How far back a number's sentence is read. Every rule looks at most 80 characters back or at a
 * clause that starts with the sentence ("收到…资金"); a flattened table is one "sentence" of
 * megabytes, and reading all of it before each of its numbers made extraction quadratic.
 */
const SENTENCE_WINDOW = 400;
/** Stands where a longer sentence was cut: no rule's pattern matches it, so "^" can't match mid-sentence. */
const CUT_MARK = '\u0000';

export function sentenceBefore(doc: SourceDocument, seg: Segmentation, m: LocatedNumber): string {
  const s = seg.sentences[m.sentence];
  if (!s) return m.label;
  if (m.start - s.start <= SENTENCE_WINDOW) return doc.text.slice(s.start, m.start);
  return CUT_MARK + doc.text.slice(m.start - SENTENCE_WINDOW, m.start);
}

/** The self-score's own name closing a label: 自评得分, 自评分数 (not 总分, which a form's weights add up to). */
const SELF_SCORE_LABEL = /自评(?:得分|分数)$/u;

function kindOfNumber(m: LocatedNumber): CandidateKind | null {
  if (m.kind === 'money' || isImpliedMoney(m)) return 'money';
  if (m.kind === 'percent') return 'percent';
  if (m.kind === 'score') return 'score';
  // A plain number in a table's total-score row ("总分 | 100 | 92.5").
  if (m.cell && m.kind === 'plain' && /总分|合计得分|自评得分/u.test(m.cell.rowLabel)) return 'score';
  // Points stated without 分 right after the self-score's own name ("逐项自评打分，自评分数100。"), at most 100.
  if (!m.cell && m.kind === 'plain' && SELF_SCORE_LABEL.test(m.label) && Number(m.base) <= 100) return 'score';
  return null;
}

/**
 * Every amount, percent and score as a candidate. `named` maps a number's start offset to the
 * named-amount rule that took it; `wholes` to the narrative-whole rule that saw it.
 */
/**
 * `(at) => headings.filter((h) => h.start <= at && at < h.sectionEnd).pop()`: with the headings in
 * order of start (segmentation's order), the last of those starting at or before `at` whose
 * section holds it, sought back from there (asked for every number, the scan of every heading was
 * the candidates' main cost on a long 决算).
 */
function innermostHeading<H extends { start: number; sectionEnd: number }>(headings: readonly H[]): (at: number) => H | undefined {
  const inOrder = headings.every((h, i) => i === 0 || headings[i - 1]!.start <= h.start);
  if (!inOrder) return (at) => headings.filter((h) => h.start <= at && at < h.sectionEnd).pop();
  return (at) => {
    for (let i = leadingCount(headings.length, (k) => headings[k]!.start <= at) - 1; i >= 0; i--) if (at < headings[i]!.sectionEnd) return headings[i];
    return undefined;
  };
}

export function findCandidates(
  doc: SourceDocument,
  seg: Segmentation,
  numbers: readonly LocatedNumber[],
  reportKind: ReportKind,
  named: ReadonlyMap<number, string> = new Map(),
  wholes: ReadonlyMap<number, string> = new Map(),
  subject = '',
): Candidate[] {
  const out: Candidate[] = [];
  const unpricedTransfer = UNPRICED_TRANSFER.test(doc.text);
  const hasRowNumbers = /行\s*次/u.test(doc.text);
  const headingOf = innermostHeading(seg.headings);
  // (the section's one amount: where it states several, 应到位 and 实际到位 beside each other, none is told apart)
  const arrivals = arrivalSections(doc.text).filter(([from, to]) => numbers.filter((m) => from <= m.start && m.start < to && kindOfNumber(m) === 'money').length === 1);
  for (const m of numbers) {
    const kind = kindOfNumber(m);
    if (!kind) continue;
    const before = sentenceBefore(doc, seg, m);
    const clause = clauseBefore(before);
    // "年初批复预算8个项目985万元": the amount of the projects just counted; the label is before the count.
    const counted = /^(?:个)?项目$/u.test(m.label) ? /^(.*?)\d+个项目$/u.exec(clause)?.[1] : undefined;
    const label = counted || m.label;
    const heading = headingOf(m.start)?.text ?? '';
    const namedAs = named.get(m.start);
    const wholeAs = wholes.get(m.start);
    const candidate: Candidate = {
      number: m,
      // (a score printed without 分 after its name is points all the same)
      figure: kind === 'score' && m.kind === 'plain' && !m.cell ? { ...toFigure(doc, m), unit: '分', kind: 'score' } : toFigure(doc, m),
      kind,
      label,
      before,
      clause,
      rawBefore: doc.text.slice(Math.max(0, m.start - 12), m.start),
      after: doc.text.slice(m.end, m.end + 12),
      next: doc.text.slice(m.end, m.end + 30),
      heading,
      reportKind,
      unpricedTransfer,
      subject,
      arrivalSection: arrivals.length > 0 && arrivals.some(([from, to]) => from <= m.start && m.start < to),
      rowNumber: hasRowNumbers && /^\d{1,2}$/u.test(m.text) && (/^[\s|｜]+-?[\d,]+(?:\.\d+)?/u.test(doc.text.slice(m.end, m.end + 24)) || ROW_LABEL_UNIT.test(doc.text.slice(Math.max(0, m.start - 48), m.start))),
    };
    // (Optional keys set, not spread in: a conditional spread is a slow literal, made per number.)
    if (m.cell) candidate.cell = { header: m.cell.header.replace(/\s+/gu, '').replace(/[（(][^）)]*[）)]/gu, ''), rowLabel: m.cell.rowLabel.replace(/\s+/gu, '') };
    if (namedAs) candidate.namedAs = namedAs;
    if (wholeAs) candidate.wholeAs = wholeAs;
    out.push(candidate);
  }
  return out;
}

/** Is `at` inside brackets opened after `from`? (A closing bracket with none open is a stray one.) */
export function inBrackets(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth > 0;
}
