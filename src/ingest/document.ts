/**
 * The document model every reader produces. Readers know nothing about figures: they turn bytes
 * into ordered blocks with page numbers. `normalize/` then builds one normalized text over the
 * blocks with an offset map back to the raw text and its pages.
 */

export type SourceFormat = 'txt' | 'docx' | 'pdf' | 'html' | 'xlsx' | 'xls' | 'doc' | 'image';

/** One cell of a table, as laid out in the source; merged cells keep their spans. */
export interface TableCell {
  text: string;
  /** 0-based row of the cell's top-left corner. */
  row: number;
  /** 0-based column of the cell's top-left corner (in the grid, after spans to its left). */
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = (1); 0 = the document title. */
  level: number;
  text: string;
  page: number;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  page: number;
}

export interface TableBlock {
  kind: 'table';
  /** Rows of cells; a merged cell appears once, in the row where it starts. */
  rows: TableCell[][];
  page: number;
  /** Last page the table runs onto, when it crosses a page break. */
  endPage?: number;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface PageInfo {
  /** 1-based page number. Formats without pages (TXT, DOCX, HTML) have one page. */
  number: number;
  /** Characters of text found on the page (whitespace excluded). */
  chars: number;
  /** True when the page has no usable text layer and must be OCRed. */
  needsOcr: boolean;
  /** Why the page needs OCR: `empty`, `replacement_chars`, `no_cjk`. */
  ocrReason?: string;
  /** Set when the page's text came from OCR (0..1). */
  ocrConfidence?: number;
}

/** A page that needs OCR and has not had it yet. */
export function isUnreadPage(page: PageInfo): boolean {
  return page.needsOcr && page.ocrConfidence === undefined;
}

/** What a reader returns. */
export interface RawDocument {
  format: SourceFormat;
  /** Text encoding for TXT/HTML (utf-8, utf-16le, utf-16be, gb18030). */
  encoding?: string;
  pages: PageInfo[];
  blocks: Block[];
  /** Non-fatal oddities the reader met (unknown styles, skipped objects). */
  warnings: string[];
  /** Document metadata when the format carries it (PDF info, DOCX core props). */
  meta?: { title?: string; author?: string; producer?: string; created?: string };
  /** The file's name promised another format than its bytes hold (a text saved as .pdf): read by content. */
  extensionMismatch?: ExtensionMismatch;
}

/** The extension a file was named with and the format its content turned out to be. */
export interface ExtensionMismatch {
  extension: string;
  format: string;
}

export interface ReadOptions {
  /** File name, used only as a hint for the format and in error messages. */
  fileName?: string;
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
  /** Refuse compressed containers whose entries would expand beyond this many bytes. */
  maxUncompressedBytes?: number;
  /**
   * OCR of scanned PDF pages and of images (on by default). `false` leaves such pages unread
   * (`needsOcr` without `ocrConfidence`). `languages`: tesseract codes joined by '+' (default
   * chi_sim); `maxPages`: pages OCRed per document (default 50); `dpi`: render resolution
   * (default: a scan's own, within 200–300, else 200).
   */
  ocr?: boolean | { languages?: string; maxPages?: number; dpi?: number };
  /**
   * Library that reads PDF text and drawings: `pdfium` (default; WebAssembly, about 3× faster than
   * pdf.js) or `pdfjs`. Both feed the same layout code and give the same normalized text, tables
   * and OCR flags on the fixtures; pdf.js still renders pages for OCR.
   */
  pdfEngine?: 'pdfjs' | 'pdfium';
  /**
   * Read a long PDF's pages on a second thread as well (PDFium only; same output). For commands
   * that read one document at a time; off where worker threads already fill the cores (the queue).
   */
  parallelPages?: boolean;
}

/** The part of ReadOptions a deployment sets once (from config) and hands to every reader. */
export type ReadLimits = Pick<ReadOptions, 'maxBytes' | 'maxUncompressedBytes' | 'pdfEngine'>;

/**
 * Just the ReadLimits of a larger options object (a config, an ingest or worker option set), with
 * unset ones left out so that spreading the result never overrides a reader's default.
 */
export function readLimitsOf(options: ReadLimits): ReadLimits {
  const { maxBytes, maxUncompressedBytes, pdfEngine } = options;
  return {
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    ...(maxUncompressedBytes !== undefined ? { maxUncompressedBytes } : {}),
    ...(pdfEngine !== undefined ? { pdfEngine } : {}),
  };
}

/** A span of the normalized text that a block or a table cell occupies. */
export interface Span {
  start: number;
  end: number;
}

export interface CellSpan extends Span {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Where each block landed in the normalized text. Table cells get a span each. */
export interface BlockSpan extends Span {
  block: number;
  cells?: CellSpan[][];
}

/**
 * A read and normalized document: the input of segmentation and extraction.
 * `rawText` is the blocks' text joined as read (cells by tab, rows and blocks by newline);
 * `text` is the normalized text; `toRaw[i]` is the raw offset of normalized character i
 * (`toRaw[text.length]` = rawText.length, so spans map with their ends);
 * `rawPageStarts[p]` is the raw offset where page p+1 begins.
 */
export interface SourceDocument extends RawDocument {
  rawText: string;
  text: string;
  toRaw: Int32Array;
  rawPageStarts: number[];
  blockSpans: BlockSpan[];
}
