/**
 * Spreadsheet reader (.xlsx and legacy .xls) through SheetJS: every visible sheet becomes one
 * TableBlock on its own page, with merged cells as spans. Rows that carry a single text above the
 * table (the form's title, "（2021年度）", "单位：万元") become paragraphs before it, the way a
 * Word version of the same form prints them, so both read to the same text.
 */
import XLSX from '@e965/xlsx';
import type { Block, PageInfo, RawDocument, ReadOptions, TableCell } from './document.js';
import { assertZipSafe, isEncryptedOoxml } from './zip-guard.js';
import { CorruptFileError, EmptyFileError, EncryptedFileError, FileTooLargeError, JixiaoError, UnsupportedFormatError } from '../errors.js';

export const DEFAULT_XLSX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Sheets with more non-empty cells than this are cut (a data dump, not a report form). */
export const MAX_SHEET_CELLS = 200_000;

type Sheet = XLSX.WorkSheet;
type Range = XLSX.Range;

/** One cell of the working grid before it becomes a TableCell. */
interface GridCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Reads a workbook: one page and one TableBlock per visible, non-empty sheet (page = its place
 * among those sheets, from 1), leading single-text rows as paragraphs before the table and
 * trailing ones (notes under a form) after it. Cell text is what Excel shows (number formats
 * applied: "25.00", "99.96%").
 *
 * @throws EmptyFileError; FileTooLargeError over `maxBytes`; ZipBombError for an .xlsx that
 *   expands beyond `maxUncompressedBytes`; EncryptedFileError for password-protected workbooks;
 *   UnsupportedFormatError for bytes that are neither ZIP nor OLE; CorruptFileError when SheetJS
 *   cannot parse the workbook.
 */
