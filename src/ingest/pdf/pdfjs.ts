/**
 * Loads pdf.js (the copy pdf-parse 2 depends on) once, with the options CJK reports need.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfjsModule> | undefined;

/** Taken before pdf.js loads: see restoreNativePush. */
const nativePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push');

/** The legacy build: the modern one expects browser globals (DOMMatrix, Path2D) that Node lacks. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loaded ??= importPdfjs();
  return loaded;
}

async function importPdfjs(): Promise<PdfjsModule> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Loaded here rather than on the first getDocument, so that its polyfills are in place before
  // restoreNativePush runs; pdf.js' fake worker takes the handler from globalThis.pdfjsWorker.
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  restoreNativePush();
  return pdfjs;
}

/**
 * The legacy build bundles core-js, which replaces Array.prototype.push process-wide with a
 * JavaScript loop on Node 20 (for a spec corner: push on an array whose length is read-only).
 * That made push the top frame of PDF reading (10–20% of it) and slowed every other push in
 * the process. Neither pdf.js nor jixiao pushes onto frozen-length arrays, so the native one
 * is put back.
 */
function restoreNativePush(): void {
  if (nativePush && Array.prototype.push !== nativePush.value) Object.defineProperty(Array.prototype, 'push', nativePush);
}

export interface PdfjsAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
  /** OpenJPEG decoder: JPEG 2000 scans are otherwise not decoded (and look like blank pages). */
  wasmUrl: string;
  /** ICC profiles for CMYK images. */
  iccUrl: string;
}

let assetDirs: PdfjsAssets | undefined;

/**
 * Absolute directories (with trailing slash) of pdf.js' CMaps, standard fonts and decoders. Without the
 * CMaps, non-embedded CJK fonts (STSong-Light with UniGB-UCS2-H, SimSun with GBK-EUC-H) give no
 * text at all. pdf.js reads them with fs in Node, so plain paths (not file: URLs) are needed.
 */
export function resolvePdfjsAssets(): PdfjsAssets {
  if (!assetDirs) {
    const require = createRequire(import.meta.url);
    // Resolved from here, like the import above, so assets and code come from the same copy.
    const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
    assetDirs = {
      cMapUrl: path.join(root, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
      wasmUrl: path.join(root, 'wasm') + path.sep,
      iccUrl: path.join(root, 'iccs') + path.sep,
    };
  }
  return assetDirs;
}

/**
 * Opens a PDF with the options every caller needs: CMaps and standard fonts for CJK, decoders for
 * scans, no eval, no system fonts, errors only, and recovery past damaged objects. `data` is a
 * copy because pdf.js may take ownership of (detach) the buffer it is given.
 *
 * `textOnly` is for a document that is read (text content, operator lists) and never rendered:
 * pdf.js then skips turning every drawn glyph into an outline path, which it otherwise does in
 * Node for each operator list (font faces cannot be loaded there) and which only a renderer uses.
 * Call skipFontFaceLoading on the opened document before reading any page.
 */
export async function openPdfDocument(bytes: Uint8Array, extra: { textOnly?: boolean } = {}) {
  const pdfjs = await loadPdfjs();
  const assets = resolvePdfjsAssets();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    wasmUrl: assets.wasmUrl,
    iccUrl: assets.iccUrl,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    useSystemFonts: false,
    stopAtErrors: false,
    // pdf.js' Node default is true; false stops the worker building glyph paths (see above).
    ...(extra.textOnly ? { disableFontFace: false } : {}),
  });
  return { pdfjs, task };
}

interface FontLoaderHost {
  _transport?: { fontLoader?: { bind?: unknown } };
}

/**
 * For a document opened with `textOnly`: makes pdf.js' font loader accept each font as loaded
 * without a font face (Node has none), so that fonts reach the page as they do with
 * disableFontFace. Without this the loader fails on the missing DOM and pdf.js falls back to
 * building glyph paths after all: slower, same text. Returns false when pdf.js' internals
 * (`_transport.fontLoader`) are not where this expects them.
 */
export function skipFontFaceLoading(doc: unknown): boolean {
  const loader = (doc as FontLoaderHost | null)?._transport?.fontLoader;
  if (!loader || typeof loader.bind !== 'function') return false;
  loader.bind = () => Promise.resolve();
  return true;
}
