/**
 * Tables as rows of cells over the normalized text, whatever shape the reader left them in:
 * - a real table (DOCX, XLSX, HTML, PDF layout): its cells, by the grid column the reader gave each;
 * - a text that prints one row a line with "|" between cells ("文化活动经费 | 166.16 | 129.05 |");
 * - a text that prints one cell a line, each closed by "|" ("序号 |", "乡镇名称 |", … "1 |", "西坪镇 |"),
 *   its rows found by the 序号 column counting 1, 2, 3 ….
 * Each cell keeps its span of the normalized text, so what is read from it carries its evidence.
 */
import type { SourceDocument } from '../ingest/document.js';
import { anyOf, ORDINAL_COLUMN, PROJECT_TABLE_MONEY_COLUMNS, PROJECT_TABLE_NAME_COLUMNS, TOTAL_ROW_WORDS } from '../vocabulary/index.js';

export interface GridCell {
  /** The cell's text, spaces removed ("合 计" → "合计"). */
  text: string;
  /** Grid column (a real table's; a text's cell index). */
  col: number;
  colSpan: number;
  start: number;
  end: number;
}

export interface Grid {
  rows: GridCell[][];
  /** A text printing one cell a line: its rows were found from the cells (a reader may find them anew from `rows.flat()`). */
  oneCellALine?: true;
}

/** A total row's first cell (合计, 全县合计, 支出合计). */
const TOTAL_CELL = new RegExp(`^[^\\d]{0,6}(?:${anyOf(TOTAL_ROW_WORDS)})$`, 'u');

/** A header cell without its bracketed note ("补助资金(万元)" → "补助资金", "县(市、区)" → "县"). */
export const bare = (s: string) => s.replace(/[（(][^）)]*[）)]/gu, '');

const squeeze = (s: string) => s.replace(/\s+/gu, '');

/** The real tables of a document, from the cell spans the reader recorded. */
function gridsOfTables(doc: SourceDocument): Grid[] {
  const grids: Grid[] = [];
  for (const span of doc.blockSpans) {
    if (!span.cells || span.cells.length === 0) continue;
    const rows = span.cells.map((row) =>
      row.map((c) => ({ text: squeeze(doc.text.slice(c.start, c.end)), col: c.col, colSpan: c.colSpan, start: c.start, end: c.end })),
    );
    grids.push({ rows });
  }
  return grids;
}

/** A line's cells between "|" (a leading and the trailing separators dropped), with their spans. */
function cellsOfLine(text: string, start: number): GridCell[] {
  const cells: GridCell[] = [];
  let at = 0;
  for (const piece of text.split('|')) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    cells.push({ text: squeeze(trimmed), col: cells.length, colSpan: 1, start: start + at + lead, end: start + at + lead + trimmed.length });
    at += piece.length + 1;
  }
  if (text.trimStart().startsWith('|')) cells.shift();
  while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells.map((c, i) => ({ ...c, col: i }));
}

/** Lines of the text (the reader's paragraph blocks) holding a "|", in runs of consecutive lines. */
function pipeRuns(doc: SourceDocument): { text: string; start: number }[][] {
  const runs: { text: string; start: number }[][] = [];
  let run: { text: string; start: number }[] = [];
  for (const span of doc.blockSpans) {
    const text = doc.text.slice(span.start, span.end);
    if (!span.cells && text.includes('|')) run.push({ text, start: span.start });
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * One cell a line: the header is the cells from 序号 to the 序号 column's "1"; each row opens at the
 * next number of the count, so a row whose empty cell the text left out still reads from its own
 * start. Cells after the last counted row (合计 and its amounts) are one last row.
 */
function rowsByOrdinal(cells: readonly GridCell[]): GridCell[][] | null {
  const at = cells.findIndex((c) => ORDINAL_COLUMN.test(c.text));
  if (at < 0) return null;
  const rows: GridCell[][] = [];
  let row: GridCell[] = [];
  let next = 1;
  for (const c of cells.slice(at)) {
    if (c.text === String(next) || (next > 1 && TOTAL_CELL.test(c.text))) {
      rows.push(row);
      row = [];
      if (c.text === String(next)) next++;
    }
    row.push({ ...c, col: row.length });
  }
  rows.push(row);
  return next > 2 ? rows.filter((r) => r.length > 0) : null;
}

/** Whether a header cell names the column `pattern` reads, as printed or without its bracketed note. */
export const namesColumn = (pattern: RegExp, text: string) => pattern.test(text) || pattern.test(bare(text));

/** The money field a header cell's column holds (预算数 → budget), or null. */
export const moneyFieldOf = (header: string) => PROJECT_TABLE_MONEY_COLUMNS.find((c) => c.pattern.test(bare(header)))?.field ?? null;

/** A header cell of a project or allocation table: its name column or a column the money reader knows (备注 too). */
const isHeaderCell = (text: string) => PROJECT_TABLE_NAME_COLUMNS.some((c) => namesColumn(c.pattern, text)) || moneyFieldOf(text) !== null;

/**
 * One cell a line with no 序号 column: the header is the leading run of header cells (two or more),
 * each row as many cells as it; a 合计 cell opens the last row.
 */
function rowsByWidth(cells: readonly GridCell[]): GridCell[][] | null {
  let width = 0;
  while (width < cells.length && isHeaderCell(cells[width]!.text)) width++;
  if (width < 2) return null;
  const rows: GridCell[][] = [cells.slice(0, width)];
  for (let i = width; i < cells.length; i += width) {
    if (TOTAL_CELL.test(cells[i]!.text)) {
      rows.push(cells.slice(i));
      break;
    }
    rows.push(cells.slice(i, i + width));
  }
  return rows.map((r) => r.map((c, col) => ({ ...c, col })));
}

/** Text tables: a run of "|" lines, one row a line, or one cell a line (rows by its 序号 count, else by its header's width). */
function gridsOfPipeText(doc: SourceDocument): Grid[] {
  const grids: Grid[] = [];
  for (const run of pipeRuns(doc)) {
    const lines = run.map((l) => cellsOfLine(l.text, l.start));
    const single = lines.filter((cells) => cells.length <= 1).length;
    if (single * 2 > lines.length) {
      const cells = lines.map((c) => c[0] ?? { text: '', col: 0, colSpan: 1, start: 0, end: 0 });
      const rows = rowsByOrdinal(cells) ?? rowsByWidth(cells);
      if (rows) grids.push({ rows, oneCellALine: true });
    } else grids.push({ rows: lines.filter((cells) => cells.length > 0) });
  }
  return grids;
}

/** Every table of the document as rows of cells: the reader's tables, then the text's "|" tables. */
export function findGrids(doc: SourceDocument): Grid[] {
  return [...gridsOfTables(doc), ...gridsOfPipeText(doc)];
}
