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
/**
 * Left edges spread over this many times as many columns as a line has cells: the cells are centred
 * or right-aligned (spreadsheet exports, the 云南 layout), so left edges do not mark columns.
 */
const SPREAD_EDGES = 1.5;
/** A page's first line with this many cells (two of them figures) continues a table from the page before. */
const RUN_ON_CELLS = 4;
/** A column boundary is a blank x band at least this wide (in ems). */
const CORRIDOR_WIDTH = 0.3;
/** A valley's floor: intervals crossed by at most this share of its ridge more than its lowest run. */
const VALLEY_FLOOR = 0.25;

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

/** A centred cell's wrapped line ("管理中心" under "上海市普陀区体育事业"): centred under a cell above, no wider. */
function centredUnder(s: Segment, above: Segment[], tol: number): boolean {
  return above.some((a) => Math.abs((a.x1 + a.x2) / 2 - (s.x1 + s.x2) / 2) <= tol && s.x2 - s.x1 <= a.x2 - a.x1 && !FIGURE_START.test(s.text));
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
    // A page's first line of cells, figures among them, is a table run on from the page before without its header.
    const runOn = i === 0 && segs[0]!.length >= RUN_ON_CELLS && segs[0]!.filter((s) => FIGURE_START.test(s.text)).length >= 2;
    if (used[i] || segs[i]!.length < 2 || !(runOn || isHeaderRow(segs[i]!.map((s) => s.text)))) continue;
    const size = lines[i]!.size;
    const tol = ALIGN * size;
    // Up: lines split into cells (a wrapped line above is a header field's second line only if split too).
    let first = i;
    for (;;) {
      // Lone cells above are a header field's wrapped value ("体育事业管理" / "中心") when they hang under a line of cells.
      let k = first - 1;
      while (k > 0 && !used[k] && segs[k]!.length === 1 && (alignedUnder(segs[k]!, segs[k - 1]!, tol) || centredUnder(segs[k]![0]!, segs[k - 1]!, tol))) k--;
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
      // A lone short cell between two lines of cells: a centred cell's wrapped line, a merged label printed between rows.
      const between = last + 2 < lines.length && !used[last + 2] && segs[last + 2]!.length >= 2 && lines[last + 2]!.y - lines[last + 1]!.y <= MAX_ROW_PITCH * size;
      const lone = next.length === 1 && next[0]!.x2 - next[0]!.x1 < MAX_LONE_CELL_SHARE * width() && (aligned || between);
      if ((next.length < 2 && !lone) || lines[last + 1]!.y - lines[last]!.y > MAX_ROW_PITCH * size) break;
      last++;
    }
    for (let k = first; k <= last; k++) used[k] = true;
    tables.push({ top: lines[first]!.top, rows: buildRows(segs.slice(first, last + 1), tol, lines.slice(first, last + 1).map((l) => l.y)) });
  }
  return { tables, rest: lines.filter((_, k) => !used[k]) };
}

/**
 * Columns of a table: from the cells' left edges, or, when the cells are centred or right-aligned,
 * from the bands between them. `colOf` and `spanOf` place a cell; `full` tells whether a cell left
 * too little room in its column for the start of the line under it (which then wrapped from it).
 */
interface ColumnModel {
  count: number;
  colOf(s: Segment): number;
  spanOf(s: Segment): number;
  full(a: Segment, s: Segment): boolean;
  /** Centred cells: a merged first-column label prints between the rows it spans. */
  centred: boolean;
}

function leftEdgeColumns(lineSegs: readonly Segment[][], tol: number): ColumnModel {
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
  return {
    count: starts.length,
    centred: false,
    colOf: (s) => colOf(s.x1),
    spanOf: (s) => Math.max(1, starts.filter((x) => x > s.x1 + tol && x < s.x2).length + 1),
    full: (a, s) => {
      const next = starts.find((x) => x > a.x1 + tol) ?? right;
      // The wrapped line stays inside the column, and what it starts with did not fit after `a`.
      return s.x2 <= next + tol && next - a.x2 < leadingUnitWidthOf(s.text, em) + CELL_PADDING * em;
    },
  };
}

/**
 * Columns of centred or right-aligned cells. A boundary is an x band that more of the table's lines
 * leave blank than cross (a merged cell — 项目名称's value, the goals, a fund row's label over two
 * columns — crosses a few). Two neighbouring bands that no line fills both of are one column
 * (a centred header over right-aligned figures leaves a blank between them). A cell is in the
 * column its text starts in and spans the columns it crosses.
 */
