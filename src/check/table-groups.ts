/**
 * Group rows of a numbered table (issue 16: a total row not equal to its cells): a list of projects
 * whose 序号 column nests, "一 | 高校学生资助专项 | 1,548.447 | 1116.19 | 72.08%" over "1 | …-高职 | 1,537.45 |
 * 1528.47 | 99.42%" and "2 | …-电大 | 11 | 0 | 0.00%", "五" over "(一)" and "(二)" over "1 … 6" and "7 …
 * 12", and 合计 over them all. A group row's amount in each money column is the sum of the rows one level
 * below it, up to the next row of its level or above (t826: 执行数 1116.19 against 1528.47 + 0); a 合计
 * printed last is the sum of the top rows above it. Only nested tables (two levels of 序号 or more).
 * - sum.breakdown (detail.tableGroup): the children's printed amounts, each ± half a unit of its last digit
 *   (a bare 0 is none), meet the group's; else the group fails, `definite` when another group of the same
 *   table makes its children (the table is one of sums) and a row of the group's level or above closes
 *   its rows (none can be missing), `possible` otherwise; nothing when the table's last row was cut
 *   and the group runs to it.
 * Levels by the 序号 printed: 合计 0, 一 1, （一） 2, 1 3. A number counts as a 序号 only where the count
 * goes on (the next of its kind, or the first after a group row), after the amounts of the row before
 * and before a name, so amounts such as "11" and quantities such as "2 | 个" are never rows. Amounts are the row's last cells, aligned with the header's last
 * columns (a merged 责任部门 cell is left out of the rows below it).
 */
import type { SourceDocument } from '../ingest/document.js';
import { findGrids, moneyFieldOf, type GridCell } from '../extract/table-grids.js';
import { parseChineseNumeral } from '../extract/numbers/chinese-numeral.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { CheckResult, Interval } from '../schema/record.js';
import { anyOf, ORDINAL_COLUMN, SUBTOTAL_ROW_WORDS, TOTAL_ROW_WORDS } from '../vocabulary/index.js';
import { intervalOfPrintedNumber, intervalsMeet, pointInterval, sumIntervals } from './interval.js';
import { evidenceOfSpan, makeResult, showInterval } from './result.js';

const RULE = 'sum.breakdown';
const TOTAL_CELL = new RegExp(`^(?:${anyOf(TOTAL_ROW_WORDS)})$`, 'u');
const SUBTOTAL_CELL = new RegExp(`^(?:${anyOf(SUBTOTAL_ROW_WORDS)})$`, 'u');
/** A 小计 row's level: it ends the row above it, and is neither a group nor an item. */
const SUBTOTAL = 9;
/** 序号 cells by level: 一 (1), （一） (2), 1 (3). */
const ORDINALS: readonly { level: number; pattern: RegExp }[] = [
  { level: 1, pattern: /^([一二三四五六七八九十]{1,3})[、.．]?$/u },
  { level: 2, pattern: /^[（(]([一二三四五六七八九十]{1,3})[）)]$/u },
  { level: 3, pattern: /^(\d{1,3})[、.．]?$/u },
];
const AMOUNT = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/u;
const PERCENT = /^-?\d+(?:\.\d+)?[%％]$/u;
/** The last cell of a row: an amount, a percent, or nothing. */
const ROW_END = /^$|^-?\d[\d,]*(?:\.\d+)?[%％]?$/u;
/** A cell that names something: Chinese characters, no leading digit. */
const NAME_CELL = /^[^\d]*[\u4e00-\u9fff]/u;
/** Fewest rows in a nested table worth reading. */
const MIN_ROWS = 4;

interface Row {
  level: number;
  cells: GridCell[];
}

function ordinalOf(text: string): { level: number; n: number } | null {
  for (const o of ORDINALS) {
    const m = o.pattern.exec(text);
    if (!m) continue;
    const n = o.level === 3 ? Number(m[1]) : Number(parseChineseNumeral(m[1]!));
    return Number.isFinite(n) && n > 0 ? { level: o.level, n } : null;
  }
  return null;
}

