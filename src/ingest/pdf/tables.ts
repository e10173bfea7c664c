/**
 * Ruled-table detection: rulings that touch each other form a grid; grid cells whose separating
 * rule is not drawn are merged (rowSpan/colSpan); text runs are then poured into the cells.
 * pdf-parse's getTable() does the first step but ignores filled-rectangle borders (Word) and
 * drops spans, so the reader does it itself.
 */
import type { HRule, Rulings, TextRun, VRule } from './geometry.js';

/** Rules closer than this are one rule (double borders, rounding). */
const SNAP = 2.5;
/** A rule touches another if it reaches within this distance. */
const TOUCH = 2.5;
/** Rows or columns thinner than this come from double borders, not cells. */
const MIN_TRACK = 4;
/** Share of a cell edge that must be drawn for the edge to separate two cells. */
const DRAWN_SHARE = 0.6;

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TableGrid {
  /** Column boundaries, left to right (length = columns + 1). */
  xs: number[];
  /** Row boundaries, top to bottom (length = rows + 1). */
  ys: number[];
  /** Cells in row-major order of their top-left corner. */
  cells: GridCell[];
}

/** One-dimensional clustering: sorted values within `tol` of the running cluster mean merge. */
function clusterValues(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  for (const v of sorted) {
    if (n > 0 && v - sum / n > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Merges rules on the same line whose extents overlap or nearly touch. */
function mergeHRules(rules: HRule[]): HRule[] {
  const levels = clusterValues(rules.map((r) => r.y), SNAP);
  const ascending = isFiniteAscending(levels);
  const byLevel = new Map<number, HRule[]>();
  for (const r of rules) {
    const level = ascending ? nearestAscending(levels, r.y) : nearest(levels, r.y);
    const list = byLevel.get(level) ?? [];
    list.push({ y: level, x1: r.x1, x2: r.x2 });
    byLevel.set(level, list);
  }
  const out: HRule[] = [];
  for (const list of byLevel.values()) {
    list.sort((a, b) => a.x1 - b.x1);
    let cur: HRule | undefined;
    for (const r of list) {
      if (cur && r.x1 <= cur.x2 + TOUCH) cur.x2 = Math.max(cur.x2, r.x2);
      else {
        if (cur) out.push(cur);
        cur = { ...r };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function mergeVRules(rules: VRule[]): VRule[] {
  return mergeHRules(rules.map((r) => ({ y: r.x, x1: r.y1, x2: r.y2 }))).map((r) => ({ x: r.y, y1: r.x1, y2: r.x2 }));
}

export function nearest(levels: readonly number[], v: number): number {
  let best = levels[0] ?? v;
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i]!;
    if (Math.abs(l - v) < Math.abs(best - v)) best = l;
  }
  return best;
}

/** Finite and each above the one before (an infinite level is as far as NaN from an infinite rule). */
function isFiniteAscending(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!) || (i > 0 && !(values[i - 1]! < values[i]!))) return false;
  return true;
}

/**
 * nearest's answer for finite, strictly ascending `levels` without a look at each: the distance falls and
 * then rises along them, so its least value is at one of the two levels around `v`, and nearest
 * answers the first level at that distance (rounding can make a level before it as near).
 */
export function nearestAscending(levels: readonly number[], v: number): number {
  if (levels.length === 0 || v !== v) return levels[0] ?? v;
  const at = firstAtLeast(levels, v);
  let best = at < levels.length ? at : at - 1;
  if (at > 0 && at < levels.length && Math.abs(levels[at - 1]! - v) <= Math.abs(levels[at]! - v)) best = at - 1;
  const distance = Math.abs(levels[best]! - v);
  while (best > 0 && Math.abs(levels[best - 1]! - v) === distance) best--;
  return levels[best]!;
}

/** The first index of ascending `values` holding a value ≥ `v` (values.length when none does). */
function firstAtLeast(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function touches(h: HRule, v: VRule): boolean {
  return v.x >= h.x1 - TOUCH && v.x <= h.x2 + TOUCH && h.y >= v.y1 - TOUCH && h.y <= v.y2 + TOUCH;
}

/** Drops boundaries closer than MIN_TRACK to the previous one. */
function dropThinTracks(bounds: number[]): number[] {
  const out: number[] = [];
  for (const b of bounds) {
    const last = out[out.length - 1];
    if (last === undefined || b - last >= MIN_TRACK) out.push(b);
  }
  return out;
}

/** Length of [a, b] covered by the given intervals. */
function coveredLength(a: number, b: number, intervals: Array<[number, number]>): number {
  const clipped = intervals
    .map(([s, e]) => [Math.max(s, a), Math.min(e, b)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = a;
  for (let i = 0; i < clipped.length; i++) {
    const s = clipped[i]![0];
    const e = clipped[i]![1];
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Finds the ruled tables among a page's rulings. */
export function findTableGrids(rulings: Rulings): TableGrid[] {
  const hs = mergeHRules(rulings.h);
  const vs = mergeVRules(rulings.v);
  // Union-find over rules; h-rules are 0..hs.length-1, v-rules follow.
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Only the vertical rules within reach of a horizontal one's extent can touch it: they are
  // found in the vertical rules sorted by x (a page of tables has hundreds of each, and every pair
  // was tested). The components, and so the groups below, do not depend on the order of the unions.
  const byX = vs.map((_, j) => j).sort((a, b) => vs[a]!.x - vs[b]!.x);
  const sortedX = byX.map((j) => vs[j]!.x);
  const ordered = sortedX.every((x) => x === x);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    const from = ordered ? firstAtLeast(sortedX, h.x1 - TOUCH) : 0;
    for (let k = from; k < byX.length; k++) {
      if (ordered && sortedX[k]! > h.x2 + TOUCH) break;
      const j = byX[k]!;
      if (touches(h, vs[j]!)) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(hs.length + j), g);
  });
  const grids: TableGrid[] = [];
  for (const g of groups.values()) {
    const grid = buildGrid(g.h, g.v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => (a.ys[0] ?? 0) - (b.ys[0] ?? 0));
}

function buildGrid(h: HRule[], v: VRule[]): TableGrid | undefined {
  if (h.length < 2 || v.length < 2) return undefined;
  const left = Math.min(...h.map((r) => r.x1), ...v.map((r) => r.x));
  const right = Math.max(...h.map((r) => r.x2), ...v.map((r) => r.x));
  const top = Math.min(...v.map((r) => r.y1), ...h.map((r) => r.y));
  const bottom = Math.max(...v.map((r) => r.y2), ...h.map((r) => r.y));
  // Open-sided tables (no outer verticals) still end where their horizontal rules end.
  const xs = dropThinTracks(clusterValues([left, right, ...v.map((r) => r.x)], SNAP));
  const ys = dropThinTracks(clusterValues([top, bottom, ...h.map((r) => r.y)], SNAP));
  const nCols = xs.length - 1;
  const nRows = ys.length - 1;
  if (nCols < 1 || nRows < 1 || nCols * nRows < 2) return undefined;

  const vAt = (x: number): Array<[number, number]> =>
    v.filter((r) => Math.abs(r.x - x) <= SNAP + 0.5).map((r) => [r.y1, r.y2] as [number, number]);
  const hAt = (y: number): Array<[number, number]> =>
    h.filter((r) => Math.abs(r.y - y) <= SNAP + 0.5).map((r) => [r.x1, r.x2] as [number, number]);

  // Union-find over base cells: merge neighbours whose shared edge is not drawn.
  const id = (r: number, c: number): number => r * nCols + c;
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let c = 1; c < nCols; c++) {
    const runs = vAt(xs[c]!);
    for (let r = 0; r < nRows; r++) {
      const a = ys[r]!;
      const b = ys[r + 1]!;
      if (coveredLength(a, b, runs) < DRAWN_SHARE * (b - a)) parent[find(id(r, c))] = find(id(r, c - 1));
    }
  }
  for (let r = 1; r < nRows; r++) {
    const runs = hAt(ys[r]!);
    for (let c = 0; c < nCols; c++) {
      const a = xs[c]!;
      const b = xs[c + 1]!;
      if (coveredLength(a, b, runs) < DRAWN_SHARE * (b - a)) parent[find(id(r, c))] = find(id(r - 1, c));
    }
  }
  const regions = new Map<number, Array<[number, number]>>();
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const root = find(id(r, c));
      const list = regions.get(root) ?? [];
      list.push([r, c]);
      regions.set(root, list);
    }
  }
  const cells: GridCell[] = [];
  const pushCell = (r0: number, c0: number, r1: number, c1: number): void => {
    cells.push({
      row: r0,
      col: c0,
      rowSpan: r1 - r0 + 1,
      colSpan: c1 - c0 + 1,
      x1: xs[c0]!,
      x2: xs[c1 + 1]!,
      y1: ys[r0]!,
      y2: ys[r1 + 1]!,
    });
  };
  for (const members of regions.values()) {
    const r0 = Math.min(...members.map((m) => m[0]));
    const r1 = Math.max(...members.map((m) => m[0]));
    const c0 = Math.min(...members.map((m) => m[1]));
    const c1 = Math.max(...members.map((m) => m[1]));
    if (members.length === (r1 - r0 + 1) * (c1 - c0 + 1)) pushCell(r0, c0, r1, c1);
    // An L-shaped region means broken rules; keep its base cells rather than invent a span.
    else for (const [r, c] of members) pushCell(r, c, r, c);
  }
  // A single box (a framed paragraph, a page border) is not a table.
  if (cells.length < 2) return undefined;
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells };
}

export interface RunInCell {
  cell: number;
  run: TextRun;
}

/** Characters of CJK width count double when a run is split across cells. */
function charWeight(ch: string): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 2 : 1;
}

/** Where a run's vertical middle lies: text sits between baseline - 0.8 em and baseline + 0.2 em. */
export function middleY(run: TextRun): number {
  return run.y - run.size * 0.3;
}

/**
 * The cell holding each base cell (row × column of the grid's tracks), the first in `cells` order:
 * the cells partition the grid, so the cell at a point is its base cell's (cellAt), found by two
 * binary searches instead of a scan of every cell per run.
 */
function cellOwners(grid: TableGrid): Int32Array {
  const nCols = grid.xs.length - 1;
  const owners = new Int32Array(Math.max(0, (grid.ys.length - 1) * nCols)).fill(-1);
  grid.cells.forEach((cell, k) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) if (owners[r * nCols + c] === -1) owners[r * nCols + c] = k;
    }
  });
  return owners;
}

