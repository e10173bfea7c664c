/**
 * The 决算 tables of a document as grids the rules can read: each table's title, its columns
 * (the header cells covering each grid column, top to bottom), and its data rows with their
 * 科目 code, label and amount cells, every amount a Figure with evidence on the page.
 * A table that runs onto the next page (a second table block with no title between) is one table.
 */
import type { BlockSpan, SourceDocument, TableBlock, CellSpan } from '../../ingest/document.js';
import type { Figure, Part } from '../../schema/record.js';
import { evidenceOf } from '../../normalize/offsets.js';
import { ACCOUNTS_TOTAL_ROWS, LINE_NUMBER_LABEL, NON_AMOUNT_HEADER, SUBJECT_CODE_LEVELS, tableNamed, type SubjectLevel } from '../../vocabulary/index.js';

export interface AmountCell {
  col: number;
  figure: Figure;
}

export interface AccountsRow {
  /** 科目 code ("2010601", or "201"+"06"+"01" printed in three cells), null when none. */
  code: string | null;
  level: SubjectLevel | null;
  /** The row's label cells joined, spaces removed ("一般公共服务支出", "合计"). */
  label: string;
  /** Amount cells by grid column. */
  amounts: Map<number, AmountCell>;
  /** Non-amount cells by grid column (labels of a two-sided table: 收入 | 支出). */
  labels: Map<number, string>;
  /** True for 合计/总计 rows. */
  total: boolean;
  /** Every non-empty cell in column order, as read (codes, labels and amounts). */
  cells: { col: number; text: string; amount?: AmountCell }[];
}

export interface AccountsTable {
  /** Canonical name (`ACCOUNTS_TABLES`). */
  name: string;
  /** Title as printed. */
  title: string;
  /** Part id when the document has parts. */
  part?: string;
  /** Offsets of the title in the normalized text. */
  titleStart: number;
  titleEnd: number;
  /** Header path of each grid column ("预算数/合计", "本年支出合计"). */
  columns: string[];
  rows: AccountsRow[];
  /** Text between the table and the next table's title (notes such as "故本表无数据"). */
  note: string;
  /** Money unit of the table (万元 unless the header says 元). */
  unit: string;
  scale: number;
  /** Span of the table's blocks in the normalized text. */
  start: number;
  end: number;
}

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
const CODE_WHOLE = /^\d{3}(?:\d{2}){0,2}$/u;
const CODE_PART = /^\d{2}$/u;
const BLANK = /[\s\u3000]+/gu;

function clean(text: string): string {
  return text.replace(BLANK, '');
}

function levelOf(code: string): SubjectLevel | null {
  for (const [level, digits] of Object.entries(SUBJECT_CODE_LEVELS)) if (code.length === digits) return level as SubjectLevel;
  return null;
}

/** A figure for an amount cell in the table's unit. */
function cellFigure(doc: SourceDocument, span: CellSpan, text: string, unit: string, scale: number): Figure {
  const numeral = text.replace(/,/gu, '');
  const precision = numeral.includes('.') ? numeral.length - numeral.indexOf('.') - 1 : 0;
  const exact = shiftPoint(numeral, scale);
  const lead = doc.text.slice(span.start, span.end).indexOf(text);
  const start = lead >= 0 ? span.start + lead : span.start;
  return {
    value: Number(exact),
    exact,
    text: `${text}${unit}`,
    unit,
    kind: 'money',
    precision,
    scale,
    approx: 'exact',
    evidence: evidenceOf(doc, start, lead >= 0 ? start + text.length : span.end),
  };
}

/** "2940.05" × 10^4 as an exact decimal string ("29400500"). */
function shiftPoint(numeral: string, places: number): string {
  const negative = numeral.startsWith('-');
  const digits = negative ? numeral.slice(1) : numeral;
  const [int, frac = ''] = digits.split('.') as [string, string?];
  const f = (frac ?? '').padEnd(places, '0');
  const whole = `${int}${f.slice(0, places)}`.replace(/^0+(?=\d)/u, '');
  const rest = f.slice(places).replace(/0+$/u, '');
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

/** The title of the table starting at block `index`: the nearest paragraph above that names an accounts table. */
function titleAbove(doc: SourceDocument, index: number): { name: string; title: string; block: number } | null {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') return null;
    const name = tableNamed(b.text.replace(/[.．…·\s\d]+$/u, ''));
    if (name) return { name, title: b.text.trim(), block: i };
  }
  return null;
}

