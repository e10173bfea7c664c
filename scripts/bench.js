#!/usr/bin/env node
// `npm run bench`: how fast jixiao is, measured against the tools a user would otherwise reach
// for, written to BENCHMARKS.md. Every figure is the median of several runs; comparisons run side
// by side in the same run. `--quick` for a smaller run; `--help` for the options.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runSection } from './bench/child.js';
import { writeCorpus, SEED_DIR } from './bench/corpus.js';
import { REPO_ROOT, ROOT, SHARED_DIR } from './bench/env.js';
import { prepareQueueBase, runQueue, dropDatabase, createDatabase } from './bench/ingest.js';
import { hasPdftotext } from './bench/pdf.js';
import { runCold } from './bench/cold.js';
import { ocrAvailable } from './bench/ocr.js';
import { summarizeProfile } from './bench/profile.js';
import { ANALYSIS_GOAL, analysisReportsPerSecond, pdfRatio, renderReport } from './bench/report.js';
import { busyShare, machineCpu, machineLoad, median, serverCpuSeconds } from './bench/stats.js';

const SECTIONS = ['stages', 'linear', 'segment', 'pdf', 'ocr', 'cold', 'store', 'embedded', 'memory', 'queue', 'profile'];

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    runs: { type: 'string' },
    only: { type: 'string' },
    skip: { type: 'string' },
    'redis-url': { type: 'string', default: process.env.JIXIAO_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'database-url': { type: 'string', default: process.env.JIXIAO_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    merge: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (opt.help) {
  process.stdout.write(`usage: node scripts/bench.js [--quick] [--out FILE] [--runs N] [--only a,b] [--skip a,b]
                             [--redis-url URL] [--database-url URL] [--keep] [--json FILE] [--merge FILE]
sections: ${SECTIONS.join(', ')}
--json FILE writes the raw results; --merge FILE starts from such a file, so that --only re-runs
some sections and the report keeps the others.
--database-url is an admin URL: each queue/store measurement creates its own database and drops it.
JIXIAO_BENCH_ROOT=<dir> measures another build (a directory with dist/, workers/, node_modules).
`);
  process.exit(0);
}

const quick = opt.quick;
const size = quick
  ? { corpus: 200, e2e: 300, memSmall: 100, runs: 3, e2eRuns: 1, pdfRuns: 3, ocrRuns: 1, storeRecords: 100, segmentDocs: 100 }
  : { corpus: 1000, e2e: 2000, memSmall: 200, runs: 3, e2eRuns: 3, pdfRuns: 3, ocrRuns: 2, storeRecords: 300, segmentDocs: 500 };
if (opt.runs) size.runs = size.e2eRuns = Math.max(1, Number(opt.runs));
const only = opt.only ? new Set(opt.only.split(',')) : null;
const skip = new Set((opt.skip ?? '').split(',').filter(Boolean));
const wanted = (s) => (only ? only.has(s) : true) && !skip.has(s);
const outFile = opt.out ?? join(REPO_ROOT, 'BENCHMARKS.md');
const redisUrl = opt['redis-url'];
const adminUrl = opt['database-url'];

const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);
const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const previous = opt.merge ? JSON.parse(readFileSync(opt.merge, 'utf8')) : null;
const results = previous
  ? { ...previous, notes: [...(previous.notes ?? [])], errors: (previous.errors ?? []).filter((e) => !wanted(e.section.replace(/^profile-.*/, 'profile'))) }
  : { notes: [], errors: [] };

function gitDescribe() {
  // A snapshot build (JIXIAO_BENCH_ROOT) may say which commit it was built from.
  const stamp = join(ROOT, '.bench-commit');
  if (ROOT !== REPO_ROOT && existsSync(stamp)) return readFileSync(stamp, 'utf8').trim();
  try {
    const commit = execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', REPO_ROOT, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Runs one section, recording a failure instead of aborting the whole benchmark. */
async function attempt(name, fn) {
  try {
    await fn();
  } catch (error) {
    log(`${name} failed: ${error.message.split('\n')[0]}`);
    results.errors.push({ section: name, message: error.message.split('\n').slice(0, 6).join(' ') });
  }
}

/** Makes sure pdftotext is there: installs poppler-utils when running as root, else returns null. */
function ensurePdftotext() {
  let version = hasPdftotext();
  if (version) return version;
  if (process.getuid?.() === 0) {
    log('pdftotext missing: apt-get install -y poppler-utils');
    const r = spawnSync('apt-get', ['install', '-y', 'poppler-utils'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status === 0) version = hasPdftotext();
    if (!version) results.notes.push('pdftotext was missing and `apt-get install -y poppler-utils` did not provide it: the comparison is skipped.');
  } else {
    results.notes.push('pdftotext (poppler-utils) is not installed and the benchmark is not running as root: the comparison is skipped. Install it with `apt-get install -y poppler-utils`.');
  }
  return version;
}

/** CPU profile of a section's measured part (main thread): its top frames and sources. */
async function profileSection(section, args) {
  const profileOut = join(work, `${section}.cpuprofile`);
  const result = await runSection(section, { ...args, profileOut });
  return { result, profile: summarizeProfile(profileOut, { top: 15 }) };
}

log(`root ${ROOT}; ${quick ? 'quick' : 'full'} run; work dir ${work}; ${machineLoad()}`);
results.meta = {
  date: new Date().toISOString(),
  quick,
  commit: gitDescribe(),
  root: ROOT === REPO_ROOT ? null : ROOT,
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  loadStart: machineLoad(),
  size,
  ...(previous ? { merged: { from: previous.meta.date, reran: SECTIONS.filter(wanted) } } : {}),
};

try {
  // --- corpus ---------------------------------------------------------------------------------
  const corpusDir = join(work, 'corpus');
  const needE2e = wanted('embedded') || wanted('memory') || wanted('queue');
  // The PDF, OCR, linear and cold sections read their own files: `--only cold` makes no corpus.
  const needCorpus = SECTIONS.filter((s) => !['pdf', 'ocr', 'linear', 'cold'].includes(s)).some(wanted);
  const corpusCount = Math.max(size.corpus, needE2e ? size.e2e : 0);
  if (needCorpus) log(`generating ${corpusCount} reports from the seed`);
  const manifest = needCorpus ? await writeCorpus(corpusDir, corpusCount) : [];
  const manifestPath = join(corpusDir, 'manifest.json');
  const stagesManifest = join(work, 'stages-manifest.json');
  writeFileSync(stagesManifest, JSON.stringify(manifest.slice(0, size.corpus)));
  const mix = {};
  for (const m of manifest.slice(0, size.corpus)) mix[m.format] = (mix[m.format] ?? 0) + 1;
  if (needCorpus) {
    results.corpus = {
      count: size.corpus,
      e2eCount: size.e2e,
      mix,
      bytes: manifest.slice(0, size.corpus).reduce((a, m) => a + m.bytes, 0),
      inconsistent: manifest.slice(0, size.corpus).filter((m) => m.inconsistent).length,
    };
  }
  const recordsPath = join(work, 'records.json');

  // --- per-stage throughput -------------------------------------------------------------------
  if (wanted('stages') || wanted('store')) {
    await attempt('stages', async () => {
      log(`stages: ${size.corpus} reports × ${size.runs} runs, one thread`);
      results.stages = await runSection('stages', { manifest: stagesManifest, runs: size.runs, recordsOut: recordsPath, keepRecords: size.storeRecords, real: true });
    });
  }

  // --- linear in the input: one-line texts of 1, 4 and 16 MB, one fresh process each -----------
  if (wanted('linear')) {
    await attempt('linear', async () => {
      const { LINEAR_SIZES_MB } = await import('./bench/linear.js');
      results.linear = [];
      for (const megabytes of LINEAR_SIZES_MB) {
        log(`linear: one-line text of ${megabytes} MB`);
        results.linear.push(await runSection('linear', { megabytes }, { timeoutMs: 10 * 60_000 }));
      }
    });
  }

  // --- segmentation ---------------------------------------------------------------------------
  if (wanted('segment')) {
    await attempt('segment', async () => {
      log('segment: jixiao vs bare nodejieba.cut');
      const a = { manifest: stagesManifest, docs: size.segmentDocs, runs: size.runs };
      const jixiao = await runSection('segment', { ...a, mode: 'jixiao' });
      const bare = await runSection('segment', { ...a, mode: 'bare' });
      const load = { jixiao: [], bare: [] };
      for (let r = 0; r < size.runs; r++) {
        for (const mode of ['bare', 'jixiao']) load[mode].push((await runSection('jieba-load', { mode })).ms);
      }
      results.segment = { jixiao, bare, load };
    });
  }

  // --- PDF ------------------------------------------------------------------------------------
  if (wanted('pdf')) {
    await attempt('pdf', async () => {
      const version = ensurePdftotext();
      const realDir = join(SHARED_DIR, 'realpdf');
      const files = [join(SEED_DIR, 'huadu-2021-jgdgw.pdf')];
      if (existsSync(realDir)) for (const n of readdirSorted(realDir)) if (n.endsWith('.pdf')) files.push(join(realDir, n));
      log(`pdf: ${files.length} files × ${size.pdfRuns} runs${version ? ', with pdftotext' : ''}`);
      results.pdf = { pdftotext: version, ...(await runSection('pdf', { files, runs: size.pdfRuns, pdftotext: Boolean(version) })) };
    });
  }

  // --- cold process, one file (issue 18) --------------------------------------------------------
  if (wanted('cold')) {
    await attempt('cold', async () => {
      if (!ensurePdftotext()) throw new Error('pdftotext is needed for the side-by-side figures');
      // Medians of 5 as issue 18 states its goals; --runs overrides, --quick takes 3.
      const runs = opt.runs ? size.runs : quick ? 3 : 5;
      log(`cold: fresh processes, ${runs} runs`);
      const start = machineLoad();
      results.cold = { ...runCold({ work, runs, log }), load: { start, end: machineLoad() } };
    });
  }

  // --- OCR ------------------------------------------------------------------------------------
  if (wanted('ocr')) {
    if (!ocrAvailable()) {
      results.notes.push('OCR: dist/ingest/ocr/ is not built, so OCR was not measured.');
    } else {
      await attempt('ocr', async () => {
        log(`ocr: scanned seed × ${size.ocrRuns} runs`);
        results.ocr = await runSection('ocr', { file: join(SEED_DIR, 'huadu-2021-jgdgw-scanned.pdf'), runs: size.ocrRuns }, { timeoutMs: 15 * 60_000 });
      });
    }
  }

  // --- store ----------------------------------------------------------------------------------
  if (wanted('store') && existsSync(recordsPath)) {
    await attempt('store', async () => {
      const dbName = `jixiao_bench_${process.pid}_store`;
      const databaseUrl = await createDatabase(adminUrl, dbName);
      try {
        log(`store: ${size.storeRecords} records × ${size.runs} runs into PGlite and PostgreSQL`);
        results.store = await runSection('store', {
          records: recordsPath,
          runs: size.runs,
          targets: [
            { label: 'PGlite, data directory on disk (embedded default)', kind: 'pglite-disk' },
            { label: 'PGlite on disk, batches of 16 (as embedded ingest group-commits)', kind: 'pglite-disk', batch: 16 },
            { label: 'PGlite, in memory', kind: 'pglite-memory' },
            { label: 'PostgreSQL 1 connection', kind: 'postgres', databaseUrl },
            { label: 'PostgreSQL 1 connection, batches of 16', kind: 'postgres', databaseUrl, batch: 16 },
            { label: 'PostgreSQL 4 concurrent saves', kind: 'postgres', databaseUrl, concurrency: 4 },
          ],
        });
      } finally {
        await dropDatabase(adminUrl, dbName);
      }
    });
  }

  const e2eManifest = join(work, 'e2e-manifest.json');
  writeFileSync(e2eManifest, JSON.stringify(manifest.slice(0, size.e2e)));

  // --- end-to-end, embedded -------------------------------------------------------------------
  const embeddedRun = async (count, concurrency) => {
    const cpu0 = machineCpu();
    const r = await runSection('embedded', { manifest: e2eManifest, count, concurrency }, { timeoutMs: 30 * 60_000 });
    return { ...r, machineBusy: busyShare(cpu0, machineCpu()) };
  };
  if (wanted('embedded')) {
    await attempt('embedded', async () => {
      // 1 thread on fewer reports: its steady rate is what the 2-thread rate is compared with.
      const oneCount = Math.min(size.e2e, 500);
      results.embedded = { two: [], one: [], oneCount };
      for (let r = 0; r < size.e2eRuns; r++) {
        log(`embedded: ${size.e2e} reports, 2 threads, run ${r + 1}/${size.e2eRuns}`);
        results.embedded.two.push(await embeddedRun(size.e2e, 2));
        log(`embedded: ${oneCount} reports, 1 thread, run ${r + 1}/${size.e2eRuns}`);
        results.embedded.one.push(await embeddedRun(oneCount, 1));
      }
    });
  }
  if (wanted('memory')) {
    await attempt('memory', async () => {
      results.memory = { small: [], smallCount: size.memSmall, large: results.embedded?.two ?? [], largeCount: size.e2e };
      for (let r = 0; r < size.e2eRuns; r++) {
        log(`memory: ${size.memSmall} reports embedded, run ${r + 1}/${size.e2eRuns}`);
        results.memory.small.push(await embeddedRun(size.memSmall, 2));
      }
      if (results.memory.large.length === 0) {
        log(`memory: ${size.e2e} reports embedded`);
        results.memory.large.push(await embeddedRun(size.e2e, 2));
      }
    });
  }

  // --- end-to-end, queue ----------------------------------------------------------------------
  if (wanted('queue')) {
    await attempt('queue', async () => {
      const files = manifest.slice(0, size.e2e).map((m) => m.path);
      log(`queue: enqueueing ${files.length} reports`);
      const base = await prepareQueueBase({ files, redisUrl, adminUrl });
      results.queue = { enqueuePerSecond: base.enqueuePerSecond, enqueueMs: base.enqueueMs, runs: { 1: [], 2: [] } };
      try {
        // Interleaved, so that a change in the machine's load hits both configurations alike.
        for (let r = 0; r < size.e2eRuns; r++) {
          for (const workers of [1, 2]) {
            log(`queue: ${workers} worker${workers > 1 ? 's' : ''}, run ${r + 1}/${size.e2eRuns}`);
            const cpu0 = machineCpu();
            const servers0 = serverCpuSeconds();
            const q = await runQueue({ base, workers, redisUrl, adminUrl, tag: `w${workers}r${r}` });
            const servers1 = serverCpuSeconds();
            results.queue.runs[workers].push({
              ...q,
              machineBusy: busyShare(cpu0, machineCpu()),
              serverCpuSeconds: Object.fromEntries(Object.keys(servers1).map((k) => [k, servers1[k] - (servers0[k] ?? 0)])),
            });
          }
        }
      } finally {
        await dropDatabase(adminUrl, base.dbName);
      }
    });
  }

  // --- profiles of missed targets -------------------------------------------------------------
  if (wanted('profile')) {
    results.profiles ??= {};
    const analysisRate = results.stages ? analysisReportsPerSecond(results.stages) : NaN;
    if (Number.isFinite(analysisRate) && analysisRate < ANALYSIS_GOAL) {
      await attempt('profile-analysis', async () => {
        log('profile: analysis of already-read TXT');
        results.profiles.analysis = await profileSection('analysis-loop', { manifest: stagesManifest, docs: Math.min(200, size.corpus), passes: 3 });
      });
    }
    const cores = results.embedded ? median(results.embedded.two.map((r) => r.cpuMs / r.wallMs)) : NaN;
    if (Number.isFinite(cores) && cores < 1.6) {
      await attempt('profile-embedded', async () => {
        log('profile: embedded ingest, main thread');
        results.profiles.embedded = await profileSection('embedded', { manifest: e2eManifest, count: Math.min(size.e2e, 300), concurrency: 2 });
      });
    }
    const ratio = results.pdf ? pdfRatio(results.pdf) : NaN;
    if (Number.isFinite(ratio) && ratio > 3) {
      await attempt('profile-pdf', async () => {
        const file = join(SHARED_DIR, 'realpdf', 'putuo-planning-2024-final-accounts.pdf');
        log('profile: PDF reading');
        results.profiles.pdf = await profileSection('pdf-loop', { file: existsSync(file) ? file : join(SEED_DIR, 'huadu-2021-jgdgw.pdf'), passes: 2 });
      });
    }
  }
} finally {
  results.meta.loadEnd = machineLoad();
  results.meta.seconds = (Date.now() - started) / 1000;
  const markdown = renderReport(results);
  writeFileSync(outFile, markdown);
  writeFileSync(join(work, 'results.json'), JSON.stringify(results, null, 1));
  if (opt.json) writeFileSync(opt.json, JSON.stringify(results, null, 1));
  log(`wrote ${outFile} in ${results.meta.seconds.toFixed(0)} s${results.errors.length ? ` (${results.errors.length} sections failed)` : ''}`);
  if (!opt.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

function readdirSorted(dir) {
  return readdirSync(dir).sort();
}
