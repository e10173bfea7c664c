/**
 * Sub-projects and allocations read from tables (issue 15): the rows of a 项目明细表, 资金分配表 or
 * 安排表 whose header names a project, unit or area column and money columns (vocabulary/
 * project-tables.ts). The table is confirmed by its 合计 row (the rows add up to it exactly: it is the
 * whole, never a project), or by a header that alone says its rows are projects (项目名称). A table
 * whose rows do not add up, or that lists classes or fund rows, names nothing: a wrong figure is worse
 * than a missing one. Each figure carries its cell's span; each project its row's.
 */
import type { SourceDocument } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { Figure, Project } from '../schema/record.js';
import {
  anyOf,
  FUND_RE,
  GLUED_TABLE_COLUMN,
  GLUED_TABLE_HEADER,
  GLUED_TABLE_NAME,
  GROUPED_TABLE_NAME_COLUMN,
  GROUPED_TABLE_PROJECT_COLUMN,
  EMPTY_CELL,
  NATURE_RE,
  ORDINAL_BEFORE_HEADER,
  PART_ROW,
  PROJECT_TABLE_NAME_COLUMNS,
  ROW_TOTAL_COLUMN,
  SANGONG_NARRATIVE_ITEMS,
  SUBTOTAL_ROW_WORDS,
  TABLE_MONEY_UNIT,
  TABLE_UNIT_LINE,
  TOTAL_ROW_WORDS,
} from '../vocabulary/index.js';
import { Dec, printedDecimals, shiftDecimal } from './decimal.js';
import { classifyFunction } from './function-classes.js';
import { TABLE_PROJECT_RULES } from './roles/rules.js';
import { COUNTIES, PREFECTURES } from '../vocabulary/regions.js';
import { findGrids, moneyFieldOf as fieldOf, namesColumn, type GridCell } from './table-grids.js';

type Field = 'budget' | 'execution' | 'executionRate';
interface Column {
  col: number;
  field: Field;
}
interface Layout {
  nameCol: number;
  clear: boolean;
  columns: Column[];
  /** The columns of the money block, first to last (a total row printed narrower maps onto them in order). */
  block: number[];
  /** The header's (or the "单位：万元" line's) unit; null when only the cells print theirs. */
  unit: string | null;
  dataStart: number;
}
interface Row {
  name: GridCell;
  values: Partial<Record<Field, GridCell>>;
  end: number;
}

const TOTAL = new RegExp(`(?:${anyOf(TOTAL_ROW_WORDS)})$`, 'u');
const SUBTOTAL = new RegExp(`^(?:${anyOf(SUBTOTAL_ROW_WORDS)})$`, 'u');
/** An amount cell, with the unit it may print itself ("20万元"): group 1 the number, group 2 the unit. */
const AMOUNT = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(亿元|万元|元)?$/u;
/** A markdown rule row's cell ("---", ":--:"). */
const RULE_CELL = /^:?-{3,}:?$/u;
const PERCENT = /^(\d+(?:\.\d+)?)%$/u;
const SCALES: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };

const cellAt = (row: readonly GridCell[], col: number) => row.find((c) => c.col <= col && col < c.col + c.colSpan);

/**
 * The header's name column and money columns. A money header printed over sub-columns on the next
 * row (本次下达数 over 省级 | 市级 | 小计) is read through its 小计 column: in a real table by the
 * cells under its span, in a text one (no spans) when it is the only money header.
 */
