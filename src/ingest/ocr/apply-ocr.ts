/**
 * Puts OCR text into a RawDocument: the pages a reader flagged `needsOcr` get paragraph blocks
 * (one per printed line; the normalizer re-joins lines cut by the layout, as for PDF text) at
 * their place in page order, and an `ocrConfidence`. `needsOcr` stays true so records can tell
 * OCR text from a text layer.
 */
import { isUnreadPage, type Block, type RawDocument, type ReadOptions } from '../document.js';
import { ocrPages, type OcrPageResult, type OcrPagesOptions } from './ocr-pages.js';

/** Pages OCRed per document unless `ocr.maxPages` says otherwise (about 3 s each on one core). */
export const DEFAULT_OCR_MAX_PAGES = 50;
/** Below this mean confidence a page's figures are likely misread: the reader warns. */
export const LOW_OCR_CONFIDENCE = 0.6;

/** The OCR settings a ReadOptions asks for, or undefined when OCR is off. */
export function ocrSettingsOf(options: ReadOptions): { languages?: string; maxPages: number; dpi?: number } | undefined {
  const ocr = options.ocr ?? true;
  if (ocr === false) return undefined;
  const settings = ocr === true ? {} : ocr;
  return {
    ...(settings.languages !== undefined ? { languages: settings.languages } : {}),
    ...(settings.dpi !== undefined ? { dpi: settings.dpi } : {}),
    maxPages: settings.maxPages ?? DEFAULT_OCR_MAX_PAGES,
  };
}

/**
 * Merges OCR results into a document: blocks of each OCRed page go after the blocks of earlier
 * pages and before those of later ones. Pages with an error or no text get a warning and stay
 * unread (no ocrConfidence). Pure: returns a new document.
 */
export function insertOcrResults(doc: RawDocument, results: OcrPageResult[]): RawDocument {
  const byPage = new Map(results.map((r) => [r.page, r]));
  const warnings = [...doc.warnings];
  const pages = doc.pages.map((info) => {
    const r = byPage.get(info.number);
    if (!r) return info;
    if (r.error !== undefined) {
      warnings.push(`page ${r.page}: OCR failed: ${r.error}`);
      return info;
    }
    const chars = r.text.replace(/\s/gu, '').length;
    if (chars === 0) {
      warnings.push(`page ${r.page}: OCR found no text`);
      return info;
    }
    if (r.confidence < LOW_OCR_CONFIDENCE)
      warnings.push(`page ${r.page}: OCR confidence ${r.confidence.toFixed(2)}, figures may be misread`);
    if (r.doubtfulFigures && r.doubtfulFigures.length > 0)
      warnings.push(`page ${r.page}: OCR is unsure of ${r.doubtfulFigures.map((w) => `"${w}"`).join(', ')}`);
    return { ...info, chars, needsOcr: true, ocrConfidence: r.confidence };
  });
  const ocrBlocks = new Map<number, Block[]>();
  for (const r of results) {
    if (r.error !== undefined || r.text === '') continue;
    ocrBlocks.set(
      r.page,
      r.text.split('\n').map((text): Block => ({ kind: 'paragraph', text, page: r.page })),
    );
  }
  const blocks: Block[] = [];
  const pending = [...ocrBlocks.keys()].sort((a, b) => a - b);
  const flushUpTo = (page: number): void => {
    while (pending.length > 0 && pending[0]! <= page) blocks.push(...ocrBlocks.get(pending.shift()!)!);
  };
  for (const block of doc.blocks) {
    // OCR pages have no blocks of their own: everything of an earlier page comes first.
    flushUpTo(block.page - 1);
    blocks.push(block);
  }
  flushUpTo(Infinity);
  return { ...doc, pages, blocks, warnings };
}

/**
 * OCRs the pages of a read PDF that need it, up to `maxPages` of them, and merges the text in.
 * Returns the document unchanged when no page needs OCR or OCR is off.
 */
export async function ocrPdfDocument(
  doc: RawDocument,
  pdfBytes: Uint8Array,
  options: ReadOptions & Pick<OcrPagesOptions, 'langPath' | 'onPage'> = {},
): Promise<RawDocument> {
  const settings = ocrSettingsOf(options);
  if (!settings) return doc;
  const wanted = doc.pages.filter(isUnreadPage).map((p) => p.number);
  if (wanted.length === 0) return doc;
  const chosen = wanted.slice(0, Math.max(0, settings.maxPages));
  const results = await ocrPages(pdfBytes, chosen, {
    ...(settings.languages !== undefined ? { languages: settings.languages } : {}),
    ...(settings.dpi !== undefined ? { dpi: settings.dpi } : {}),
    ...(options.langPath !== undefined ? { langPath: options.langPath } : {}),
    ...(options.onPage !== undefined ? { onPage: options.onPage } : {}),
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
  });
  const merged = insertOcrResults(doc, results);
  if (chosen.length < wanted.length)
    merged.warnings.push(`OCR stopped after ${chosen.length} pages: ${wanted.length - chosen.length} more pages need it (ocr.maxPages)`);
  return merged;
}
