import type { SourceDocument, Span } from '../ingest/document.js';
import type { Figure, NamedAmount } from '../schema/record.js';
import { evidenceOf } from '../normalize/offsets.js';
import { Decimal } from 'decimal.js';
import { shiftDecimal } from './decimal.js';
import { asPoints, toFigure } from './figures.js';
import { rateHolds, rateHoldsCut } from './roles/assign.js';
import { capInterval, intervalOfFigure, intervalsMeet, multiplyIntervals } from '../check/interval.js';
import { pointsInterval } from '../check/indicator-checks.js';
import { figureOfMatch } from './roles/candidates.js';
import { findNumbers, type NumberMatch } from './numbers.js';
import { codeClass } from './char-class.js';
import { anyOf, BRACKETED_MONEY_UNIT, FLAT_FORM_COLUMNS, NATURE_NAMES, PAYING_LEVEL_SOURCE, WEIGHT_WORDS } from '../vocabulary/index.js';

/**
 * The 自评表's fund block when a web page or a text dump flattened it into a run of cells:
 *
 *   项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
 *   年度资金总额: 0 0 0 10 0 0  其中:本年财政拨款 90 89.974 89.974  上年结转资金 …
 *
 * The header names the columns in order; each row label is followed by its cells in the same
 * order. Cells are assigned left to right, so a row that lost an empty cell in the middle would
 * shift: rows whose percent cell does not land in the 执行率 column are dropped rather than
 * guessed. A bare number is read as the 执行率 ("130 130 130 10 100 10": 100 = 100%) only when the
 * row fills every column, so nothing can have shifted.
 */
export type FormColumn = (typeof FLAT_FORM_COLUMNS)[number]['column'];

/** A column of money (not a rate or points). */
const isMoneyColumn = (col: FormColumn) => col !== 'executionRate' && col !== 'weight' && col !== 'score';

/**
 * A column name as a flattened page may print it: broken over lines between its characters
 * ("年初\n\n预算数", "全年\n\n执行数").
 */
const broken = (re: RegExp): RegExp => new RegExp(re.source.replace(/(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])/gu, '\\s*'), re.flags);

/**
 * A bracketed note after a column name ("(A)", "(B/A)", "(10分)", "(%)", "(20分*执行率)"): not a
 * column. A unit note ends the header: "年度预算数（万元）" before "年初预算 | 调整后预算数 …" is the
 * block's label, not its first column (r03).
 */
const COLUMN_NOTE = /(?:[（(](?!\s*(?:万元|元|亿元)\s*[）)])[^（）()]{0,12}[）)])*/u.source;
const COLUMN_PATTERNS: Array<[FormColumn, RegExp]> = FLAT_FORM_COLUMNS.map(({ column, pattern }) => [column, new RegExp(`(?:${broken(pattern).source})${COLUMN_NOTE}`, 'uy')]);
/** Where a header can start: its first money column (a layout dump may put cell borders inside it). */
const HEADER_START = new RegExp(`年初[\\s|｜]*预算|全年[\\s|｜]*预算[\\s|｜]*数|${broken(/调整后预算|预算数/u).source}`, 'gu');
/** A money block's label with its unit, as a flattened sheet may print it after the rows. */
const BLOCK_UNIT_AFTER = /(?:资金投入情况|项目资金)\s*[（(]\s*(万元|元)\s*[）)]/u;
/** The first word after a row's cells ends the row; a cell's own unit ("4753.66万元", "12元") does not. */
const ROW_END = /(?<![万亿])(?!(?:万|亿)?元)[\u4e00-\u9fff]{2}/u;

// A level's fund row keeps its level (自治区财政资金, 盟市财政资金); 其他资金 may say what it holds in
// brackets ("其他资金 (包括以前年度结转资 金)", t028), which is no cell.
// A level's own row (地方资金, 市级资金) names it at the start of its line or cell.
/**
 * A 部门整体支出绩效自评表's 按收入性质分 rows ("其中: 一般公共预算:1325.68 … 政府性基金拨款:118.82"): its
 * sources, each name printed with its colon.
 */
const INCOME_NATURE_ROW = '(?:其中[:：]?\\s*)?(?:一般公共预算(?:拨款)?|政府性基金(?:预算)?拨款|纳入专户管理的非税收入拨款)';
const INCOME_NATURE_LABEL = new RegExp(`^${INCOME_NATURE_ROW}$`, 'u');
/** The 部门整体 form's 按支出性质分 rows (基本支出, 项目支出), at a line's or a cell's start or after 其中: its natures, no fund source. */
const SPENDING_NATURES = NATURE_NAMES.slice(0, 2);
const SPENDING_NATURE_ROW = `(?:(?<=^|[\\n|｜]\\s*)|其中[:：]?\\s*)(?:${anyOf(SPENDING_NATURES)})(?=\\s*[:：|｜]|\\s+\\d)`;
const SPENDING_NATURE_LABEL = new RegExp(`^(?:${anyOf(SPENDING_NATURES)})$`, 'u');
/** A row of the block that is a nature (基本支出, 项目支出), not a fund row: left out of the fund rows' sums. */
export const isSpendingNatureRow = (label: string) => SPENDING_NATURE_LABEL.test(label);
/**
 * A row's label. A level's fund ("地方资金") opens a row at a line's or a cell's start, or glued right after the rate
 * that ends the row before it ("其中:中央财政资金10200%地方资金4646100%", t406).
 */
const ROW_LABEL = new RegExp(
  `(年度财政资金总额|年度资金总额?(?=[\\s:：|｜\\d（(])|资金总额|总额|合计|其中[:：]?\\s*(?:本年|当年)?财政(?:拨款|资金)|其中[:：]?\\s*[\\u4e00-\\u9fff、，,]{2,20}?资金|(?:本年|当年)财政拨款|财政拨款|[\\u4e00-\\u9fff]{0,4}?财政资金|(?<=^|[\\n|｜]\\s*|\\d%)${PAYING_LEVEL_SOURCE}资金|其中[:：]?\\s*${PAYING_LEVEL_SOURCE}(?:财政)?(?:补助|配套)|${INCOME_NATURE_ROW}(?=\\s*[:：])|${SPENDING_NATURE_ROW}|上年结转(?:资金)?|其他资金|财政专户管理资金|单位资金|自有资金)\\s*(?:[（(][^）)\\d]{0,24}[）)])?\\s*[:：]?`,
  'gu',
);
const TOTAL_ROW = /^(?:年度财政资金总额|年度资金总额?|资金总额|总额|合计)$/u;

