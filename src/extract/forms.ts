/**
 * Every 自评表 in a document as its own sub-record (`record.forms`): read from its table blocks by
 * the header cells' geometry, from a form flattened into text, or from a 项目名称 | 自评分数 summary
 * table (name and score only). Every figure carries evidence and the part it was read from.
 */
import type { BlockSpan, CellSpan, SourceDocument, Span } from '../ingest/document.js';
import { evidenceOf } from '../normalize/offsets.js';
import type { Figure, Form, FormKind, Indicator, Part } from '../schema/record.js';
import { isDepartmentFormTitle } from '../segment/parts.js';
import type { Segmentation } from '../segment/segment.js';
import {
  anyOf,
  EMPTY_CELL,
  FORM_COLUMN_NAMES,
  FORM_COLUMNS,
  FORM_HEADER_FIELDS,
  NEXT_FORM_FIELD,
  FORM_SCORE_HEADER,
  FORM_WEIGHT_COLUMN,
  FORM_WEIGHT_HEADER,
  FORM_TOTAL_ROW,
  FUND_ROW,
  GRADE,
  SCORE_TABLE_NAME_HEADER,
  SCORE_TABLE_SCORE_HEADER,
  SCORE_TOTAL_ROW,
} from '../vocabulary/index.js';
import { shiftDecimal } from './decimal.js';
import { asPoints, toFigure } from './figures.js';
import { findIndicatorRuns } from './flat-indicator-runs.js';
import { bareMoney, findFlatForm, findFormTotalScore, formFigures, isSpendingNatureRow, type FormColumn, type FormRow } from './flat-form.js';
import { extractIndicators } from './indicators.js';
import { findHeaderUnit, findNumbers, type NumberMatch } from './numbers.js';

const compact = (s: string) => s.replace(/\s+/gu, '');