/** The track `v` falls in: i with edges[i] ≤ v < edges[i + 1], else −1 (outside, or NaN). */
function trackAt(edges: readonly number[], v: number): number {
  if (!(v >= edges[0]! && v < edges[edges.length - 1]!)) return -1;
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Index in grid.cells of the cell holding (x, y), −1 outside: the first cell whose box [x1, x2) × [y1, y2) holds it. */
function cellAt(grid: TableGrid, owners: Int32Array, x: number, y: number): number {
  const r = trackAt(grid.ys, y);
  const c = trackAt(grid.xs, x);
  if (r < 0 || c < 0) return -1;
  const k = owners[r * (grid.xs.length - 1) + c]!;
  const cell = grid.cells[k];
  // A base cell no cell covers, or a cell whose box does not hold the point (it always does for a
  // grid built here): the scan decides, as before.
  if (!cell || !(x >= cell.x1 && x < cell.x2 && y >= cell.y1 && y < cell.y2)) return grid.cells.findIndex((b) => x >= b.x1 && x < b.x2 && y >= b.y1 && y < b.y2);
  return k;
}

/**
 * Assigns runs to cells of `grid`. A run that crosses a column rule (one pdf.js item spanning
 * two cells) is split proportionally to its characters' widths. Runs outside the grid are returned
 * unassigned.
 */
export function assignRunsToGrid(grid: TableGrid, runs: readonly TextRun[]): { inside: RunInCell[]; outside: TextRun[] } {
  const inside: RunInCell[] = [];
  const outside: TextRun[] = [];
  const left = grid.xs[0]!;
  const right = grid.xs[grid.xs.length - 1]!;
  const top = grid.ys[0]!;
  const bottom = grid.ys[grid.ys.length - 1]!;
  const owners = cellOwners(grid);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const my = middleY(run);
    const mx = run.x + run.width / 2;
    if (my < top || my >= bottom || mx < left || mx >= right) {
      outside.push(run);
      continue;
    }
    const pieces = splitRunAtColumns(run, grid.xs);
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      const idx = cellAt(grid, owners, piece.x + piece.width / 2, my);
      if (idx >= 0) inside.push({ cell: idx, run: piece });
    }
  }
  return { inside, outside };
}

