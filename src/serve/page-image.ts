/**
 * A PDF page as a PNG, drawn by pdf.js on its own Node canvas (@napi-rs/canvas), with the CJK
 * CMaps the readers use, so what the analyst sees is the page the text came from.
 */
import { loadPdfjs, openPdfDocument } from '../ingest/pdf/pdfjs.js';

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

interface CanvasAndContext {
  canvas: { toBuffer(mime: 'image/png'): Buffer };
  context: unknown;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

export interface RenderPageOptions {
  /** Zoom relative to 72 dpi (default 1.5). */
  scale?: number;
  /** Pixel budget; larger pages are scaled down (default 6 million). */
  maxPixels?: number;
}

/** Renders page `pageNumber` (1-based); null when the page does not exist. */
export async function renderPdfPage(pdfBytes: Uint8Array, pageNumber: number, options: RenderPageOptions = {}): Promise<Uint8Array | null> {
  const { task } = await openPdfDocument(pdfBytes);
  try {
    const doc = await task.promise;
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) return null;
    const page: PdfPage = await doc.getPage(pageNumber);
    let scale = options.scale ?? 1.5;
    const base = page.getViewport({ scale: 1 });
    const maxPixels = options.maxPixels ?? 6_000_000;
    const pixels = base.width * base.height * scale * scale;
    if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
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
  } finally {
    await task.destroy();
  }
}
