/**
 * PDFium (compiled to WebAssembly, npm @embedpdf/pdfium) as a second PDF text engine: it hands
 * over what the layout code needs (characters with their origins and advances, path objects,
 * image objects) at a fraction of pdf.js' cost. The .wasm is read from node_modules, never
 * fetched. Everything here is synchronous once the module is loaded, so one module instance
 * serves every document of a thread without interleaving.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';
import type { Matrix } from './geometry.js';
import { DRAW_CLOSE, DRAW_CURVE_TO, DRAW_LINE_TO, DRAW_MOVE_TO, IDENTITY, multiplyMatrix } from './geometry.js';
import { codeClass } from '../../extract/char-class.js';

type Pdfium = WrappedPdfiumModule;

/** Emscripten's views of the WebAssembly memory (replaced when it grows: never keep one). */
type Heap = WrappedPdfiumModule['pdfium'] & {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPU32: Uint32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
};

function heapOf(pdfium: Pdfium): Heap {
  return pdfium.pdfium as Heap;
}

/**
 * The PDFium functions read per character and per path object. Called through the package's
 * wrappers (cwrap → ccall → a name lookup and assertions on every call) they cost more than PDFium's
 * own work: about 0.8 s of CPU on a 178-page 决算. Every argument and result of these is a plain
 * number (pointers, indices, 0/1 for booleans), so the module's raw exports are called instead.
 */
const PAGE_CALLS = [
  'FPDF_LoadPage',
  'FPDF_ClosePage',
  'FPDF_GetPageBoundingBox',
  'FPDFPage_GetRotation',
  'FPDFPage_CountObjects',
  'FPDFPage_GetObject',
  'FPDFText_LoadPage',
  'FPDFText_ClosePage',
  'FPDFText_CountChars',
  'FPDFText_GetUnicode',
  'FPDFText_IsGenerated',
  'FPDFText_GetTextObject',
  'FPDFText_GetMatrix',
  'FPDFTextObj_GetFontSize',
  'FPDFText_GetFontSize',
  'FPDFText_GetCharOrigin',
  'FPDFText_GetLooseCharBox',
  'FPDFPageObj_GetMatrix',
  'FPDFPageObj_GetStrokeColor',
  'FPDFPageObj_GetFillColor',
  'FPDFPageObj_GetType',
  'FPDFFormObj_CountObjects',
  'FPDFFormObj_GetObject',
  'FPDFPath_GetDrawMode',
  'FPDFPath_CountSegments',
  'FPDFPath_GetPathSegment',
  'FPDFPathSegment_GetPoint',
  'FPDFPathSegment_GetType',
  'FPDFPathSegment_GetClose',
] as const;

type PageCalls = Record<(typeof PAGE_CALLS)[number], (...args: number[]) => number>;

