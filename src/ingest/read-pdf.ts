/**
 * PDF reader: pdf.js text items and drawing operators → paragraphs and ruled tables per page,
 * with pages that have no usable text layer flagged for OCR.
 */
import { DEFAULTS } from '../config.js';
import type { Block, PageInfo, RawDocument, ReadOptions, TableBlock, TableCell } from './document.js';
import {
  CorruptFileError,
  EmptyFileError,
  EncryptedFileError,
  FileTooLargeError,
  JixiaoError,
  UnsupportedFormatError,
} from '../errors.js';
import { extractRulings, multiplyMatrix, placeTextItems, type Matrix, type OpCodes, type PdfTextItem, type TextRun } from './pdf/geometry.js';
import { loadPdfium, openPdfiumDocument, PdfiumOpenError, PDFIUM_ERROR, type PdfiumDocument } from './pdf/pdfium.js';
import { parsePdfDate, PDFIUM_OPS, toOperatorList, toTextItems, viewportTransform } from './pdf/pdfium-items.js';
import { groupLines, joinLineTexts, joinRuns, measureLayout, startsParagraph, type TextLine } from './pdf/lines.js';
import { loadPdfjs, openPdfDocument, skipFontFaceLoading } from './pdf/pdfjs.js';
import { assignRunsToGrid, findTableGrids, type TableGrid } from './pdf/tables.js';
import { findBorderlessTables } from './pdf/borderless.js';
import { FORM_COLUMNS } from '../vocabulary/index.js';
import { assessTextQuality, hasBrokenChars, stripBrokenChars } from './pdf/text-quality.js';
import { readPagesOnTwoThreads, unwrapOutcome, type PageResult } from './pdf/page-threads.js';

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Above this many axis-aligned segments on a page, table detection is skipped. */
const MAX_RULINGS = 20_000;

/** How far into the file the %PDF- header may start (Acrobat tolerates leading junk up to 1 KiB). */
const HEADER_WINDOW = 1024;

/** The library that reads a PDF's text and drawings; pdf.js also renders pages for OCR either way. */
export type PdfEngine = 'pdfjs' | 'pdfium';

/**
 * PDFium: same normalized text, table cells, OCR flags and errors as pdf.js on every fixture and
 * shared PDF (test/ingest/pdf/pdfium.test.ts), at about a third of the time and memory.
 */
export const DEFAULT_PDF_ENGINE: PdfEngine = DEFAULTS.pdfEngine;

