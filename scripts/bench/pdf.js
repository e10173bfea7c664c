// PDF reading: jixiao's reader (pdf.js text, lines, paragraphs, ruled tables) against poppler's
// pdftotext on the same files, interleaved file by file so both see the same machine load.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { loadDist } from './env.js';
import { now } from './stats.js';
import { profiled } from './profile.js';

export function hasPdftotext() {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (r.error) return null;
  return (r.stderr || r.stdout).split('\n')[0].trim();
}

/** pdftotext as a user would run it: a process per file, text to stdout. */
function runPdftotext(path) {
  const t0 = now();
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`pdftotext ${path}: exit ${r.status}: ${r.stderr}`);
  return { ms, chars: r.stdout.replace(/\s/gu, '').length };
}

/**
 * @param {{ files: string[], runs: number, pdftotext: boolean }} args
 */
export async function runPdf(args) {
  const [{ readRaw }, { normalizeDocument }] = await Promise.all([loadDist('ingest/read.js'), loadDist('normalize/normalize.js')]);
  const files = args.files.map((path) => ({ path, name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  // Warm-up: pdf.js module, CMaps and the JIT; poppler's shared libraries into the page cache.
  await readRaw(files[0].bytes, { fileName: files[0].name, ocr: false });
  if (args.pdftotext) runPdftotext(files[0].path);

  const results = files.map((f) => ({ name: f.name, bytes: f.bytes.length, pages: 0, chars: 0, popplerChars: 0, readMs: [], normalizeMs: [], popplerMs: [] }));
  for (let r = 0; r < args.runs; r++) {
    for (const [i, f] of files.entries()) {
      const t0 = now();
      const raw = await readRaw(f.bytes, { fileName: f.name, ocr: false });
      const t1 = now();
      const doc = normalizeDocument(raw);
      const t2 = now();
      const res = results[i];
      res.readMs.push(t1 - t0);
      res.normalizeMs.push(t2 - t1);
      res.pages = doc.pages.length;
      res.chars = doc.text.replace(/\s/gu, '').length;
      if (args.pdftotext) {
        const p = runPdftotext(f.path);
        res.popplerMs.push(p.ms);
        res.popplerChars = p.chars;
      }
    }
  }
  return { files: results };
}

/** For profiling: reads one PDF `passes` times. */
export async function runPdfLoop(args) {
  const { readRaw } = await loadDist('ingest/read.js');
  const bytes = new Uint8Array(readFileSync(args.file));
  await readRaw(bytes, { fileName: basename(args.file), ocr: false });
  const t0 = now();
  let pages = 0;
  await profiled(args.profileOut, async () => {
    for (let i = 0; i < (args.passes ?? 3); i++) pages += (await readRaw(bytes, { fileName: basename(args.file), ocr: false })).pages.length;
  });
  return { pages, ms: now() - t0 };
}