/**
 * The rows of a one-cell-a-line table from its cells after the header: a row opens at 合计 or at a
 * 序号 that goes on its count (the next number of its level, or 1 after a row of a level above) and is
 * followed by a name.
 */
function rowsOfCells(cells: readonly GridCell[]): Row[] {
  const rows: Row[] = [];
  const last: number[] = [0, 0, 0, 0];
  let row: Row | null = null;
  cells.forEach((c, i) => {
    const next = cells[i + 1];
    const ordinal = ordinalOf(c.text);
    // A row ends with its amounts: a row opens after the header, an amount or an empty cell, never after a
    // name ("1 | A项目 | 2 | 个 | …": that 2 is a quantity).
    const after = i === 0 || ROW_END.test(cells[i - 1]!.text);
    const opens =
      after &&
      (TOTAL_CELL.test(c.text) ||
        SUBTOTAL_CELL.test(c.text) ||
        (ordinal !== null && next !== undefined && NAME_CELL.test(next.text) && (ordinal.n === last[ordinal.level]! + 1 || (ordinal.n === 1 && row !== null && row.level < ordinal.level))));
    if (!opens) {
      row?.cells.push(c);
      return;
    }
    if (row) rows.push(row);
    if (ordinal) last[ordinal.level] = ordinal.n;
    row = { level: ordinal?.level ?? (SUBTOTAL_CELL.test(c.text) ? SUBTOTAL : 0), cells: [c] };
  });
  if (row) rows.push(row);
  return rows;
}

/** Rows as a real table prints them: the level of each from its first cell. */
function rowsOfGrid(rows: readonly GridCell[][]): Row[] {
  return rows.flatMap((cells) => {
    const first = cells[0]?.text ?? '';
    const ordinal = ordinalOf(first);
    return TOTAL_CELL.test(first) ? [{ level: 0, cells }] : SUBTOTAL_CELL.test(first) ? [{ level: SUBTOTAL, cells }] : ordinal ? [{ level: ordinal.level, cells }] : [];
  });
}

interface Table {
  /** Header names of the money columns, last to first from the right end of a row. */
  columns: string[];
  rows: Row[];
}

function tableOf(grid: { rows: GridCell[][]; oneCellALine?: true }): Table | null {
  const flat = grid.rows.flat();
  const headerAt = flat.findIndex((c) => ORDINAL_COLUMN.test(c.text));
  if (headerAt < 0) return null;
  let headerEnd = headerAt + 1;
  while (headerEnd < flat.length && !ordinalOf(flat[headerEnd]!.text) && !TOTAL_CELL.test(flat[headerEnd]!.text)) headerEnd++;
  const header = flat.slice(headerAt, headerEnd);
  // The money columns: the header's last cells the money reader knows (a 执行率 column is no amount, but it stands among them).
  const tail: string[] = [];
  for (let k = header.length - 1; k >= 0; k--) {
    const field = moneyFieldOf(header[k]!.text);
    if (field === null || field === 'skip') break;
    tail.push(header[k]!.text);
  }
  const rows = grid.oneCellALine ? rowsOfCells(flat.slice(headerEnd)) : rowsOfGrid(grid.rows.filter((r) => r[0] && r[0].start >= (flat[headerEnd]?.start ?? Infinity)));
  // Nested: rows of two levels or more (a flat list's 合计 is the project tables' to read).
  const levels = new Set(rows.filter((r) => r.level !== 0 && r.level !== SUBTOTAL).map((r) => r.level));
  if (tail.length < 2 || rows.length < MIN_ROWS || levels.size < 2) return null;
  return { columns: tail, rows };
}

/**
 * The row's cell in the money column `k` from the right, or null: only in a row that prints exactly
 * one number a money column after its name (a percent under 执行率, an amount elsewhere). A row short of
 * a cell, or with a cell too many (the next row's 序号 left on it where the text was cut), has none.
 */
