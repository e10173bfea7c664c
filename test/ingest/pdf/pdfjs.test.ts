import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Taken before pdf.js is loaded (pdfjs.ts is imported dynamically below, not at the top).
const nativePush = Array.prototype.push;

const seedPdf = fileURLToPath(new URL('../../../fixtures/seed/huadu-2021-jgdgw.pdf', import.meta.url));

/** Font and object ids carry the document's number, which differs between two opened documents. */
function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v))
    .replace(/g_d\d+_/g, 'g_d_')
    .replace(/\bp\d+_/g, 'p_');
}

async function readPages(textOnly: boolean): Promise<{ hooked: boolean; pages: string[] }> {
  const { openPdfDocument, skipFontFaceLoading } = await import('../../../src/ingest/pdf/pdfjs.js');
  const { task } = await openPdfDocument(new Uint8Array(readFileSync(seedPdf)), { textOnly });
  try {
    const doc = await task.promise;
    const hooked = textOnly ? skipFontFaceLoading(doc) : false;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent();
      const ops = await page.getOperatorList();
      pages.push(serialize([text.items, ops.fnArray, ops.argsArray]));
      page.cleanup();
    }
    return { hooked, pages };
  } finally {
    await task.destroy();
  }
}

describe('pdf.js loading', () => {
  it("puts back the native Array.prototype.push that pdf.js' bundled core-js replaces", async () => {
    const { loadPdfjs } = await import('../../../src/ingest/pdf/pdfjs.js');
    await loadPdfjs();
    // The worker module is loaded with the API, so its polyfills cannot come in later.
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeDefined();
    expect(Array.prototype.push).toBe(nativePush);
    const list = [1];
    expect(list.push(2, 3)).toBe(3);
    expect(list).toEqual([1, 2, 3]);
  });

  it('reads the same text items and operator lists with textOnly, whose font hook is in place', async () => {
    const rendering = await readPages(false);
    const textOnly = await readPages(true);
    // A pdf.js upgrade that moves the font loader would make reading slow again, not wrong.
    expect(textOnly.hooked).toBe(true);
    expect(textOnly.pages).toHaveLength(5);
    expect(textOnly.pages).toEqual(rendering.pages);
  });
});
