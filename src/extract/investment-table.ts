/**
 * A 项目基本信息 table's money columns (湘西, 海南, 岳阳 evaluation templates: 计划投资额 | 实际到位资金 |
 * 实际使用情况, or 计划安排资金 | 实际到位资金 | 实际支出 | 结余), each a total split by source in the rows below.
 * Flattened, each source row prints its label once per column ("其中:中央财政4676 其中:中央财政4676 其中:中央财政4676
 * 省财政14145.06 …", t154), so the k-th print of a label is its cell in the k-th column; a pipe table prints the
 * same with "|" between its cells (t453, t703).
 * Read only where the layout is sure: the column names in order with their unit, then every source label printed
 * exactly once per column in a row, two sources at least. The checks add each column up (check/investment-columns.ts);
 * the record takes the planned column's sources as its fund sources when the text names none otherwise.
 */
import type { SourceDocument } from '../ingest/document.js';
import type { Figure, NamedAmount } from '../schema/record.js';
import { INVESTMENT_COLUMNS } from '../vocabulary/index.js';
import { findNumbers } from './numbers.js';
import { toFigure } from './roles/candidates.js';
import { INVESTMENT_TABLE_RULE } from './roles/rules.js';

/** How far the source rows may run after the last column's total (four to eight sources of three or four cells). */
const ROWS_WINDOW = 600;
/** A source label: a run of Chinese characters ("中央财政", "市县财政预算", "地方债券资金"). */
const LABEL_CHARS = /[\u4e00-\u9fff]/u;
const MAX_LABEL = 12;
/** Blanks between cells: white space, and a pipe table's "|". */
const CELL_GAP = /^[\s|]*/u;

export interface InvestmentColumn {
  /** The column's name as printed ("计划投资额", "计划安排资金"). */
  name: string;
  total: Figure | null;
}

export interface InvestmentTable {
  columns: InvestmentColumn[];
  /** Each source row: its label and its cell in each column (null when empty). */
  rows: Array<{ label: string; cells: Array<Figure | null> }>;
}

/** The amount printed at `at` (after blanks), as a figure of the document, or null. */
function amountAt(doc: SourceDocument, at: number, unit: string): { figure: Figure; end: number } | null {
  const lead = CELL_GAP.exec(doc.text.slice(at, at + 40))![0].length;
  const m = /^\d[\d,]*(?:\.\d+)?/u.exec(doc.text.slice(at + lead, at + lead + 24));
  if (!m) return null;
  const n = findNumbers(m[0], { defaultUnit: unit })[0];
  if (!n || n.kind !== 'money' || n.approx !== 'exact' || n.end !== m[0].length) return null;
  return { figure: toFigure(doc, { ...n, start: at + lead, end: at + lead + m[0].length }), end: at + lead + m[0].length };
}

/** Each column's names with its optional unit bracket ("计划投资额(万元)"), built once. */
const COLUMN_HEADS = INVESTMENT_COLUMNS.map((names) => new RegExp(`^[\\s|]*(${names.join('|')})[\\s|]*(?:[(（]\\s*(万元|元)\\s*[)）])?`, 'u'));
/** Where a table may start: any name of its first column. */
const FIRST_COLUMN = new RegExp(INVESTMENT_COLUMNS[0]!.join('|'), 'gu');

/** The column names in order from `at`, each with its unit and the total printed after it. */
function readColumns(doc: SourceDocument, at: number): { columns: InvestmentColumn[]; unit: string; end: number } | null {
  const columns: InvestmentColumn[] = [];
  let unit: string | null = null;
  let pos = at;
  for (const pattern of COLUMN_HEADS) {
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
      const lead = CELL_GAP.exec(text.slice(at))![0].length;
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

/** Every 项目基本信息 table of the document whose layout is sure, in text order. */
export function readInvestmentTables(doc: SourceDocument): InvestmentTable[] {
  const out: InvestmentTable[] = [];
  for (const start of doc.text.matchAll(FIRST_COLUMN)) {
    const read = readColumns(doc, start.index);
    if (!read) continue;
    const k = read.columns.length;
    // The rows' 其中 is the table's, not a label's: dropped (blanked, so offsets stay the document's).
    const base = read.end;
    const text = doc.text.slice(base, base + ROWS_WINDOW).replace(/其中[:：]/gu, (s) => ' '.repeat(s.length));
    const rows: InvestmentTable['rows'] = [];
    let pos = CELL_GAP.exec(text)![0].length;
    for (let row; (row = readSourceRow(doc, text, base, pos, k, read.unit)); ) {
      rows.push({ label: row.label, cells: row.cells });
      pos = row.end + CELL_GAP.exec(text.slice(row.end))![0].length;
    }
    if (rows.length >= 2) out.push({ columns: read.columns, rows });
  }
  return out;
}

/**
 * The fund sources of the document's one 项目基本信息 table: the planned column's (计划投资额, 计划安排资金) filled
 * cells, as the labels list them (t154: 中央财政 4676, 省财政 14145.06; its 市县财政 0 and 其他 0 are not sources).
 * Several tables are several projects' and give none.
 */
export function fundSourcesOfInvestmentTable(doc: SourceDocument): NamedAmount[] {
  const tables = readInvestmentTables(doc);
  if (tables.length !== 1) return [];
  return tables[0]!.rows.flatMap((r) => (r.cells[0] && r.cells[0].value !== 0 ? [{ name: r.label, amount: r.cells[0], rule: INVESTMENT_TABLE_RULE.id }] : []));
}