function amountAt(table: Table, row: Row, k: number): GridCell | null {
  const n = table.columns.length;
  const cells = row.cells;
  if (cells.length < n + 1 || AMOUNT.test(cells[cells.length - 1 - n]!.text) || PERCENT.test(cells[cells.length - 1 - n]!.text)) return null;
  const fits = table.columns.every((column, j) => (moneyFieldOf(column) === 'executionRate' ? PERCENT : AMOUNT).test(cells[cells.length - 1 - j]!.text));
  return fits ? cells[cells.length - 1 - k]! : null;
}

function intervalOf(cell: GridCell): Interval {
  const printed = cell.text.replace(/,/gu, '');
  return Number(printed) === 0 ? pointInterval(0) : intervalOfPrintedNumber(printed);
}

interface Relation {
  group: GridCell;
  children: GridCell[];
  column: string;
  holds: boolean;
  /** A row of the group's level or above follows its rows: none of its rows can be missing. */
  closed: boolean;
  expected: Interval;
  actual: Interval;
}

function relationsOf(table: Table): Relation[] {
  const out: Relation[] = [];
  // A table whose last row lacks its amounts was cut: a group running to its end may have lost rows.
  const lastComplete = amountAt(table, table.rows[table.rows.length - 1]!, 0) !== null;
  table.rows.forEach((row, i) => {
    if (row.level === SUBTOTAL) return;
    const below: Row[] = [];
    let closed = false;
    for (const r of table.rows.slice(i + 1)) {
      if (r.level <= row.level) {
        closed = true;
        break;
      }
      if (r.level !== SUBTOTAL) below.push(r);
    }
    // A 合计 after the rows (none below it) totals the rows above it, back to the table's start or the last 合计.
    if (row.level === 0 && below.length === 0) {
      for (const r of table.rows.slice(0, i).reverse()) {
        if (r.level === 0) break;
        if (r.level !== SUBTOTAL) below.unshift(r);
      }
      closed = true;
    }
    if (below.length === 0 || (!closed && !lastComplete)) return;
    const top = Math.min(...below.map((r) => r.level));
    const children = below.filter((r) => r.level === top);
    if (children.length < 2) return;
    // The money columns in print order (columns[k] is k from the right).
    for (let k = table.columns.length - 1; k >= 0; k--) {
      const column = table.columns[k]!;
      if (moneyFieldOf(column) === 'executionRate') continue;
      const group = amountAt(table, row, k);
      const cells = children.map((c) => amountAt(table, c, k));
      if (!group || cells.some((c) => c === null)) continue;
      const expected = sumIntervals((cells as GridCell[]).map(intervalOf));
      const actual = intervalOf(group);
      out.push({ group, children: cells as GridCell[], column, holds: intervalsMeet(expected, actual), closed, expected, actual });
    }
  });
  return out;
}

export function checkTableGroups(doc: SourceDocument | undefined): CheckResult[] {
  if (!doc || !doc.text.includes('序号')) return [];
  const results: CheckResult[] = [];
  const at = (c: GridCell) => evidenceOfSpan('', c.text, evidenceOf(doc, c.start, c.end));
  for (const grid of findGrids(doc)) {
    const table = tableOf(grid);
    if (!table) continue;
    const relations = relationsOf(table);
    const sums = relations.some((r) => r.holds);
    for (const r of relations) {
      const list = r.children.map((c) => c.text).join(' + ');
      const decimals = Math.max(...[r.group, ...r.children].map((c) => c.text.split('.')[1]?.length ?? 0));
      results.push(
        makeResult({
          rule: RULE,
          status: r.holds ? 'pass' : 'fail',
          certainty: sums && r.closed ? 'definite' : 'possible',
          expected: r.expected,
          actual: r.actual,
          zh: `表中${r.column}列：下级各行 ${list}（合计区间 ${showInterval(r.expected, decimals)}）与其上级行 ${r.group.text} ${r.holds ? '一致' : '不一致'}`,
          en: `Column ${r.column}: the rows below, ${list} (sum interval ${showInterval(r.expected, decimals)}), ${r.holds ? 'make' : 'miss'} their group row's ${r.group.text}`,
          evidence: [{ ...at(r.group), role: 'total' }, ...r.children.map((c) => ({ ...at(c), role: 'part' }))],
          detail: { tableGroup: true, column: r.column },
        }),
      );
    }
  }
  return results;
}
