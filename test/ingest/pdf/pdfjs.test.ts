import { describe, expect, it } from 'vitest';

// Taken before pdf.js is loaded (pdfjs.ts is imported dynamically below, not at the top).
const nativePush = Array.prototype.push;

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
});
