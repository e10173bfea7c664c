// Per-stage throughput on one thread: read → normalize → segment → extract → check, each timed
// on its own over the whole corpus, files already in memory (disk is not what is measured).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadDist, SHARED_DIR } from './env.js';
import { now } from './stats.js';
import { profiled } from './profile.js';

const CORPUS_DIR = join(SHARED_DIR, 'corpus');

async function pipeline() {
  const [{ readRaw }, { normalizeDocument }, { segmentDocument }, { extractRecord }, { checkRecord }] = await Promise.all([
    loadDist('ingest/read.js'),
    loadDist('normalize/normalize.js'),
    loadDist('segment/segment.js'),
    loadDist('extract/extract-record.js'),
    loadDist('check/index.js'),
  ]);
  return { readRaw, normalizeDocument, segmentDocument, extractRecord, checkRecord };
}

/** The 41 real report texts, without their two header lines, as UTF-8 TXT files. */
export function loadRealCorpus() {
  let names = [];
  try {
    names = readdirSync(CORPUS_DIR).filter((n) => /^r\d+\.txt$/.test(n)).sort();
  } catch {
    return [];
  }
  return names.map((n) => {
    const text = readFileSync(join(CORPUS_DIR, n), 'utf8').split('\n').slice(2).join('\n');
    return { name: n, format: 'txt', bytes: new Uint8Array(Buffer.from(text, 'utf8')) };
  });
}

const STAGES = ['read', 'normalize', 'segment', 'extract', 'check'];

/**
 * One timed pass. Returns per-stage milliseconds over all docs, read time per format, and the
 * "already-read TXT analysis" time (normalize + segment + extract + check over TXT docs; extraction
 * reuses the document's segmentation).
 */
async function timePass(p, docs, keep) {
  const ms = Object.fromEntries(STAGES.map((s) => [s, 0]));
  const readByFormat = {};
  let txtAnalysisMs = 0;
  let txtDocs = 0;
  let txtBytes = 0;
  const kept = [];
  for (const d of docs) {
    const t0 = now();
    const raw = await p.readRaw(d.bytes, { fileName: d.name, ocr: false });
    const t1 = now();
    const doc = p.normalizeDocument(raw);
    const t2 = now();
    p.segmentDocument(doc);
    const t3 = now();
    const record = p.extractRecord(doc, { fileName: d.name, sha256: d.sha256 });
    const t4 = now();
    record.checks = p.checkRecord(record, { text: doc.text, doc });
    const t5 = now();
    ms.read += t1 - t0;
    ms.normalize += t2 - t1;
    ms.segment += t3 - t2;
    ms.extract += t4 - t3;
    ms.check += t5 - t4;
    const f = (readByFormat[d.format] ??= { ms: 0, docs: 0, bytes: 0 });
    f.ms += t1 - t0;
    f.docs++;
    f.bytes += d.bytes.length;
    if (raw.format === 'txt') {
      txtAnalysisMs += t5 - t1;
      txtDocs++;
      txtBytes += d.bytes.length;
    }
    if (keep) kept.push({ d, record });
  }
  return { ms, readByFormat, txtAnalysisMs, txtDocs, txtBytes, kept };
}

/**
 * @param {{ manifest: string, runs: number, recordsOut?: string, keepRecords?: number, real?: boolean }} args
 */