/** Whether a column rule of `xs` lies inside the run (a point in from either end). */
function crossesRule(run: TextRun, xs: readonly number[]): boolean {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x > run.x + 1 && x < run.x + run.width - 1) return true;
  }
  return false;
}

function splitRunAtColumns(run: TextRun, xs: readonly number[]): TextRun[] {
  // Most runs cross no column rule, or hold one character: kept whole, without their characters
  // or the rules inside them listed.
  if (run.text.length < 2 || !crossesRule(run, xs)) return [run];
  const chars = Array.from(run.text);
  const inner = xs.filter((x) => x > run.x + 1 && x < run.x + run.width - 1);
  if (inner.length === 0 || chars.length < 2) return [run];
  const weights = chars.map(charWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  const pieces: TextRun[] = [];
  let start = 0;
  let acc = 0;
  let pieceX = run.x;
  let boundary = 0;
  for (let i = 0; i < chars.length; i++) {
    const charMid = run.x + ((acc + weights[i]! / 2) / total) * run.width;
    while (boundary < inner.length && charMid > inner[boundary]!) {
      if (i > start) {
        const endX = run.x + (acc / total) * run.width;
        pieces.push({ ...run, text: chars.slice(start, i).join(''), x: pieceX, width: endX - pieceX });
        pieceX = endX;
        start = i;
      }
      boundary++;
    }
    acc += weights[i]!;
  }
  pieces.push({ ...run, text: chars.slice(start).join(''), x: pieceX, width: run.x + run.width - pieceX });
  return pieces.filter((p) => p.text.trim() !== '');
}
