// Worker thread entry of page-threads.ts: takes PDFium's compiled module, then one document. It
// opens the PDF in its own PDFium instance, reads and lays out pages taken off the back of the
// shared claims until none is left, then says done. A document it cannot open, or one too short
// for two threads, is left to the other thread. Then it may be given one task (an exported
// function of a module, run here) before it is ended.
import { parentPort } from 'node:worker_threads';
import { loadPdfium, openPdfiumDocument } from './pdfium.js';
import { MIN_PAGES_FOR_TWO_THREADS, readPdfiumPage } from '../read-pdf.js';
import { claimPage, errorShape, type PageJob, type PageMessage, type PageWorkerTask, type ToPageWorker } from './page-threads.js';

const post = (message: PageMessage): void => parentPort!.postMessage(message);

const NO_BYTES = new Uint8Array(0);

async function readJob(job: PageJob): Promise<void> {
  const doc = openPdfiumDocument(await loadPdfium(), job.bytes);
  // PDFium reads its own copy of the file: this thread's (a clone of the other's, as big as the
  // file) can go at the next collection instead of living as long as the thread.
  job.bytes = NO_BYTES;
  try {
    const count = doc.pageCount;
    if (count < MIN_PAGES_FOR_TWO_THREADS) return;
    for (let index = claimPage(job.claims, count, true); index !== undefined; index = claimPage(job.claims, count, true)) {
      try {
        post({ index, result: await readPdfiumPage(doc, index + 1) });
      } catch (error) {
        post({ index, error: errorShape(error) });
      }
    }
  } finally {
    doc.close();
  }
}

async function runTask(task: PageWorkerTask): Promise<void> {
  try {
    const module = (await import(task.url)) as Record<string, (arg: unknown) => unknown>;
    post({ taskResult: await module[task.name]!(task.arg) });
  } catch (error) {
    post({ taskError: errorShape(error) });
  }
}

/** The module the task will come from (a `prepare` message), and whether the pages are read. */
let prepared: string | undefined;
let pagesRead = false;

/** Imports the task's module ahead of the task, once the pages are read (not while reading them). */
function importPrepared(): void {
  if (prepared && pagesRead) import(prepared).catch(() => undefined);
}

parentPort!.on('message', (message: ToPageWorker) => {
  if ('prepare' in message) {
    prepared = message.prepare;
    importPrepared();
    return;
  }
  if ('task' in message) {
    // Its one task done, the thread ends itself at once (its message is delivered still): its
    // memory, PDFium's included, goes while the other thread is still extracting, not after.
    void runTask(message.task).then(() => process.exit(0));
    return;
  }
  if ('module' in message) {
    // Instantiated now, while the other thread is still starting: ready when the first job comes.
    loadPdfium(message.module).catch(() => undefined);
    return;
  }
  void readJob(message.job)
    .catch(() => undefined)
    .then(() => {
      post({ done: true });
      pagesRead = true;
      importPrepared();
    });
});