/** PAGE_CALLS as raw exports; the wrapped function where a build does not export one raw. */
function pageCallsOf(pdfium: Pdfium): PageCalls {
  const raw = heapOf(pdfium).wasmExports as unknown as Record<string, unknown>;
  const wrapped = pdfium as unknown as Record<string, (...args: number[]) => number>;
  const calls = {} as PageCalls;
  for (const name of PAGE_CALLS) {
    const f = raw[name];
    calls[name] = typeof f === 'function' ? (f as (...args: number[]) => number) : (...args: number[]) => Number(wrapped[name]!(...args));
  }
  return calls;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/**
 * PDFium's WebAssembly compiled once per process (≈ 50 ms of 4.6 MB, on V8's background threads).
 * A `WebAssembly.Module` can be posted to a worker thread, which then instantiates it without
 * compiling again (read-pdf's second page reader).
 */
export function compilePdfium(): Promise<WebAssembly.Module> {
  compiled ??= readFile(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'))
    .then((wasm) => WebAssembly.compile(wasm))
    .catch((error: unknown) => {
      compiled = undefined;
      throw error;
    });
  return compiled;
}

let loaded: Promise<Pdfium> | undefined;

/**
 * Loads and initializes PDFium once per thread, from `module` when given (posted by the thread
 * that compiled it), else from the module compiled here.
 */
export function loadPdfium(module?: WebAssembly.Module): Promise<Pdfium> {
  loaded ??= importPdfium(module).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function importPdfium(module: WebAssembly.Module | undefined): Promise<Pdfium> {
  const [{ init }, wasm] = await Promise.all([import('@embedpdf/pdfium'), module ?? compilePdfium()]);
  // Emscripten's hook for a module compiled elsewhere; it never hears of a failed instantiation,
  // so the failure rejects here instead of leaving init() pending for ever.
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  const instantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void): object => {
    WebAssembly.instantiate(wasm, imports).then(receive, fail);
    return {};
  };
  const pdfium = await Promise.race([init({ instantiateWasm } as unknown as Parameters<typeof init>[0]), failed]);
  pdfium.PDFiumExt_Init();
  return pdfium;
}

/** FPDF_GetLastError codes. */
export const PDFIUM_ERROR = { unknown: 1, file: 2, format: 3, password: 4, security: 5, page: 6 } as const;

/** Raised when PDFium cannot open a document; `code` is FPDF_GetLastError's. */
export class PdfiumOpenError extends Error {
  constructor(readonly code: number) {
    super(pdfiumErrorText(code));
    this.name = code === PDFIUM_ERROR.password ? 'PasswordException' : 'PdfiumOpenError';
  }
}

function pdfiumErrorText(code: number): string {
  switch (code) {
    case PDFIUM_ERROR.file:
      return 'file not found or could not be opened';
    case PDFIUM_ERROR.format:
      return 'file not in PDF format or corrupted';
    case PDFIUM_ERROR.password:
      return 'password required or incorrect password';
    case PDFIUM_ERROR.security:
      return 'unsupported security scheme';
    case PDFIUM_ERROR.page:
      return 'page not found or content error';
    default:
      return `unknown error (${code})`;
  }
}

/**
 * pdf.js' whitespace test (/^\s$/u on the character's text) by code: no string per blank. Codes
 * above U+FFFF are never white space, and charText turns surrogates and 0 into U+FFFD, which is not.
 */
const isBmpWhitespace = codeClass(/^\s$/u);
export const isPdfWhitespace = (code: number): boolean => code <= 0xffff && isBmpWhitespace(code);

/**
 * A page's characters, in content order, as columns (struct of arrays): a long 决算 has a few
 * thousand characters a page, and an object per character (and one more for its box) was most of
 * the reader's garbage. Positions are in PDF user space (y up). Characters PDFium made up (a space
 * or line break between objects, which the file does not draw) are left out: the grouping skips
 * them. White space keeps only its code (`style` −1): the grouping reads no position of it.
 */
export class PdfiumChars {
  count = 0;
  code: Int32Array;
  /** Origin. */
  x: Float64Array;
  y: Float64Array;
  /** Loose box (origin to advance, descent to ascent), four a character: left, top, right, bottom. */
  box: Float64Array;
  /** Index of the character's text object in `matrix` and `item`; −1 for white space. */
  style: Int32Array;
  /** Linear part of each text object's text-to-user matrix, font size included: four a style. */
  matrix: number[] = [];
  /**
   * Each style's text object (one text-showing operator): a new text item starts where it
   * changes. pdf.js starts one on every font change and on the first font set after a restored
   * graphics state, which Word, WPS and Chrome write around each run; PDFium shows neither, and
   * its text objects match pdf.js' items best on the reports tried.
   */
  item: number[] = [];

  /** Room for `capacity` characters (PDFium counts them before they are read). */
  constructor(capacity: number) {
    this.code = new Int32Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.box = new Float64Array(capacity * 4);
    this.style = new Int32Array(capacity);
  }

  /** A text object's style (matrix a b c d, font size included); its index. */
  addStyle(a: number, b: number, c: number, d: number, item: number): number {
    this.matrix.push(a, b, c, d);
    return this.item.push(item) - 1;
  }

  /** A drawn character of style `style` at (x, y) with its loose box. */
  addChar(code: number, style: number, x: number, y: number, left: number, top: number, right: number, bottom: number): void {
    const i = this.count++;
    this.code[i] = code;
    this.style[i] = style;
    this.x[i] = x;
    this.y[i] = y;
    const k = i * 4;
    this.box[k] = left;
    this.box[k + 1] = top;
    this.box[k + 2] = right;
    this.box[k + 3] = bottom;
  }

  /** A white-space character: its code only. */
  addBlank(code: number): void {
    const i = this.count++;
    this.code[i] = code;
    this.style[i] = -1;
  }
}

/** A path object, flattened to pdf.js' DrawOPS path data in its own space. */
export interface PdfiumPath {
  /** Path space → user space. */
  matrix: Matrix;
  stroke: boolean;
  fill: boolean;
  strokeRgb: readonly [number, number, number];
  fillRgb: readonly [number, number, number];
  /** pdf.js DrawOPS path data (geometry.ts' DRAW_*): moveTo x y, lineTo x y, curveTo x1 y1 x2 y2 x y, closePath. */
  data: number[];
}

export interface PdfiumPage {
  /** Crop box ∩ media box: x0, y0, x1, y1. */
  view: [number, number, number, number];
  rotate: number;
  chars: PdfiumChars;
  paths: PdfiumPath[];
  images: number;
}

export interface PdfiumDocument {
  pageCount: number;
  /** Reads page `index` (0-based); undefined when PDFium cannot load it. */
  readPage(index: number): PdfiumPage | undefined;
  /** A document info entry (Title, Author, CreationDate…), '' when absent. */
  metaText(tag: string): string;
  close(): void;
}

const FPDF_PAGEOBJ_TEXT = 1;
const FPDF_PAGEOBJ_PATH = 2;
const FPDF_PAGEOBJ_IMAGE = 3;
const FPDF_PAGEOBJ_FORM = 5;
const FPDF_SEGMENT_LINETO = 0;
const FPDF_SEGMENT_BEZIERTO = 1;
const FPDF_SEGMENT_MOVETO = 2;
/** Forms nested deeper than this are not walked (a loop in a broken file). */
const MAX_FORM_DEPTH = 12;

/** Opens `bytes` (copied into PDFium's heap until close) or throws PdfiumOpenError. */
export function openPdfiumDocument(pdfium: Pdfium, bytes: Uint8Array): PdfiumDocument {
  const heap = heapOf(pdfium);
  const { malloc, free } = heap.wasmExports;
  const data = malloc(bytes.byteLength);
  if (!data) throw new PdfiumOpenError(PDFIUM_ERROR.unknown);
  heap.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.byteLength, '');
  if (!doc) {
    const code = pdfium.FPDF_GetLastError();
    free(data);
    throw new PdfiumOpenError(code);
  }
  // Scratch space for out-parameters: 16 doubles.
  const scratch = malloc(128);
  const calls = pageCallsOf(pdfium);
  let open = true;
  return {
    pageCount: pdfium.FPDF_GetPageCount(doc),
    readPage: (index) => readPdfiumPage(heap, calls, doc, index, scratch),
    metaText: (tag) => readMetaText(pdfium, doc, tag),
    close: () => {
      if (!open) return;
      open = false;
      pdfium.FPDF_CloseDocument(doc);
      free(scratch);
      free(data);
    },
  };
}

function readMetaText(pdfium: Pdfium, doc: number, tag: string): string {
  const heap = heapOf(pdfium);
  const size = pdfium.FPDF_GetMetaText(doc, tag, 0, 0);
  if (size <= 2) return '';
  const buf = heap.wasmExports.malloc(size);
  try {
    pdfium.FPDF_GetMetaText(doc, tag, buf, size);
    return Buffer.from(heap.HEAPU8.subarray(buf, buf + size - 2)).toString('utf16le');
  } finally {
    heap.wasmExports.free(buf);
  }
}

function readPdfiumPage(heap: Heap, pdfium: PageCalls, doc: number, index: number, scratch: number): PdfiumPage | undefined {
  const page = pdfium.FPDF_LoadPage(doc, index);
  if (!page) return undefined;
  try {
    const f32 = scratch >> 2;
    pdfium.FPDF_GetPageBoundingBox(page, scratch);
    // FS_RECTF: left, top, right, bottom.
    const [left, top, right, bottom] = [heap.HEAPF32[f32]!, heap.HEAPF32[f32 + 1]!, heap.HEAPF32[f32 + 2]!, heap.HEAPF32[f32 + 3]!];
    const view: [number, number, number, number] = [Math.min(left, right), Math.min(top, bottom), Math.max(left, right), Math.max(top, bottom)];
    const rotate = pdfium.FPDFPage_GetRotation(page) * 90;
    const chars = readChars(heap, pdfium, page, scratch);
    const drawn = { paths: [] as PdfiumPath[], images: 0 };
    const count = pdfium.FPDFPage_CountObjects(page);
    for (let i = 0; i < count; i++) collectDrawing(heap, pdfium, pdfium.FPDFPage_GetObject(page, i), IDENTITY, 0, scratch, drawn);
    return { view, rotate, chars, paths: drawn.paths, images: drawn.images };
  } finally {
    pdfium.FPDF_ClosePage(page);
  }
}

function readChars(heap: Heap, pdfium: PageCalls, page: number, scratch: number): PdfiumChars {
  const f32 = scratch >> 2;
  const f64 = scratch >> 3;
  const textPage = pdfium.FPDFText_LoadPage(page);
  if (!textPage) return new PdfiumChars(0);
  try {
    const n = pdfium.FPDFText_CountChars(textPage);
    const chars = new PdfiumChars(Math.max(0, n));
    // Matrix and font are the text object's: read them once per object.
    const styles = new Map<number, number>();
    // (most characters continue the text object of the one before: asked of the map only when not)
    let lastObj = -1;
    let lastStyle = -1;
    for (let i = 0; i < n; i++) {
      if (pdfium.FPDFText_IsGenerated(textPage, i)) continue;
      const code = pdfium.FPDFText_GetUnicode(textPage, i);
      if (isPdfWhitespace(code)) {
        chars.addBlank(code);
        continue;
      }
      const obj = pdfium.FPDFText_GetTextObject(textPage, i);
      let style = obj === lastObj ? lastStyle : styles.get(obj);
      if (style === undefined) {
        pdfium.FPDFText_GetMatrix(textPage, i, scratch);
        const a = heap.HEAPF32[f32]!;
        const b = heap.HEAPF32[f32 + 1]!;
        const c = heap.HEAPF32[f32 + 2]!;
        const d = heap.HEAPF32[f32 + 3]!;
        const size = obj && pdfium.FPDFTextObj_GetFontSize(obj, scratch) ? heap.HEAPF32[f32]! : pdfium.FPDFText_GetFontSize(textPage, i);
        style = chars.addStyle(a * size, b * size, c * size, d * size, obj);
        styles.set(obj, style);
      }
      lastObj = obj;
      lastStyle = style;
      pdfium.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
      const x = heap.HEAPF64[f64]!;
      const y = heap.HEAPF64[f64 + 1]!;
      pdfium.FPDFText_GetLooseCharBox(textPage, i, scratch);
      chars.addChar(code, style, x, y, heap.HEAPF32[f32]!, heap.HEAPF32[f32 + 1]!, heap.HEAPF32[f32 + 2]!, heap.HEAPF32[f32 + 3]!);
    }
    return chars;
  } finally {
    pdfium.FPDFText_ClosePage(textPage);
  }
}

function readObjectMatrix(heap: Heap, pdfium: PageCalls, obj: number, scratch: number): Matrix {
  if (!pdfium.FPDFPageObj_GetMatrix(obj, scratch)) return IDENTITY;
  const f = scratch >> 2;
  return [heap.HEAPF32[f]!, heap.HEAPF32[f + 1]!, heap.HEAPF32[f + 2]!, heap.HEAPF32[f + 3]!, heap.HEAPF32[f + 4]!, heap.HEAPF32[f + 5]!];
}

function readColor(heap: Heap, pdfium: PageCalls, obj: number, scratch: number, stroke: boolean): [number, number, number] {
  const ok = stroke
    ? pdfium.FPDFPageObj_GetStrokeColor(obj, scratch, scratch + 4, scratch + 8, scratch + 12)
    : pdfium.FPDFPageObj_GetFillColor(obj, scratch, scratch + 4, scratch + 8, scratch + 12);
  if (!ok) return [0, 0, 0];
  const u = scratch >> 2;
  return [heap.HEAPU32[u]!, heap.HEAPU32[u + 1]!, heap.HEAPU32[u + 2]!];
}

/** Paths and images of an object, forms walked with their matrices composed. */
function collectDrawing(
  heap: Heap,
  pdfium: PageCalls,
  obj: number,
  parent: Matrix,
  depth: number,
  scratch: number,
  out: { paths: PdfiumPath[]; images: number },
): void {
  const type = pdfium.FPDFPageObj_GetType(obj);
  if (type === FPDF_PAGEOBJ_IMAGE) {
    out.images++;
  } else if (type === FPDF_PAGEOBJ_FORM) {
    if (depth >= MAX_FORM_DEPTH) return;
    const matrix = multiplyMatrix(parent, readObjectMatrix(heap, pdfium, obj, scratch));
    const count = pdfium.FPDFFormObj_CountObjects(obj);
    for (let i = 0; i < count; i++) collectDrawing(heap, pdfium, pdfium.FPDFFormObj_GetObject(obj, i), matrix, depth + 1, scratch, out);
  } else if (type === FPDF_PAGEOBJ_PATH) {
    const path = readPath(heap, pdfium, obj, parent, scratch);
    if (path) out.paths.push(path);
  } else if (type !== FPDF_PAGEOBJ_TEXT) {
    // Shadings and unknown objects carry neither text nor rules.
  }
}

function readPath(heap: Heap, pdfium: PageCalls, obj: number, parent: Matrix, scratch: number): PdfiumPath | undefined {
  if (!pdfium.FPDFPath_GetDrawMode(obj, scratch, scratch + 4)) return undefined;
  const fill = heap.HEAP32[scratch >> 2]! !== 0;
  const stroke = heap.HEAP32[(scratch >> 2) + 1]! !== 0;
  if (!fill && !stroke) return undefined;
  const matrix = multiplyMatrix(parent, readObjectMatrix(heap, pdfium, obj, scratch));
  const data: number[] = [];
  const n = pdfium.FPDFPath_CountSegments(obj);
  const f = scratch >> 2;
  let curve: number[] = [];
  for (let i = 0; i < n; i++) {
    const seg = pdfium.FPDFPath_GetPathSegment(obj, i);
    if (!seg || !pdfium.FPDFPathSegment_GetPoint(seg, scratch, scratch + 4)) continue;
    const x = heap.HEAPF32[f]!;
    const y = heap.HEAPF32[f + 1]!;
    const kind = pdfium.FPDFPathSegment_GetType(seg);
    if (kind === FPDF_SEGMENT_MOVETO) data.push(DRAW_MOVE_TO, x, y);
    else if (kind === FPDF_SEGMENT_LINETO) data.push(DRAW_LINE_TO, x, y);
    else if (kind === FPDF_SEGMENT_BEZIERTO) {
      // A Bézier comes as three segments: two control points, then the end point.
      curve.push(x, y);
      if (curve.length === 6) {
        data.push(DRAW_CURVE_TO, ...curve);
        curve = [];
      }
    }
    if (pdfium.FPDFPathSegment_GetClose(seg)) data.push(DRAW_CLOSE);
  }
  return {
    matrix,
    stroke,
    fill,
    strokeRgb: stroke ? readColor(heap, pdfium, obj, scratch, true) : [0, 0, 0],
    fillRgb: fill ? readColor(heap, pdfium, obj, scratch, false) : [0, 0, 0],
    data,
  };
}