function unitAbove(doc: SourceDocument, index: number, titleBlock: number): { unit: string; scale: number } {
  for (let i = titleBlock; i < index; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'table' && /单位[:：]\s*元/u.test(b.text)) return { unit: '元', scale: 0 };
  }
  return { unit: '万元', scale: 4 };
}

function columnCount(block: TableBlock): number {
  let n = 0;
  for (const row of block.rows) for (const c of row) n = Math.max(n, c.col + c.colSpan);
  return n;
}

interface Grid {
  block: TableBlock;
  spans: CellSpan[][];
}

/** Each document's block spans by block (the first span naming it), made once per document. */
const spansByBlock = new WeakMap<readonly BlockSpan[], Map<number, BlockSpan>>();

/**
 * `doc.blockSpans.find((s) => s.block === index)` by lookup: asked for every table block (and
 * again for a table's first and last), the scan of every span was a tenth of the 决算 checks.
 */
function spanOfBlock(doc: SourceDocument, index: number): BlockSpan | undefined {
  let byBlock = spansByBlock.get(doc.blockSpans);
  if (!byBlock) {
    byBlock = new Map();
    for (const s of doc.blockSpans) if (!byBlock.has(s.block)) byBlock.set(s.block, s);
    spansByBlock.set(doc.blockSpans, byBlock);
  }
  return byBlock.get(index);
}

function gridOf(doc: SourceDocument, index: number): Grid | null {
  const block = doc.blocks[index];
  const span = spanOfBlock(doc, index);
  if (!block || block.kind !== 'table' || !span?.cells) return null;
  return { block, spans: span.cells };
}

/** A 栏次 row: the column numbers a central template prints under its header ("栏次 1 2 3 …"). */
function isLineNumberRow(cells: readonly { text: string }[]): boolean {
  const texts = cells.map((c) => clean(c.text)).filter((t) => t !== '');
  return texts.length > 0 && (texts.some((t) => LINE_NUMBER_LABEL.test(t)) || texts.every((t) => /^\d{1,2}$/u.test(t)));
}

/** Whether a row holds data: an amount or a 科目 code. Header rows hold neither. */
function isDataRow(cells: readonly { text: string }[]): boolean {
  const texts = cells.map((c) => clean(c.text)).filter((t) => t !== '');
  if (texts.length === 0 || isLineNumberRow(cells)) return false;
  // Integer amounts (a table in 元) count when there are two of them: a header holds no bare numbers but 栏次.
  return texts.some((t) => (AMOUNT.test(t) && /[.,]/u.test(t)) || CODE_WHOLE.test(t)) || texts.filter((t) => AMOUNT.test(t)).length >= 2;
}

function readRows(doc: SourceDocument, grids: Grid[], table: Pick<AccountsTable, 'unit' | 'scale'>): { columns: string[]; rows: AccountsRow[] } {
  const width = Math.max(...grids.map((g) => columnCount(g.block)));
  const headerParts: string[][] = Array.from({ length: width }, () => []);
  const rows: AccountsRow[] = [];
  let inHeader = true;
  const columns = () => headerParts.map((parts) => parts.join('/'));
  let amountCols: boolean[] = [];
  for (const [gi, grid] of grids.entries()) {
    for (const [ri, row] of grid.block.rows.entries()) {
      const spanRow = grid.spans[ri] ?? [];
      if (gi === 0 && inHeader && !isDataRow(row)) {
        if (isLineNumberRow(row)) continue;
        for (const c of row) {
          const t = clean(c.text);
          if (t === '') continue;
          for (let k = c.col; k < Math.min(width, c.col + c.colSpan); k++) if (headerParts[k]!.at(-1) !== t) headerParts[k]!.push(t);
        }
        continue;
      }
      if (inHeader) {
        inHeader = false;
        amountCols = columns().map((h) => !h.split('/').some((p) => NON_AMOUNT_HEADER.test(p)));
      }
      if (!isDataRow(row)) continue;
      const amounts = new Map<number, AmountCell>();
      const labels = new Map<number, string>();
      const codeParts: string[] = [];
      const cells: AccountsRow['cells'] = [];
      for (const [ci, c] of row.entries()) {
        const t = clean(c.text);
        if (t === '') continue;
        const cell: AccountsRow['cells'][number] = { col: c.col, text: t };
        cells.push(cell);
        const isCode = codeParts.length === 0 ? CODE_WHOLE.test(t) && !t.includes('.') : CODE_PART.test(t) && codeParts.join('').length < 7;
        // A code stands in a code column (or, headerless, first); "76430" in an amount column of a 元 table is an amount.
        const codeColumn = !amountCols[c.col] || (ci === 0 && (headerParts[c.col]?.length ?? 0) === 0);
        if (isCode && amounts.size === 0 && (codeParts.length > 0 || codeColumn)) {
          codeParts.push(t);
          continue;
        }
        if (AMOUNT.test(t) && amountCols[c.col] !== false && !(t.length <= 2 && !t.includes('.') && /行次|栏次/u.test(columns()[c.col] ?? ''))) {
          const span = spanRow[ci];
          if (span) {
            cell.amount = { col: c.col, figure: cellFigure(doc, span, c.text.trim(), table.unit, table.scale) };
            amounts.set(c.col, cell.amount);
          }
          continue;
        }
        labels.set(c.col, t);
      }
      const code = codeParts.length > 0 ? codeParts.join('') : null;
      const label = [...labels.values()].filter((t) => !/^(?:类|款|项)$/u.test(t)).join('');
      rows.push({
        code,
        level: code ? levelOf(code) : null,
        label,
        amounts,
        labels,
        total: ACCOUNTS_TOTAL_ROWS.some((w) => label === w || label.endsWith(w)),
        cells,
      });
    }
  }
  return { columns: columns(), rows };
}

