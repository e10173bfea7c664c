/**
 * OCR of PDF pages: each page is rendered with pdf.js onto an @napi-rs/canvas (the canvas
 * pdf.js itself picks in Node, the same path as pdf-parse's getScreenshot) and recognized by one
 * tesseract worker shared by all pages of the call.
 */
import { performance } from 'node:perf_hooks';
import { ConfigError, CorruptFileError, JixiaoError } from '../../errors.js';
import { loadPdfjs, openPdfDocument } from '../pdf/pdfjs.js';
import { startOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.js';
import { repairOcrLine } from './repair.js';

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Render resolution for pages drawn as vectors (text without a Unicode mapping, outlined glyphs). */
export const DEFAULT_OCR_DPI = 200;
/**
 * Scans are rendered at their own resolution within these bounds. On the 150-dpi seed scan, 150
 * dpi gave the fewest misread characters but read "80.2%。" as "80.29%"; 175–200 dpi read every
 * figure; 250 dpi and up were worse again.
 */
export const MIN_SCAN_DPI = 200;
export const MAX_SCAN_DPI = 300;
/** A page is never rendered beyond this many pixels (a huge page size must not exhaust memory). */
const MAX_RENDER_PIXELS = 40_000_000;

export interface OcrPagesOptions extends OcrEngineOptions {
  /** Render at this resolution instead of the scan's own (clamped to 200–300 dpi) or 200 dpi. */
  dpi?: number;
  /** Used in error messages only. */
  fileName?: string;
  /** Called after each page, e.g. for progress bars. */
  onPage?: (result: OcrPageResult) => void;
}

export interface OcrPageResult {
  /** 1-based page number. */
  page: number;
  /** Recognized and repaired text, one line per printed line, without empty lines. */
  text: string;
  /** Tesseract's mean confidence over the page, 0..1 (0 when nothing was recognized). */
  confidence: number;
  /** Resolution the page was rendered at (absent for images, which are read as they are). */
  dpi?: number;
  /** Wall time spent rendering and recognizing the page. */
  seconds: number;
  /** Words with digits that tesseract was unsure of, as read (before repairs). */
  doubtfulFigures?: string[];
  /** Set when the page could not be rendered or recognized; text is then empty. */
  error?: string;
}

/**
 * Renders and recognizes the given pages of a PDF, in the order given, with one tesseract worker
 * that is terminated before returning. A page that cannot be rendered or recognized gets an
 * `error` and empty text instead of failing the others.
 *
 * @throws CorruptFileError when pdf.js cannot open the file; ConfigError when the OCR language
 *   data is not installed.
 */
export async function ocrPages(pdfBytes: Uint8Array, pageNumbers: number[], options: OcrPagesOptions = {}): Promise<OcrPageResult[]> {
  if (pageNumbers.length === 0) return [];
  const file = options.fileName;
  const { pdfjs, task } = await openPdfDocument(pdfBytes);
  let engine: OcrEngine | undefined;
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (error) {
      throw new CorruptFileError(`PDF cannot be opened for OCR: ${messageOf(error)}`, { file, cause: error });
    }
    engine = await startOcrEngine(options);
    const results: OcrPageResult[] = [];
    for (const n of pageNumbers) {
      const started = performance.now();
      let dpi = options.dpi ?? DEFAULT_OCR_DPI;
      let result: OcrPageResult;
      let page: PdfPage | undefined;
      try {
        if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new RangeError(`no page ${n} in a ${doc.numPages}-page PDF`);
        page = await doc.getPage(n);
        dpi = options.dpi ?? (await chooseDpi(page, pdfjs));
        const png = await renderPage(page, doc, dpi);
        const recognized = await engine.recognize(png, dpi);
        const lines = recognized.lines.map((l) => repairOcrLine(l.text.trim())).filter(isTextLine);
        result = {
          page: n,
          text: lines.join('\n'),
          confidence: lines.length > 0 ? recognized.confidence : 0,
          dpi,
          seconds: 0,
          doubtfulFigures: recognized.doubtfulFigures.map((w) => w.text),
        };
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        result = { page: n, text: '', confidence: 0, dpi, seconds: 0, error: messageOf(error) };
      } finally {
        page?.cleanup();
      }
      result.seconds = (performance.now() - started) / 1000;
      results.push(result);
      options.onPage?.(result);
    }
    return results;
  } catch (error) {
    if (error instanceof JixiaoError) throw error;
    throw new CorruptFileError(`OCR failed: ${messageOf(error)}`, { file, cause: error });
  } finally {
    await engine?.terminate().catch(() => undefined);
    await task.destroy().catch(() => undefined);
  }
}

/** A line worth keeping: OCR of rules, stamps and specks gives lines of bare punctuation. */
function isTextLine(line: string): boolean {
  return /[\p{L}\p{N}]/u.test(line);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The resolution of the page's largest image, when it is a scan (at least about 100 dpi across
 * the page width), clamped to 200–300 dpi; otherwise 200 dpi for pages drawn as vectors.
 */
async function chooseDpi(page: PdfPage, pdfjs: Pdfjs): Promise<number> {
  const widthInches = page.getViewport({ scale: 1 }).width / 72;
  const ops = await page.getOperatorList();
  let widest = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | undefined;
    if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintImageXObjectRepeat) {
      const w = args?.[1];
      if (typeof w === 'number') widest = Math.max(widest, w);
    } else if (fn === pdfjs.OPS.paintInlineImageXObject) {
      const w = (args?.[0] as { width?: unknown } | undefined)?.width;
      if (typeof w === 'number') widest = Math.max(widest, w);
    }
  }
  const dpi = widthInches > 0 ? widest / widthInches : 0;
  if (dpi < 100) return DEFAULT_OCR_DPI;
  return Math.round(Math.min(MAX_SCAN_DPI, Math.max(MIN_SCAN_DPI, dpi)));
}

interface CanvasAndContext {
  canvas: { toBuffer(mime: 'image/png'): Buffer };
  context: unknown;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

/** Renders one page to PNG bytes on pdf.js' own Node canvas factory (@napi-rs/canvas). */
async function renderPage(page: PdfPage, doc: PdfDocument, dpi: number): Promise<Uint8Array> {
  let scale = dpi / 72;
  const base = page.getViewport({ scale: 1 });
  const pixels = base.width * base.height * scale * scale;
  if (pixels > MAX_RENDER_PIXELS) scale *= Math.sqrt(MAX_RENDER_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as CanvasFactory;
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    const params = { canvasContext: target.context, canvas: target.canvas, viewport } as unknown as Parameters<PdfPage['render']>[0];
    await page.render(params).promise;
    return new Uint8Array(target.canvas.toBuffer('image/png'));
  } finally {
    factory.destroy(target);
  }
}