export async function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the workbook is empty', { file });
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new FileTooLargeError(`the workbook has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  // SheetJS also parses CSV, HTML and SYLK; anything but the two workbook containers is refused here.
  if (!isZip && !isOle) throw new UnsupportedFormatError('not an Excel workbook (neither ZIP nor OLE)', { file });
  if (isOle && isEncryptedOoxml(bytes)) throw new EncryptedFileError('the workbook is password-protected', { file });
  if (isZip)
    await assertZipSafe(bytes, {
      maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_XLSX_MAX_UNCOMPRESSED_BYTES,
      ...(file !== undefined ? { fileName: file } : {}),
    });

  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      type: 'buffer',
      cellText: true,
      cellDates: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      dateNF: 'yyyy-mm-dd',
    });
  } catch (error) {
    throw toReadError(error, file);
  }
  const format = isZip ? 'xlsx' : 'xls';
  const warnings: string[] = [];
  const pages: PageInfo[] = [];
  const blocks: Block[] = [];
  wb.SheetNames.forEach((name, index) => {
    const hidden = wb.Workbook?.Sheets?.[index]?.Hidden ?? 0;
    if (hidden) {
      warnings.push(`skipped hidden sheet "${name}"`);
      return;
    }
    const sheet = wb.Sheets[name];
    const grid = sheet ? readSheetGrid(sheet, warnings, name) : undefined;
    if (!grid || grid.length === 0) {
      warnings.push(`sheet "${name}" is empty`);
      return;
    }
    const page = pages.length + 1;
    const sheetBlocks = gridToBlocks(grid, page);
    blocks.push(...sheetBlocks);
    pages.push({ number: page, chars: countChars(grid), needsOcr: false });
  });
  const result: RawDocument = { format, pages, blocks, warnings };
  const meta = metaOf(wb);
  if (meta) result.meta = meta;
  return result;
}

function toReadError(error: unknown, file: string | undefined): JixiaoError {
  if (error instanceof JixiaoError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/iu.test(detail)) return new EncryptedFileError('the workbook is password-protected', { file, cause: error });
  return new CorruptFileError(`the workbook cannot be parsed: ${detail}`, { file, cause: error });
}

function countChars(grid: GridCell[][]): number {
  let n = 0;
  for (const row of grid) for (const cell of row) n += cell.text.replace(/\s/gu, '').length;
  return n;
}

/** What Excel shows in a cell: the formatted text when there is one. */
function cellText(cell: XLSX.CellObject | undefined): string {
  // Stubs ('z') are styled empty cells; a formula saved without its value has no text either
  // (SheetJS drops such cells, so they read as empty).
  if (!cell || cell.t === 'z') return '';
  let text: string;
  if (cell.w !== undefined) text = cell.w;
  else if (cell.v === undefined || cell.v === null) text = '';
  else if (cell.v instanceof Date) text = cell.v.toISOString().slice(0, 10);
  else text = String(cell.v);
  // Alt+Enter line breaks stay (the normalizer joins them); Excel pads with spaces for alignment.
  return text.replace(/\r\n?/gu, '\n').trim();
}

/**
 * The sheet as a grid of cells: merged areas as one cell with spans, covered positions left out,
 * and rows and columns that are empty and crossed by no merged area dropped (spacer rows,
 * a blank first column). Undefined for an empty sheet.
 */
function readSheetGrid(sheet: Sheet, warnings: string[], name: string): GridCell[][] | undefined {
  const merges: Range[] = sheet['!merges'] ?? [];
  // '!ref' can claim far more than is used (a formatted column down to row 1048576): bound the
  // grid by the cells that hold text and by the merged areas instead.
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const texts = new Map<string, string>();
  let cells = 0;
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    const text = cellText(cell);
    if (text === '') continue;
    if (++cells > MAX_SHEET_CELLS) {
      warnings.push(`sheet "${name}": cut after ${MAX_SHEET_CELLS} cells`);
      break;
    }
    const { r, c } = XLSX.utils.decode_cell(key);
    texts.set(`${r},${c}`, text);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  if (r1 < 0) return undefined;
  // Merged areas that touch the used area widen it (a title merged across all columns).
  const used = merges.filter((m) => m.e.r >= r0 && m.s.r <= r1 && m.e.c >= c0 && m.s.c <= c1);
  for (const m of used) {
    r0 = Math.min(r0, m.s.r);
    c0 = Math.min(c0, m.s.c);
    r1 = Math.max(r1, m.e.r);
    c1 = Math.max(c1, m.e.c);
  }

  const starts = new Map<string, Range>();
  const covered = new Set<string>();
  for (const m of used) {
    starts.set(`${m.s.r},${m.s.c}`, m);
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  // A row or column is kept when it has text or a merged area lies on it.
  const keepRow = new Set<number>();
  const keepCol = new Set<number>();
  for (const key of texts.keys()) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    keepRow.add(r);
    keepCol.add(c);
  }
  for (const m of used) {
    for (let r = m.s.r; r <= m.e.r; r++) keepRow.add(r);
    for (let c = m.s.c; c <= m.e.c; c++) keepCol.add(c);
  }
  const rowIndex = new Map<number, number>();
  const colIndex = new Map<number, number>();
  for (let r = r0; r <= r1; r++) if (keepRow.has(r)) rowIndex.set(r, rowIndex.size);
  for (let c = c0; c <= c1; c++) if (keepCol.has(c)) colIndex.set(c, colIndex.size);

  const grid: GridCell[][] = [];
  for (const [r, gr] of rowIndex) {
    const row: GridCell[] = [];
    for (const [c, gc] of colIndex) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const m = starts.get(key);
      // Spans count kept rows and columns only; a merged area keeps all of its own.
      const rowSpan = m ? countKept(rowIndex, m.s.r, m.e.r) : 1;
      const colSpan = m ? countKept(colIndex, m.s.c, m.e.c) : 1;
      row.push({ text: texts.get(key) ?? '', row: gr, col: gc, rowSpan, colSpan });
    }
    grid.push(row);
  }
  return grid;
}

function countKept(index: Map<number, number>, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (index.has(i)) n++;
  return n;
}

/** Cells of a row that hold text. */
function textCells(row: GridCell[]): GridCell[] {
  return row.filter((c) => c.text !== '');
}

/**
 * A row that is a line of text rather than a table row: one cell holds text and nothing in the
 * row reaches into the next one (a title merged down two rows stays in the table).
 */
function isSingleTextRow(row: GridCell[], columns: number): boolean {
  if (columns < 2) return false;
  const filled = textCells(row);
  return filled.length === 1 && row.every((c) => c.rowSpan === 1);
}

/** Splits a sheet grid into paragraphs above, the table, and notes below. */
function gridToBlocks(grid: GridCell[][], page: number): Block[] {
  const columns = grid.reduce((max, row) => row.reduce((n, c) => Math.max(n, c.col + c.colSpan), max), 0); // no spread over rows: a sheet may have 200,000
  let top = 0;
  while (top < grid.length && isSingleTextRow(grid[top]!, columns)) top++;
  let bottom = grid.length;
  // Notes under a form are merged across at least half of it ("注：…", "填表人：…"); a lone
  // label in a last row ("合计" with its total missing) stays in the table.
  const reachesInto = (r: number): boolean => grid.slice(0, r).some((row) => row.some((c) => c.row + c.rowSpan > r));
  while (
    bottom > top + 1 &&
    isSingleTextRow(grid[bottom - 1]!, columns) &&
    textCells(grid[bottom - 1]!)[0]!.colSpan >= 2 &&
    textCells(grid[bottom - 1]!)[0]!.colSpan * 2 >= columns &&
    !reachesInto(bottom - 1)
  )
    bottom--;
  const blocks: Block[] = [];
  const paragraph = (row: GridCell[]): Block => ({ kind: 'paragraph', text: textCells(row)[0]!.text, page });
  for (const row of grid.slice(0, top)) blocks.push(paragraph(row));
  const body = grid.slice(top, bottom);
  if (body.length > 0) {
    const rows: TableCell[][] = body.map((row) =>
      row.map((c) => ({ text: c.text, row: c.row - top, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan })),
    );
    blocks.push({ kind: 'table', rows, page });
  }
  for (const row of grid.slice(bottom)) blocks.push(paragraph(row));
  return blocks;
}

function metaOf(wb: XLSX.WorkBook): RawDocument['meta'] {
  const props = wb.Props;
  if (!props) return undefined;
  const meta: NonNullable<RawDocument['meta']> = {};
  if (props.Title?.trim()) meta.title = props.Title.trim();
  if (props.Author?.trim()) meta.author = props.Author.trim();
  if (props.Application?.trim()) meta.producer = props.Application.trim();
  const created = props.CreatedDate;
  if (created instanceof Date && !Number.isNaN(created.getTime())) meta.created = created.toISOString();
  return Object.keys(meta).length > 0 ? meta : undefined;
}
