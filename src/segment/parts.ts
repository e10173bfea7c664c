/**
 * A document split into typed parts (cover, contents, narrative sections, each 决算/预算 table, each
 * 自评表, score summary tables, target tables, attached evaluation reports), so that figures are read
 * and checked within the part that states them. Parts are contiguous, do not overlap, follow the
 * text's order and cover the whole text; a page break never ends a part (a form printed across two
 * pages is one part).
 */
import type { BlockSpan, CellSpan, SourceDocument } from '../ingest/document.js';
import { codeClass, codePointCount } from '../extract/char-class.js';
import { leadingCount } from '../extract/span-index.js';
import { pageAt } from '../normalize/offsets.js';
import type { Part, PartKind } from '../schema/record.js';
import {
  ACCOUNTS_COVER,
  BUDGET_COVER,
  BUDGET_TABLES,
  BRACKETED_MONEY_UNIT,
  CONTENTS_TITLE,
  DEPARTMENT_FORM_TITLE,
  EVALUATION_REPORT_TITLE,
  EVALUATOR,
  FORM_TITLE,
  SCORE_TABLE_NAME_HEADER,
  SCORE_TABLE_SCORE_HEADER,
  SELF_EVALUATION_TITLE,
  TARGET_TITLE,
  tableNamed,
} from '../vocabulary/index.js';
import type { Segmentation } from './segment.js';

/** Where a part starts, before its end is known. */
interface PartStart {
  at: number;
  kind: PartKind;
  title: string;
  table: string | null;
}

/** Table-based kinds: a heading after their last table ends them. */
const TABLE_KINDS = new Set<PartKind>(['accounts_table', 'budget_table', 'score_table', 'target_table', 'self_evaluation_form']);

/** A contents entry: "一、收入支出决算总表....5", "第三部分 … 14". */
const CONTENTS_ENTRY = /(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d{0,4}\s*$/u;
/** A contents entry's leader characters, and what may follow them on its line (blanks, a page number). */
const isLeader = codeClass(/[.…·-]/u);
const isBlankOrDigit = codeClass(/[\s\d]/u);

/**
 * CONTENTS_ENTRY.test(line), asked of every line: the regex runs only on a line whose last character
 * before its blanks and digits is a leader (a regex anchored at the end scans every position of a
 * paragraph of thousands of characters).
 */
function isContentsEntry(line: string): boolean {
  let i = line.length;
  while (i > 0 && isBlankOrDigit(line.charCodeAt(i - 1))) i--;
  return i > 0 && isLeader(line.charCodeAt(i - 1)) && CONTENTS_ENTRY.test(line);
}
/** A line that is only a page number or the form's year: skipped when looking for a table's title. */
const FURNITURE = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|[（(]?\s*(?:19|20)\d{2}\s*年度?\s*[）)]?|第\s*\d+\s*页.*|续表|[（(]续[）)])$/u;
/** A table's unit line ("公开01表 部门：X 金额单位：万元") is not its title. */
const UNIT_LINE_TAIL = /(?:公开\s*\d+\s*表|编制单位[:：]|(?<![\u4e00-\u9fff])部门[:：]|(?:金额)?单位[:：]\s*(?:万元|元|亿元|千元)).*$/u;
/** An attachment marker line ("附件", "附件2：") opens an attached document. */
const ATTACHMENT = /^附\s*件\s*\d*\s*[:：]?$/u;
/** A money unit printed in a part's header. */
const UNIT_IN_HEADER = new RegExp(`(?:金额)?单位[:：]\\s*(万元|元|亿元|千元)|${BRACKETED_MONEY_UNIT.source}`, 'u');

/** A title line with its list marker, attachment marker and year bracket removed. */
export function bareTitle(line: string): string {
  return line
    .replace(/\s+/gu, '')
    .replace(/[|｜]+$/u, '')
    .replace(/^附件\d*[:：、.]?/u, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])/u, '')
    .replace(/^(?:(?:19|20)\d{2})年度?/u, '')
    .replace(/[（(][^（）()]{0,16}[）)]$/u, '');
}