function layoutOf(rows: readonly GridCell[][], h: number, unitBefore: () => string | null): Layout | null {
  const header = rows[h]!;
  let nameCell: GridCell | undefined;
  let clear = false;
  for (const nc of PROJECT_TABLE_NAME_COLUMNS) {
    nameCell = header.find((c) => namesColumn(nc.pattern, c.text));
    if (nameCell) {
      clear = nc.clear;
      break;
    }
  }
  if (!nameCell) return null;
  let heads = header.filter((c) => c !== nameCell && c.col > nameCell.col);
  let dataStart = h + 1;
  const sub = rows[h + 1];
  const nonNumeric = (row: readonly GridCell[] | undefined) => row !== undefined && row.length > 0 && row.every((c) => !AMOUNT.test(c.text));
  // A real table's header cell over several columns (下达资金(万元) over 合计 | 中央 | 省级): its columns are the next row's cells under it.
  const spanned = heads.filter((c) => c.colSpan > 1);
  if (spanned.length > 0) {
    if (!nonNumeric(sub)) return null;
    const under = (c: GridCell) => sub!.filter((s) => s.col >= c.col && s.col < c.col + c.colSpan).map((s) => ({ ...s, text: fieldOf(s.text) ? s.text : `${c.text}/${s.text}` }));
    heads = heads.flatMap((c) => (c.colSpan > 1 ? under(c) : [c]));
    dataStart = h + 2;
  }
  const money = heads.map((c) => ({ cell: c, field: fieldOf(c.text) }));
  let columns: Column[] = money.filter((m) => m.field && m.field !== 'skip').map((m) => ({ col: m.cell.col, field: m.field as Field }));
  if (columns.length === 0) return null;
  let block = columns.filter((c) => c.field !== 'executionRate').map((c) => c.col);
  const subtotalAt = sub ? sub.findIndex((c) => SUBTOTAL.test(c.text) || c.text === '合计') : -1;
  if (spanned.length === 0 && subtotalAt >= 0 && sub!.length >= 2 && nonNumeric(sub)) {
    // A text table prints no spans: only a lone money header can be the one the sub-columns split.
    if (columns.length !== 1) return null;
    const j = columns[0]!.col;
    columns = [{ col: j + subtotalAt, field: columns[0]!.field }];
    block = sub!.map((_, i) => j + i);
    dataStart = h + 2;
  }
  const chosen = oneColumnEach(columns, heads);
  if (!chosen) return null;
  columns = chosen;
  // The unit a chosen money column prints, else any header cell's, else the "单位：万元" over the table.
  const unitOf = (c: GridCell) => TABLE_MONEY_UNIT.exec(c.text)?.[1];
  const unit = heads.filter((c) => columns.some((k) => k.col === c.col)).map(unitOf).find(Boolean) ?? [...heads, ...header].map(unitOf).find(Boolean) ?? unitBefore();
  return { nameCol: nameCell.col, clear, columns, block, unit: unit ?? null, dataStart };
}

/**
 * One column for each field: where several hold one (合计 | 中央资金 | 省级资金), the one holding the
 * row's total over the others; several with none (年初预算 | 调整预算) say nothing sure: null.
 */
function oneColumnEach(columns: Column[], header: readonly GridCell[]): Column[] | null {
  const out: Column[] = [];
  for (const field of new Set(columns.map((c) => c.field))) {
    const same = columns.filter((c) => c.field === field);
    const totals = same.length === 1 ? same : same.filter((c) => ROW_TOTAL_COLUMN.test(cellAt(header, c.col)?.text ?? ''));
    if (totals.length !== 1) return null;
    out.push(totals[0]!);
  }
  return out;
}

/** TABLE_UNIT_LINE, every one of a text (matchAll works on a copy, so one value serves every call). */
const UNIT_LINES = new RegExp(TABLE_UNIT_LINE.source, 'gu');

/** The last "单位：万元" printed in the 300 characters before the table. */
function unitBeforeTable(doc: SourceDocument, start: number): string | null {
  const before = doc.text.slice(Math.max(0, start - 300), start);
  const all = [...before.matchAll(UNIT_LINES)];
  return all.length > 0 ? all[all.length - 1]![1]! : null;
}

/** A name that is a class, a nature, a fund row or a 三公 item: the table is an account's, not a list of projects. */
const whole = (re: RegExp, name: string) => re.exec(name)?.[0] === name;
const SANGONG_ROW = Object.entries(SANGONG_NARRATIVE_ITEMS).filter(([item]) => item !== 'total').map(([, re]) => re);
const isAccountRow = (name: string) =>
  classifyFunction(name) !== undefined || whole(NATURE_RE, name) || whole(FUND_RE, name) || SANGONG_ROW.some((re) => re.test(name)) || /^\d{3,}/u.test(name);