function bandColumns(lineSegs: readonly Segment[][], em: number): ColumnModel {
  const multi = lineSegs.filter((l) => l.length >= 2);
  const left = Math.min(...lineSegs.flat().map((s) => s.x1));
  const right = Math.max(...lineSegs.flat().map((s) => s.x2));
  const xs = [...new Set(multi.flat().flatMap((s) => [s.x1, s.x2]))].sort((a, b) => a - b);
  // Elementary intervals between edges, each crossed by the cells of how many lines. Columns are
  // ridges of that count, boundaries its valleys: a run of equal counts lower than both its
  // neighbours and at most half the higher ridge beside it (merged cells crossing a boundary
  // lower it without filling it; a sparse column is a low ridge).
  const crossed = xs.slice(1).map((x2, k) => {
    const mid = (xs[k]! + x2) / 2;
    return multi.filter((l) => l.some((s) => s.x1 < mid && s.x2 > mid)).length;
  });
  let bounds: number[] = [];
  for (let k = 0; k < crossed.length; ) {
    let e = k;
    while (e + 1 < crossed.length && crossed[e + 1] === crossed[k]) e++;
    const v = crossed[k]!;
    if (k > 0 && e + 1 < crossed.length && crossed[k - 1]! > v && crossed[e + 1]! > v) {
      const ridgeFrom = (from: number, step: number): number => {
        let peak = 0;
        for (let j = from; j >= 0 && j < crossed.length && crossed[j]! >= v; j += step) peak = Math.max(peak, crossed[j]!);
        return peak;
      };
      const ridge = Math.max(ridgeFrom(k - 1, -1), ridgeFrom(e + 1, 1));
      // The valley's floor: around the lowest run, intervals not much higher (a narrow figure's edge, a header's).
      let a = k;
      let b = e;
      while (a > 0 && crossed[a - 1]! <= v + VALLEY_FLOOR * ridge) a--;
      while (b + 1 < crossed.length && crossed[b + 1]! <= v + VALLEY_FLOOR * ridge) b++;
      if (v <= 0.5 * ridge && xs[b + 1]! - xs[a]! >= CORRIDOR_WIDTH * em) bounds.push((xs[k]! + xs[e + 1]!) / 2);
    }
    k = e + 1;
  }
  bounds = bounds.filter((b) => b > left && b < right);
  const colAt = (x: number, bs: readonly number[]): number => bs.filter((b) => b < x).length;
  const place = (s: Segment, bs: readonly number[]): [number, number] => [colAt(s.x1 + CORRIDOR_WIDTH * em, bs), colAt(s.x2 - CORRIDOR_WIDTH * em, bs)];
  // Merge neighbours no line fills both of.
  for (let k = 0; k < bounds.length; ) {
    const shared = multi.some((l) => l.some((a) => place(a, bounds)[1] === k) && l.some((b) => place(b, bounds)[0] === k + 1));
    if (shared) k++;
    else bounds.splice(k, 1);
  }
  const edges = [left, ...bounds, right];
  const colOf = (s: Segment): number => place(s, bounds)[0];
  return {
    count: bounds.length + 1,
    centred: true,
    colOf,
    spanOf: (s) => Math.max(1, place(s, bounds)[1] - colOf(s) + 1),
    full: (a, s) => {
      const col = colOf(a);
      // Centred text has its room on both sides: the column's width less the text's.
      return colOf(s) === col && edges[col + 1]! - edges[col]! - (a.x2 - a.x1) < leadingUnitWidthOf(s.text, em) + CELL_PADDING * em;
    },
  };
}

