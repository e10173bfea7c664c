/**
 * Starts loading PDFium when a PDF is among the inputs: WebAssembly compiles on V8's background
 * threads, so on two cores it overlaps the import of the analysis modules instead of following it.
 * `bin/jixiao.js` calls it before the CLI's modules load, the commands again (a programmatic
 * `run()` has no launcher); `loadPdfium` loads once. A failure here is left to the reader's own
 * load, which reports it. A module of its own so that the launcher imports nothing else.
 */
export function preloadPdfEngine(inputs: readonly string[], pdfEngine: string | undefined): void {
  if (pdfEngine === 'pdfjs' || !inputs.some((i) => /\.pdf$/iu.test(i))) return;
  import('../ingest/pdf/pdfium.js').then((m) => m.loadPdfium()).catch(() => undefined);
}
