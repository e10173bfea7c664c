// OCR seconds per page on the scanned seed: the whole read (engine start-up included, as a user
// pays it per document) and per page as the OCR module times it (render + recognize).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, loadDist } from './env.js';
import { now } from './stats.js';

export function ocrAvailable() {
  return existsSync(join(ROOT, 'dist', 'ingest', 'ocr'));
}

/** @param {{ file: string, runs: number }} args */
export async function runOcr(args) {
  const { readDocument } = await loadDist('ingest/read.js');
  let ocrPages = null;
  try {
    ({ ocrPages } = await loadDist('ingest/ocr/ocr-pages.js'));
  } catch {
    // per-page timings are optional; the whole-document timing is what matters
  }
  const bytes = new Uint8Array(readFileSync(args.file));
  const name = basename(args.file);
  const runs = [];
  for (let r = 0; r < args.runs; r++) {
    const t0 = now();
    const doc = await readDocument(bytes, { fileName: name, ocr: true });
    const ms = now() - t0;
    const pages = doc.pages.filter((p) => p.ocrConfidence !== undefined);
    runs.push({
      ms,
      pages: doc.pages.length,
      ocrPages: pages.length,
      meanConfidence: pages.length ? pages.reduce((a, p) => a + p.ocrConfidence, 0) / pages.length : null,
      chars: doc.text.replace(/\s/gu, '').length,
    });
  }
  let perPage = null;
  if (ocrPages && runs[0]?.pages) {
    const results = await ocrPages(bytes, Array.from({ length: runs[0].pages }, (_, i) => i + 1), { fileName: name });
    perPage = results.map((p) => ({ page: p.page, seconds: p.seconds, dpi: p.dpi ?? null, confidence: p.confidence }));
  }
  return { file: name, runs, perPage };
}
