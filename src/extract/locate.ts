import type { SourceDocument } from '../ingest/document.js';
import type { Segmentation } from '../segment/segment.js';
import { FORM_COLUMN_NAMES, LABEL_FILLER, LABEL_FILLER_CHARS, TOTAL_ROW_WORDS, anyOf } from '../vocabulary/index.js';
import { codeClass, dropEndRun } from './char-class.js';
import { findHeaderUnit, findNumbers, type NumberMatch } from './numbers.js';
import { readSentenceNumbers } from './sentence-numbers.js';
import { indexSpans } from './span-index.js';

/** Where a number sits in a table: its row's label and its column's header. */
export interface CellContext {
  table: number;
  row: number;
  col: number;
  /** Text of the non-numeric cells left of it in its row. */
  rowLabel: string;
  /** Header text of its column (the header rows' cells covering it). */
  header: string;
}

/** A number found in the document, with the text that labels it. */
export interface LocatedNumber extends NumberMatch {
  /** Index of the sentence (or table row) it stands in. */
  sentence: number;
  /** The clause before it, back to the previous punctuation or number: "本部门2021年预算数". */
  label: string;
  /** The unit came from a bracket after the label, as a form's field prints it: "计划安排资金（万元）| 700". */
  fieldUnit?: boolean;
  cell?: CellContext;
}

const CLAUSE_BREAK = /[，,。；;！？!?\n\t、]/u;
const isClauseBreak = codeClass(CLAUSE_BREAK);
const isBlank = codeClass(/\s/u);
const isBlankOrBorder = codeClass(/[\s|｜]/u);
const isLabelFiller = codeClass(LABEL_FILLER_CHARS);

/** The clause before `start`, not crossing `floor` (the previous number's end). */
export function labelBefore(text: string, start: number, floor: number): string {
  let i = start;
  const min = Math.max(floor, start - 60);
  while (i > min) {
    const code = text.charCodeAt(i - 1);
    if (isClauseBreak(code)) break;
    // "基本支出：642.19万元": a colon right before the number belongs to the label; one further back ends it.
    if ((code === 0xff1a || code === 0x3a) /* ：: */ && i < start - 0 && text.slice(i, start).replace(/[\s：:]/gu, '') !== '') break;
    i--;
  }
  return dropEndRun(text.slice(i, start), LABEL_FILLER, isLabelFiller).replace(/^[\s：:]+/u, '');
}

/**
 * A value alone on its line ("700 |", "2.38") under a line that ends a field's label
 * ("计划安排资金 (万元) |", "预算数:"), as pages print forms one cell per line: that label, or null.
 */
export function fieldLineBefore(text: string, start: number, end: number, floor: number): string | null {
  // Walk out from the value over blanks only: on a one-line text, slicing the whole line before
  // every unlabelled number was quadratic.
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a) {
    if (!isBlank(text.charCodeAt(lineStart - 1))) return null;
    lineStart--;
  }
  for (let i = end; i < text.length && text.charCodeAt(i) !== 0x0a; i++) if (!isBlankOrBorder(text.charCodeAt(i))) return null;
  const from = Math.max(floor, lineStart - 200);
  // A pipe-flattened table may print each cell on its line with a border-only line between ("年度资金总额:\n|\n189.8万"):
  // the field is the line above the border.
  const prev = /([^\n]*)\n[ \t]*[|｜][ \t]*\n[ \t]*$|([^\n]*)\s*$/u.exec(text.slice(from, lineStart))!.slice(1).find((x) => x !== undefined)!;
  if (!/[|｜:：]\s*$/u.test(prev)) return null;
  const cell = prev.replace(/[\s|｜:：]+$/u, '').split(/[|｜]/u).pop()!.trim();
  return cell === '' || /\d\s*$/u.test(cell) ? null : cell;
}

// A name may be broken over lines where a form prints one cell per line ("年初\n预算数").
const COLUMN = `(?:${anyOf(FORM_COLUMN_NAMES).replace(/(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])/gu, '\\s*')})(?:\\s*[（(][^（）()\\n]{0,8}[）)])?`;
const COLUMN_RUN = new RegExp(`(?:${COLUMN}[\\s|｜]*){2,}`, 'gu');
const COLUMN_ONE = new RegExp(COLUMN, 'gu');
const TOTAL_ROW_LABEL = new RegExp(`^[\\s|｜]*(?:${anyOf(TOTAL_ROW_WORDS)})[\\s|｜:：]*`, 'u');
/** What may stand between a flattened row's values: spaces and cell borders only. */
const BETWEEN_VALUES = /^[\s|｜:：]*$/u;

/**
 * A flattened form's column names in a run and its values right after them ("年初预算数全年预算数
 * 全年执行数执行率(%)" then "100 120 110 91.67%", on one line or the next): each value's column
 * name, and the unit the header or the text just before it gives ("单位：万元", "(万元)"), by the
 * value's start offset. The run must hold at least two names and exactly as many values follow.
 */
