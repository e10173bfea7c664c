/**
 * A 项目基本信息 table's money columns (湘西, 海南 evaluation templates: 计划投资额 | 实际到位资金 |
 * 实际使用情况; 岳阳's 计划安排资金 | 实际到位资金 | 实际支出 | 结余: each a total split by source in the
 * rows below). Flattened, each source row prints its
 * label once per column ("其中:中央财政4676 其中:中央财政4676 其中:中央财政4676 省财政14145.06 …",
 * t154), so the k-th print of a label is its cell in the k-th column. Each column's printed total must
 * be the sum of its sources (issue 16: an 实际到位 total that is not the sum of its sources).
 * Read only where the layout is sure: the column names in order with their unit, then every source
 * label printed exactly once per column in a row, two sources at least. A column whose sources are all
 * empty is not checked. One table names both sides, so a miss is `definite` when two sources or more
 * are filled in; a single filled source short of its total is a warning (its siblings' cells may have
 * been lost by the dump).
 */
import type { SourceDocument } from '../ingest/document.js';
import { findNumbers } from '../extract/numbers.js';
import { toFigure } from '../extract/roles/candidates.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { INVESTMENT_COLUMNS } from '../vocabulary/index.js';
import { checkSum, type SumPart } from './sum-checks.js';

const RULE = 'sum.fund_sources';
/** How far the source rows may run after the last column's total (four to eight sources of three cells). */
const ROWS_WINDOW = 600;
/** A source label: a run of Chinese characters ("中央财政", "市县财政预算", "地方债券资金"). */
const LABEL_CHARS = /[\u4e00-\u9fff]/u;
const MAX_LABEL = 12;
/** What may part a label from its cell or a row from the next: blanks and, in a dump that keeps the grid, its bars ("省财政 |\n1125 |", t703). */
const BLANK = /^[\s|]*/u;

interface Column {
  name: string;
  total: Figure | null;
}

/** The amount printed at `at` (after blanks), as a figure of the document, or null. */
function amountAt(doc: SourceDocument, at: number, unit: string): { figure: Figure; end: number } | null {
  const lead = BLANK.exec(doc.text.slice(at, at + 40))![0].length;
  const m = /^\d[\d,]*(?:\.\d+)?/u.exec(doc.text.slice(at + lead, at + lead + 24));
  if (!m) return null;
  const n = findNumbers(m[0], { defaultUnit: unit })[0];
  if (!n || n.kind !== 'money' || n.approx !== 'exact' || n.end !== m[0].length) return null;
  return { figure: toFigure(doc, { ...n, start: at + lead, end: at + lead + m[0].length }), end: at + lead + m[0].length };
}

/** Each column's name with its optional unit bracket ("计划投资额(万元)"), built once. */
const COLUMN_HEADS = INVESTMENT_COLUMNS.map((names) => ({ pattern: new RegExp(`^[\\s|]*(${names.join('|')})\\s*(?:[(（]\\s*(万元|元)\\s*[)）])?`, 'u') }));

/** The column names in order from `at`, each with its unit and the total printed after it. */
function readColumns(doc: SourceDocument, at: number): { columns: Column[]; unit: string; end: number } | null {
  const columns: Column[] = [];
  let unit: string | null = null;
  let pos = at;
  for (const { pattern } of COLUMN_HEADS) {
    const head = pattern.exec(doc.text.slice(pos, pos + 60));
    if (!head) break;
    if (!head[2] || (unit !== null && head[2] !== unit)) return null;
    unit = head[2];
    pos += head[0].length;
    const total = amountAt(doc, pos, unit);
    if (total) pos = total.end;
    columns.push({ name: head[1]!, total: total?.figure ?? null });
  }
  return columns.length >= 2 && unit ? { columns, unit, end: pos } : null;
}

/** The label a source row starts with at `pos` when it is printed `k` times in a row, each print with its cell. */
function readSourceRow(doc: SourceDocument, text: string, base: number, pos: number, k: number, unit: string): { label: string; cells: Array<Figure | null>; end: number } | null {
  for (let n = 2; n <= MAX_LABEL; n++) {
    const label = text.slice(pos, pos + n);
    if (label.length < n || ![...label].every((ch) => LABEL_CHARS.test(ch))) return null;
    const cells: Array<Figure | null> = [];
    let at = pos;
    for (let j = 0; j < k; j++) {
      const lead = BLANK.exec(text.slice(at))![0].length;
      if (!text.startsWith(label, at + lead)) break;
      at += lead + label.length;
      const cell = amountAt(doc, base + at, unit);
      cells.push(cell?.figure ?? null);
      if (cell) at = cell.end - base;
    }
    if (cells.length === k) return { label, cells, end: at };
  }
  return null;
}

/** Every 项目基本信息 table of the document: each column's total against the sum of its sources. */
export function checkInvestmentColumns(doc: SourceDocument | undefined): CheckResult[] {
  if (!doc) return [];
  const out: CheckResult[] = [];
  const first = new RegExp(INVESTMENT_COLUMNS[0]!.join('|'), 'gu');
  for (const { index: i } of doc.text.matchAll(first)) {
    const read = readColumns(doc, i);
    if (!read) continue;
    const k = read.columns.length;
    // The rows' 其中 is the table's, not a label's: dropped (blanked, so offsets stay the document's).
    const base = read.end;
    const text = doc.text.slice(base, base + ROWS_WINDOW).replace(/其中[:：]/gu, (s) => ' '.repeat(s.length));
    const rows: Array<{ label: string; cells: Array<Figure | null> }> = [];
    let pos = BLANK.exec(text)![0].length;
    for (let row; (row = readSourceRow(doc, text, base, pos, k, read.unit)); ) {
      rows.push(row);
      pos = row.end + BLANK.exec(text.slice(row.end))![0].length;
    }
    if (rows.length < 2) continue;
    read.columns.forEach((column, j) => {
      const parts: SumPart[] = rows.flatMap((r) => (r.cells[j] ? [{ name: r.label, figure: r.cells[j]! }] : []));
      if (!column.total || parts.length === 0) return;
      out.push(
        ...checkSum({
          rule: RULE,
          zh: `${column.name}各资金来源合计`,
          en: `Sum of the sources of ${column.name}`,
          parts,
          totals: [{ key: column.name, zh: column.name, en: column.name, figure: column.total }],
          mismatch: parts.length >= 2 ? 'fail' : 'warn',
        }),
      );
    });
  }
  return out;
}
