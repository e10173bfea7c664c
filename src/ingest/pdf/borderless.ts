/**
 * Tables printed without rules. Many published 自评表 PDFs draw no borders, so there is no grid to
 * pour text into: each visual line then mixes all the cells of a row, and a header cell wrapped
 * over two lines ("全年预算" / "数") interleaves with its neighbours. The columns are still there
 * in the text's geometry: cells start at the same x on every line. A table is found only around
 * a line naming at least two of a form's money columns (the caller's test), so flowing text is
 * never read as a table; it runs on over the lines next to it that are split into cells at wide
 * gaps, and over lone short cells in its columns.
 */
import type { TableCell } from '../document.js';
import type { TextRun } from './geometry.js';
import { joinLineTexts, joinRuns, leadingUnitWidthOf, type TextLine } from './lines.js';

/** A gap this wide (in ems) between two runs of a line separates two cells. */
const CELL_GAP = 1.0;
/** Two cells start in the same column when their left edges are this close (in ems). */
const ALIGN = 0.6;
/** Lines further apart than this (in ems, baseline to baseline) are not in one table: a blank line, a title's space. */
const MAX_ROW_PITCH = 2;
/** A line with one cell wider than this share of the table is flowing text, not a cell. */
const MAX_LONE_CELL_SHARE = 0.5;
/** A figure opens a new row; a wrapped cell's second line is words ("数", "万元", "额"). */
const FIGURE_START = /^[-+]?\d/u;
/** Room (in ems) between a cell's text and the next column's text: the two cells' padding. */
const CELL_PADDING = 1.5;
const BRACKET_START = /^[（(]/u;

interface Segment {
  text: string;
  x1: number;
  x2: number;
}

export interface BorderlessTable {
  /** Top of the table's first line (for ordering with the page's other blocks). */
  top: number;
  rows: TableCell[][];
}

/** The cells of a line: its runs split where the page shows a gap of a full em or more. */
function segmentsOf(line: TextLine): Segment[] {
  const out: Segment[] = [];
  let current: TextRun[] = [];
  let end = -Infinity;
  const flush = (): void => {
    const text = joinRuns(current, { cjkGap: Infinity });
    if (text !== '') out.push({ text, x1: current[0]!.x, x2: end });
    current = [];
  };
  for (const run of line.runs) {
    if (current.length > 0 && run.x - end > CELL_GAP * run.size) flush();
    current.push(run);
    end = current.length === 1 ? run.x + run.width : Math.max(end, run.x + run.width);
  }
  if (current.length > 0) flush();
  return out;
}

/**
 * Does `line` carry on cells of `above` wrapped for want of room: each of its cells starts under a
 * cell above that left too little room before the next column for the text that wrapped (`full`), none opens with a figure, and it fills
 * fewer cells than the row's first line (`rowCells`) or opens one with a bracket ("（A）" under 全年预算数)? A full row of words under
 * another (two text indicators) stays a row of its own.
 */
function continues(line: Segment[], above: Segment[], tol: number, full: (a: Segment, s: Segment) => boolean, rowCells = above.length): boolean {
  const underFull = line.every((s) => above.some((a) => Math.abs(a.x1 - s.x1) <= tol && full(a, s)));
  // A figure's wrapped tail ("86.1" / "9%") only on a line much sparser than the row it wraps.
  const figures = 2 * line.length <= rowCells;
  return underFull && alignedUnder(line, above, tol, figures) && (line.length < rowCells || line.some((s) => BRACKET_START.test(s.text)));
}

/** Each cell of `line` starts where a cell of `above` starts, and none opens with a figure unless `figures`. */
function alignedUnder(line: Segment[], above: Segment[], tol: number, figures = false): boolean {
  return line.every((s) => (figures || !FIGURE_START.test(s.text)) && above.some((a) => Math.abs(a.x1 - s.x1) <= tol));
}

/**
 * Finds rule-less tables among a page's lines (top to bottom). `isHeaderRow` tells, from a line's
 * cell texts, whether it is a table's column header. Returns the tables and the lines left over.
 */
export function findBorderlessTables(
  lines: readonly TextLine[],
  isHeaderRow: (cells: readonly string[]) => boolean,
): { tables: BorderlessTable[]; rest: TextLine[] } {
  const segs = lines.map(segmentsOf);
  const used = new Array<boolean>(lines.length).fill(false);
  const tables: BorderlessTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (used[i] || segs[i]!.length < 2 || !isHeaderRow(segs[i]!.map((s) => s.text))) continue;
    const size = lines[i]!.size;
    const tol = ALIGN * size;
    // Up: lines split into cells (a wrapped line above is a header field's second line only if split too).
    let first = i;
    for (;;) {
      // Lone cells above are a header field's wrapped value ("体育事业管理" / "中心") when they hang under a line of cells.
      let k = first - 1;
      while (k > 0 && !used[k] && segs[k]!.length === 1 && alignedUnder(segs[k]!, segs[k - 1]!, tol)) k--;
      if (k < 0 || used[k] || segs[k]!.length < 2 || lines[k + 1]!.y - lines[k]!.y > MAX_ROW_PITCH * size) break;
      first = k;
    }
    // Down: lines split into cells, or a lone short cell continuing a cell of the line above.
    let last = i;
    const width = (): number => Math.max(...lines.slice(first, last + 1).map((l) => l.right)) - Math.min(...lines.slice(first, last + 1).map((l) => l.left));
    while (last + 1 < lines.length && !used[last + 1]) {
      const next = segs[last + 1]!;
      // A lone cell under one above (a figure's wrapped tail "912" too), or under the last row of cells ("其他资金").
      let row = last;
      while (row > first && segs[row]!.length < 2) row--;
      const aligned = alignedUnder(next, segs[last]!, tol, true) || alignedUnder(next, segs[row]!, tol);
      const lone = next.length === 1 && next[0]!.x2 - next[0]!.x1 < MAX_LONE_CELL_SHARE * width() && aligned;
      if ((next.length < 2 && !lone) || lines[last + 1]!.y - lines[last]!.y > MAX_ROW_PITCH * size) break;
      last++;
    }
    for (let k = first; k <= last; k++) used[k] = true;
    tables.push({ top: lines[first]!.top, rows: buildRows(segs.slice(first, last + 1), tol) });
  }
  return { tables, rest: lines.filter((_, k) => !used[k]) };
}