export function findColumnValues(text: string): Map<number, { name: string; unit: string | null }> {
  const out = new Map<number, { name: string; unit: string | null }>();
  for (const run of text.matchAll(COLUMN_RUN)) {
    const names = [...run[0].matchAll(COLUMN_ONE)].flatMap((n) => splitJoinedNames(n[0]));
    // The total row's label may stand between the names and its values ("…得分 年度资金总额: 99 99 99 10 100% 10").
    const rowLabel = TOTAL_ROW_LABEL.exec(text.slice(run.index + run[0].length));
    const from = run.index + run[0].length + (rowLabel?.[0].length ?? 0);
    const line = text.slice(from, from + 160);
    const values = findNumbers(line);
    const row: NumberMatch[] = [];
    let previous = 0;
    for (const v of values) {
      if (!BETWEEN_VALUES.test(line.slice(previous, v.start))) break;
      row.push(v);
      previous = v.end;
    }
    const after = line.slice(previous, previous + 2);
    if (row.length !== names.length || !/^(?:\s|$|[|｜。；，]|[\u4e00-\u9fff])/u.test(after)) continue;
    // A flattened sheet may print its "(万元)" after the rows ("… 年度资金总额 资金投入情况 (万元)").
    const money = (u: string | null) => (u && /元$/u.test(u) ? u : null);
    const before = text.slice(Math.max(0, run.index - 40), run.index);
    // (an OCR'd or flattened "(万元" may have lost its closing bracket)
    const unit =
      money(findHeaderUnit(run[0])) ?? money(findHeaderUnit(before)) ?? /[（(]\s*(万元|元)\s*$/u.exec(before)?.[1] ?? money(findHeaderUnit(text.slice(from, from + 300)));
    row.forEach((v, i) => out.set(from + v.start, { name: names[i]!.replace(/[（(][^（）()]*[）)]/gu, ''), unit }));
  }
  return out;
}

/** Column names, brackets removed (the form FORM_COLUMN_NAMES lists them in). */
const COLUMN_NAME_SET: ReadonlySet<string> = new Set(FORM_COLUMN_NAMES);

/**
 * One matched column name, or the names it joins. Spaces may stand between the glyphs of one name
 * (a PDF dump's "年 初 预 算 数"), so the pattern lets "执行率 得分" read as the single name 执行率得分
 * (the 重庆 layout's points of the rate); when the pieces between spaces are each a column name, they
 * are two columns.
 */
function splitJoinedNames(matched: string): string[] {
  const pieces = matched.trim().split(/\s+/u);
  const bare = (x: string) => x.replace(/[（(][^（）()]*[）)]/gu, '');
  if (pieces.length > 1 && pieces.every((x) => COLUMN_NAME_SET.has(bare(x)))) return pieces;
  return [matched.replace(/\s+/gu, '')];
}

/**
 * The unit a field's line gives its value when the bracket stands earlier on the line than right
 * before it: "计划生育转移支付资金合计(万元) 年度预算资金总额): 1084.25" — the line names its unit, then the
 * field, a colon and the value. Only a value right after a colon, on the same line, within 40
 * characters and with no number between.
 */
function lineFieldUnit(text: string, start: number, floor: number): string | undefined {
  const line = text.slice(Math.max(floor, start - 40), start);
  return /[（(]\s*(万元|元)\s*[）)][^\n\d（()）]{1,20}[）)]?\s*[:：]\s*$/u.exec(line)?.[1];
}

function isNumericCell(text: string): boolean {
  return /^[\s\d.,，%％万元亿千-]+$/u.test(text) && /\d/.test(text);
}

/**
 * A match as a located number, key by key: a spread of matches of several shapes (with and without
 * lo/hi) was the hottest line of locate.
 */
function locatedCopy(m: NumberMatch, start: number, end: number, sentence: number, label: string): LocatedNumber {
  const located: LocatedNumber = {
    start,
    end,
    text: m.text,
    numberText: m.numberText,
    value: m.value,
    base: m.base,
    precision: m.precision,
    scale: m.scale,
    unit: m.unit,
    kind: m.kind,
    approx: m.approx,
    sentence,
    label,
  };
  if (m.lo !== undefined) located.lo = m.lo;
  if (m.hi !== undefined) located.hi = m.hi;
  if (m.loOpen !== undefined) located.loOpen = m.loOpen;
  if (m.hiOpen !== undefined) located.hiOpen = m.hiOpen;
  return located;
}