export interface FormRow {
  label: string;
  cells: Partial<Record<FormColumn, Figure>>;
}

export interface FlatForm {
  columns: FormColumn[];
  rows: FormRow[];
}

/** A cell holding one number and nothing else, or a number and 万/亿 alone. */
const BARE_NUMBER = /^\s*\d[\d,]*(?:\.\d+)?\s*([万亿])?\s*$/u;

/**
 * A money cell that holds a bare number is that amount: "2030.12" under 全年预算数 is not a year
 * and month, as the number reader takes it in running text, and "3359.62万" is 万元.
 */
export function bareMoney(text: string, unit: string): NumberMatch | null {
  const bare = BARE_NUMBER.exec(text);
  if (!bare) return null;
  const printed = text.trimEnd();
  const found = findNumbers(`${printed}${bare[1] ? '元' : unit}`).filter((n) => n.approx === 'exact' && n.kind === 'money');
  if (found.length !== 1 || found[0]!.start >= printed.length) return null;
  const end = Math.min(found[0]!.end, printed.length);
  return { ...found[0]!, end, text: printed.slice(found[0]!.start, end) };
}

/** A run of cells' numbers, with the cells the number reader skips ("2030.12" reads as a date) read as money. */
function cellNumbers(cellsText: string, unit: string): NumberMatch[] {
  const found = findNumbers(cellsText, { defaultUnit: unit }).filter((n) => n.approx === 'exact');
  for (const t of cellsText.matchAll(/(?<![\d.,%])\d[\d,]*(?:\.\d+)?(?![\d.,%万亿元])/gu)) {
    if (found.some((n) => n.start < t.index + t[0].length && t.index < n.end)) continue;
    const n = bareMoney(t[0], unit);
    if (n) found.push({ ...n, start: t.index + n.start, end: t.index + n.end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A match found in a slice of the text that starts at `offset`. */
function figureOf(doc: SourceDocument, m: NumberMatch, offset: number): Figure {
  return toFigure(doc, { ...m, start: offset + m.start, end: offset + m.end });
}

/** Between a header's labels (by char code: a regex per character was most of reading a header). */
const isHeaderSeparator = codeClass(/[\s|｜\t]/u);

/**
 * Reads the column header that starts at `at`: labels separated by spaces, bars or newlines, and a
 * label may itself be broken over lines or cells as a narrow column prints it ("全年|执行数").
 */
function readHeader(text: string, at: number): { columns: FormColumn[]; end: number } {
  // The header without its separators, each character mapped back to its offset.
  let joined = '';
  const offsets: number[] = [];
  for (let i = at; i < text.length && joined.length < 120; i++) {
    if (isHeaderSeparator(text.charCodeAt(i))) continue;
    joined += text[i]!;
    offsets.push(i);
  }
  const columns: FormColumn[] = [];
  let i = 0;
  while (i < joined.length && columns.length < 8) {
    let matched = false;
    for (const [col, re] of COLUMN_PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(joined);
      if (m) {
        if (!columns.includes(col)) columns.push(col);
        i += m[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }
  return { columns, end: i === 0 ? at : offsets[i - 1]! + 1 };
}

/** The top of a wrapped 全年执行数 ending the line above a header, and its last character alone on the line below. */
const WRAPPED_EXECUTION_TOP = /(?:全年|预算|实际)执行$/u;
const WRAPPED_EXECUTION_BOTTOM = /^[\s|｜]*数[\s|｜]*$/u;

/**
 * A tall header row of an unruled PDF (printed-calc-one-sheet): the names that fit stand on its middle
 * line, a wrapped "全年执行数" stands above and below it ("…实施单位X中心全年执行" / "年初预算数 全年预算数
 * 分值 …" / "数"), so the header line read alone has no execution column. Both halves must be there;
 * the column goes where every 自评表 prints it, after 全年预算数.
 */
function withWrappedExecution(text: string, at: number, columns: FormColumn[]): FormColumn[] {
  if (columns.includes('execution') || !columns.includes('budget')) return columns;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (lineStart === 0) return columns;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1).replace(/[\s|｜]+$/u, '');
  const lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) return columns;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const below = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
  if (!WRAPPED_EXECUTION_TOP.test(above) || !WRAPPED_EXECUTION_BOTTOM.test(below)) return columns;
  const out = [...columns];
  out.splice(out.indexOf('budget') + 1, 0, 'execution');
  return out;
}

/**
 * The fund block of a flattened form, within `within` (a form part) when given; the part's header
 * unit ("单位：万元" above the form) serves when none stands near the block.
 */
export function findFlatForm(doc: SourceDocument, within?: Span & { unit?: string | null }): FlatForm | null {
  // Offsets stay the document's: the text past the span is cut, the text before it skipped.
  const text = within ? doc.text.slice(0, within.end) : doc.text;
  const from = within?.start ?? 0;
  // The header starts at the first 年初预算/预算数 label followed by at least two more labels.
  const starts = text.matchAll(HEADER_START);
  let readUpTo = -1;
  for (const s of starts) {
    // A start inside a header already read would re-read it without its first columns.
    if (s.index < readUpTo || s.index < from) continue;
    // Within a form's part, a second 项目名称 before the block means the block is another form's
    // (two forms a dump ran together): this form's money is not there.
    if (within && (text.slice(from, s.index).match(/项目名称/gu)?.length ?? 0) >= 2) break;
    const header = readHeader(text, s.index);
    readUpTo = header.end;
    header.columns = withWrappedExecution(text, s.index, header.columns);
    // Two columns are enough when they are the budget and the execution ("全年预算数(A) 全年执行数(B)", t028).
    if (!header.columns.includes('execution') || (header.columns.length < 3 && !header.columns.includes('budget'))) continue;
    // The unit stands before the header, or under its first cell when a layout dump wrapped it ("项目资金 年初预算数 … / （万元）").
    const unitWindow = text.slice(Math.max(0, s.index - 160), Math.min(text.length, header.end + 24));
    // A flattened sheet may print its block's label and unit after the rows ("… 年度资金总额 资金投入情况 (万元)",
    // "… 年度资金总额 项目资金 (元)"), before the next form starts.
    const after = text.slice(header.end, header.end + 400);
    const unitAfter = BLOCK_UNIT_AFTER.exec(after.slice(0, after.search(/项目名称|$/u)))?.[1];
    const unit = /万元/u.test(unitWindow) ? '万元' : BRACKETED_MONEY_UNIT.exec(unitWindow)?.[1] === '元' || /单位[:：]\s*元/u.test(unitWindow) ? '元' : (unitAfter ?? within?.unit ?? undefined);
    if (!unit) continue;
    const rows: FormRow[] = [];
    // A row whose run went on into another row's cells (matchFirstRow): the only row kept.
    let runOn: FormRow['cells'] | null = null;
    // The fund block ends where the 绩效指标 part starts (its 合计 row is about points, not money).
    let region = text.slice(header.end, header.end + 500);
    const blockEnd = region.search(/绩效指标|一级指标|年度总体目标|年度目标|总体目标/u);
    if (blockEnd >= 0) region = region.slice(0, blockEnd);
    const labels = [...region.matchAll(ROW_LABEL)];
    const byIncomeNature = /按收入性质分/u.test(region);
    // 基本支出 and 项目支出 are read as natures only in a block that says so (按支出性质分): rows printed with a
    // form's money columns (年初 | 执行) are compared by the checks with the execution first, a total they need not match.
    const bySpendingNature = /按支出性质分/u.test(region);
    // Cells right after the header belong to an unlabelled total row.
    const segments: Array<{ label: string; from: number; to: number }> = [];
    const firstLabelAt = labels[0]?.index ?? region.length;
    if (/^\s*[|｜]?\s*\d/u.test(region)) segments.push({ label: '总额', from: 0, to: firstLabelAt });
    labels.forEach((l, k) => segments.push({ label: l[1]!.replace(/^其中[:：]?\s*/u, '').trim(), from: l.index + l[0].length, to: labels[k + 1]?.index ?? region.length }));
    for (const seg of segments) {
      if (isSpendingNatureRow(seg.label) && !bySpendingNature) continue;
      const body = region.slice(seg.from, seg.to);
      // Cells stop at the first word: the row is over.
      const stop = body.search(ROW_END);
      const cellsText = stop < 0 ? body : body.slice(0, stop);
      const offset = header.end + seg.from;
      let found = cellNumbers(cellsText, unit);
      // Cells glued by flattening ("194.9194.9100%"): read only when a single split fits the columns.
      // An 按收入性质分 row prints one amount ("一般公共预算:1325.68", "其他资金:585.62"): a single cell, not a glued run.
      const oneAmount = INCOME_NATURE_LABEL.test(seg.label) || (byIncomeNature && MONEY_CELL.test(cellsText.trim()));
      const glued = oneAmount ? null : /^\s*([\d.%]+)\s*$/u.exec(cellsText);
      let gluedColumns = header.columns;
      if (glued && header.columns.length >= 2) {
        // Cells the header did not name may follow the 执行率 that ends it ("10001000100%20": a 得分 whose
        // header a dump garbled): the header's columns end at the rate's %.
        const run = header.columns.at(-1) === 'executionRate' ? /^[\d.]+%(?=[\d.]+$)/u.exec(glued[1]!)?.[0] ?? glued[1]! : glued[1]!;
        let cuts = splitGluedCells(run, header.columns);
        // A fund row prints no 分值 or 得分 (the total row holds them): its glued run is its money and rate cells only.
        if (!cuts && !TOTAL_ROW.test(seg.label) && header.columns.some((c) => c === 'weight' || c === 'score')) {
          gluedColumns = header.columns.filter((c) => c !== 'weight' && c !== 'score');
          // Cut into money cells alike in length before the rate is asked (30|30|33 stays 30|30|33, not
          // 3030|3|3 where the rate holds): a slip in the row must not be read away by re-cutting it.
          cuts = splitGluedCells(run, gluedColumns, true);
          if (cuts && moneySpread(cuts, gluedColumns) > 1) cuts = null;
        }
        if (!cuts) continue;
        const from = cellsText.indexOf(run);
        found = cuts.map((c) => {
          const n = findNumbers(c.text, { defaultUnit: unit })[0]!;
          return { ...n, start: from + c.start + n.start, end: from + c.start + n.end };
        });
      }
      // Cells told apart by a unit in one place and glued in another ("50万元47.6895.00%").
      const mixed = !glued && header.columns.length >= 3 ? splitMixedCells(cellsText, header.columns, unit) : null;
      if (mixed) {
        found = mixed.map((c) => {
          const n = findNumbers(c.text, { defaultUnit: unit })[0]!;
          return { ...n, start: c.start + n.start, end: c.start + n.end };
        });
      }
      if (found.length === 0) continue;
      // Cells glued in any other way cannot be told apart: drop the row.
      // (A unit between two numbers, "4753.66万元4753.66", separates them.)
      const gluedAfter = (n: NumberMatch) => /[\d.]$/u.test(cellsText.slice(n.start, n.end)) && /^[\d.]/u.test(cellsText.slice(n.end, n.end + 1));
      if (!glued && !mixed && found.some((n) => gluedAfter(n) || /[\d.]$/u.test(cellsText.slice(Math.max(0, n.start - 1), n.start)))) continue;
      // A dash printed for an empty cell ("99 99 99 - 100% -") holds its column's place; a row
      // without dashes may be one cell short of its header (columnsOfShortRow).
      const slots: Array<NumberMatch | null> = glued || mixed ? found : withEmptyCells(cellsText, found);
      const columns = glued ? gluedColumns : mixed || slots.length !== found.length ? header.columns : columnsOfShortRow(header.columns, found);
      const complete = slots.length === columns.length;
      // Cells that do not fit the header in print order, or a total row short of cells whose percent
      // does not confirm the order by landing under 执行率: the row's values matched to its columns
      // by kind, read only when they fit one way ("20000.00 20000.00 4.52" under six columns is not
      // 年初 | 全年 | 执行: 4.52 may be any later column). A short row whose cells run on to its rate
      // ("238.93 251.89 251.89 100.00% 10", its 得分 empty) and a fund row (its 分值 and 得分 empty)
      // keep their print order.
      const rateAt = columns.indexOf('executionRate');
      const unconfirmed = slots.length < columns.length && columns === header.columns && TOTAL_ROW.test(seg.label) && slots[rateAt]?.kind !== 'percent';
      let cells = !glued && !mixed && unconfirmed ? null : readCells(doc, offset, slots.slice(0, columns.length), columns, complete);
      if (!cells && !glued && !mixed) {
        const matched = matchFirstRow(slots, header.columns);
        // (a bare rate it placed is one the arithmetic kept)
        if (matched) cells = readCells(doc, offset, matched.slots, matched.columns, true);
        // Cells left after the row are another row's, its label printed elsewhere (t160): the fund
        // rows read are not all of them, and the checks must not add them up against the total.
        if (cells && matched && slots.slice(matched.count).some((n) => n !== null)) runOn = cells;
      }
      if (!cells) continue;
      // A form printing no 全年预算数 column holds its budget in the 年初预算数 column.
      if (!header.columns.includes('budget') && cells.budgetInitial) cells.budget = cells.budgetInitial;
      rows.push({ label: seg.label, cells });
      // (a nature row restates money the fund rows hold: it does not count towards the block's six rows)
      if (rows.filter((r) => !isSpendingNatureRow(r.label)).length >= 6) break;
    }
    if (rows.length > 0) {
      const kept = runOn ? rows.filter((r) => r.cells === runOn) : rows;
      placeRateSetApart(doc, text.slice(header.end, header.end + RATE_APART_REACH), header.end, kept);
      return { columns: header.columns, rows: kept };
    }
  }
  return null;
}

/** How far after the header a 执行率 set apart from its row is looked for (the money block and the 年度总体目标 row). */
const RATE_APART_REACH = 800;
/** Where that search ends: the indicator table, or another form. */
const RATE_APART_END = /一级指标|绩效指标|项目名称|自评表/u;

/**
 * A total row whose 执行率 cell a PDF dump set apart from it (t160: "250000.00 250000.00 215,457.6 10
 * 8.62 … 年度总体目标86.19%"): its 分值 and 得分 read, its rate not. The one percent printed after the
 * row and before the indicator table, in no row read, is that cell when it was computed (printed with
 * decimals: a target is a round 100% or 90%) and the row's 得分 is its 分值 × it (min(rate, 100%) ×
 * 分值, each at its printed precision): the score places the rate, the rate's own arithmetic is the
 * checks' to judge. Two percents, a round one, or a score it does not give leave the rate unread.
 */
function placeRateSetApart(doc: SourceDocument, window: string, offset: number, rows: readonly FormRow[]): void {
  const end = window.search(RATE_APART_END);
  const region = end >= 0 ? window.slice(0, end) : window;
  const total = rows.find((r) => TOTAL_ROW.test(r.label) || r.label === '总额');
  const cells = total?.cells;
  if (!cells || cells.executionRate || !cells.weight || !cells.score) return;
  const read = new Set(rows.flatMap((r) => Object.values(r.cells).map((f) => f.evidence.start)));
  const after = Math.max(...Object.values(cells).map((f) => f.evidence.end));
  const percents = findNumbers(region).filter((n) => n.kind === 'percent' && !read.has(n.start + offset));
  if (percents.length !== 1 || percents[0]!.approx !== 'exact' || percents[0]!.precision < 1) return;
  const rate = figureOf(doc, percents[0]!, offset);
  if (rate.evidence.start < after) return;
  const score = multiplyIntervals(capInterval(intervalOfFigure(rate, 0), 1), pointsInterval(cells.weight));
  if (intervalsMeet(score, pointsInterval(cells.score))) cells.executionRate = rate;
}

/**
 * A row's slots read under their columns: money in the money columns, a percent (or, in a complete
 * row, a bare number like one) under 执行率, points under 分值 and 得分. Null when a cell's kind is
 * not its column's.
 */
function readCells(doc: SourceDocument, offset: number, slots: ReadonlyArray<NumberMatch | null>, columns: readonly FormColumn[], complete: boolean): FormRow['cells'] | null {
      const cells: FormRow['cells'] = {};
      let ok = true;
      slots.forEach((n, k) => {
        if (!n) return;
        const col = columns[k]!;
        const isPercent = n.kind === 'percent';
        if (col === 'executionRate' && !isPercent && complete && isBarePercent(n)) {
          cells.executionRate = asPercent(figureOf(doc, n, offset), n);
          return;
        }
        if (isPercent !== (col === 'executionRate') && !(col === 'executionRate' && n.base === '0')) ok = false;
        if (col === 'executionRate' && !isPercent) return; // a bare 0 in the rate column says nothing
        if ((col === 'weight' || col === 'score') && n.kind !== 'plain' && n.kind !== 'money') ok = false;
        if (col === 'weight' || col === 'score') {
          cells[col] = asPoints(figureOf(doc, n, offset), n);
          return;
        }
        cells[col] = figureOf(doc, n, offset);
      });
      return ok ? cells : null;
}

/**
 * Whether a cell can stand in a column by its kind: a percent, or a number printed like one ("100",
 * "8.62"), under 执行率; points of at most 100 under 分值 and 得分; any amount under a money column.
 */
function fitsColumn(n: NumberMatch | null, col: FormColumn): boolean {
  if (!n) return true;
  if (col === 'executionRate') return n.kind === 'percent' || isBarePercent(n);
  if (n.kind !== 'plain' && n.kind !== 'money') return false;
  if (col === 'weight' || col === 'score') return /^(?:\d{1,2}|100)(?:\.\d{1,2})?$/u.test(n.numberText) && !/[万亿元]/u.test(n.text);
  return true;
}

/** A placement of a row's cells: the column index of each cell. */
type Placement = number[];

/**
 * The first row of a run of cells matched to the header's columns by order and kind, when the print
 * order does not fit: a row that left a cell empty without a dash (t160: "250000.00 250000.00
 * 215,457.6 10 8.62" under 年初预算数 全年预算数 全年执行数 分值 执行率 得分 printed its 执行率
 * elsewhere), or the next row's cells run on after it with their label printed elsewhere. The row is
 * the longest run of leading cells that fits the columns, each cell in a later column than the one
 * before, its 得分 not above its 分值. Read only when its cells fit one way; a number printed like a
 * rate may be the 执行率 or points, and among several ways the arithmetic drops only those that put
 * such a number under 执行率 where it does not hold for 执行数 ÷ 预算数 (8.62 beside 250000.00 and
 * 215,457.6 is no rate): one way left is the row, otherwise none (a row that lost a cell,
 * "130 130 10 100 10", reads 130 | 130 | 10 | 100 | 10 as well as — | 130 | 130 | 10 | 100 | 10).
 */
function matchFirstRow(slots: ReadonlyArray<NumberMatch | null>, columns: readonly FormColumn[]): { slots: Array<NumberMatch | null>; columns: FormColumn[]; count: number } | null {
  const [weightAt, scoreAt] = [columns.indexOf('weight'), columns.indexOf('score')];
  const pointsFit = (at: Placement) => {
    const [w, s] = [at.indexOf(weightAt), at.indexOf(scoreAt)];
    return w < 0 || s < 0 || !slots[w] || !slots[s] || Number(slots[s]!.value) <= Number(slots[w]!.value);
  };
  // Each way to place the first `count` cells (more than 16 ways: too many to tell).
  const placements = (count: number): Placement[] => {
    const out: Placement[] = [];
    const walk = (k: number, from: number, at: Placement) => {
      if (out.length > 16) return;
      if (k === count) return void (pointsFit(at) && out.push(at));
      for (let c = from; c < columns.length; c++) if (fitsColumn(slots[k]!, columns[c]!)) walk(k + 1, c + 1, [...at, c]);
    };
    walk(0, 0, []);
    return out;
  };
  let count = 0;
  let all: Placement[] = [];
  for (let next: Placement[]; count < slots.length && (next = placements(count + 1)).length > 0; count++) all = next;
  if (slots.slice(0, count).filter((n) => n !== null).length < 2) return null;
  if (all.length > 16) return null;
  // Placements that differ only in where an empty cell goes are one reading.
  let readings = [...new Map(all.map((at) => [at.map((c, k) => (slots[k] ? `${k}:${c}` : '')).join(','), at])).values()];
  if (readings.length > 1) readings = readings.filter((at) => bareRateHolds(slots, at, columns) !== false);
  if (readings.length !== 1) return null;
  const placed = readings[0]!.flatMap((c, k) => (slots[k] ? [{ n: slots[k]!, col: columns[c]! }] : []));
  if (!placed.some((p) => p.col === 'budget' || p.col === 'execution' || p.col === 'budgetInitial')) return null;
  return { slots: placed.map((p) => p.n), columns: placed.map((p) => p.col), count };
}

/** Whether a number printed without its % and placed under 执行率 holds for the placement's 执行数 ÷ 预算数; undefined when none is placed so. */
function bareRateHolds(slots: ReadonlyArray<NumberMatch | null>, at: Placement, columns: readonly FormColumn[]): boolean | undefined {
  const cellOf = (col: number) => (col < 0 ? null : slots[at.indexOf(col)] ?? null);
  const rate = cellOf(columns.indexOf('executionRate'));
  if (!rate || rate.kind === 'percent') return undefined;
  const [budget, execution] = [cellOf(budgetColumn(columns)), cellOf(columns.indexOf('execution'))];
  if (!budget || !execution) return false;
  const figure = (n: NumberMatch) => figureOfMatch(n, { page: null, start: 0, end: 0, quote: n.text });
  return rateHolds(asPercent(figure(rate), rate), figure(execution), figure(budget));
}

/** A dash standing alone between cells: an empty cell ("-", "—", "/"). */
const DASH_CELL = /(?<=^|[\s|｜])(?:[-—–/／]+)(?=[\s|｜]|$)/gu;

/** The row's cells in order: its numbers, and null for each empty cell printed as a dash. */
function withEmptyCells(cellsText: string, found: readonly NumberMatch[]): Array<NumberMatch | null> {
  const dashes = [...cellsText.matchAll(DASH_CELL)].map((d) => ({ at: d.index, n: null }));
  return [...found.map((n) => ({ at: n.start, n })), ...dashes].sort((a, b) => a.at - b.at).map((x) => x.n);
}

/**
 * The columns a row's cells fill. A row one cell short whose 年初预算数 was left empty (t072:
 * "387664.62 | 387664.62 | 10 | 100% | 10" under 年初预算数 全年预算数 全年执行数 分值 执行率 得分) would
 * put its execution under 分值 and its rate under 得分: it is read without the 年初预算数 column (the
 * cell a form most often leaves empty) when its percent then lands in the 执行率 column and its
 * budget and execution cells are amounts. The rate is not asked to hold, so a slip in the row stays
 * visible to the checks. Otherwise the header's columns (the row is dropped).
 */
function columnsOfShortRow(columns: FormColumn[], found: readonly NumberMatch[]): FormColumn[] {
  if (found.length !== columns.length - 1 || !columns.includes('budgetInitial')) return columns;
  const without: FormColumn[] = columns.filter((c) => c !== 'budgetInitial');
  const cell = (col: FormColumn) => found[without.indexOf(col)];
  const [budget, execution, rate] = [cell('budget'), cell('execution'), cell('executionRate')];
  return budget?.kind === 'money' && execution?.kind === 'money' && rate?.kind === 'percent' ? without : columns;
}

/** A plain cell printed like a percentage ("100", "97.5", "107": spending may exceed the budget). */
function isBarePercent(n: NumberMatch): boolean {
  return /^\d{1,3}(?:\.\d{1,2})?$/u.test(n.numberText) && n.kind !== 'percent';
}

/** A cell printed without its % sign, as the rate it is (100 → 1). */
function asPercent(f: Figure, n: NumberMatch): Figure {
  const exact = shiftDecimal(n.numberText, -2);
  return { ...f, value: Number(exact), exact, unit: '%', kind: 'percent', scale: -2 };
}

const MONEY_CELL = /^(?:0|[1-9]\d*)(?:\.(\d+))?$/u;
const RATE_CELL = /^(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?%$/u;
const POINTS_CELL = /^(?:0|[1-9]\d?|100)(?:\.\d{1,2})?$/u;

/**
 * Splits a run of glued cells ("194.9194.9100%") into one cell per column. The money cells of a
 * row share their printed decimals, so among the splits whose cells are well formed (no leading
 * zeros, the % on the 执行率 cell only) and whose money cells share their decimals, those with the
 * fewest decimals are the reading; it must be the only one. A run that splits as it is printed in
 * one way only is read so whatever its rate says (a wrong cell still reads as printed).
 *
 * Several splits tie (130130100% could be 130|130|100% or 1301|30|100%): breakGluedTie decides.
 * `alikeFirst` keeps only the splits whose money cells are most alike in length before that, so
 * the printed rate cannot pick a far-fetched cut (a fund row's 3030|3|3|100% for 30|30|33|100%).
 */
export function splitGluedCells(run: string, columns: readonly FormColumn[], alikeFirst = false): Array<{ text: string; start: number }> | null {
  const shared = sharedDecimalsSplit(gluedReadings(run, columns), columns, alikeFirst);
  if (shared && gluedRateHolds(shared, columns) !== false) return shared;
  // A sheet prints 310.20 as 310.2 (its trailing zero dropped), so money cells need not share their
  // decimals ("310.2154.741050%5" = 310.2|154.74|10|50%|5, not 310.21|54.74): that shared-decimals
  // reading is only a guess, and when its rate fails while exactly one split of any decimals holds
  // the printed rate, that split is the row. Otherwise the shared reading stands, its slip visible.
  // (Splits whose money cells do share their decimals were weighed above; a fund row's far-fetched
  // cut, 3030|3|3|100% for 30|30|33|100%, stays out.)
  // A rate cut off rather than rounded ("…49%" for 49.88%) holds for that split only read so: asked
  // when no split holds it rounded, so the row keeps its cells and the cut shows as rate.truncated.
  const others = gluedReadings(run, columns, false).filter((r) => !sharesDecimals(r.cells, columns) && (!alikeFirst || moneySpread(r.cells, columns) <= 1));
  const holding = others.filter((r) => gluedRateHolds(r.cells, columns) === true);
  const cut = holding.length === 0 && (!shared || gluedRateHolds(shared, columns, true) !== true) ? others.filter((r) => gluedRateHolds(r.cells, columns, true) === true) : [];
  return holding.length === 1 ? holding[0]!.cells : cut.length === 1 ? cut[0]!.cells : shared;
}

/** Whether a split's money cells all print the same number of decimals. */
function sharesDecimals(cells: GluedCells, columns: readonly FormColumn[]): boolean {
  const decimals = columns.flatMap((col, k) => (isMoneyColumn(col) ? [cells[k]!.text.split('.')[1]?.length ?? 0] : []));
  return new Set(decimals).size <= 1;
}

/** The split whose money cells share the fewest decimals, when one is (ties: breakGluedTie). */
function sharedDecimalsSplit(readings: ReadonlyArray<{ cells: GluedCells; decimals: number }>, columns: readonly FormColumn[], alikeFirst: boolean): GluedCells | null {
  if (readings.length === 0) return null;
  const fewest = Math.min(...readings.map((r) => r.decimals));
  let best = readings.filter((r) => r.decimals === fewest);
  if (alikeFirst) {
    const least = Math.min(...best.map((r) => moneySpread(r.cells, columns)));
    best = best.filter((r) => moneySpread(r.cells, columns) === least);
  }
  if (best.length === 1) return best[0]!.cells;
  return breakGluedTie(best.map((r) => r.cells), columns);
}

/** The column holding the row's budget: 全年预算数, or 年初预算数 in a form printing no other. */
function budgetColumn(columns: readonly FormColumn[]): number {
  const at = columns.indexOf('budget');
  return at >= 0 ? at : columns.indexOf('budgetInitial');
}

/**
 * A glued cell's figure, for the arithmetic, in the unit the row is read in: a bare cell beside one
 * that prints its unit ("50万元 | 47.68") is in the block's unit, not in 元, or no rate ever holds
 * for a 万元 row and the nearest-rate fallback decides instead.
 */
function gluedFigure(text: string, unit: string): Figure | null {
  const m = findNumbers(text, { defaultUnit: unit })[0];
  return m ? figureOfMatch(m, { page: null, start: 0, end: 0, quote: text }) : null;
}

interface RateColumns {
  budget: number;
  execution: number;
  rate: number;
}

/** Where a row's budget, execution and rate stand; null when one of them has no column. */
function rateColumnsOf(columns: readonly FormColumn[]): RateColumns | null {
  const at = { budget: budgetColumn(columns), execution: columns.indexOf('execution'), rate: columns.indexOf('executionRate') };
  return at.budget < 0 || at.execution < 0 || at.rate < 0 ? null : at;
}

/** A split's budget, execution and rate figures, bare cells in `unit`; null when one does not read as a number. */
function rateFiguresOf(cells: GluedCells, at: RateColumns, unit = '元'): { b: Figure; e: Figure; r: Figure } | null {
  const [b, e, r] = [gluedFigure(cells[at.budget]!.text, unit), gluedFigure(cells[at.execution]!.text, unit), gluedFigure(cells[at.rate]!.text, unit)];
  return b && e && r ? { b, e, r } : null;
}

/** Whether a split's nonzero printed rate holds for its execution ÷ budget (`cut`: read as cut off); undefined when it cannot be asked. */
function gluedRateHolds(cells: GluedCells, columns: readonly FormColumn[], cut = false): boolean | undefined {
  const at = rateColumnsOf(columns);
  const f = at && rateFiguresOf(cells, at);
  if (!f || Number(f.r.exact) === 0) return undefined;
  return cut ? rateHoldsCut(f.r, f.e, f.b) : rateHolds(f.r, f.e, f.b);
}

/**
 * Every well-formed split of a glued run into one cell per column, with the decimals its money cells
 * share (`sameDecimals`), or the most any of them prints. A row's 得分 is never above its 分值.
 */
function gluedReadings(run: string, columns: readonly FormColumn[], sameDecimals = true): Array<{ cells: GluedCells; decimals: number }> {
  const readings: Array<{ cells: GluedCells; decimals: number }> = [];
  const [weightAt, scoreAt] = [columns.indexOf('weight'), columns.indexOf('score')];
  const pointsFit = (cells: GluedCells) => weightAt < 0 || scoreAt < 0 || (Number(cells[weightAt]!.text) > 0 && Number(cells[scoreAt]!.text) <= Number(cells[weightAt]!.text));
  const walk = (at: number, k: number, cells: GluedCells, decimals: number | null) => {
    if (readings.length > 32) return;
    if (k === columns.length) {
      if (at === run.length && pointsFit(cells)) readings.push({ cells, decimals: decimals ?? 0 });
      return;
    }
    const col = columns[k]!;
    for (let end = at + 1; end <= run.length; end++) {
      const text = run.slice(at, end);
      let d = decimals;
      if (col === 'executionRate') {
        if (!RATE_CELL.test(text)) continue;
      } else if (col === 'weight' || col === 'score') {
        if (!POINTS_CELL.test(text)) continue;
      } else {
        const m = MONEY_CELL.exec(text);
        if (!m) continue;
        const own = m[1]?.length ?? 0;
        if (sameDecimals && d !== null && own !== d) continue;
        d = Math.max(d ?? 0, own);
      }
      walk(end, k + 1, [...cells, { text, start: at }], d);
    }
  };
  walk(0, 0, [], null);
  return readings;
}

/** A cell that prints its unit ("50万元"), or a run of glued digits, dots and %. */
const MIXED_PIECE = /(\d[\d,.]*)\s*(?:万元|元)|[\d.%]+/gu;

/**
 * A row whose cells are told apart by a unit in one place and glued elsewhere ("50万元47.6895.00%",
 * t225: 全年预算数 50万元 | 全年执行数 47.68 | 执行率 95.00%). Each cell that prints its unit is one
 * column; the one glued run fills the columns between. Among the run's well-formed splits, the one
 * whose money cells share the decimals of the unit cells, when only one does; otherwise the printed
 * rate decides: the one split it holds for, or, when it holds for none (the row's arithmetic fails
 * whichever way the run is cut), the split whose rate is nearest to 执行数 ÷ 预算数, when only one
 * is. Anything else: no reading. Bare cells are read in `unit`, the block's (as the row's cells are
 * read afterwards), so the rate is asked of the figures the form will hold.
 */
export function splitMixedCells(cellsText: string, columns: readonly FormColumn[], unit = '元'): GluedCells | null {
  const pieces = [...cellsText.matchAll(MIXED_PIECE)];
  if (pieces.map((p) => p[0]).join('') !== cellsText.replace(/\s+/gu, '')) return null;
  const runs = pieces.filter((p) => p[1] === undefined);
  if (runs.length !== 1 || pieces.length < 2) return null;
  const runAt = pieces.indexOf(runs[0]!);
  const runColumns = columns.slice(runAt, columns.length - (pieces.length - 1 - runAt));
  if (runColumns.length < 2) return null;
  const unitCells = pieces.filter((p) => p[1] !== undefined);
  const unitColumns = [...columns.slice(0, runAt), ...columns.slice(columns.length - (pieces.length - 1 - runAt))];
  if (!unitColumns.every(isMoneyColumn)) return null;
  const run = runs[0]!;
  const readings = gluedReadings(run[0], runColumns);
  const rowOf = (cells: GluedCells): GluedCells => [
    ...pieces.slice(0, runAt).map((p) => ({ text: p[0], start: p.index })),
    ...cells.map((c) => ({ text: c.text, start: run.index + c.start })),
    ...pieces.slice(runAt + 1).map((p) => ({ text: p[0], start: p.index })),
  ];
  const unitDecimals = new Set(unitCells.map((p) => p[1]!.split('.')[1]?.length ?? 0));
  const runHasMoney = runColumns.some(isMoneyColumn);
  const sharing = unitDecimals.size === 1 && runHasMoney ? readings.filter((r) => unitDecimals.has(r.decimals)) : [];
  if (sharing.length === 1) return rowOf(sharing[0]!.cells);
  return nearestRateReading(readings.map((r) => rowOf(r.cells)), columns, unit);
}

/** The one split the printed rate holds for; when it holds for none, the one whose rate is nearest 执行数 ÷ 预算数. */
function nearestRateReading(splits: readonly GluedCells[], columns: readonly FormColumn[], unit: string): GluedCells | null {
  const at = rateColumnsOf(columns);
  if (!at) return null;
  const value = (text: string) => new Decimal(text.replace(/[^\d.]/gu, ''));
  const scored = splits.flatMap((cells) => {
    const [b, e, r] = [cells[at.budget]!.text, cells[at.execution]!.text, cells[at.rate]!.text];
    const f = rateFiguresOf(cells, at, unit);
    if (!f || value(b).isZero()) return [];
    const holds = rateHolds(f.r, f.e, f.b);
    const distance = value(e).div(value(b)).times(100).minus(value(r)).abs();
    return [{ cells, holds, distance }];
  });
  const holding = scored.filter((s) => s.holds);
  if (holding.length > 0) return holding.length === 1 ? holding[0]!.cells : null;
  const nearest = scored.filter((s) => scored.every((o) => o === s || s.distance.lt(o.distance)));
  return nearest.length === 1 ? nearest[0]!.cells : null;
}

type GluedCells = Array<{ text: string; start: number }>;

/** How far apart in integer digits a glued row's money cells are (390|390: 0; 3903|90: 2). */
function moneySpread(cells: GluedCells, columns: readonly FormColumn[]): number {
  const digits = columns.flatMap((col, k) => (isMoneyColumn(col) ? [cells[k]!.text.split('.')[0]!.length] : []));
  return Math.max(...digits) - Math.min(...digits);
}

/**
 * Among splits that fit equally: the one whose nonzero printed rate holds for its execution ÷
 * budget, when exactly one does (a 0% rate holds for any small spending, so it decides nothing);
 * when none does, the printed figures disagree whichever way the run is cut, and the split whose
 * money cells are most alike in length is read (390|390 rather than 3903|90), then the one whose
 * rate cell is longest, so the disagreement stays visible to the checks rather than the row
 * vanishing. Several holding, or several equally alike: no reading.
 */
function breakGluedTie(splits: readonly GluedCells[], columns: readonly FormColumn[]): GluedCells | null {
  const at = rateColumnsOf(columns);
  if (!at) return null;
  const holding = splits.filter((cells) => gluedRateHolds(cells, columns) === true);
  if (holding.length > 0) return holding.length === 1 ? holding[0]! : null;
  // No rate holds and none reads as a share spent (0–100%, "397390100%" keeps its 100% slip visible): a 0%
  // over nothing spent from something budgeted is the reading ("10200%" = 102|0|0%, not 1|0|200%).
  const share = (cells: GluedCells) => Number.parseFloat(cells[at.rate]!.text);
  const readsShare = splits.some((cells) => share(cells) > 0 && share(cells) <= 100);
  const spentNothing = readsShare ? [] : splits.filter((cells) => {
    const f = rateFiguresOf(cells, at);
    return f !== null && Number(f.r.exact) === 0 && Number(f.e.exact) === 0 && Number(f.b.exact) !== 0;
  });
  if (spentNothing.length === 1) return spentNothing[0]!;
  // "…100%" ends far more glued rows than a 0% does: a 0% split is read only when no other is left.
  const nonzero = splits.filter((cells) => Number.parseFloat(cells[at.rate]!.text) !== 0);
  const left = nonzero.length > 0 ? nonzero : splits;
  const spreadOf = (cells: GluedCells) => moneySpread(cells, columns);
  const least = Math.min(...left.map(spreadOf));
  const alike = left.filter((cells) => spreadOf(cells) === least);
  // Still tied (390|390|107% or 3903|9010|7%): the rate cell takes the digits it can.
  const longest = Math.max(...alike.map((cells) => cells[at.rate]!.text.length));
  const greedy = alike.filter((cells) => cells[at.rate]!.text.length === longest);
  return greedy.length === 1 ? greedy[0]! : null;
}

export interface FormFigures {
  budget: Figure | null;
  budgetInitial: Figure | null;
  execution: Figure | null;
  executionRate: Figure | null;
  fundSources: NamedAmount[];
  /** The 按支出性质分 rows (基本支出, 项目支出): natures, not sources. */
  byNature: NamedAmount[];
  /** 预算执行 row's 分值 and 得分. */
  budgetExecutionWeight: Figure | null;
  budgetExecutionScore: Figure | null;
}

const isZero = (f: Figure | undefined) => !f || Number(f.exact) === 0;

/**
 * A row whose 预算数 cell reads 0 under a nonzero 执行数 and a nonzero printed 执行率: no rate is computed over a
 * budget of nothing, so the cells stand under other columns than the header's ("年初预算 数 0 … 全年预算数 全年执行数
 * 分值 执行率 得分 0 207.4538 10 100% 10", t311: the 0 is the 年初预算数, the header read without it). Its budget is
 * abstained on rather than reported as 0.
 */
function zeroBudgetUnderSpending(row: FormRow): boolean {
  const { budget, execution, executionRate } = row.cells;
  return !!budget && isZero(budget) && !!execution && !isZero(execution) && !!executionRate && !isZero(executionRate);
}

/** Report-level figures from the form: the total row, or the 财政拨款 row when the total row is empty. */
export function formFigures(form: FlatForm): FormFigures {
  const total = form.rows.find((r) => TOTAL_ROW.test(r.label));
  const natures = form.rows.filter((r) => isSpendingNatureRow(r.label));
  const parts = form.rows.filter((r) => r !== total && !natures.includes(r));
  const moneyEmpty = (r: FormRow | undefined) => !r || (isZero(r.cells.budget) && isZero(r.cells.execution) && isZero(r.cells.budgetInitial));
  const main = !moneyEmpty(total) ? total : parts.find((r) => /财政/u.test(r.label) && !moneyEmpty(r));
  return {
    budget: main && !zeroBudgetUnderSpending(main) ? main.cells.budget ?? null : null,
    budgetInitial: main?.cells.budgetInitial ?? null,
    execution: main?.cells.execution ?? null,
    executionRate: main?.cells.executionRate ?? null,
    // The total row goes first under its own name, so the checks can add the sources up against it
    // (r04 prints a total of 0 over a 财政拨款 row of 89.974).
    fundSources: [...(total && parts.length > 0 ? [total] : []), ...parts]
      .filter((r) => r.cells.budget ?? r.cells.budgetInitial)
      .map((r) => ({ name: r === total ? '年度资金总额' : r.label, amount: (r.cells.budget ?? r.cells.budgetInitial)! })),
    byNature: natures.filter((r) => r.cells.budget ?? r.cells.budgetInitial).map((r) => ({ name: r.label, amount: (r.cells.budget ?? r.cells.budgetInitial)! })),
    budgetExecutionWeight: total?.cells.weight ?? null,
    budgetExecutionScore: total?.cells.score ?? null,
  };
}

/**
 * "总分 100 95", "自评总分(分) 97.6", or the 分值 100 and the 得分 glued by a dump that drops the cells'
 * spaces ("总分10098", "总分100100"). A table with a 分值 column for each tier prints 100 under each
 * before the 得分: "总分 100 100 100 78" (t811).
 */
const TOTAL_SCORE = /(?:自评总分|自评得分|总分|总得分|合计得分)\s*(?:[（(]分[）)])?[\s|｜:：]*(?:(\d{1,3}(?:\.\d{1,2})?)(?:(?:[\s|｜]+100){0,2}[\s|｜]+(\d{1,3}(?:\.\d{1,2})?))?|(100)(\d{2,3}(?:\.\d{1,2})?))(?![\d.%万元分])/gu;
/** Column names of a score table's header, before its 自评得分 column ("指标分值|指标解释|指标说明及评分标准|自评得分"). */
const HEADER_COLUMN = new RegExp(`${anyOf(WEIGHT_WORDS)}|评分标准|指标解释|指标说明`, 'u');

/**
 * The score label at `at` ends a header row: the text back to the last number holds other column
 * names, so the number after it is the next row's first cell (its 序号), not a score.
 */
function inHeaderRow(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  return HEADER_COLUMN.test(before.slice(before.search(/\d[^\d]*$/u) + 1));
}

/**
 * The form's total score: "总分 100 100" (分值 then 得分) or "自评总分(分) 97.6". Only a number
 * directly after the label counts; a lone number is the score, two are weight and score.
 */
export function findFormTotalScore(doc: SourceDocument, within?: Span): Figure | null {
  const from = within?.start ?? 0;
  const slice = doc.text.slice(from, within?.end ?? doc.text.length);
  const found = [...slice.matchAll(TOTAL_SCORE)].find((m) => !inHeaderRow(slice, m.index));
  if (!found) return null;
  const m = Object.assign(found, { index: found.index + from });
  const second = m[2] ?? m[4];
  const scoreText = second ?? m[1]!;
  if (second !== undefined && Number(m[1] ?? m[3]) !== 100) return null;
  if (Number(scoreText) > 100) return null;
  // A bare 总分 (no 得分/自评 in its label) over a lone 100 is the form's full marks as often as its score
  // ("…满意度90%290%40总分100偏差大或目标未完成原因分析", t305: the 分值 column's total, the 得分 cell empty or
  // lost to OCR): abstain. A lone 97 can only be a score; "自评总分 100", "总得分 100" name the score.
  if (second === undefined && scoreText === '100' && /^总分/u.test(m[0])) return null;
  const start = m.index + m[0].lastIndexOf(scoreText);
  const decimals = scoreText.includes('.') ? scoreText.split('.')[1]!.length : 0;
  return {
    value: Number(scoreText),
    exact: scoreText,
    text: scoreText,
    unit: '分',
    kind: 'score',
    precision: decimals,
    scale: 0,
    approx: 'exact',
    evidence: evidenceOf(doc, start, start + scoreText.length),
  };
}
