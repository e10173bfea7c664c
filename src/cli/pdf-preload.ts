import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A PDF at least this big is likely long enough to be read on two threads (read-pdf reads 8 pages
 * or more so): its page worker is started with the command. A 1-page 自评表 is 3–140 KB; a 24-page
 * 决算 250 KB and up. A worker started for a file that turns out short is only left unused.
 */
const LONG_PDF_BYTES = 200 * 1024;

/**
 * Above this the file is not read ahead for the worker (the reader's own size limit and errors
 * apply first); long 决算 are 0.2–10 MB.
 */
const EARLY_READ_MAX_BYTES = 64 * 1024 * 1024;

const isPdf = (input: string): boolean => /\.pdf$/iu.test(input);

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The file whose pages the worker was handed before the command's modules loaded (once per process). */
let handedOver = false;

/**
 * Starts loading PDFium when a PDF is among the inputs: WebAssembly compiles on V8's background
 * threads, so on two cores it overlaps the import of the analysis modules instead of following it.
 * For a long PDF named on the command line the page worker (src/ingest/pdf/page-threads.ts) starts
 * too, and when it is the only file named, the worker gets its bytes at once: it reads pages from
 * the back while this thread loads the analysis modules (≈ 0.2 s of CPU), and the reader takes
 * the job up when it meets the same bytes (the command's own read of the file gets the bytes read
 * here: takeReadAhead). `bin/jixiao.js` calls it as soon as the CLI's bundle is compiled, before
 * the command's modules run (src/cli/code-cache.ts), the commands again (a programmatic `run()`
 * has no launcher); both load once. A failure here is left to the reader's own load, which
 * reports it.
 */
export function preloadPdfEngine(inputs: readonly string[], pdfEngine: string | undefined): void {
  if (pdfEngine === 'pdfjs' || !inputs.some(isPdf)) return;
  import('../ingest/pdf/pdfium.js').then((m) => m.loadPdfium()).catch(() => undefined);
  const long = inputs.filter((i) => isPdf(i) && sizeOf(i) >= LONG_PDF_BYTES);
  if (long.length === 0) return;
  const named = inputs.filter((i) => !i.startsWith('-'));
  const only = named.length === 1 && long[0] === named[0] && !handedOver ? readAhead(named[0]!) : undefined;
  if (only) handedOver = true;
  import('../ingest/pdf/page-threads.js')
    .then((m) => (only ? m.startReadingEarly(only) : m.startPageWorker()))
    .catch(() => undefined);
}

/** The file read ahead for the worker, until the command takes its bytes (takeReadAhead). */
let readAheadFile: { path: string; size: number; mtimeMs: number; bytes: Uint8Array } | undefined;

function stampOf(file: string): { size: number; mtimeMs: number } {
  try {
    const { size, mtimeMs } = statSync(file);
    return { size, mtimeMs };
  } catch {
    return { size: -1, mtimeMs: -1 };
  }
}

/**
 * The bytes of `file` as preloadPdfEngine read them ahead, once (then forgotten), when the file is
 * still the one read (same size and modification time): the command reads them instead of the
 * file again, and the process holds one copy of a long 决算, not two (≈ 6 MB for the 178-page one).
 */
export function takeReadAhead(file: string): Uint8Array | undefined {
  const ahead = readAheadFile;
  if (!ahead || ahead.path !== resolve(file)) return undefined;
  readAheadFile = undefined;
  const now = stampOf(file);
  return now.size === ahead.size && now.mtimeMs === ahead.mtimeMs ? ahead.bytes : undefined;
}

/** The file's bytes, kept for takeReadAhead with the size and modification time it had before they were read. */
function readAhead(file: string): Uint8Array | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    if (size > EARLY_READ_MAX_BYTES) return undefined;
    const bytes = new Uint8Array(readFileSync(file));
    readAheadFile = { path: resolve(file), size, mtimeMs, bytes };
    return bytes;
  } catch {
    return undefined;
  }
}