/** Every number in the text with its label; table cells carry their row label and column header. */
export function locateNumbers(doc: SourceDocument, seg: Segmentation): LocatedNumber[] {
  const text = doc.text;
  const out: LocatedNumber[] = [];
  const tableSpans = doc.blockSpans.filter((s) => s.cells);
  const sentences = indexSpans(seg.sentences);
  // End of the previous number anywhere in the text: a field label on the line above may sit in another sentence.
  let previousEnd = 0;
  const columnValues = findColumnValues(text);
  const read = readSentenceNumbers(doc, seg);
  seg.sentences.forEach((s, si) => {
    const found = read.bySentence[si];
    if (!found) return;
    let floor = s.start;
    for (const m of found) {
      const start = m.start + s.start;
      const end = m.end + s.start;
      let rawLabel = text.slice(Math.max(floor, start - 12), start);
      let label = labelBefore(text, start, floor);
      const field = label === '' ? fieldLineBefore(text, start, end, previousEnd) : null;
      if (field) [label, rawLabel] = [field, field.slice(-12)];
      // Column marks and unit brackets printed before the value: "预算数(A) 5.8万", "执行数（万元）25",
      // also across a flattened cell border ("计划安排资金 (万元) | 700").
      const bracketUnit = /[（(]\s*(万元|元|亿元|千元)\s*[）)]\s*[:：]?[\s|｜]*$/u.exec(rawLabel)?.[1] ?? lineFieldUnit(text, start, floor);
      label = label.replace(/[\s|｜]+$/u, '').replace(/(?:\s*[（(][^（）()]{0,8}[）)])+\s*$/u, '').replace(/(?<=[\u4e00-\u9fff])[）)]$/u, '');
      let number: NumberMatch = m;
      let unit = bracketUnit;
      // A value under a flattened column header: the column names it.
      const column = columnValues.get(start);
      if (column) {
        label = column.name;
        // (a rate's or score's column takes no money unit)
        unit = /率|分值|权重|得分/u.test(label) ? undefined : (column.unit ?? undefined);
      }
      if (unit && m.kind === 'plain' && m.unit === '' && m.scale === 0) number = findNumbers(m.text, { defaultUnit: unit })[0] ?? m;
      // The sentence's match is shared with the checks (sentence-numbers.ts): the located number is a copy.
      const located = locatedCopy(number, start, end, si, label);
      if (number !== m) located.fieldUnit = true;
      out.push(located);
      floor = end;
      previousEnd = end;
    }
  });
  // A 决算's tables repeat their cell texts (8,220 cells, 906 distinct texts in the 178-page one):
  // the grammar reads each text once per column unit (its matches are copied below, never changed).
  const cellNumbers = new Map<string, Map<string, NumberMatch[]>>();
  const numbersOfCell = (cellText: string, unit: string | undefined): NumberMatch[] => {
    const key = unit || '';
    let byText = cellNumbers.get(key);
    if (!byText) cellNumbers.set(key, (byText = new Map()));
    let found = byText.get(cellText);
    if (!found) byText.set(cellText, (found = findNumbers(cellText, unit ? { defaultUnit: unit } : {})));
    return found;
  };
  tableSpans.forEach((span, ti) => {
    const rows = span.cells!;
    const before = text.slice(Math.max(0, span.start - 80), span.start);
    const firstRows = rows.slice(0, 2).flat().map((c) => text.slice(c.start, c.end)).join(' ');
    const tableUnit = findHeaderUnit(firstRows) ?? findHeaderUnit(before.split('\n').slice(-2).join(' ')) ?? undefined;
    // Header rows: those before the first row with a numeric cell.
    let headerRows = rows.findIndex((r) => r.some((c) => isNumericCell(text.slice(c.start, c.end))));
    if (headerRows < 0) headerRows = rows.length;
    // A column's header and unit, worked out once per column (they depend on the column alone):
    // for every cell they were a scan of every header cell and a unit search, ≈ 10% of a long 决算's
    // number location.
    const columns = new Map<number, { header: string; unit: string | undefined }>();
    const columnOf = (col: number): { header: string; unit: string | undefined } => {
      let known = columns.get(col);
      if (!known) {
        const header = rows
          .slice(0, headerRows)
          .flatMap((hr) => hr.filter((h) => h.col <= col && col < h.col + h.colSpan))
          .map((h) => text.slice(h.start, h.end))
          .join(' ');
        known = { header, unit: findHeaderUnit(header) ?? tableUnit };
        columns.set(col, known);
      }
      return known;
    };
    rows.forEach((row, ri) => {
      if (ri < headerRows) return;
      const sentence = sentences.at(row[0]?.start ?? span.start);
      let rowLabel = '';
      for (const cell of row) {
        const cellText = text.slice(cell.start, cell.end);
        if (!isNumericCell(cellText)) {
          if (!/\d/.test(cellText) || cellText.length > 3) rowLabel += (rowLabel ? ' ' : '') + cellText;
          // cells with text may still hold figures ("≥50个"): fall through
        }
        const { header, unit } = columnOf(cell.col);
        const found = numbersOfCell(cellText, unit);
        for (const m of found) {
          out.push({
            ...m,
            start: m.start + cell.start,
            end: m.end + cell.start,
            sentence: Math.max(0, sentence),
            label: rowLabel,
            cell: { table: ti, row: ri, col: cell.col, rowLabel, header },
          });
        }
      }
    });
  });
  return out.sort((a, b) => a.start - b.start);
}