/** A line that names a self-evaluation form (…绩效自评表), not a report about one. */
export function isFormTitle(line: string): boolean {
  // FORM_TITLE needs 绩效, and bareTitle only removes characters: most lines are settled here.
  if (!line.includes('效')) return false;
  // "第三部分 绩效自评表" heads the section the forms stand in; it is not one.
  if (/^\s*第[一二三四五六七八九十]+(?:部分|章|篇)/u.test(line)) return false;
  const t = bareTitle(line);
  return codePointCount(t) <= 60 && !/[。；，,]/u.test(t) && FORM_TITLE.test(t);
}

/**
 * A form's title inside a line that flattening joined with its cells ("…|部门预算项目支出绩效自评表
 * (2023年度) |项目名称|…"): it stands between cell borders, never inside a sentence or quotes.
 */
const FORM_TITLE_INLINE =
  /(?:^|[|｜\t])\s*((?:附件\d*[:：]?)?[^\s|｜。；，,：:《》“”"]{0,30}?绩效(?:目标)?(?:自评|自我评价)(?:表|情况表|结果表))(?:\s*[（(][^（）()]{0,12}[）)])?(?=\s*(?:[|｜\t]|$|项目名称|部门|单位))/gu;

/**
 * A form's title that a dump joined with the words around it ("… False False 附件: 项目支出绩效自评表
 * (2022年度) 项目名称 …", "…总分100 98.62财政项目支出绩效自评表" ending the line before the next form's
 * year and 项目名称): the year bracket and 项目名称 after it say so. A PDF dump may print the project's
 * name before its label ("…自评表 (2022 年度) 普陀体育中心与委托运营方结 算费用 项目名称 …", t160).
 */
const FORM_TITLE_BEFORE_FIELDS =
  /(?:^|\s|(?=附件\d*[:：])|(?<=\d|%))((?:附件\d*[:：]\s*)?[^\s|｜。；，,：:《》“”"]{0,30}?绩效(?:目标)?(?:自评|自我评价)表)\s*[（(]\s*(?:19|20)\d{2}\s*年度?\s*[）)]\s*(?=[^\n。；，,：:|｜]{0,30}?项目名称)/gu;

function formTitlesInLine(text: string, start: number, end: number): Array<{ at: number; title: string }> {
  const found: Array<{ at: number; title: string }> = [];
  // (both title patterns need 绩效)
  if (!text.slice(start, Math.min(text.length, end + 40)).includes('效')) return found;
  for (const re of [FORM_TITLE_INLINE, FORM_TITLE_BEFORE_FIELDS]) {
    // What follows a title may stand on the next lines: the line and a little after it, the title within the line.
    const scope = text.slice(start, re === FORM_TITLE_INLINE ? end : Math.min(text.length, end + 40));
    // (both need 绩效, the second 项目名称 after it: a look with includes spares the regex's many starts)
    if (!scope.includes('绩效') || (re === FORM_TITLE_BEFORE_FIELDS && !scope.includes('项目名称'))) continue;
    for (const m of scope.matchAll(re)) {
      if (start + m.index >= end) break;
      // The last cell of the form before ("…总分100 98.62财政项目…") is not the title's.
      const own = m[1]!.replace(/^\d+(?:\.\d+)?%?(?![\d.]*\s*年)/u, '');
      const title = own.replace(/^附件\d*[:：]\s*/u, '');
      if (!isFormTitle(title)) continue;
      const at = start + m.index + m[0].indexOf(m[1]!) + m[1]!.length - own.length;
      if (!found.some((f) => Math.abs(f.at - at) < 2)) found.push({ at, title });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** A line that opens an evaluation report which is not a self-evaluation. */
function isEvaluationReportTitle(line: string): boolean {
  // (every EVALUATION_REPORT_TITLE holds 评价, and the title must end in 报告)
  if (!line.includes('评') || !line.includes('告')) return false;
  const t = bareTitle(line);
  return codePointCount(t) <= 40 && !/[。；，,]/u.test(t) && !/自评|自我评价/u.test(t) && EVALUATION_REPORT_TITLE.test(t) && /报告$/u.test(t);
}

function cellTexts(doc: SourceDocument, row: CellSpan[] | undefined): string[] {
  return (row ?? []).map((c) => doc.text.slice(c.start, c.end).replace(/\s+/gu, ''));
}

/** What a table block is by its own cells, when no title says so. */
function kindOfTableCells(doc: SourceDocument, span: BlockSpan): { kind: PartKind; title: string } | null {
  const rows = span.cells ?? [];
  const all = rows.flatMap((r) => cellTexts(doc, r));
  const head = rows.slice(0, 2).flatMap((r) => cellTexts(doc, r));
  const isForm = all.some((t) => /^(?:年度(?:财政)?资金总额|资金总额)[:：]?$/u.test(t) || /^(?:一级指标|三级指标)$/u.test(t));
  const first = cellTexts(doc, rows[0]);
  if (isForm && first.some((t) => /^(?:项目名称|部门[（(]单位[）)]名称|部门名称|单位名称)[:：]?$/u.test(t))) {
    return { kind: 'self_evaluation_form', title: first.join(' ').slice(0, 60) };
  }
  if (!isForm && head.some((t) => SCORE_TABLE_NAME_HEADER.test(t)) && head.some((t) => SCORE_TABLE_SCORE_HEADER.test(t))) {
    return { kind: 'score_table', title: head.join(' | ').slice(0, 60) };
  }
  return null;
}

/** A table's title in one line of text: which part it opens, or null. */
function kindOfTitle(line: string): Omit<PartStart, 'at'> | null {
  const t = line.replace(/\s+/gu, '');
  if (codePointCount(t) > 60 || /[。；]/u.test(t)) return null;
  if (isFormTitle(t)) return { kind: 'self_evaluation_form', title: t, table: null };
  if (TARGET_TITLE.test(t) && !/自评/u.test(t)) return { kind: 'target_table', title: t, table: null };
  const budget = tableNamed(t, BUDGET_TABLES);
  if (budget && /预算/u.test(t) && !/决算/u.test(t)) return { kind: 'budget_table', title: t, table: budget };
  const accounts = tableNamed(t);
  if (accounts) return { kind: 'accounts_table', title: t, table: accounts };
  return null;
}

/**
 * `(at) => items.filter((x) => x.end <= at)`: when the ends ascend, the prefix before the first end
 * past `at`, found by binary search (the same items in the same order).
 */
function endingBy<T extends { end: number }>(items: readonly T[]): (at: number) => T[] {
  let ascending = true;
  for (let i = 1; i < items.length && ascending; i++) ascending = items[i - 1]!.end <= items[i]!.end;
  if (!ascending) return (at) => items.filter((x) => x.end <= at);
  return (at) => items.slice(0, leadingCount(items.length, (i) => items[i]!.end <= at));
}


/** The money unit a part's header prints, within its first lines. */
function unitOf(doc: SourceDocument, start: number, end: number): string | null {
  const head = doc.text.slice(start, Math.min(end, start + 400));
  const m = UNIT_IN_HEADER.exec(head);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/**
 * The parts of a document. A part starts at: a table whose title (the lines just before it, or its
 * first row) names a 决算/预算 table, a form or a target table; a line naming a form (flattened
 * forms); a 项目名称 | 自评分数 table; a line naming an evaluation report (not 自评); 目录; a heading
 * of level ≤ 1 (any heading after a table part's last table). The first page of a 决算/预算 before
 * the first part is its cover.
 */
export function findParts(doc: SourceDocument, seg: Segmentation): Part[] {
  const text = doc.text;
  const tables = doc.blockSpans.filter((s) => s.cells && doc.blocks[s.block]?.kind === 'table');
  const lines = seg.lines.filter((l) => l.kind !== 'table-row');
  // The lines, and the tables, ending by an offset: a prefix found by binary search when their
  // ends ascend (they do: both are in text order), else by a scan. Asked for every table, a scan
  // of every line was a fifth of this function on a 178-page 决算.
  const linesEndingBy = endingBy(lines);
  const tablesEndingBy = endingBy(tables);
  const headingAt = new Map(seg.headings.map((h) => [h.start, h]));
  const starts: PartStart[] = [];

  // Contents: from 目录 to the end of its page; its entries open nothing.
  let contentsEnd = -1;
  // Line starts already used as a table's title.
  const usedTitle = new Set<number>();
  // Title lines just before each table (up to three, skipping furniture and unit lines).
  for (const span of tables) {
    let kind: Omit<PartStart, 'at'> | null = null;
    let at = span.start;
    const before = linesEndingBy(span.start).slice(-5).reverse();
    const previousTableEnd = Math.max(-1, ...tablesEndingBy(span.start).map((t) => t.end));
    let looked = 0;
    for (const l of before) {
      if (l.start < previousTableEnd || looked >= 3) break;
      // A title joined with its unit line ("…决算表公开07表部门：X金额单位：万元") keeps only the title.
      const line = text.slice(l.start, l.end).trim().replace(UNIT_LINE_TAIL, '').trim();
      if (line === '' || FURNITURE.test(line.replace(/\s+/gu, ''))) continue;
      looked++;
      if (isContentsEntry(line)) break;
      const k = kindOfTitle(line);
      if (k) {
        kind = k;
        at = attachmentMarkerAbove(l.start);
        usedTitle.add(l.start);
        break;
      }
    }
    // The title may be the table's first row (a merged title cell).
    const firstRow = cellTexts(doc, span.cells?.[0]).join('');
    kind ??= firstRow.length <= 60 ? kindOfTitle(firstRow) : null;
    const own = kindOfTableCells(doc, span);
    if (own && (!kind || own.kind === 'score_table')) {
      kind = { ...own, table: null };
      // A score table's caption ("2024年度项目支出绩效自评结果") is the line just above it.
      const caption = own.kind === 'score_table' ? before.find((l) => l.start >= previousTableEnd) : undefined;
      const captionText = caption ? text.slice(caption.start, caption.end).trim() : '';
      if (caption && captionText !== '' && codePointCount(captionText) <= 40 && !/[。；，,：:]/u.test(captionText)) {
        kind = { ...kind, title: captionText };
        at = caption.start;
        usedTitle.add(caption.start);
      }
    }
    if (kind) starts.push({ at, ...kind });
  }

  /** A title's start, moved up to an attachment marker line ("附件：") just above it: the marker opens the attachment, not the part before. */
  function attachmentMarkerAbove(at: number): number {
    const prev = linesEndingBy(at).at(-1);
    return prev && at - prev.end <= 2 && ATTACHMENT.test(text.slice(prev.start, prev.end).replace(/\s+/gu, '')) ? prev.start : at;
  }

  let inEvaluation = false;
  for (const l of lines) {
    const line = text.slice(l.start, l.end).trim();
    if (l.start < contentsEnd) continue;
    // Blanks dropped only where asked: the line is trimmed, so it ends in 录 when its compact form
    // does, and most lines (paragraphs of thousands of characters) are not copied at all.
    const compact = line.endsWith('录') ? line.replace(/\s+/gu, '') : null;
    // 目录 may end the cover's line when a reader joined them ("…2024年度部门决算目录").
    if (compact !== null && (CONTENTS_TITLE.test(compact) || (/目录$/u.test(compact) && codePointCount(compact) <= 40))) {
      const at = l.start + text.slice(l.start, l.end).lastIndexOf('目');
      starts.push({ at, kind: 'contents', title: '目录', table: null });
      contentsEnd = endOfContents(doc, lines.filter((x) => x.start > l.start), pageAt(doc, at), tables.map((t) => t.start));
      // An evaluation report's own contents: its body resumes the report after them (its outline opens no part).
      const evaluation = inEvaluation ? starts.findLast((x) => x.kind === 'evaluation_report') : undefined;
      if (evaluation && contentsEnd < text.length) starts.push({ at: contentsEnd, kind: 'evaluation_report', title: evaluation.title, table: null });
      continue;
    }
    if (isContentsEntry(line) || usedTitle.has(l.start)) continue;
    // Another body's report, not a unit's own "…绩效评价报告" of its self-evaluation.
    const following = text.slice(l.end, l.end + 2500);
    if (isEvaluationReportTitle(line) && EVALUATOR.test(following) && !/自评|自我评价/u.test(following.slice(0, 600))) {
      // An attachment marker or a subject line just above belongs to the report's title.
      const prev = lines.filter((x) => x.end <= l.start && x.start >= l.start - 80).slice(-2);
      let at = l.start;
      for (const p of prev.reverse()) {
        const pl = text.slice(p.start, p.end).trim();
        if (ATTACHMENT.test(pl.replace(/\s+/gu, '')) || (codePointCount(pl) <= 40 && !/[。；，]/u.test(pl) && !headingAt.has(p.start))) at = p.start;
        else break;
      }
      starts.push({ at, kind: 'evaluation_report', title: line, table: null });
      inEvaluation = true;
      continue;
    }
    // A dump may run several forms into one line: each title opens its own form.
    const inline = (isFormTitle(line) ? [{ at: l.start, title: compact ?? line.replace(/\s+/gu, '') }] : formTitlesInLine(text, l.start, l.end)).filter(
      (t) => !starts.some((s) => s.kind === 'self_evaluation_form' && Math.abs(s.at - t.at) < 2),
    );
    if (inline.length > 0) {
      for (const t of inline) starts.push({ at: t.at, kind: 'self_evaluation_form', title: t.title, table: null });
      inEvaluation = false;
      continue;
    }
    const h = headingAt.get(l.start);
    if (h) {
      // Inside an attached evaluation report its own outline does not end it; a 第N部分 does.
      if (inEvaluation && !/^第[一二三四五六七八九十]+部分/u.test(compact ?? line.replace(/\s+/gu, ''))) continue;
      inEvaluation = false;
      starts.push({ at: l.start, kind: 'narrative', title: line, table: null, ...(h.level <= 1 ? {} : { minor: true }) } as PartStart);
    }
  }

  starts.sort((a, b) => a.at - b.at);
  // Keep one start per offset (a table's title line may also be a heading: the table wins).
  const merged: PartStart[] = [];
  for (const s of starts) {
    const last = merged[merged.length - 1];
    if (last && last.at === s.at) {
      if (last.kind === 'narrative') merged[merged.length - 1] = s;
      continue;
    }
    merged.push(s);
  }
  // Minor headings (level ≥ 2) open a narrative part only after a table part's last table.
  const kept: PartStart[] = [];
  for (const s of merged) {
    const minor = (s as PartStart & { minor?: boolean }).minor === true;
    const current = kept[kept.length - 1];
    if (minor) {
      if (!current || !TABLE_KINDS.has(current.kind)) continue;
      const hasTable = tables.some((t) => t.start >= current.at && t.end <= s.at);
      const tableAfter = tables.some((t) => t.start >= s.at && t.start < (merged.find((m) => m.at > s.at)?.at ?? text.length));
      if (!hasTable || tableAfter) continue;
    }
    const { minor: _minor, ...start } = s as PartStart & { minor?: boolean };
    kept.push(start);
  }

  // What comes before the first part: a 决算/预算's cover page, or the opening of a report.
  const parts: Part[] = [];
  const firstAt = kept[0]?.at ?? text.length;
  if (firstAt > 0 && text.slice(0, firstAt).trim() !== '') {
    const firstPageEnd = lines.find((l) => pageAt(doc, l.start) > 1)?.start ?? text.length;
    const head = coverTitle(text.slice(0, Math.min(firstAt, firstPageEnd)));
    const isCover = (ACCOUNTS_COVER.test(head) || BUDGET_COVER.test(head)) && !SELF_EVALUATION_TITLE.test(head) && !/自评|自我评价/u.test(head);
    kept.unshift({ at: 0, kind: isCover ? 'cover' : 'narrative', title: text.slice(0, Math.min(firstAt, 80)).split('\n')[0]!.trim(), table: null });
  }
  // Pages only where the format has them (as Evidence.page): PDF and image pages; a DOCX, a workbook or a web page has none.
  const paged = doc.format === 'pdf' || doc.format === 'image';
  const counters = new Map<PartKind, number>();
  kept.forEach((s, i) => {
    const end = kept[i + 1]?.at ?? text.length;
    if (end <= s.at) return;
    const n = (counters.get(s.kind) ?? 0) + 1;
    counters.set(s.kind, n);
    // Trailing whitespace and page numbers do not extend a part onto the next page.
    let last = end;
    while (last > s.at && /\s/u.test(text[last - 1]!)) last--;
    parts.push({
      id: `${s.kind}:${n}`,
      kind: s.kind,
      title: s.title,
      table: s.table,
      pageStart: paged ? pageAt(doc, s.at) : null,
      pageEnd: paged ? pageAt(doc, Math.max(s.at, lastContentOffset(text, s.at, last))) : null,
      start: s.at,
      end,
      unit: s.kind === 'narrative' || s.kind === 'contents' || s.kind === 'cover' ? null : unitOf(doc, s.at, end),
    });
  });
  return parts;
}

/**
 * A cover's title: its lines joined up to the first sentence (a note under the title such as
 * "（本文件为…取自公开的部门决算自评表。）" is not the title).
 */
export function coverTitle(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    const t = line.replace(/\s+/gu, '');
    if (t === '') continue;
    if (/[。；，]/u.test(t) || /^[（(]/u.test(t) || out.length + t.length > 80) break;
    out += t;
  }
  return out;
}

/** A contents entry without its leaders and page number. */
function entryText(line: string): string {
  return line.replace(/\s+/gu, '').replace(/(?:\.{2,}|…+|·{2,}|-{3,})?\d{0,4}$/u, '');
}

/**
 * Where the contents end: at the first line that repeats one of its entries (the body starts over
 * with "第一部分 …概况" or a table's title), at the first sentence or table, or else (paged
 * documents) at the end of its page.
 */
function endOfContents(doc: SourceDocument, after: ReadonlyArray<{ start: number; end: number; kind?: string }>, page: number, tableStarts: readonly number[]): number {
  const paged = doc.format === 'pdf' || doc.format === 'image';
  const firstTable = tableStarts.find((t) => t > (after[0]?.start ?? doc.text.length)) ?? doc.text.length;
  const seen = new Set<string>();
  for (const [i, x] of after.entries()) {
    if (x.start >= firstTable) return firstTable;
    if (paged && pageAt(doc, x.start) > page + 3) break;
    const line = doc.text.slice(x.start, x.end);
    const key = bareTitle(entryText(line)).replace(/^第[一二三四五六七八九十]+部分/u, '');
    if (key.length >= 4 && seen.has(key)) return x.start;
    // The first sentence is the body's; a heading right above it is the body's first heading
    // ("一、项目基本情况" over "城镇老旧小区改造是…。", after a contents that never listed it: t754).
    if (/[。；]/u.test(line)) return i > 1 && after[i - 1]!.kind === 'heading' ? after[i - 1]!.start : x.start;
    seen.add(key);
  }
  if (!paged) return Math.min(firstTable, doc.text.length);
  return after.find((x) => pageAt(doc, x.start) > page)?.start ?? doc.text.length;
}

/** The last offset of a part's content, before trailing page-number lines. */
function lastContentOffset(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    const lineStart = text.lastIndexOf('\n', e - 1) + 1;
    if (lineStart <= start) break;
    const line = text.slice(lineStart, e).trim();
    if (line !== '' && !/^[-—–\s]*\d{1,4}[-—–\s]*$/u.test(line)) break;
    e = lineStart - 1;
    if (e <= start) return start;
  }
  return Math.max(start, e - 1);
}

/** The part that holds offset `at`. */
export function partAt(parts: readonly Part[], at: number): Part | null {
  if (!inTextOrder(parts)) return parts.find((p) => at >= p.start && at < p.end) ?? null;
  // Apart and in order (findParts makes them so): the one part that can hold `at` is the last
  // one starting at or before it. Asked for every number of a document, a scan of every part was
  // a few percent of a long 决算's extraction.
  const p = parts[leadingCount(parts.length, (i) => parts[i]!.start <= at) - 1];
  return p && at >= p.start && at < p.end ? p : null;
}

/** Whether each part ends before the next starts (so at most one holds an offset), per parts array and length. */
const partsInOrder = new WeakMap<readonly Part[], { length: number; ordered: boolean }>();

function inTextOrder(parts: readonly Part[]): boolean {
  const known = partsInOrder.get(parts);
  if (known && known.length === parts.length) return known.ordered;
  let ordered = true;
  for (let i = 0; i < parts.length && ordered; i++) ordered = parts[i]!.start <= parts[i]!.end && (i === 0 || parts[i - 1]!.end <= parts[i]!.start);
  partsInOrder.set(parts, { length: parts.length, ordered });
  return ordered;
}

/** Whether a form part is a department-overall form by its title. */
export function isDepartmentFormTitle(title: string): boolean {
  return DEPARTMENT_FORM_TITLE.test(title.replace(/\s+/gu, ''));
}