/** A total row's values: by column when it prints its total word in the name column, else its amounts in order over the money block. */
function totalsOf(row: readonly GridCell[], layout: Layout, totalCell: GridCell): Partial<Record<Field, GridCell>> {
  if (totalCell.col === layout.nameCol && totalCell.colSpan === 1) return valuesOf(row, layout) ?? {};
  const amounts = row.filter((c) => AMOUNT.test(c.text));
  if (amounts.length !== layout.block.length) return {};
  const out: Partial<Record<Field, GridCell>> = {};
  for (const c of layout.columns) out[c.field] = amounts[layout.block.indexOf(c.col)];
  return out;
}

/** A data row's money cells, or null when one of them is not an amount (the table has ended). */
function valuesOf(row: readonly GridCell[], layout: Layout): Partial<Record<Field, GridCell>> | null {
  const out: Partial<Record<Field, GridCell>> = {};
  for (const c of layout.columns) {
    const cell = cellAt(row, c.col);
    const text = cell?.text ?? '';
    if (EMPTY_CELL.test(text)) continue;
    if (c.field === 'executionRate' ? !PERCENT.test(text) : !unitOfCell(text, layout.unit)) return null;
    out[c.field] = cell;
  }
  return out;
}

/** An amount cell's unit: its own, else the table's; null when it is no amount or no unit is printed. */
function unitOfCell(text: string, unit: string | null): string | null {
  const m = AMOUNT.exec(text);
  return m ? (m[2] ?? unit) : null;
}

/** An amount cell in yuan, exactly. */
function baseOf(cell: GridCell, unit: string | null): string {
  const m = AMOUNT.exec(cell.text)!;
  return shiftDecimal(m[1]!.replace(/,/gu, ''), SCALES[(m[2] ?? unit)!]!);
}

function moneyFigure(doc: SourceDocument, cell: GridCell, tableUnit: string | null): Figure {
  const m = AMOUNT.exec(cell.text)!;
  const printed = m[1]!.replace(/,/gu, '');
  const unit = (m[2] ?? tableUnit)!;
  const exact = baseOf(cell, tableUnit);
  return { value: Number(exact), exact, text: `${m[1]}${unit}`, unit, kind: 'money', precision: printedDecimals(printed), scale: SCALES[unit]!, approx: 'exact', evidence: evidenceOf(doc, cell.start, cell.end) };
}

function rateFigure(doc: SourceDocument, cell: GridCell): Figure {
  const printed = PERCENT.exec(cell.text)![1]!;
  const exact = shiftDecimal(printed, -2);
  return { value: Number(exact), exact, text: cell.text, unit: '%', kind: 'percent', precision: printedDecimals(printed), scale: -2, approx: 'exact', evidence: evidenceOf(doc, cell.start, cell.end) };
}

/**
 * Whether the rows add up exactly to the total in a money field it prints: one column adding up
 * confirms the table; another that does not is the report's slip, left for the checks.
 */
function addsUp(rows: readonly Row[], totals: Partial<Record<Field, GridCell>>, unit: string | null): boolean {
  return (['budget', 'execution'] as const).some((f) => {
    const total = totals[f];
    const sum = total && unitOfCell(total.text, unit) ? sumOf(rows, f, unit) : null;
    return sum !== null && sum.equals(baseOf(total!, unit));
  });
}

interface Group {
  totals: Partial<Record<Field, GridCell>>;
  rows: Row[];
}

/** A total row named by its group ("杭州市合计", "上杭县小计"): more than the total word alone, in the name column. */
const namesGroup = (cell: GridCell, layout: Layout) => cell.col === layout.nameCol && cell.text.replace(TOTAL, '').trim().length >= 2;

/** The sum of the rows in a money field, exactly, or null when a row leaves it empty. */
function sumOf(rows: readonly Row[], field: 'budget' | 'execution', unit: string | null): InstanceType<typeof Dec> | null {
  if (rows.some((r) => !r.values[field])) return null;
  return rows.reduce((s, r) => s.plus(baseOf(r.values[field]!, unit)), new Dec(0));
}

