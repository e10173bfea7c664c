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
 */
export async function openPdfDocument(bytes: Uint8Array, extra: { disableFontFace?: boolean } = {}) {
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
    ...extra,
  });
  return { pdfjs, task };
}