/**
 * Reads a PDF into blocks: per page, ruled tables become TableBlocks and the remaining text
 * becomes one ParagraphBlock per visual paragraph, in reading order. Pages without a usable text
 * layer (scans, fonts without a Unicode mapping) get `needsOcr` and contribute no blocks.
 * `options.pdfEngine` picks the library that reads text and drawings (PDFium by default); both
 * feed the same layout code.
 *
 * @throws FileTooLargeError over `options.maxBytes`; EmptyFileError for no bytes;
 *   UnsupportedFormatError without a %PDF- header; EncryptedFileError when a password is needed;
 *   CorruptFileError when the engine cannot parse the file or one of its pages.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (options.maxBytes !== undefined && bytes.byteLength > options.maxBytes) {
    throw new FileTooLargeError(`PDF is ${bytes.byteLength} bytes, over the limit of ${options.maxBytes}`, { file });
  }
  if (bytes.byteLength === 0) throw new EmptyFileError('PDF file is empty', { file });
  if (!hasPdfHeader(bytes)) throw new UnsupportedFormatError('not a PDF: no %PDF- header', { file });
  return (options.pdfEngine ?? DEFAULT_PDF_ENGINE) === 'pdfium' ? readWithPdfium(bytes, file, options.parallelPages === true) : readWithPdfjs(bytes, file);
}

async function readWithPdfjs(bytes: Uint8Array, file: string | undefined): Promise<RawDocument> {
  const { pdfjs, task } = await openPdfDocument(bytes, { textOnly: true });
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (error) {
      throw toReadError(error, file, undefined, bytes);
    }
    skipFontFaceLoading(doc);
    const warnings: string[] = [];
    const pages: PageInfo[] = [];
    const blocks: Block[] = [];
    const codes = opCodes(pdfjs);
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPage | undefined;
      try {
        page = await doc.getPage(n);
        const result = await readPage(await pdfjsPageInput(page, codes));
        pages.push(result.info);
        blocks.push(...result.blocks);
        warnings.push(...result.warnings.map((w) => `page ${n}: ${w}`));
      } catch (error) {
        throw toReadError(error, file, `page ${n} cannot be read`);
      } finally {
        page?.cleanup();
      }
    }
    const meta = await readMeta(doc, pdfjs);
    const result: RawDocument = { format: 'pdf', pages, blocks, warnings };
    if (meta) result.meta = meta;
    return result;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readWithPdfium(bytes: Uint8Array, file: string | undefined, parallel: boolean): Promise<RawDocument> {
  const pdfium = await loadPdfium();
  let doc: PdfiumDocument;
  try {
    doc = openPdfiumDocument(pdfium, bytes);
  } catch (error) {
    throw toReadError(error, file, undefined, bytes);
  }
  try {
    const readHere = (n: number): Promise<PageResult> => readPdfiumPage(doc, n);
    const outcomes =
      parallel && doc.pageCount >= MIN_PAGES_FOR_TWO_THREADS
        ? await readPagesOnTwoThreads(doc.pageCount, bytes, readHere)
        : undefined;
    const warnings: string[] = [];
    const pages: PageInfo[] = [];
    const blocks: Block[] = [];
    for (let n = 1; n <= doc.pageCount; n++) {
      let result: PageResult;
      try {
        result = outcomes ? unwrapOutcome(outcomes[n - 1]) : await readHere(n);
      } catch (error) {
        throw toReadError(error, file, `page ${n} cannot be read`);
      }
      pages.push(result.info);
      blocks.push(...result.blocks);
      warnings.push(...result.warnings.map((w) => `page ${n}: ${w}`));
    }
    const meta = readPdfiumMeta(doc);
    const result: RawDocument = { format: 'pdf', pages, blocks, warnings };
    if (meta) result.meta = meta;
    return result;
  } finally {
    doc.close();
  }
}

/**
 * Below this many pages one thread reads the PDF: a worker thread's start (≈ 40 ms of CPU, and
 * PDFium opening the file again) costs more than it saves on a short file.
 */
export const MIN_PAGES_FOR_TWO_THREADS = 8;

/** Page `n` (1-based) of a PDFium document, read and laid out (on whichever thread calls it). */
export async function readPdfiumPage(doc: PdfiumDocument, n: number): Promise<PageResult> {
  const page = doc.readPage(n - 1);
  if (!page) throw new PdfiumOpenError(PDFIUM_ERROR.page);
  const ops = toOperatorList(page.paths, page.images);
  return readPage({
    number: n,
    items: toTextItems(page.chars, page.view),
    viewportTransform: viewportTransform(page.view, page.rotate),
    operatorList: () => Promise.resolve(ops),
    codes: PDFIUM_OPS,
  });
}

function readPdfiumMeta(doc: PdfiumDocument): RawDocument['meta'] {
  return assembleMeta((key) => doc.metaText(key), (date) => parsePdfDate(date)?.toISOString());
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, Math.min(bytes.byteLength, HEADER_WINDOW + 5));
  return Buffer.from(window.buffer, window.byteOffset, window.byteLength).includes('%PDF-', 0, 'latin1');
}

/** A complete PDF ends with %%EOF (within the last KiB: trailing whitespace or junk is common). */
function endsWithEofMarker(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.byteLength - 1024));
  return Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).includes('%%EOF', 0, 'latin1');
}

/**
 * The typed error for a PDF that does not open. With the whole file's `bytes`, a file cut short
 * (no %%EOF at its end: an interrupted download) is called truncated rather than "not in PDF
 * format", which is what PDFium says of it.
 */
