// pdfjs-dist ships no types for its worker module; pdfjs.ts imports it only for its side effect
// (it registers globalThis.pdfjsWorker, which pdf.js' in-process worker then uses).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