/** Column starts from the cells' left edges (or bands, for centred cells); a line continuing the one above joins its row. */
function buildRows(lineSegs: readonly Segment[][], tol: number, ys: readonly number[]): TableCell[][] {
  const em = tol / ALIGN;
  const byEdges = leftEdgeColumns(lineSegs, tol);
  const widest = Math.max(...lineSegs.map((l) => l.length));
  const columns = byEdges.count > SPREAD_EDGES * widest ? bandColumns(lineSegs, em) : byEdges;
  const full = columns.full;
  // Each row: per column, the texts of its lines.
  const rows: Array<Map<number, { texts: string[]; span: number }>> = [];
  let prev: Segment[] | undefined;
  let rowCells = 0;
  const rowYs: number[] = [];
  lineSegs.forEach((line, i) => {
    // `rowCells`: the cells of the row's first line (a cell may wrap over three lines).
    const joinAbove = prev !== undefined && (columns.centred ? continuesCentred(line, prev, columns, rowCells) : continues(line, prev, tol, full, rowCells));
    if (!joinAbove) {
      rows.push(new Map());
      rowYs.push(ys[i]!);
      rowCells = line.length;
    }
    const row = rows[rows.length - 1]!;
    for (const s of line) {
      const col = columns.colOf(s);
      const cell = row.get(col) ?? { texts: [], span: columns.spanOf(s) };
      cell.texts.push(s.text);
      row.set(col, cell);
    }
    prev = line;
  });
  const spans = columns.centred ? mergeFirstColumnLabels(rows, rowYs) : new Map<number, number>();
  return rows.map((row, r) => {
    const cells: TableCell[] = [];
    if (spans.get(r) === -1) return cells;
    for (let col = 0; col < columns.count; ) {
      const cell = row.get(col);
      // A cell spans the columns its text runs over, up to the next cell of its row.
      let span = 1;
      while (span < (cell?.span ?? 1) && col + span < columns.count && !row.has(col + span)) span++;
      // Under a merged first-column label the first column is covered: no cell of its own there.
      if (!(col === 0 && !cell && spans.get(r) === 0)) cells.push({ text: cell ? joinLineTexts(cell.texts) : '', row: r, col, rowSpan: col === 0 ? Math.max(1, spans.get(r) ?? 1) : 1, colSpan: span });
      col += span;
    }
    return cells;
  }).filter((cells) => cells.length > 0).map((cells, r) => cells.map((c) => ({ ...c, row: r })));
}

/**
 * A line of centred cells continues the row above when each of its cells is in a column where the
 * line above has a cell that left no room for it, none opens with a figure (unless the line is much
 * sparser than its row), and it fills fewer cells than the row's first line.
 */
function continuesCentred(line: Segment[], above: Segment[], columns: ColumnModel, rowCells: number): boolean {
  const figures = 2 * line.length <= rowCells;
  const under = line.every((s) => (figures || !FIGURE_START.test(s.text)) && above.some((a) => columns.colOf(a) === columns.colOf(s) && columns.full(a, s)));
  return under && line.length < rowCells;
}

/**
 * A merged first-column label ("项目资金（元）", "绩效指标") of centred cells prints vertically
 * centred over the rows it spans, on lines of its own between them. Such label-only rows are folded
 * into one cell on the first row of the span: the rows with an empty first column around the
 * label, as far on each side as the nearer row with a first-column cell of its own. Returns, per
 * row index, the label cell's rowSpan (0: a row it covers; -1: a folded label row, dropped).
 */
function mergeFirstColumnLabels(rows: Array<Map<number, { texts: string[]; span: number }>>, ys: readonly number[]): Map<number, number> {
  const spans = new Map<number, number>();
  const labelOnly = rows.map((row) => row.size === 1 && row.has(0));
  const firstEmpty = rows.map((row) => !row.has(0));
  for (let i = 0; i < rows.length; i++) {
    if (!labelOnly[i] || spans.has(i)) continue;
    // The label's lines: label-only rows at most one row apart ("项目资金（万" / 其中… / "元）").
    const group = [i];
    for (let k = i + 1; k < rows.length && k <= group[group.length - 1]! + 2; k++) if (labelOnly[k]) group.push(k);
    const centre = group.reduce((a, k) => a + ys[k]!, 0) / group.length;
    let up = i - 1;
    while (up >= 0 && firstEmpty[up]) up--;
    let down = group[group.length - 1]! + 1;
    while (down < rows.length && (firstEmpty[down] || group.includes(down))) down++;
    const reach = Math.min(up >= 0 ? centre - ys[up]! : Infinity, down < rows.length ? ys[down]! - centre : Infinity);
    if (!Number.isFinite(reach)) continue;
    const covered: number[] = [];
    for (let k = up + 1; k < down; k++) if (!group.includes(k) && Math.abs(ys[k]! - centre) < reach) covered.push(k);
    if (covered.length < 2) continue;
    const label = group.flatMap((k) => rows[k]!.get(0)!.texts);
    rows[covered[0]!]!.set(0, { texts: label, span: 1 });
    for (const k of group) spans.set(k, -1);
    for (const k of covered.slice(1)) spans.set(k, 0);
    spans.set(covered[0]!, covered.length);
    for (const k of group) rows[k]!.clear();
  }
  return spans;
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
