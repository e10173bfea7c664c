// Worker thread entry of page-threads.ts: opens the same PDF in its own PDFium instance and reads
// and lays out pages taken off the shared counter until none is left.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPdfium, openPdfiumDocument } from './pdfium.js';
import { readPdfiumPage } from '../read-pdf.js';
import { claimPage, errorShape, type PageMessage, type PageWorkerData } from './page-threads.js';

const data = workerData as PageWorkerData;
const post = (message: PageMessage): void => parentPort!.postMessage(message);
const doc = openPdfiumDocument(await loadPdfium(data.module), data.bytes);
try {
  for (let index = claimPage(data.next); index < data.pageCount; index = claimPage(data.next)) {
    try {
      post({ index, result: await readPdfiumPage(doc, index + 1) });
    } catch (error) {
      post({ index, error: errorShape(error) });
    }
  }
} finally {
  doc.close();
}
post({ done: true });