/**
 * Whether groups under named subtotals confirm the table: every group but the last adds up exactly to its
 * subtotal, two groups or more do, and the last one adds up or falls short (the page cut it). A group that
 * overshoots or misses its subtotal says the rows were misread: nothing is listed.
 */
function groupsAddUp(groups: readonly Group[], unit: string | null): boolean {
  const fields = (['budget', 'execution'] as const).filter((f) => groups.every((g) => g.totals[f] && unitOfCell(g.totals[f]!.text, unit)));
  return fields.some((f) => {
    const state = groups.map((g) => {
      const sum = g.rows.length > 0 ? sumOf(g.rows, f, unit) : null;
      if (!sum) return 'fails';
      const total = new Dec(baseOf(g.totals[f]!, unit));
      return sum.equals(total) ? 'holds' : sum.lessThan(total) ? 'short' : 'fails';
    });
    const last = state.at(-1);
    return state.slice(0, -1).every((s) => s === 'holds') && state.filter((s) => s === 'holds').length >= 2 && last !== 'fails';
  });
}

function projectOf(doc: SourceDocument, row: Row, unit: string | null, rule: string): Project {
  const v = row.values;
  return {
    name: row.name.text,
    budget: v.budget ? moneyFigure(doc, v.budget, unit) : null,
    execution: v.execution ? moneyFigure(doc, v.execution, unit) : null,
    executionRate: v.executionRate ? rateFigure(doc, v.executionRate) : null,
    evidence: evidenceOf(doc, row.name.start, row.end),
    rule,
  };
}

/** The projects of one grid, from the first header that names a project column and money columns. */
function projectsOfGrid(doc: SourceDocument, rows: readonly GridCell[][], allowed: (at: number) => boolean): Project[] {
  for (let h = 0; h < rows.length; h++) {
    if (!rows[h]![0] || !allowed(rows[h]![0]!.start)) continue;
    // (the unit over the table is looked for only once a header has been found)
    const layout = layoutOf(rows, h, () => unitBeforeTable(doc, rows[h]![0]!.start));
    if (!layout) continue;
    const data: Row[] = [];
    let totals: Partial<Record<Field, GridCell>> | null = null;
    /** Groups under a named subtotal ("杭州市合计") printed over their rows, below the table's own total. */
    const groups: Group[] = [];
    for (let i = layout.dataStart; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.every((c) => EMPTY_CELL.test(c.text) || RULE_CELL.test(c.text))) continue;
      const totalCell = row.slice(0, 3).find((c) => TOTAL.test(c.text) && !/\d/u.test(c.text));
      if (totalCell) {
        // A 合计 row printed over its rows (first) or under them (last, where the table ends).
        const first = data.length === 0 && totals === null;
        totals ??= totalsOf(row, layout, totalCell);
        if (first) continue;
        // A group's subtotal, named by the group, opens the next group ("温州市合计" after "杭州市合计" and its rows).
        if (totals && namesGroup(totalCell, layout) && (groups.length > 0 || data.length === 0)) {
          groups.push({ totals: totalsOf(row, layout, totalCell), rows: [] });
          continue;
        }
        break;
      }
      const name = cellAt(row, layout.nameCol);
      if (row.some((c) => SUBTOTAL.test(c.text)) || PART_ROW.test(name?.text ?? '')) continue;
      const values = valuesOf(row, layout);
      if (!name || !values || !/[\u4e00-\u9fff]/u.test(name.text) || Object.keys(values).length === 0) break;
      const r = { name, values, end: Math.max(...Object.values(values).map((c) => c!.end)) };
      data.push(r);
      groups.at(-1)?.rows.push(r);
    }
    if (data.length < 2 || data.some((r) => isAccountRow(r.name.text))) continue;
    // A 合计 row no column adds up to says the rows were misread (or some left out): only a table without one stands on its header.
    const rule =
      groups.length > 0
        ? groupsAddUp(groups, layout.unit)
          ? TABLE_PROJECT_RULES.subtotals.id
          : null
        : totals
          ? addsUp(data, totals, layout.unit)
            ? TABLE_PROJECT_RULES.total.id
            : null
          : layout.clear
            ? TABLE_PROJECT_RULES.header.id
            : null;
    if (!rule) continue;
    return data.map((r) => projectOf(doc, r, layout.unit, rule));
  }
  return [];
}

