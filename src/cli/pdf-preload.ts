import { statSync } from 'node:fs';

/**
 * A PDF at least this big is likely long enough to be read on two threads (read-pdf reads 8 pages
 * or more so): its page worker is started with the command. A 1-page 自评表 is 3–140 KB; a 24-page
 * 决算 250 KB and up. A worker started for a file that turns out short is only left unused.
 */
const LONG_PDF_BYTES = 200 * 1024;

const isPdf = (input: string): boolean => /\.pdf$/iu.test(input);

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Starts loading PDFium when a PDF is among the inputs: WebAssembly compiles on V8's background
 * threads, so on two cores it overlaps the import of the analysis modules instead of following it.
 * For a long PDF named on the command line the page worker (src/ingest/pdf/page-threads.ts) starts
 * too, so that it is ready when reading begins. `bin/jixiao.js` calls it before the CLI's modules
 * load, the commands again (a programmatic `run()` has no launcher); both load once. A failure here
 * is left to the reader's own load, which reports it. A module of its own so that the launcher
 * imports nothing else.
 */
export function preloadPdfEngine(inputs: readonly string[], pdfEngine: string | undefined): void {
  if (pdfEngine === 'pdfjs' || !inputs.some(isPdf)) return;
  import('../ingest/pdf/pdfium.js').then((m) => m.loadPdfium()).catch(() => undefined);
  if (inputs.some((i) => isPdf(i) && sizeOf(i) >= LONG_PDF_BYTES)) {
    import('../ingest/pdf/page-threads.js').then((m) => m.startPageWorker()).catch(() => undefined);
  }
}