function toReadError(error: unknown, file: string | undefined, context?: string, bytes?: Uint8Array): JixiaoError {
  if (error instanceof JixiaoError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new EncryptedFileError('PDF is password-protected', { file, cause: error });
  if (bytes && !endsWithEofMarker(bytes)) {
    return new CorruptFileError('PDF is truncated or corrupt: the file ends before its %%EOF marker (an interrupted download or copy?)', { file, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CorruptFileError(context ? `${context}: ${detail}` : `PDF is corrupt and cannot be parsed: ${detail}`, { file, cause: error });
}

interface PageOpCodes extends OpCodes {
  /** Operators that paint raster images (scans). */
  imageOps: readonly number[];
}

interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** What the layout needs of a page, whichever engine read it. */
interface PageInput {
  number: number;
  items: PdfTextItem[];
  /** User space → upright page at scale 1 (pdf.js' viewport transform). */
  viewportTransform: Matrix;
  /** Drawing operators, asked for only when the page has text or may be a scan. */
  operatorList: () => Promise<OperatorList>;
  codes: PageOpCodes;
}

async function pdfjsPageInput(page: PdfPage, codes: PageOpCodes): Promise<PageInput> {
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) if ('str' in item) items.push(item);
  return {
    number: page.pageNumber,
    items,
    viewportTransform: page.getViewport({ scale: 1 }).transform as unknown as Matrix,
    operatorList: () => page.getOperatorList(),
    codes,
  };
}

function opCodes(pdfjs: Pdfjs): PageOpCodes {
  const o = pdfjs.OPS;
  return {
    imageOps: [
      o.paintImageXObject,
      o.paintInlineImageXObject,
      o.paintImageMaskXObject,
      o.paintImageXObjectRepeat,
      o.paintImageMaskXObjectRepeat,
      o.paintImageMaskXObjectGroup,
      o.paintInlineImageXObjectGroup,
    ],
    save: o.save,
    restore: o.restore,
    transform: o.transform,
    constructPath: o.constructPath,
    setStrokeRGBColor: o.setStrokeRGBColor,
    setFillRGBColor: o.setFillRGBColor,
    stroke: o.stroke,
    closeStroke: o.closeStroke,
    fill: o.fill,
    eoFill: o.eoFill,
    fillStroke: o.fillStroke,
    eoFillStroke: o.eoFillStroke,
    closeFillStroke: o.closeFillStroke,
    closeEOFillStroke: o.closeEOFillStroke,
  };
}

async function readPage(page: PageInput): Promise<PageResult> {
  const { number, items, codes } = page;
  const warnings: string[] = [];
  const pageText = items.map((i) => i.str).join('');
  const quality = assessTextQuality(pageText);
  const info: PageInfo = { number, chars: quality.chars, needsOcr: quality.needsOcr };
  if (quality.needsOcr) {
    // A page with neither text nor anything an OCR engine could read (no image, no outlined
    // glyphs) is blank or carries only rules, e.g. the empty tail of a table: nothing to OCR.
    if (quality.ocrReason === 'empty' && !mayHoldPictureText(await page.operatorList(), codes)) {
      info.needsOcr = false;
      warnings.push('page has no text and no images (blank)');
      return { info, blocks: [], warnings };
    }
    if (quality.ocrReason) info.ocrReason = quality.ocrReason;
    return { info, blocks: [], warnings };
  }
  // An item is copied only when it loses a glyph (most pages lose none: their items are not
  // even looked at one by one).
  let clean = items;
  if (hasBrokenChars(pageText)) {
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      const str = stripBrokenChars(item.str);
      if (str === item.str) continue;
      if (clean === items) clean = items.slice();
      clean[k] = { ...item, str };
    }
  }
  if (clean !== items) warnings.push('dropped a few unmapped glyphs');

  const vt = page.viewportTransform;
  const placed = placeTextItems(clean, vt);
  if (placed.skipped > 0) warnings.push(`skipped ${placed.skipped} text items set at another angle (watermark or stamp)`);

  const ops = await page.operatorList();
  const rulings = extractRulings(ops, codes, multiplyMatrix(placed.frame, vt));
  // Charts and hatching can draw tens of thousands of strokes; grid search is quadratic in them.
  const tooMany = rulings.h.length + rulings.v.length > MAX_RULINGS;
  if (tooMany) warnings.push(`skipped table detection: ${rulings.h.length + rulings.v.length} line segments`);
  const grids = tooMany ? [] : findTableGrids(rulings);

  const elements: Array<{ top: number; table?: TableBlock; line?: TextLine }> = [];
  let runs: TextRun[] = placed.runs;
  for (const grid of grids) {
    const { inside, outside } = assignRunsToGrid(grid, runs);
    runs = outside;
    const table = buildTableBlock(grid, inside, number);
    if (table) elements.push({ top: grid.ys[0] ?? 0, table });
  }
  const unruled = findBorderlessTables(groupLines(runs), namesFormColumns);
  for (const t of unruled.tables) elements.push({ top: t.top, table: { kind: 'table', rows: t.rows, page: number } });
  const lines = unruled.rest;
  for (const line of lines) elements.push({ top: line.top, line });
  elements.sort((a, b) => a.top - b.top);

  const layout = measureLayout(lines);
  const blocks: Block[] = [];
  let paragraph: TextLine[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const text = joinLineTexts(paragraph.map((l) => l.text));
    if (text !== '') blocks.push({ kind: 'paragraph', text, page: number });
    paragraph = [];
  };
  for (const el of elements) {
    if (el.table) {
      flush();
      blocks.push(el.table);
    } else if (el.line) {
      const prev = paragraph[paragraph.length - 1];
      if (prev && startsParagraph(prev, el.line, layout)) flush();
      paragraph.push(el.line);
    }
  }
  flush();
  return { info, blocks, warnings };
}

/** A line of cells naming two or more of a 自评表's money columns (全年预算数 | 全年执行数 | 执行率 …) heads a table. */
function namesFormColumns(cells: readonly string[]): boolean {
  const roles = new Set(cells.map((c) => FORM_COLUMNS.find((f) => f.pattern.test(c.replace(/[（(][^（）()]*[）)]/gu, '')))?.role).filter(Boolean));
  return roles.size >= 2;
}

/** Filled curved paths beyond this count are likely glyph outlines (text converted to curves). */
const OUTLINED_TEXT_PATHS = 50;

/** Does the page paint images, or so many filled curves that it may be text converted to outlines? */
function mayHoldPictureText(ops: OperatorList, codes: PageOpCodes): boolean {
  let filledPaths = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    if (codes.imageOps.includes(fn)) return true;
    if (fn === codes.constructPath) {
      const paint = (ops.argsArray[i] as unknown[] | undefined)?.[0];
      if (paint === codes.fill || paint === codes.eoFill || paint === codes.fillStroke || paint === codes.eoFillStroke) {
        if (++filledPaths > OUTLINED_TEXT_PATHS) return true;
      }
    }
  }
  return false;
}

function buildTableBlock(
  grid: TableGrid,
  inside: ReturnType<typeof assignRunsToGrid>['inside'],
  page: number,
): TableBlock | undefined {
  const runsByCell = new Map<number, TextRun[]>();
  for (const { cell, run } of inside) {
    const list = runsByCell.get(cell) ?? [];
    list.push(run);
    runsByCell.set(cell, list);
  }
  // A grid with no text is a drawing (a box, a form frame), not a table.
  if (runsByCell.size === 0) return undefined;
  const nRows = grid.ys.length - 1;
  const rows: TableCell[][] = Array.from({ length: nRows }, () => []);
  grid.cells.forEach((c, idx) => {
    rows[c.row]!.push({ text: cellText(runsByCell.get(idx)), row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan });
  });
  return { kind: 'table', rows, page };
}

/** In table cells a gap between CJK glyphs is alignment, never a word break (JoinOptions). */
const CELL_JOIN = { cjkGap: Infinity };

/** A cell's runs set down as lines, joined. */
function cellText(runs: TextRun[] | undefined): string {
  // No run: no line; one run: one line, its text joined alone (what grouping gives, without the
  // line's geometry: most cells of a 决算 table hold one figure or none).
  if (runs === undefined) return '';
  if (runs.length === 1) return joinRuns(runs, CELL_JOIN);
  return joinLineTexts(groupLines(runs, CELL_JOIN).map((l) => l.text));
}

async function readMeta(doc: PdfDocument, pdfjs: Pdfjs): Promise<RawDocument['meta']> {
  let info: Record<string, unknown>;
  try {
    info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return assembleMeta(
    (key) => (typeof info[key] === 'string' ? info[key] : undefined),
    (date) => pdfjs.PDFDateString.toDateObject(date)?.toISOString(),
  );
}

/** Document info entries as RawDocument meta; a date pdf.js' rules cannot read is kept as written. */
function assembleMeta(
  entry: (key: string) => string | undefined,
  toIsoDate: (date: string) => string | undefined,
): RawDocument['meta'] {
  const str = (key: string): string | undefined => {
    const v = entry(key);
    if (v === undefined) return undefined;
    const s = stripBrokenChars(v).trim();
    return s === '' ? undefined : s;
  };
  const meta: NonNullable<RawDocument['meta']> = {};
  const title = str('Title');
  const author = str('Author');
  const producer = str('Producer') ?? str('Creator');
  const created = str('CreationDate');
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (producer) meta.producer = producer;
  if (created) meta.created = toIsoDate(created) ?? created;
  return Object.keys(meta).length > 0 ? meta : undefined;
}