/** The money columns a flattened header names, in order ("预算数执行数" → 预算数 | 执行数). */
function flatColumns(names: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < names.length; ) {
    GLUED_TABLE_COLUMN.lastIndex = at;
    const m = GLUED_TABLE_COLUMN.exec(names);
    if (!m) return [];
    out.push(m[0]);
    at += m[0].length;
  }
  return out;
}

/** Cells of a regex match's groups 1…k+1 (name, then k amounts), with their spans. */
function cellsOfMatch(m: RegExpExecArray): GridCell[] {
  const cells: GridCell[] = [];
  let at = m.index;
  for (let g = 1; g < m.length; g++) {
    const start = m[0].indexOf(m[g]!, at - m.index) + m.index;
    cells.push({ text: m[g]!, col: g - 1, colSpan: 1, start, end: start + m[g]!.length });
    at = start + m[g]!.length;
  }
  return cells;
}

interface GluedRows {
  rows: Row[];
  totals: Partial<Record<Field, GridCell>> | null;
}
/** How many numbered rows stand without a 合计 row. */
const NUMBERED_ROWS_ALONE = 5;
const AMOUNT_RUN = '(\\d+(?:\\.\\d+)?)(?![\\d.])';

/** The rows after a flattened header: each a name and its amounts (glued when one column, apart when several), up to the 合计 row. */
function gluedRows(text: string, from: number, width: number, columns: readonly Column[]): GluedRows {
  const row = new RegExp(`\\s*(${GLUED_TABLE_NAME})\\s*${Array(width).fill(AMOUNT_RUN).join('\\s+')}`, 'uy');
  const rows: Row[] = [];
  for (let at = from; ; ) {
    row.lastIndex = at;
    const m = row.exec(text);
    if (!m) return { rows, totals: null };
    const cells = cellsOfMatch(m);
    at = cells[cells.length - 1]!.end;
    const values: Partial<Record<Field, GridCell>> = {};
    for (const c of columns) values[c.field] = cells[c.col];
    if (TOTAL.test(cells[0]!.text)) return { rows, totals: values };
    rows.push({ name: cells[0]!, values, end: at });
  }
}

const cellAtMatch = (text: string, start: number): GridCell => ({ text, col: 0, colSpan: 1, start, end: start + text.length });

/**
 * The rows of a one-column table under a 序号 column, each opening with its number: row k's digits run on into
 * row k+1's number ("450002新疆") and end before it; the 合计 row prints no number. A run whose end cannot be
 * told (the page cut the table after a lone number) ends the rows without it: a wrong amount is worse than none.
 */