export async function runStages(args) {
  const p = await pipeline();
  const manifest = JSON.parse(readFileSync(args.manifest, 'utf8'));
  const docs = manifest.map((m) => {
    const bytes = new Uint8Array(readFileSync(m.path));
    return { name: basename(m.path), format: m.format, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), inconsistent: m.inconsistent };
  });
  const totalBytes = docs.reduce((a, d) => a + d.bytes.length, 0);

  // Warm-up: loads jieba's dictionaries and lets the JIT settle before anything is timed.
  const warmStart = now();
  await timePass(p, docs.slice(0, Math.min(100, docs.length)), false);
  const warmupMs = now() - warmStart;

  // The analysis target on its own: whole passes over the read TXT reports, wall and CPU time (CPU
  // time is what other load on a shared machine disturbs least).
  const txtRaws = [];
  for (const d of docs) {
    const raw = await p.readRaw(d.bytes, { fileName: d.name, ocr: false });
    if (raw.format === 'txt') txtRaws.push({ d, raw });
  }
  const analysis = { docs: txtRaws.length, bytes: txtRaws.reduce((a, x) => a + x.d.bytes.length, 0), wallMs: [], cpuMs: [] };
  for (let r = 0; r < args.runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = now();
    for (const { d, raw } of txtRaws) {
      const doc = p.normalizeDocument(raw);
      p.segmentDocument(doc);
      const record = p.extractRecord(doc, { fileName: d.name, sha256: d.sha256 });
      record.checks = p.checkRecord(record, { text: doc.text, doc });
    }
    analysis.wallMs.push(now() - t0);
    const c = process.cpuUsage(c0);
    analysis.cpuMs.push((c.user + c.system) / 1000);
  }

  const runs = [];
  let first = null;
  for (let r = 0; r < args.runs; r++) {
    const pass = await timePass(p, docs, r === 0);
    if (r === 0) first = pass.kept;
    delete pass.kept;
    runs.push(pass);
  }

  // Whether the checks see the deliberate flaws: a sanity line, not a benchmark.
  const sanity = { inconsistent: 0, flagged: 0, consistent: 0, falseAlarms: 0 };
  for (const { d, record } of first) {
    const failed = record.checks.some((c) => c.status === 'fail');
    if (d.inconsistent) {
      sanity.inconsistent++;
      if (failed) sanity.flagged++;
    } else {
      sanity.consistent++;
      if (failed) sanity.falseAlarms++;
    }
  }
  if (args.recordsOut) {
    const keep = first.slice(0, args.keepRecords ?? 300).map(({ d, record }) => ({ sha256: d.sha256, fileName: d.name, format: d.format, bytes: d.bytes.length, record }));
    writeFileSync(args.recordsOut, JSON.stringify(keep));
  }

  let real = null;
  if (args.real) {
    const realDocs = loadRealCorpus().map((d) => ({ ...d, sha256: createHash('sha256').update(d.bytes).digest('hex') }));
    if (realDocs.length > 0) {
      await timePass(p, realDocs, false);
      const realRuns = [];
      for (let r = 0; r < args.runs; r++) {
        const pass = await timePass(p, realDocs, false);
        delete pass.kept;
        realRuns.push(pass);
      }
      real = { docs: realDocs.length, bytes: realDocs.reduce((a, d) => a + d.bytes.length, 0), runs: realRuns };
    }
  }
  return { docs: docs.length, bytes: totalBytes, warmupMs, runs, analysis, sanity, real };
}

/** For profiling: analysis of already-read TXT docs (normalize + segment + extract + check), `passes` times, profiled when `profileOut` is set. */
export async function runAnalysisLoop(args) {
  const p = await pipeline();
  const manifest = JSON.parse(readFileSync(args.manifest, 'utf8')).filter((m) => m.format === 'txt').slice(0, args.docs ?? 200);
  const raws = [];
  for (const m of manifest) raws.push({ name: basename(m.path), raw: await p.readRaw(new Uint8Array(readFileSync(m.path)), { fileName: basename(m.path) }) });
  // Warm up (jieba load) outside the interesting part of the profile.
  for (const { raw } of raws.slice(0, 20)) {
    const doc = p.normalizeDocument(raw);
    p.extractRecord(doc, {});
  }
  const t0 = now();
  let n = 0;
  await profiled(args.profileOut, async () => {
    for (let i = 0; i < (args.passes ?? 3); i++) {
      for (const { name, raw } of raws) {
        const doc = p.normalizeDocument(raw);
        p.segmentDocument(doc);
        const record = p.extractRecord(doc, { fileName: name, sha256: null });
        record.checks = p.checkRecord(record, { text: doc.text, doc });
        n++;
      }
    }
  });
  return { docs: n, ms: now() - t0 };
}