/**
 * The document's 决算 tables: from its accounts_table parts when it has them, else every table
 * block whose title names one (`tableNamed`), with the table blocks that continue it.
 */
export function findAccountsTables(doc: SourceDocument, parts: readonly Part[] = []): AccountsTable[] {
  const tables: AccountsTable[] = [];
  const accountsParts = parts.filter((p) => p.kind === 'accounts_table' && p.table);
  const blockStart = (i: number) => spanOfBlock(doc, i);
  let current: { name: string; title: string; titleBlock: number; grids: Grid[]; unit: string; scale: number; width: number; part?: string } | null = null;
  const finish = (endBlock: number) => {
    if (!current) return;
    const { rows, columns } = readRows(doc, current.grids, current);
    const titleSpan = blockStart(current.titleBlock);
    const first = spanOfBlock(doc, doc.blocks.indexOf(current!.grids[0]!.block));
    const lastGrid = current.grids.at(-1)!;
    const last = spanOfBlock(doc, doc.blocks.indexOf(lastGrid.block));
    const noteEnd = blockStart(endBlock)?.start ?? doc.text.length;
    const end = last?.end ?? first?.end ?? 0;
    tables.push({
      name: current.name,
      title: current.title,
      ...(current.part ? { part: current.part } : {}),
      titleStart: titleSpan?.start ?? first?.start ?? 0,
      titleEnd: titleSpan?.end ?? first?.start ?? 0,
      columns,
      rows,
      note: doc.text.slice(end, Math.max(end, noteEnd)),
      unit: current.unit,
      scale: current.scale,
      start: first?.start ?? 0,
      end,
    });
    current = null;
  };
  for (const [i, block] of doc.blocks.entries()) {
    if (block.kind !== 'table') {
      // A title or a body heading ends the table in progress; notes under it ("注：…") do not.
      if (current && (tableNamed(block.text.replace(/[.．…·\s\d]+$/u, '')) || /^第[一二三四五六七八九十]部分/u.test(block.text.trim()))) finish(i);
      continue;
    }
    const grid = gridOf(doc, i);
    if (!grid) continue;
    const title = titleAbove(doc, i);
    const span = blockStart(i);
    const part = accountsParts.find((p) => span && p.start <= span.start && span.start < p.end);
    if (title || (part && (!current || current.part !== part.id))) {
      finish(title?.block ?? i);
      const name = part?.table ?? title!.name;
      const titleBlock = title?.block ?? i;
      current = { name, title: title?.title ?? part!.title, titleBlock, grids: [grid], ...unitAbove(doc, i, titleBlock), width: columnCount(block), ...(part ? { part: part.id } : {}) };
      continue;
    }
    if (current && columnCount(block) === current.width) current.grids.push(grid);
    else finish(i);
  }
  finish(doc.blocks.length);
  return tables;
}

/** The first table of that canonical name. */
export function tableOf(tables: readonly AccountsTable[], name: string): AccountsTable | undefined {
  return tables.find((t) => t.name === name);
}

/** Grid columns whose header path matches. */
export function columnsMatching(table: AccountsTable, pattern: RegExp): number[] {
  return table.columns.flatMap((h, i) => (pattern.test(h) ? [i] : []));
}
