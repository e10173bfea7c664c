import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/ingest/read-pdf.js';
import { claimPage, newPageClaims } from '../../../src/ingest/pdf/page-threads.js';

describe('claimPage (this thread from the front, the worker from the back)', () => {
  it('hands out every page once, front and back meeting wherever the takes interleave', () => {
    for (const count of [0, 1, 2, 7, 8, 9]) {
      for (const pattern of ['ffb', 'bbf', 'fb', 'f', 'b']) {
        const claims = newPageClaims();
        const front: number[] = [];
        const back: number[] = [];
        for (let k = 0; ; k++) {
          const fromBack = pattern[k % pattern.length] === 'b';
          const page = claimPage(claims, count, fromBack);
          if (page === undefined) break;
          (fromBack ? back : front).push(page);
        }
        expect([...front, ...back].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
        // Each side in its own order, all of the front's pages before all of the back's.
        expect(front).toEqual([...front].sort((a, b) => a - b));
        expect(back).toEqual([...back].sort((a, b) => b - a));
        if (front.length > 0 && back.length > 0) expect(Math.max(...front)).toBeLessThan(Math.min(...back));
        expect(claimPage(claims, count)).toBeUndefined();
        expect(claimPage(claims, count, true)).toBeUndefined();
      }
    }
  });
});

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

    it('a document handed to the worker early is read as one thread reads it: the worker from the back, this thread from the front', async () => {
      const read = await load<typeof import('../../../src/ingest/read-pdf.js')>('ingest/read-pdf.js');
      const pdfium = await load<typeof import('../../../src/ingest/pdf/pdfium.js')>('ingest/pdf/pdfium.js');
      const threads = await load<typeof import('../../../src/ingest/pdf/page-threads.js')>('ingest/pdf/page-threads.js');
      const doc = pdfium.openPdfiumDocument(await pdfium.loadPdfium(), bytes());
      try {
        threads.startReadingEarly(bytes());
        // Let it read a while, as it does while the command's modules load.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const readHere: number[] = [];
        const outcomes = await threads.readPagesOnTwoThreads(doc.pageCount, bytes(), (n) => {
          readHere.push(n);
          return read.readPdfiumPage(doc, n);
        });
        expect(readHere.length).toBeLessThan(doc.pageCount);
        expect(readHere).toEqual(Array.from({ length: readHere.length }, (_, i) => i + 1));
        for (let n = 1; n <= doc.pageCount; n++) expect(threads.unwrapOutcome(outcomes[n - 1])).toEqual(await read.readPdfiumPage(doc, n));
      } finally {
        doc.close();
      }
      // Handed over for other bytes than those then read: that worker's pages are not used.
      const one = await read.readPdf(bytes());
      const other = bytes();
      other[other.length - 1] = other[other.length - 1]! ^ 1;
      threads.startReadingEarly(other);
      expect(await read.readPdf(bytes(), { parallelPages: true })).toEqual(one);
    });

    it('after its pages the worker runs one task, then ends; without a worker the caller is told so', async () => {
      const read = await load<typeof import('../../../src/ingest/read-pdf.js')>('ingest/read-pdf.js');
      const threads = await load<typeof import('../../../src/ingest/pdf/page-threads.js')>('ingest/pdf/page-threads.js');
      await read.readPdf(bytes(), { parallelPages: true });
      const url = pathToFileURL(join(root, 'dist', 'ingest', 'pdf', 'page-threads.js'));
      expect(await threads.runOnPageWorker(url, 'errorShape', 'from the worker')).toEqual({ name: 'Error', message: 'from the worker' });
      expect(threads.runOnPageWorker(url, 'errorShape', 'again')).toBeUndefined();
      // A task that throws rejects with its error; the worker is gone after it as well.
      await read.readPdf(bytes(), { parallelPages: true });
      await expect(threads.runOnPageWorker(url, 'unwrapOutcome', undefined)).rejects.toThrow('page was not read');
      expect(threads.runOnPageWorker(url, 'errorShape', 'again')).toBeUndefined();
      // One thread alone (no parallelPages) leaves no worker.
      await read.readPdf(bytes());
      expect(threads.runOnPageWorker(url, 'errorShape', 'x')).toBeUndefined();
    });

    it('analyzeBytes on two threads (its document checks on the page worker) gives the record one thread gives', async () => {
      const { analyzeBytes } = await load<typeof import('../../../src/analyze.js')>('analyze.js');
      const one = await analyzeBytes(bytes(), { fileName: 'forms.pdf', ocr: false });
      const two = await analyzeBytes(bytes(), { fileName: 'forms.pdf', ocr: false, parallelPages: true });
      expect(one.record.checks.length).toBeGreaterThan(0);
      expect(JSON.stringify(two.record)).toBe(JSON.stringify(one.record));
    });

    it('reads the whole document as one thread does, twice with the same worker', async () => {
      const read = await load<typeof import('../../../src/ingest/read-pdf.js')>('ingest/read-pdf.js');
      const one = await read.readPdf(bytes());
      expect(await read.readPdf(bytes(), { parallelPages: true })).toEqual(one);
      expect(await read.readPdf(bytes(), { parallelPages: true })).toEqual(one);
    });
  });
});
