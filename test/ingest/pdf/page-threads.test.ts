import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/ingest/read-pdf.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** shared/ sits beside the repository (locally and in CI). */
const formsPdf = join(root, '..', 'shared', 'realpdf', 'xinfang-2024-final-accounts-with-forms.pdf');
const builtWorker = join(root, 'dist', 'ingest', 'pdf', 'page-worker.js');

describe.skipIf(!existsSync(formsPdf))('reading a long PDF on two threads', () => {
  const bytes = (): Uint8Array => new Uint8Array(readFileSync(formsPdf));

  it('gives the document one thread gives (from the sources the worker is not built: this thread reads all)', async () => {
    const one = await readPdf(bytes());
    const two = await readPdf(bytes(), { parallelPages: true });
    expect(one.pages).toHaveLength(50);
    expect(two).toEqual(one);
  });

  describe.skipIf(!existsSync(builtWorker))('built', () => {
    const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, 'dist', path)).href)) as T;

    it('the worker reads some of the pages, and each page as this thread reads it', async () => {
      type ReadPdf = typeof import('../../../src/ingest/read-pdf.js');
      type Pdfium = typeof import('../../../src/ingest/pdf/pdfium.js');
      type Threads = typeof import('../../../src/ingest/pdf/page-threads.js');
      const read = await load<ReadPdf>('ingest/read-pdf.js');
      const pdfium = await load<Pdfium>('ingest/pdf/pdfium.js');
      const threads = await load<Threads>('ingest/pdf/page-threads.js');
      const doc = pdfium.openPdfiumDocument(await pdfium.loadPdfium(), bytes());
      try {
        const readHere: number[] = [];
        const outcomes = await threads.readPagesOnTwoThreads(doc.pageCount, bytes(), async (n) => {
          readHere.push(n);
          // Slow enough that the worker, however late it starts, takes pages too.
          await new Promise((resolve) => setTimeout(resolve, 20));
          return read.readPdfiumPage(doc, n);
        });
        expect(readHere.length).toBeGreaterThan(0);
        expect(readHere.length).toBeLessThan(doc.pageCount);
        for (let n = 1; n <= doc.pageCount; n++) expect(threads.unwrapOutcome(outcomes[n - 1])).toEqual(await read.readPdfiumPage(doc, n));
      } finally {
        doc.close();
      }
    });

    it('reads the whole document as one thread does, twice with the same worker', async () => {
      const read = await load<typeof import('../../../src/ingest/read-pdf.js')>('ingest/read-pdf.js');
      const one = await read.readPdf(bytes());
      expect(await read.readPdf(bytes(), { parallelPages: true })).toEqual(one);
      expect(await read.readPdf(bytes(), { parallelPages: true })).toEqual(one);
    });
  });
});