/** A form's header cell value: "[292] 国家信访局" → 国家信访局 (the 预算编码 is not the name). */
function headerValue(text: string): string | null {
  const v = text
    .replace(/^\s*(?:[[［【]\s*\d+\s*[\]］】]\s*[-—－:：]?|(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{3,}\s*[-—－])\s*/u, '')
    .replace(/\s+/gu, '')
    .trim();
  return v === '' || EMPTY_CELL.test(v) ? null : v;
}

/** The one number a cell holds, or null when it holds none, several, or words besides. */
function cellNumber(text: string, unit: string | undefined): NumberMatch | null {
  const found = findNumbers(text, unit ? { defaultUnit: unit } : {}).filter((n) => n.approx === 'exact');
  // Nothing read, or "3359.62万" read as a plain magnitude: the cell's own number, in money.
  if (unit !== undefined && (found.length === 0 || (found.length === 1 && found[0]!.kind === 'plain'))) {
    const money = bareMoney(text, unit);
    if (money) return money;
  }
  if (found.length !== 1) return null;
  const n = found[0]!;
  const rest = (text.slice(0, n.start) + text.slice(n.end)).replace(/[\s,，]/gu, '');
  return rest === '' ? n : null;
}


/** A cell read as its column's figure: money in the form's unit, a rate, points. */
function cellFigure(doc: SourceDocument, cell: CellSpan, field: FormColumn, unit: string | undefined): Figure | null {
  const text = doc.text.slice(cell.start, cell.end);
  if (EMPTY_CELL.test(compact(text))) return null;
  const n = cellNumber(text, field === 'weight' || field === 'score' || field === 'executionRate' ? undefined : unit);
  if (!n) return null;
  const f = toFigure(doc, { ...n, start: cell.start + n.start, end: cell.start + n.end });
  if (field === 'weight' || field === 'score') return n.kind === 'plain' && Number(n.base) <= 100 ? asPoints(f, n) : null;
  if (field === 'executionRate') {
    if (n.kind === 'percent') return f;
    // "77.13" under 执行率: the column prints percent points without the sign.
    if (n.kind !== 'plain' || !/^\d{1,3}(?:\.\d{1,2})?$/u.test(n.numberText)) return null;
    const exact = shiftDecimal(n.numberText, -2);
    return { ...f, value: Number(exact), exact, unit: '%', kind: 'percent', scale: -2 };
  }
  return n.kind === 'money' ? f : null;
}

/** The money-block column a header cell names: roles.ts's form columns, and 分值. */
function moneyColumnOf(label: string): FormColumn | null {
  // "执行率权重", "执行率得分（分）" (重庆 layout): the points of the rate, not the rate.
  if (FORM_WEIGHT_HEADER.test(label)) return 'weight';
  if (FORM_SCORE_HEADER.test(label)) return 'score';
  const role = FORM_COLUMNS.find((c) => c.pattern.test(label.replace(/[（(][^（）()]*[）)]/gu, '')))?.role;
  if (role === 'selfScore') return 'score';
  return role === 'budget' || role === 'budgetInitial' || role === 'execution' || role === 'executionRate' ? role : null;
}

/** Header fields (项目名称, 主管部门, 实施单位, 评价等级): the value is the next cell of the row. */
function readHeaderFields(doc: SourceDocument, rows: readonly CellSpan[][]): Partial<Record<'projectName' | 'department' | 'implementer' | 'grade', string>> {
  const out: Partial<Record<'projectName' | 'department' | 'implementer' | 'grade', string>> = {};
  for (const row of rows) {
    const cells = [...row].sort((a, b) => a.col - b.col);
    // A row of fields reads label, value, label, value: a field word in a value's place is a list's
    // column header ("序号 | 项目名称 | 备注" of a unit's list of its forms), not a field.
    const filled = cells.filter((c) => compact(doc.text.slice(c.start, c.end)) !== '');
    filled.forEach((c, i) => {
      if (i % 2 === 1) return;
      const label = compact(doc.text.slice(c.start, c.end));
      const field = FORM_HEADER_FIELDS.find((f) => f.pattern.test(label))?.field;
      if (!field || out[field] !== undefined) return;
      const next = filled[i + 1];
      const value = next ? headerValue(doc.text.slice(next.start, next.end)) : null;
      if (!value || FORM_HEADER_FIELDS.some((f) => f.pattern.test(value))) return;
      if (field === 'grade' && !GRADE.test(value)) return;
      out[field] = value;
    });
  }
  return out;
}

interface MoneyBlock {
  rows: FormRow[];
  /** Index of the last row read, in the table. */
  lastRow: number;
}

/**
 * The 项目资金 block: the header row naming 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 /
 * 得分, and the rows under it. A cell's column is the header cell above it by grid position, so an
 * empty cell is only an empty cell (nothing shifts left into its column).
 */
function readMoneyBlock(doc: SourceDocument, rows: readonly CellSpan[][], unit: string | undefined): MoneyBlock | null {
  for (let r = 0; r < rows.length; r++) {
    const byCol = new Map<number, FormColumn>();
    // The row labels' columns (年度资金总额, 总额 and the fund rows below) are not money columns,
    // whatever their header cell says ("年度预算数（万元）" over 总额 | 其中：财政资金).
    const labelEnd = rowLabelEnd(doc, rows.slice(r + 1, r + 4));
    for (const c of rows[r]!) {
      if (c.col < labelEnd) continue;
      const label = compact(doc.text.slice(c.start, c.end));
      const field = moneyColumnOf(label);
      if (field && ![...byCol.values()].includes(field)) for (let k = c.col; k < c.col + c.colSpan; k++) byCol.set(k, field);
    }
    const fields = new Set(byCol.values());
    if (fields.size < 3 || !(fields.has('execution') || fields.has('budget'))) continue;
    const firstCol = Math.min(...byCol.keys());
    const out: MoneyBlock = { rows: [], lastRow: r };
    for (let k = r + 1; k < rows.length; k++) {
      const row = rows[k]!;
      const labelCells = row.filter((c) => c.col < firstCol && c.rowSpan === 1 && compact(doc.text.slice(c.start, c.end)) !== '');
      const joined = rowLabelOf(doc, labelCells);
      // Unruled, a merged block label's lines ("项目资金" / "（元）") share the rows' lines: the row's own label is the cell nearest the figures.
      const inner = rowLabelOf(doc, labelCells.slice(-1));
      const label = !isRowWord(joined) && isRowWord(inner) ? inner : joined;
      // A block of one row under its header (重庆 layout: "部门预算执行情况（万元）" spans both) is the total.
      const isTotal = FORM_TOTAL_ROW.test(label) || (label === '' && k === r + 1 && coveredFromAbove(rows, r, k));
      // A row the block's merged label cell (项目资金（万元）, 资金投入情况) spans down over is in the
      // block whatever its label ("彩票公益金用于医疗救助"); elsewhere only a fund-row word keeps reading.
      const covered = label !== '' && coveredFromAbove(rows, r, k);
      // An unruled print puts a merged label's lines ("项目资金（万" / "元）") between the rows it spans: a row of label text alone, with a fund row next.
      if (!isTotal && !FUND_ROW.test(label) && !covered && isBetweenRowsLabel(doc, row, rows[k + 1], firstCol)) continue;
      if (!isTotal && !FUND_ROW.test(label) && !covered) break;
      const cells: FormRow['cells'] = {};
      for (const c of row) {
        const field = byCol.get(c.col);
        if (!field || cells[field]) continue;
        const f = cellFigure(doc, c, field, unit);
        if (f) cells[field] = f;
      }
      out.lastRow = k;
      // A covered row that is not a fund row and holds no figure is a note ("按收入性质分：2030.12"), not a row of money.
      if (!isTotal && !FUND_ROW.test(label) && Object.keys(cells).length === 0) continue;
      out.rows.push({ label: isTotal ? '年度资金总额' : label, cells });
    }
    const total = out.rows.find((x) => x.label === '年度资金总额');
    if (total && !total.cells.weight && !fields.has('weight')) {
      const weight = printedWeight(doc, rows[r]!);
      if (weight) total.cells.weight = weight;
    }
    return out.rows.length > 0 ? out : null;
  }
  return null;
}

/**
 * The 预算执行 分值 a header prints instead of a 分值 column: "预算执行情况（万元）（20分）",
 * "得分（20分*执行率）".
 */
function printedWeight(doc: SourceDocument, header: readonly CellSpan[]): Figure | null {
  for (const c of header) {
    const text = doc.text.slice(c.start, c.end);
    const m = /[（(]\s*(\d{1,3})\s*分\s*[）)]|(\d{1,3})\s*分\s*[*×xX]\s*执行率/u.exec(text);
    if (!m) continue;
    const digits = m[1] ?? m[2]!;
    const at = c.start + m.index + m[0].indexOf(digits);
    const n = cellNumber(digits, undefined);
    if (!n || Number(n.base) > 100) continue;
    return asPoints(toFigure(doc, { ...n, start: at + n.start, end: at + n.end }), n);
  }
  return null;
}

/** The column after the total row's label cell (年度资金总额, 总额) in the rows under a header, or 0. */
function rowLabelEnd(doc: SourceDocument, rows: readonly CellSpan[][]): number {
  for (const row of rows)
    for (const c of row) if (FORM_TOTAL_ROW.test(compact(doc.text.slice(c.start, c.end)))) return c.col + c.colSpan;
  return 0;
}

/**
 * The first-column text of rows holding nothing else: an unruled print's merged label wrapped
 * between the rows it spans ("项目资金（万" … "元）"), read together for the unit it names.
 */
function betweenRowsLabelText(doc: SourceDocument, rows: readonly CellSpan[][]): string {
  const text = (c: CellSpan): string => compact(doc.text.slice(c.start, c.end));
  return rows
    .filter((row) => row.some((c) => c.col === 0 && text(c) !== '') && row.every((c) => c.col === 0 || text(c) === ''))
    .map((row) => text(row.find((c) => c.col === 0)!))
    .join('');
}

/** A money row's label: its label cells' text without 其中： and a trailing colon. */
function rowLabelOf(doc: SourceDocument, cells: readonly CellSpan[]): string {
  return compact(cells.map((c) => doc.text.slice(c.start, c.end)).join('')).replace(/^其中[:：]?/u, '').replace(/[:：]$/u, '');
}

const isRowWord = (label: string): boolean => FORM_TOTAL_ROW.test(label) || FUND_ROW.test(label);

/** A row holding only label text before the money columns, followed by a fund row. */
function isBetweenRowsLabel(doc: SourceDocument, row: readonly CellSpan[], next: readonly CellSpan[] | undefined, firstCol: number): boolean {
  const text = (c: CellSpan): string => compact(doc.text.slice(c.start, c.end));
  if (!next || row.some((c) => c.col >= firstCol && text(c) !== '')) return false;
  return FUND_ROW.test(rowLabelOf(doc, next.filter((c) => c.col < firstCol)));
}

/** Whether a cell in the header row's label columns spans down over row `k`. */
function coveredFromAbove(rows: readonly CellSpan[][], header: number, k: number): boolean {
  return rows[header]!.some((c) => c.col === 0 && c.rowSpan > k - header);
}

/** The 总分 row after the 绩效指标 part: "总分 | 100 | 94.7" (分值 then 得分) or a lone score. */
function readTotalScore(doc: SourceDocument, rows: readonly CellSpan[][], headerRows: readonly CellSpan[][]): { score: Figure | null; grade: string | null } {
  const columns = indicatorPointColumns(doc, rows);
  for (const row of rows) {
    const cells = [...row].sort((a, b) => a.col - b.col);
    const firstText = cells.map((c) => compact(doc.text.slice(c.start, c.end))).find((t) => t !== '');
    if (!firstText || !SCORE_TOTAL_ROW.test(firstText)) continue;
    const grade = cells.map((c) => compact(doc.text.slice(c.start, c.end))).find((t) => GRADE.test(t)) ?? null;
    const numbers = cells
      .map((c) => ({ c, n: cellNumber(doc.text.slice(c.start, c.end), undefined) }))
      .filter((x): x is { c: CellSpan; n: NumberMatch } => x.n !== null && x.n.kind === 'plain');
    // A lone 100 under the indicators' 分值/权重 column, its 得分 cell left blank ("合计 | 100 |  "), is
    // the weights' total, not a score. (Only then: a PDF's total row may not share the header's grid.)
    const lone = numbers.length === 1 ? numbers[0]! : null;
    if (lone && columns && Number(lone.n.base) === 100 && lone.c.col === columns.weight && cells.some((c) => c.col === columns.score && compact(doc.text.slice(c.start, c.end)) === ''))
      return { score: null, grade };
    const pick = numbers.length === 2 && Number(numbers[0]!.n.base) === 100 ? numbers[1] : numbers.length === 1 ? numbers[0] : undefined;
    if (!pick || Number(pick.n.base) > 100) return { score: null, grade };
    const f = toFigure(doc, { ...pick.n, start: pick.c.start + pick.n.start, end: pick.c.start + pick.n.end });
    return { score: asPoints(f, pick.n), grade };
  }
  // "自评总分（分） | 97.6" among the header fields (重庆 layout).
  for (const row of headerRows) {
    const cells = [...row].sort((a, b) => a.col - b.col);
    for (let i = 0; i + 1 < cells.length; i++) {
      if (!HEADER_TOTAL_SCORE.test(compact(doc.text.slice(cells[i]!.start, cells[i]!.end)))) continue;
      const c = cells[i + 1]!;
      const n = cellNumber(doc.text.slice(c.start, c.end), undefined);
      if (!n || n.kind !== 'plain' || Number(n.base) > 100) continue;
      return { score: asPoints(toFigure(doc, { ...n, start: c.start + n.start, end: c.start + n.end }), n), grade: null };
    }
  }
  return { score: null, grade: null };
}

/** The grid columns of the indicators' 分值/权重 and 得分 headers (the header row naming 三级指标 or 指标名称), when one row names both. */
function indicatorPointColumns(doc: SourceDocument, rows: readonly CellSpan[][]): { weight: number; score: number } | null {
  for (const row of rows) {
    const texts = row.map((c) => ({ c, t: compact(doc.text.slice(c.start, c.end)) }));
    if (!texts.some(({ t }) => /三级指标|指标名称/u.test(t))) continue;
    const weight = texts.find(({ t }) => FORM_WEIGHT_COLUMN.test(t) || /^指标权重|^权重/u.test(t))?.c;
    const score = texts.find(({ t }) => /得分/u.test(t) && !/系数/u.test(t))?.c;
    if (weight && score && weight.colSpan === 1 && score.colSpan === 1) return { weight: weight.col, score: score.col };
  }
  return null;
}

const HEADER_TOTAL_SCORE = /^(?:自评总分|自评得分|总得分)(?:[（(]分[）)])?[:：]?$/u;

function tagged<T extends Figure | null>(f: T, part: string | null): T {
  return f && part ? ({ ...f, part } as T) : f;
}

function tagIndicator(i: Indicator, part: string | null): Indicator {
  return { ...i, weight: tagged(i.weight, part), score: tagged(i.score, part) };
}

function formKindOf(part: Part, fields: { projectName?: string }, text: string): FormKind {
  if (isDepartmentFormTitle(part.title)) return 'department_overall';
  if (fields.projectName) return 'project';
  return /部门[（(]单位[）)]名称|部门整体|单位整体/u.test(text.slice(0, 400)) ? 'department_overall' : 'project';
}

interface FormDraft extends Omit<Form, 'id'> {}

/** A form read from its table blocks. */
function tableForm(doc: SourceDocument, part: Part, tables: readonly BlockSpan[]): FormDraft | null {
  const first = tables[0]!.cells!;
  const headerText = first.slice(0, 4).flat().map((c) => doc.text.slice(c.start, c.end)).join(' ');
  const unit = part.unit ?? findHeaderUnit(headerText) ?? findHeaderUnit(betweenRowsLabelText(doc, first)) ?? undefined;
  const fields = readHeaderFields(doc, tables.flatMap((t) => t.cells!));
  const money = readMoneyBlock(doc, first, unit);
  const allRows = tables.flatMap((t, i) => (i === 0 && money ? t.cells!.slice(money.lastRow + 1) : t.cells!));
  const total = readTotalScore(doc, allRows, first.slice(0, money ? money.lastRow + 1 : first.length));
  const indicators = extractIndicators(doc, part);
  if (!money && indicators.length === 0 && !fields.projectName && !total.score) return null;
  return assembleForm(doc, part, {
    source: 'table',
    formKind: formKindOf(part, fields, doc.text.slice(part.start, part.end)),
    projectName: fields.projectName ?? null,
    department: fields.department ?? null,
    implementer: fields.implementer ?? null,
    grade: fields.grade ?? total.grade,
    rows: money?.rows ?? [],
    totalScore: total.score,
    indicators,
  });
}

interface FormReading extends Pick<Form, 'source' | 'formKind' | 'projectName' | 'department' | 'implementer' | 'grade'> {
  /** The money block's rows: the total (年度资金总额) and the fund rows. */
  rows: FormRow[];
  totalScore: Figure | null;
  indicators: Indicator[];
}

/** A form from what was read of it, every figure tagged with its part. */
function assembleForm(doc: SourceDocument, part: Part, r: FormReading): FormDraft {
  const id = part.id;
  const ff = r.rows.length > 0 ? formFigures({ columns: [], rows: r.rows }) : null;
  const executionRate = tagged(ff?.executionRate ?? null, id);
  const weight = tagged(ff?.budgetExecutionWeight ?? null, id);
  const score = tagged(ff?.budgetExecutionScore ?? null, id);
  const { rows: _rows, totalScore, indicators, ...named } = r;
  return {
    part: id,
    ...named,
    pageStart: part.pageStart,
    pageEnd: part.pageEnd,
    budgetInitial: tagged(ff?.budgetInitial ?? null, id),
    budget: tagged(ff?.budget ?? null, id),
    execution: tagged(ff?.execution ?? null, id),
    executionRate,
    budgetExecutionWeight: weight,
    budgetExecutionScore: score,
    totalScore: tagged(totalScore, id),
    fundRows: r.rows
      .filter((row) => !FORM_TOTAL_ROW.test(row.label) && row.label !== '总额' && !isSpendingNatureRow(row.label))
      .map((row) => ({
        name: row.label,
        budgetInitial: tagged(row.cells.budgetInitial ?? null, id),
        budget: tagged(row.cells.budget ?? null, id),
        execution: tagged(row.cells.execution ?? null, id),
        ...(row.cells.score ? { weight: tagged(row.cells.weight ?? null, id), score: tagged(row.cells.score, id) } : {}),
      })),
    indicators: indicators.map((i) => tagIndicator(i, id)),
    evidence: evidenceOf(doc, part.start, Math.min(part.end, part.start + Math.max(1, part.title.length))),
  };
}

/** Words a field's value cannot start with: another field's label, a column or row of the money block, a number. */
const NOT_A_FIELD_VALUE = new RegExp(`^(?:项目名称|主管部门|实施单位|项目单位|部门|单位|预算|年度|项目资金|其中|${anyOf(FORM_COLUMN_NAMES)}|\\d)`, 'u');

/**
 * A field printed in text: "项目名称：X", "主管部门 | X", "主管部门及代码X". A stamp note after the label
 * ("主管部门(盖章):" over the form, "实施单位 (盖章) | X") is no value: when nothing follows it but
 * the form's unit, the field is printed again further on.
 */
function textField(text: string, label: RegExp): string | null {
  for (const m of text.matchAll(new RegExp(`(?:${label.source})(?:及代码)?(\\s*[（(]\\s*盖章\\s*[）)])?[\\s|｜:：]*([^\\s|｜:：]{2,40})`, 'gu'))) {
    // A dump that dropped the separators runs on into the next field: the value ends at its label.
    const next = NEXT_FORM_FIELD.exec(m[2]!.slice(2));
    const value = headerValue(next ? m[2]!.slice(0, 2 + next.index) : m[2]!);
    // An empty field is followed by the next field's label ("主管部门 实施单位 X"), or by the block's
    // cells when a PDF dump printed its value elsewhere: no value.
    if (value === null || !NOT_A_FIELD_VALUE.test(value)) return value;
    if (!m[1]) return null;
  }
  return null;
}

/** A form flattened into text, read within its part. */
function flatForm(doc: SourceDocument, part: Part, kind?: FormKind): FormDraft | null {
  const flat = findFlatForm(doc, part);
  const named = extractIndicators(doc, part);
  const namedTotal = findFormTotalScore(doc, part);
  // A PDF dump that printed the rows' values apart from their names, the 总分 label last.
  const runs = named.length === 0 && !namedTotal ? findIndicatorRuns(doc, part) : null;
  const indicators = runs?.indicators ?? named;
  const totalScore = runs?.totalScore ?? namedTotal;
  if (!flat && indicators.length === 0 && !totalScore) return null;
  const text = doc.text.slice(part.start, part.end);
  const projectName = textField(text, /项目名称/u);
  return assembleForm(doc, part, {
    source: 'flattened',
    formKind: kind ?? formKindOf(part, projectName ? { projectName } : {}, text),
    projectName,
    department: textField(text, /主管部门|部门[（(]单位[）)]名称|预算主管部门/u),
    implementer: textField(text, /实施单位/u),
    grade: null,
    rows: flat?.rows ?? [],
    totalScore,
    indicators,
  });
}

/** One form per row of a 项目名称 | 自评分数 table. */
function scoreTableForms(doc: SourceDocument, part: Part, tables: readonly BlockSpan[]): FormDraft[] {
  const out: FormDraft[] = [];
  for (const t of tables) {
    const rows = t.cells!;
    let nameCol = -1;
    let scoreCol = -1;
    let header = -1;
    for (let r = 0; r < Math.min(3, rows.length) && header < 0; r++) {
      for (const c of rows[r]!) {
        const label = compact(doc.text.slice(c.start, c.end));
        if (SCORE_TABLE_NAME_HEADER.test(label) && nameCol < 0) nameCol = c.col;
        else if (SCORE_TABLE_SCORE_HEADER.test(label) && scoreCol < 0) scoreCol = c.col;
      }
      if (nameCol >= 0 && scoreCol >= 0) header = r;
    }
    if (header < 0) continue;
    for (const row of rows.slice(header + 1)) {
      const nameCell = row.find((c) => c.col === nameCol);
      const scoreCell = row.find((c) => c.col === scoreCol);
      if (!nameCell || !scoreCell) continue;
      const name = compact(doc.text.slice(nameCell.start, nameCell.end));
      if (name === '' || /^(?:合计|总计|平均|平均分|小计)/u.test(name)) continue;
      const n = cellNumber(doc.text.slice(scoreCell.start, scoreCell.end), undefined);
      if (!n || n.kind !== 'plain' || Number(n.base) > 100) continue;
      const score = asPoints(toFigure(doc, { ...n, start: scoreCell.start + n.start, end: scoreCell.start + n.end }), n);
      const last = row.reduce((a, b) => (b.end > a.end ? b : a));
      out.push({
        part: part.id,
        formKind: 'project',
        source: 'score_table',
        projectName: name,
        department: null,
        implementer: null,
        pageStart: score.evidence.page,
        pageEnd: score.evidence.page,
        budgetInitial: null,
        budget: null,
        execution: null,
        executionRate: null,
        budgetExecutionWeight: null,
        budgetExecutionScore: null,
        totalScore: { ...score, part: part.id },
        grade: null,
        fundRows: [],
        indicators: [],
        evidence: evidenceOf(doc, nameCell.start, last.end),
      });
    }
  }
  return out;
}

function tablesIn(doc: SourceDocument, span: Span): BlockSpan[] {
  return doc.blockSpans.filter((s) => s.cells && doc.blocks[s.block]?.kind === 'table' && s.start >= span.start && s.start < span.end);
}

/**
 * Every form of the document, in text order: one per self_evaluation_form part (from its tables,
 * else from its flattened text), one per row of a score_table part. A document without a form part
 * whose text holds a flattened form's fund block (a report quoting its form) gets that form, read
 * within the part that holds it.
 */
export function extractForms(doc: SourceDocument, _seg: Segmentation, parts: readonly Part[]): Form[] {
  const drafts: FormDraft[] = [];
  for (const part of parts) {
    if (part.kind === 'self_evaluation_form') {
      const tables = tablesIn(doc, part);
      const form = (tables.length > 0 ? tableForm(doc, part, tables) : null) ?? flatForm(doc, part);
      if (form) drafts.push(form);
    } else if (part.kind === 'score_table') {
      drafts.push(...scoreTableForms(doc, part, tablesIn(doc, part)));
    }
  }
  return drafts.map((d, i) => ({ id: `form:${i + 1}`, ...d }));
}