function numberedRows(text: string, from: number, field: Field): GluedRows {
  const named = new RegExp(`\\s*(${GLUED_TABLE_NAME})\\s*(\\d+(?:\\.\\d+)?)`, 'uy');
  /** The row that starts at `at`, its name and the digits after it (run on into the next row's number). */
  const rowAt = (at: number) => {
    named.lastIndex = at;
    const m = named.exec(text);
    return m ? { name: cellAtMatch(m[1]!, named.lastIndex - m[0].length + m[0].indexOf(m[1]!)), digits: cellAtMatch(m[2]!, named.lastIndex - m[2]!.length) } : null;
  };
  const opensRow = (at: number, k: number) => text.startsWith(String(k), at) && /[\u4e00-\u9fff（(]/u.test(text[at + String(k).length] ?? '');
  const isTotalRow = (at: number) => {
    const r = rowAt(at);
    return r !== null && TOTAL.test(r.name.text);
  };
  const rows: Row[] = [];
  let at = from;
  for (let k = 1; ; k++) {
    while (/\s/u.test(text[at] ?? '')) at++;
    if (!opensRow(at, k)) {
      // Only the 合计 row goes without a number; its amount ends the table.
      const total = isTotalRow(at) ? rowAt(at)! : null;
      return { rows, totals: total && !/^[\d.]/u.test(text.slice(total.digits.end)) ? { [field]: total.digits } : null };
    }
    const r = rowAt(at + String(k).length);
    if (!r) return { rows, totals: null };
    const end = r.digits.end;
    const next = String(k + 1);
    let amount: string | null = null;
    let rest = end;
    while (/\s/u.test(text[rest] ?? '')) rest++;
    // Apart from what follows (a space, a line break), or glued to the 合计 row: the digits are the amount.
    if ((rest > end && opensRow(rest, k + 1)) || isTotalRow(end)) amount = r.digits.text;
    // Glued to the next row's number: the digits before it.
    else if (rest === end && r.digits.text.endsWith(next) && opensRow(end - next.length, k + 1) && /^\d+(?:\.\d+)?$/u.test(r.digits.text.slice(0, -next.length)))
      amount = r.digits.text.slice(0, -next.length);
    if (amount === null) return { rows, totals: null };
    const cell = cellAtMatch(amount, r.digits.start);
    rows.push({ name: r.name, values: { [field]: cell }, end: cell.end });
    at = cell.end;
  }
}

/** The county or prefecture whose name opens `text` at `at` (the longest), or null. */
function placeAt(text: string, at: number): string | null {
  for (let len = 8; len >= 2; len--) {
    const name = text.slice(at, at + len);
    if (COUNTIES.has(name) || PREFECTURES.has(name)) return name;
  }
  return null;
}

/** A row of a grouped table: its name (no digits) and its amount, the amount ending where the next name begins. */
const GROUPED_ROW = /\s*([^\d\s]{2,60}?)\s*(\d+(?:\.\d+)?)/uy;

/**
 * The rows of a one-column table grouped under numbered units ("序号单位项目金额1上杭县A10B8…小计502漳平市C5…小计20合计70"):
 * each group opens with its number and a county or prefecture (the gazetteer's, so the unit ends where the project's
 * name begins), lists its projects and closes with its 小计, which must be the group's sum exactly (the digits glued to
 * the next group's number, "502", split there); the 合计 after the last group must be the sum of all. Anything else
 * reads no row.
 */
function groupedRows(text: string, from: number, field: Field): Row[] {
  const rows: Row[] = [];
  let total = new Dec(0);
  let at = from;
  for (let k = 1; ; k++) {
    while (/\s/u.test(text[at] ?? '')) at++;
    if (!text.startsWith(String(k), at)) break;
    const unit = placeAt(text, at + String(k).length);
    if (!unit) return [];
    at += String(k).length + unit.length;
    let sum = new Dec(0);
    let count = 0;
    for (;;) {
      GROUPED_ROW.lastIndex = at;
      const m = GROUPED_ROW.exec(text);
      if (!m) return [];
      const digits = cellAtMatch(m[2]!, GROUPED_ROW.lastIndex - m[2]!.length);
      if (SUBTOTAL.test(m[1]!)) {
        // "小计502漳平市": the group's sum, then the next group's number; "小计20合计70": the sum alone.
        const printed = sum.toString();
        const rest = digits.text.slice(printed.length);
        if (count === 0 || !digits.text.startsWith(printed) || (rest !== '' && rest !== String(k + 1))) return [];
        at = digits.start + printed.length;
        break;
      }
      if (TOTAL.test(m[1]!)) return [];
      const name = cellAtMatch(m[1]!, GROUPED_ROW.lastIndex - m[0].length + m[0].indexOf(m[1]!));
      rows.push({ name, values: { [field]: digits }, end: digits.end });
      sum = sum.plus(digits.text);
      count++;
      at = digits.end;
    }
    total = total.plus(sum);
  }
  GROUPED_ROW.lastIndex = at;
  const last = GROUPED_ROW.exec(text);
  return last && TOTAL.test(last[1]!) && new Dec(last[2]!).equals(total) ? rows : [];
}

/**
 * A table flattened into one run: the header's name and money columns glued ("乡镇补助经费(万元)备注",
 * "项目名称预算数执行数"), then each row's name and its amounts (glued when there is one column, apart
 * when there are several), up to the 合计 row. Read only when the rows add up to it.
 */
function projectsOfGluedTables(doc: SourceDocument, allowed: (at: number) => boolean): Project[][] {
  const out: Project[][] = [];
  const header = new RegExp(GLUED_TABLE_HEADER.source, 'gu');
  for (const h of doc.text.matchAll(header)) {
    if (!allowed(h.index)) continue;
    const names = flatColumns(h[1]!);
    const fields = names.map((n) => fieldOf(n));
    const columns = fields.map((field, col) => ({ col: col + 1, field })).filter((c): c is Column => c.field === 'budget' || c.field === 'execution');
    if (names.length === 0 || columns.length === 0 || new Set(columns.map((c) => c.field)).size !== columns.length) continue;
    const unit = names.map((n) => TABLE_MONEY_UNIT.exec(n)?.[1]).find(Boolean) ?? unitBeforeTable(doc, h.index);
    if (!unit) continue;
    // Under a 序号 column each row opens with its number ("序号地区金额1西藏450002新疆32000…"): with one money column
    // the numbers running 1, 2, 3 … tell where each amount ends, though the page glued it to the next row's number.
    const numbered = ORDINAL_BEFORE_HEADER.test(doc.text.slice(Math.max(0, h.index - 4), h.index)) && names.length === 1;
    // "序号单位项目金额": a unit column, then the projects' own with their money (项目金额 read as 项目 | 金额): rows grouped by unit.
    if (numbered && GROUPED_TABLE_NAME_COLUMN.test(h[0].slice(0, h[0].length - h[1]!.length)) && GROUPED_TABLE_PROJECT_COLUMN.test(names[0]!)) {
      const rows = groupedRows(doc.text, h.index + h[0].length, columns[0]!.field);
      if (rows.length >= 2 && !rows.some((r) => isAccountRow(r.name.text))) {
        out.push(rows.map((r) => projectOf(doc, r, unit, TABLE_PROJECT_RULES.grouped.id)));
        continue;
      }
    }
    const { rows, totals } = numbered ? numberedRows(doc.text, h.index + h[0].length, columns[0]!.field) : gluedRows(doc.text, h.index + h[0].length, names.length, columns);
    // A table cut before its 合计 stands on its numbered rows alone when they are many (a run of five numbers is no accident).
    const confirmed = totals ? addsUp(rows, totals, unit) : numbered && rows.length >= NUMBERED_ROWS_ALONE;
    if (confirmed && rows.length >= 2 && !rows.some((r) => isAccountRow(r.name.text)))
      out.push(rows.map((r) => projectOf(doc, r, unit, TABLE_PROJECT_RULES.glued.id)));
  }
  return out;
}

/** A table's money as a key: the same amounts listed again (by county, then by project) give the same key. */
const moneyKey = (table: readonly Project[]) =>
  table
    .map((p) => `${p.budget?.exact ?? '-'}/${p.execution?.exact ?? '-'}`)
    .sort()
    .join(' ');

/**
 * The projects the document's tables list, in text order, tables whose header stands where `allowed`
 * says no (forms, a 决算's own tables) left out. A table listing the very amounts of an earlier one
 * (an allocation by county, then the same money by project) is the same money again: only the first
 * is listed; nor is a name an earlier table listed.
 */
export function projectsOfTables(doc: SourceDocument, allowed: (at: number) => boolean = () => true): Project[] {
  const tables = [...findGrids(doc).map((g) => projectsOfGrid(doc, g.rows, allowed)), ...projectsOfGluedTables(doc, allowed)].filter((t) => t.length > 0);
  const keys = new Set<string>();
  const seen = new Set<string>();
  const out: Project[] = [];
  for (const table of tables) {
    const key = moneyKey(table);
    if (keys.has(key)) continue;
    keys.add(key);
    for (const p of table) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      out.push(p);
    }
  }
  return out;
}

/** The named projects, then the table's projects no earlier one names (the same name, or one holding the other). */
export function withTableProjects(named: readonly Project[], table: readonly Project[]): Project[] {
  const same = (a: string, b: string) => a === b || a.startsWith(b) || b.startsWith(a);
  return [...named, ...table.filter((t) => !named.some((p) => same(p.name, t.name)))];
}