/** Column starts from the cells' left edges; a line continuing the one above joins its row. */
function buildRows(lineSegs: readonly Segment[][], tol: number): TableCell[][] {
  const starts = clusterStarts(lineSegs.flat().map((s) => s.x1), tol);
  const colOf = (x: number): number => {
    let col = 0;
    starts.forEach((s, k) => {
      if (s <= x + tol) col = k;
    });
    return col;
  };
  const right = Math.max(...lineSegs.flat().map((s) => s.x2));
  const em = tol / ALIGN;
  const full = (a: Segment, s: Segment): boolean => {
    const next = starts.find((x) => x > a.x1 + tol) ?? right;
    // The wrapped line stays inside the column, and what it starts with did not fit after `a`.
    return s.x2 <= next + tol && next - a.x2 < leadingUnitWidthOf(s.text, em) + CELL_PADDING * em;
  };
  // Each row: per column, the texts of its lines.
  const rows: Array<Map<number, { texts: string[]; span: number }>> = [];
  let prev: Segment[] | undefined;
  let rowCells = 0;
  for (const line of lineSegs) {
    // `rowCells`: the cells of the row's first line (a cell may wrap over three lines).
    const joinAbove = prev !== undefined && continues(line, prev, tol, full, rowCells);
    if (!joinAbove) {
      rows.push(new Map());
      rowCells = line.length;
    }
    const row = rows[rows.length - 1]!;
    for (const s of line) {
      const col = colOf(s.x1);
      const span = Math.max(1, starts.filter((x) => x > s.x1 + tol && x < s.x2).length + 1);
      const cell = row.get(col) ?? { texts: [], span };
      cell.texts.push(s.text);
      row.set(col, cell);
    }
    prev = line;
  }
  return rows.map((row, r) => {
    const cells: TableCell[] = [];
    for (let col = 0; col < starts.length; ) {
      const cell = row.get(col);
      // A cell spans the columns its text runs over, up to the next cell of its row.
      let span = 1;
      while (span < (cell?.span ?? 1) && col + span < starts.length && !row.has(col + span)) span++;
      cells.push({ text: cell ? joinLineTexts(cell.texts) : '', row: r, col, rowSpan: 1, colSpan: span });
      col += span;
    }
    return cells;
  });
}

/** Sorted left edges within `tol` of the running cluster's first edge are one column start. */
function clusterStarts(xs: readonly number[], tol: number): number[] {
  const out: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || x - last > tol) out.push(x);
  }
  return out;
}
