// Turns the benchmark results into BENCHMARKS.md: targets first, then each section's table.
import { fmt, median, table, verdict } from './stats.js';
import { coldTargets, renderCold } from './cold.js';

const MB = 1024 * 1024;

/** Reports/s of normalize + segment + extract + check over already-read TXT reports, by wall time (median over runs). */
export function analysisReportsPerSecond(stages) {
  if (stages.analysis) return median(stages.analysis.wallMs.map((ms) => stages.analysis.docs / (ms / 1000)));
  return median(stages.runs.map((r) => r.txtDocs / (r.txtAnalysisMs / 1000)));
}

/** The same by the process's CPU time (what other load on a shared machine disturbs least), or NaN. */
export function analysisReportsPerCpuSecond(stages) {
  if (!stages.analysis) return NaN;
  return median(stages.analysis.cpuMs.map((ms) => stages.analysis.docs / (ms / 1000)));
}

/** The analysis goal of issue #18: reports/s on one core. */
export const ANALYSIS_GOAL = 500;

/** jixiao's PDF read time over pdftotext's, all files together (median over runs). */
export function pdfRatio(pdf) {
  if (!pdf.pdftotext) return NaN;
  const perRun = (i) => pdf.files.reduce((a, f) => a + f.readMs[i], 0) / pdf.files.reduce((a, f) => a + f.popplerMs[i], 0);
  return median(pdf.files[0]?.readMs.map((_, i) => perRun(i)) ?? []);
}

const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—');
const signedPct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%` : '—');

function targets(res) {
  const rows = [];
  const analysis = res.stages ? analysisReportsPerSecond(res.stages) : NaN;
  const analysisCpu = res.stages ? analysisReportsPerCpuSecond(res.stages) : NaN;
  rows.push([
    'analysis of an already-read TXT report (normalize + segment + extract + check), one core',
    Number.isFinite(analysis) ? `${fmt(analysis, 0)} reports/s${Number.isFinite(analysisCpu) ? ` (${fmt(analysisCpu, 0)} per CPU second)` : ''}` : '—',
    `≥ ${ANALYSIS_GOAL} reports/s`,
    verdict(Number.isFinite(analysis) ? analysis >= ANALYSIS_GOAL : null),
  ]);
  const ratio = res.pdf ? pdfRatio(res.pdf) : NaN;
  rows.push(['PDF reading, ms per page against `pdftotext`', Number.isFinite(ratio) ? `${fmt(ratio, 1)}×` : '—', '≤ 3×', verdict(Number.isFinite(ratio) ? ratio <= 3 : null)]);
  const q1 = res.queue ? median(res.queue.runs[1].map((r) => r.steadyReportsPerSecond)) : NaN;
  const q2 = res.queue ? median(res.queue.runs[2].map((r) => r.steadyReportsPerSecond)) : NaN;
  const scale = q2 / q1;
  // What 2 cores could give at the CPU cost per report of the 1-worker runs (workers + servers).
  const ceiling = res.queue ? 2000 / median(res.queue.runs[1].map((r) => queueCpuPerReportMs(r))) / q1 : NaN;
  rows.push([
    'queue mode, 2 workers against 1 (steady reports/s)',
    Number.isFinite(scale) ? `${fmt(scale, 2)}× (${fmt(q1, 1)} → ${fmt(q2, 1)} reports/s; 2-core ceiling at the 1-worker CPU cost: ${fmt(ceiling, 2)}×)` : '—',
    '≥ 1.8×',
    verdict(Number.isFinite(scale) ? scale >= 1.8 : null),
  ]);
  const cores = res.embedded ? median(res.embedded.two.map((r) => r.cpuMs / r.wallMs)) : NaN;
  const speedup = res.embedded?.one.length ? median(res.embedded.two.map((r) => r.steadyReportsPerSecond)) / median(res.embedded.one.map((r) => r.steadyReportsPerSecond)) : NaN;
  rows.push([
    'embedded mode uses both cores (mean CPU of the process over the ingest, 2 threads)',
    Number.isFinite(cores) ? `${fmt(cores, 2)} cores busy; 2 threads ${fmt(speedup, 2)}× 1 thread` : '—',
    '≥ 1.6 cores (80% of 2)',
    verdict(Number.isFinite(cores) ? cores >= 1.6 : null),
  ]);
  const small = res.memory ? median(res.memory.small.map((r) => r.maxRssMiB)) : NaN;
  const large = res.memory ? median(res.memory.large.map((r) => r.maxRssMiB)) : NaN;
  const growth = large / small - 1;
  rows.push([
    `peak RSS for ${res.memory?.largeCount ?? '2,000'} reports against ${res.memory?.smallCount ?? 200} (embedded, 2 threads)`,
    Number.isFinite(growth) ? `${signedPct(growth)} (${fmt(small, 0)} → ${fmt(large, 0)} MiB)` : '—',
    '≤ +20%',
    verdict(Number.isFinite(growth) ? growth <= 0.2 : null),
  ]);
  if (res.cold) rows.push(...coldTargets(res.cold));
  return table(['target', 'measured', 'goal', 'verdict'], rows);
}

function stagesSection(res) {
  const s = res.stages;
  const out = [];
  const rate = (ms, docs, bytes) => [fmt(docs / (ms / 1000), 0), fmt(bytes / MB / (ms / 1000), 2), fmt(ms / docs, 2)];
  const stage = (key) => median(s.runs.map((r) => r.ms[key]));
  const rows = [];
  rows.push(['read (all formats)', ...rate(stage('read'), s.docs, s.bytes)]);
  const formats = { txt: 'TXT, UTF-8', gb18030: 'TXT, GB18030', docx: 'DOCX', html: 'HTML page' };
  for (const [key, label] of Object.entries(formats)) {
    const runs = s.runs.map((r) => r.readByFormat[key]).filter(Boolean);
    if (runs.length === 0) continue;
    rows.push([`  read · ${label} (${runs[0].docs})`, ...rate(median(runs.map((r) => r.ms)), runs[0].docs, runs[0].bytes)]);
  }
  rows.push(['normalize', ...rate(stage('normalize'), s.docs, s.bytes)]);
  rows.push(['segment (outline, lines, sentences)', ...rate(stage('segment'), s.docs, s.bytes)]);
  rows.push(['extract (`extractRecord`, on the segmentation above)', ...rate(stage('extract'), s.docs, s.bytes)]);
  rows.push(['check', ...rate(stage('check'), s.docs, s.bytes)]);
  const txt = s.runs[0];
  if (s.analysis) {
    const a = s.analysis;
    rows.push([`**analysis of read TXT** (normalize + segment + extract + check, ${a.docs} TXT reports, whole passes)`, ...rate(median(a.wallMs), a.docs, a.bytes)]);
    rows.push(['  the same, by CPU time of the process', ...rate(median(a.cpuMs), a.docs, a.bytes)]);
  } else
    rows.push([
      `**analysis of read TXT** (normalize + segment + extract + check, ${txt.txtDocs} TXT reports)`,
      ...rate(median(s.runs.map((r) => r.txtAnalysisMs)), txt.txtDocs, txt.txtBytes),
    ]);
  const disk = res.store?.targets.find((t) => t.kind === 'pglite-disk');
  if (disk) {
    const ms = median(disk.ms);
    rows.push(['store (`saveRecord` into PGlite on disk, see below)', fmt(disk.records / (ms / 1000), 0), '—', fmt(ms / disk.records, 2)]);
  }
  out.push(table(['stage', 'documents/s', 'MB/s', 'ms/document'], rows));
  out.push('');
  out.push(
    `MB/s counts the input files' bytes for every stage. The corpus: ${res.corpus.count} reports generated from the seed report (${Object.entries(res.corpus.mix)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; ${fmt(res.corpus.bytes / MB, 1)} MB; other departments, regions, years, amounts and counts; ${res.corpus.inconsistent} with one deliberate arithmetic error). Files are in memory: disk reads are not timed. Warm-up before timing (jieba's dictionaries, JIT): ${fmt(s.warmupMs / 1000, 1)} s.`,
  );
  if (s.sanity) {
    out.push('');
    out.push(
      `Sanity (first run): the checks failed ${s.sanity.flagged} of the ${s.sanity.inconsistent} reports with a deliberate error and ${s.sanity.falseAlarms} of the ${s.sanity.consistent} consistent ones.`,
    );
  }
  if (s.real) {
    const r = s.real;
    const ms = median(r.runs.map((x) => x.txtAnalysisMs));
    out.push('');
    out.push(
      `Real texts: the ${r.docs} reports of the shared corpus (${fmt(r.bytes / 1024, 0)} KB in all, most shorter than the seed) analysed the same way: ${fmt(r.docs / (ms / 1000), 0)} reports/s, ${fmt(r.bytes / MB / (ms / 1000), 2)} MB/s.`,
    );
  }
  return out.join('\n');
}

function pdfSection(res) {
  const p = res.pdf;
  const rows = [];
  const runs = p.files[0]?.readMs.length ?? 0;
  const hasEngines = p.files.every((f) => f.engines);
  const engineMs = (f, engine) => (hasEngines ? f.engines[engine].readMs : engine === 'default' ? f.readMs : []);
  const total = (pick) => median(Array.from({ length: runs }, (_, i) => p.files.reduce((a, f) => a + (pick(f)[i] ?? NaN), 0)));
  let tPages = 0;
  for (const f of p.files) {
    tPages += f.pages;
    const pop = p.pdftotext ? median(f.popplerMs) / f.pages : NaN;
    const perPage = (ms) => median(ms) / f.pages;
    const ratio = (ms) => (Number.isFinite(pop) ? `${fmt(perPage(ms) / pop, 1)}×` : '—');
    rows.push(
      hasEngines
        ? [f.name, f.pages, fmt(perPage(f.engines.pdfium.readMs), 1), ratio(f.engines.pdfium.readMs), fmt(perPage(f.engines.pdfjs.readMs), 1), ratio(f.engines.pdfjs.readMs), fmt(median(f.normalizeMs) / f.pages, 2), fmt(pop, 1), f.sameNormalizedText ? 'yes' : '**no**', `${fmt(f.chars, 0)} / ${p.pdftotext ? fmt(f.popplerChars, 0) : '—'}`]
        : [f.name, f.pages, fmt(perPage(f.readMs), 1), ratio(f.readMs), '—', '—', fmt(median(f.normalizeMs) / f.pages, 2), fmt(pop, 1), '—', `${fmt(f.chars, 0)} / ${p.pdftotext ? fmt(f.popplerChars, 0) : '—'}`],
    );
  }
  const pop = total((f) => f.popplerMs) / tPages;
  const allRatio = (ms) => (Number.isFinite(pop) ? `**${fmt(ms / tPages / pop, 1)}×**` : '—');
  const pdfiumMs = hasEngines ? total((f) => f.engines.pdfium.readMs) : total((f) => f.readMs);
  const pdfjsMs = hasEngines ? total((f) => f.engines.pdfjs.readMs) : NaN;
  // The default engine's ratio as the target line gives it: the median over runs of total time ratios.
  rows.push([`**all ${p.files.length} files**`, tPages, fmt(pdfiumMs / tPages, 1), Number.isFinite(pop) ? `**${fmt(pdfRatio(p), 1)}×**` : '—', fmt(pdfjsMs / tPages, 1), Number.isFinite(pdfjsMs) ? allRatio(pdfjsMs) : '—', fmt(total((f) => f.normalizeMs) / tPages, 2), fmt(pop, 1), '', '']);
  const out = [
    table(
      ['file', 'pages', 'PDFium (default) ms/page', 'ratio', 'pdf.js ms/page', 'ratio', '+ normalize ms/page', 'pdftotext ms/page', 'same normalized text', 'chars (jixiao / pdftotext)'],
      rows,
    ),
  ];
  out.push('');
  out.push(
    p.pdftotext
      ? `pdftotext: ${p.pdftotext}, run as a user would (\`pdftotext -enc UTF-8 file -\`, one process per file, start-up included). jixiao: \`readRaw\` in a warm process with each text engine, interleaved file by file (text, line and paragraph grouping, ruled-table detection; OCR off); PDFium is the default, pdf.js remains for page rendering and on request (\`pdfEngine: 'pdfjs'\`). Ratios are of total time over all files. "Same normalized text": both engines give the same normalized text. Chars are non-blank characters of the default engine's text and of pdftotext's.`
      : 'pdftotext was not available, so only jixiao was timed.',
  );
  const e = p.engines;
  if (e?.pdfium && e?.pdfjs && !e.pdfium.error && !e.pdfjs.error) {
    out.push('');
    out.push(
      `Each engine in a fresh process, reading all ${p.files.length} files once: start-up (import and initialisation; PDFium compiles its WebAssembly) ${fmt(e.pdfium.startMs, 0)} ms for PDFium, ${fmt(e.pdfjs.startMs, 0)} ms for pdf.js; peak RSS ${fmt(e.pdfium.maxRssMiB, 0)} MiB against ${fmt(e.pdfjs.maxRssMiB, 0)} MiB.`,
    );
  }
  return out.join('\n');
}

function ocrSection(res) {
  const o = res.ocr;
  const rows = o.runs.map((r, i) => [`run ${i + 1}`, r.ocrPages, fmt(r.ms / 1000, 1), fmt(r.ocrPages ? r.ms / 1000 / r.ocrPages : NaN, 2), fmt(r.meanConfidence, 2), r.chars]);
  const out = [`Scanned seed (${o.file}: ${o.runs[0]?.pages ?? '?'} pages of 150-dpi grey page images), \`readDocument(bytes, { ocr: true })\`, tesseract.js start-up included:`, ''];
  out.push(table(['', 'pages OCRed', 'seconds', 's/page', 'mean confidence', 'chars'], rows));
  const med = median(o.runs.map((r) => r.ms / 1000 / Math.max(1, r.ocrPages)));
  out.push('');
  out.push(
    `Median: **${fmt(med, 2)} s per page**.${
      o.perPage?.length
        ? ` Per page as the OCR module times it (render + recognize, engine already started): ${o.perPage.map((p) => `${fmt(p.seconds, 2)} s`).join(', ')} (median ${fmt(median(o.perPage.map((p) => p.seconds)), 2)} s).`
        : ''
    }`,
  );
  return out.join('\n');
}

function segmentSection(res) {
  const s = res.segment;
  const rows = [];
  const base = median(s.bare.timings['nodejieba.cut (default dict, HMM)']);
  const add = (name, perRun, seg) => {
    const ms = median(perRun);
    rows.push([name, fmt((ms / seg.docs) * 1000, 0), fmt(seg.docs / (ms / 1000), 0), fmt(seg.utf8Bytes / MB / (ms / 1000), 2), `${fmt(ms / base, 2)}×`]);
  };
  for (const [k, v] of Object.entries(s.jixiao.timings)) add(`jixiao ${k}`, v, s.jixiao);
  for (const [k, v] of Object.entries(s.bare.timings)) add(`bare ${k}`, v, s.bare);
  const out = [table(['', 'µs/report', 'reports/s', 'MB/s (UTF-8 text)', 'time vs bare cut'], rows)];
  out.push('');
  out.push(
    `On the normalized text of ${s.jixiao.docs} TXT reports (${fmt(s.jixiao.chars / s.jixiao.docs, 0)} characters each). \`segmentDocument\` finds the outline, lines and sentences and does not call jieba; jieba runs inside extraction (part-of-speech tags around counts). Dictionary load, first call in a fresh process: bare nodejieba ${fmt(median(s.load.bare) / 1000, 2)} s, jixiao's ${fmt(median(s.load.jixiao) / 1000, 2)} s (only the dictionary words of the text it cuts, plus the fiscal terms: see src/segment/jieba-dictionary.ts; a thread that goes on meeting new words loads the whole dictionary on its third load, as bare nodejieba does on its first).`,
  );
  return out.join('\n');
}

/** CPU of one queue run per completed report: the worker processes plus the servers. */
function queueCpuPerReportMs(r) {
  const workers = r.perWorker.reduce((a, p) => a + p.cpuSeconds, 0);
  const servers = (r.serverCpuSeconds?.postgres ?? 0) + (r.serverCpuSeconds?.redis ?? 0);
  return ((workers + servers) * 1000) / r.completed;
}

function e2eSection(res) {
  const rows = [];
  const e = res.embedded;
  const cores = 2;
  const row = (label, runs, rssOf) => {
    if (!runs?.length) return;
    const cpuPerReport = median(runs.map((r) => r.cpuMs / r.stored));
    rows.push([
      label,
      runs.length,
      fmt(median(runs.map((r) => r.reportsPerSecond)), 1),
      fmt(median(runs.map((r) => r.steadyReportsPerSecond)), 1),
      rssOf(runs),
      fmt(median(runs.map((r) => r.cpuMs / r.wallMs)), 2),
      fmt(cpuPerReport, 1),
      fmt((cores * 1000) / cpuPerReport, 0),
      pct(median(runs.map((r) => r.machineBusy))),
    ]);
  };
  if (e) {
    row('embedded, 2 threads, PGlite on disk', e.two, (runs) => `${fmt(median(runs.map((r) => r.maxRssMiB)), 0)}`);
    row(`embedded, 1 thread, PGlite on disk (${e.oneCount ?? res.corpus.e2eCount} reports)`, e.one, (runs) => `${fmt(median(runs.map((r) => r.maxRssMiB)), 0)}`);
  }
  const q = res.queue;
  if (q) {
    for (const w of [1, 2]) {
      const runs = q.runs[w];
      if (!runs.length) continue;
      const cpuPerReport = median(runs.map((r) => queueCpuPerReportMs(r)));
      rows.push([
        `queue, ${w} worker process${w > 1 ? 'es' : ''} (1 thread each), PostgreSQL`,
        runs.length,
        fmt(median(runs.map((r) => r.reportsPerSecond)), 1),
        fmt(median(runs.map((r) => r.steadyReportsPerSecond)), 1),
        runs[0].perWorker.map((_, i) => fmt(median(runs.map((r) => r.perWorker[i]?.hwmMiB)), 0)).join(' + '),
        fmt(median(runs.map((r) => r.perWorker.reduce((a, p) => a + p.cpuSeconds, 0) / (r.wallMs / 1000))), 2),
        fmt(cpuPerReport, 1),
        fmt((cores * 1000) / cpuPerReport, 0),
        pct(median(runs.map((r) => r.machineBusy))),
      ]);
    }
  }
  const out = [
    table(
      ['mode', 'runs', 'reports/s (start to last)', 'reports/s (steady)', 'peak RSS MiB per process', 'CPU cores used by jixiao', 'CPU ms per report', '2-core ceiling, reports/s', 'machine CPU busy'],
      rows,
    ),
    '',
    `${res.corpus.e2eCount} reports from files on disk to stored records. "start to last" includes start-up (PGlite initdb and migrations, worker processes, jieba's dictionary load in each thread); "steady" is the rate after the first completions. Peak RSS: \`process.resourceUsage().maxRSS\` for the embedded process (threads included), VmHWM from /proc for each queue worker. "CPU ms per report" is all CPU the run cost per stored report (start-up included): the jixiao process(es), and for queue mode also the PostgreSQL and Redis servers; the 2-core ceiling is what 2 fully available cores would allow at that cost. "Machine CPU busy" is the share of all cores busy during the run, everything on the machine included.`,
  ];
  const threadLine = (t) => `main ${fmt(t.main, 2)}, analysis ${t.analysis.map((a) => fmt(a, 2)).join(' + ')}, other ${fmt(t.other, 2)}`;
  const lines = [];
  if (e && threadsMedian(e.two)) lines.push(`embedded 2 threads: ${threadLine(threadsMedian(e.two))}`);
  if (e && threadsMedian(e.one)) lines.push(`embedded 1 thread: ${threadLine(threadsMedian(e.one))}`);
  for (const w of [1, 2]) {
    const runs = q?.runs[w] ?? [];
    if (runs.length && runs[0].perWorker[0]?.threads) {
      lines.push(`queue ${w} worker${w > 1 ? 's' : ''}, per process: ${runs[0].perWorker.map((_, i) => threadLine(threadsMedian(runs.map((r) => ({ threads: r.perWorker[i].threads }))))).join('; ')}`);
    }
  }
  if (lines.length) {
    out.push('');
    out.push(`CPU by thread, in cores (median over runs): main thread (file reads, hashing, pool hand-offs, every store call), analysis threads, other threads (V8's garbage collector and compiler, libuv) — ${lines.join('; ')}. Queue workers are counted from spawn, start-up included.`);
  }
  if (q) {
    const servers = (w) => {
      const runs = q.runs[w];
      if (!runs.length) return '—';
      const pgc = median(runs.map((r) => r.serverCpuSeconds?.postgres / (r.wallMs / 1000)));
      const rc = median(runs.map((r) => r.serverCpuSeconds?.redis / (r.wallMs / 1000)));
      return `PostgreSQL ${fmt(pgc, 2)} cores, Redis ${fmt(rc, 2)} cores`;
    };
    out.push('');
    out.push(`Enqueueing (\`enqueueFiles\`: originals into PostgreSQL, one job each): ${fmt(q.enqueuePerSecond, 0)} files/s. Servers during the runs: 1 worker: ${servers(1)}; 2 workers: ${servers(2)}.`);
  }
  return out.join('\n');
}

function storeSection(res) {
  const rows = res.store.targets.map((t) => {
    const ms = median(t.ms);
    return [t.label, fmt(t.records / (ms / 1000), 0), fmt(ms / t.records, 2), fmt(t.openMs / 1000, 1)];
  });
  const r = res.store.targets[0]?.rowsPerRecord;
  return [
    table(['store', 'records/s', 'ms/record', 'open + migrate, s'], rows),
    '',
    `\`saveRecord\` of ${res.store.targets[0]?.records ?? '?'} real records (from the stages run) per run, each in its own transaction (\`saveRecords\` of 16 per transaction in the batch rows)${r ? `: ${r.reports} report row, ${r.figures} figures, ${r.counts} counts, ${r.indicators} indicators and ${r.checks} checks per seed-sized record` : ''}. Each store is opened once and warmed up with 30 records.`,
  ].join('\n');
}

function memorySection(res) {
  const m = res.memory;
  const rows = [
    [m.smallCount, m.small.length, fmt(median(m.small.map((r) => r.maxRssMiB)), 0), m.small.map((r) => fmt(r.maxRssMiB, 0)).join(', ')],
    [m.largeCount, m.large.length, fmt(median(m.large.map((r) => r.maxRssMiB)), 0), m.large.map((r) => fmt(r.maxRssMiB, 0)).join(', ')],
  ];
  return [table(['reports', 'runs', 'peak RSS MiB (median)', 'each run'], rows), '', 'Embedded ingest (2 worker threads, PGlite on disk) in a fresh process per run; peak RSS of the whole process.'].join('\n');
}

function profileSection(title, p) {
  const out = [`### ${title}`, ''];
  out.push(`${fmt(p.profile.totalMs / 1000, 1)} s of samples on the main thread over the measured part (V8 sampling profiler, as \`node --cpu-prof\`). Self time by source:`);
  out.push('');
  out.push(table(['source', 'self ms', 'share'], p.profile.sources.slice(0, 10).map((s) => [s.source, fmt(s.selfMs, 0), pct(s.share)])));
  out.push('');
  out.push('Top frames by self time:');
  out.push('');
  out.push(table(['function', 'where', 'self ms', 'share'], p.profile.frames.map((f) => [`\`${f.name}\``, f.where || '—', fmt(f.selfMs, 0), pct(f.share)])));
  return out.join('\n');
}

/** Summed self-time share of the profile's sources that match. */
function shareOf(profile, match) {
  return profile.sources.filter((s) => match(s.source)).reduce((a, s) => a + s.share, 0);
}

function topSources(profile, n) {
  return profile.sources
    .slice(0, n)
    .map((s) => `${s.source} ${pct(s.share)}`)
    .join(', ');
}

/** Median per-thread cores over runs that carry a thread breakdown. */
function threadsMedian(runs) {
  const rs = runs.map((r) => r.threads).filter(Boolean);
  if (rs.length === 0) return null;
  const n = Math.max(...rs.map((r) => r.analysis.length));
  return {
    main: median(rs.map((r) => r.main)),
    analysis: Array.from({ length: n }, (_, i) => median(rs.map((r) => r.analysis[i] ?? NaN))),
    other: median(rs.map((r) => r.other)),
  };
}

/** One generated line per missed target that has evidence: profile shares and CPU accounting. */
function boundsOf(res) {
  const out = [];
  const p = res.profiles ?? {};
  if (p.analysis && res.stages && analysisReportsPerSecond(res.stages) < ANALYSIS_GOAL) {
    const pr = p.analysis.profile;
    const top = pr.frames.find((f) => f.where !== '');
    const spread = top && top.share < 0.15;
    out.push(
      `Analysis: ${spread ? `no single hotspot (largest frame \`${top.name}\` at ${top.where}, ${pct(top.share)})` : `hotspot \`${top?.name}\` at ${top?.where} (${pct(top?.share)})`}; self time by source: ${topSources(pr, 5)}. jixiao's own code (dist/) ${pct(shareOf(pr, (x) => x.startsWith('dist/')))}, decimal.js ${pct(shareOf(pr, (x) => x === 'decimal.js'))}, nodejieba ${pct(shareOf(pr, (x) => x === 'nodejieba'))}.`,
    );
  }
  if (p.pdf && res.pdf && pdfRatio(res.pdf) > 3) {
    const pr = p.pdf.profile;
    out.push(
      `PDF: self time by source ${pr.sources
        .slice(0, 5)
        .map((x) => `${x.source} ${pct(x.share)}`)
        .join(', ')}; jixiao's own PDF code (dist/) ${pct(shareOf(pr, (x) => x.startsWith('dist/')))}; pdftotext is native code.`,
    );
  }
  const e = res.embedded;
  if (e?.two.length) {
    const cores = median(e.two.map((r) => r.cpuMs / r.wallMs));
    if (cores < 1.6) {
      const t = threadsMedian(e.two);
      const pg = p.embedded ? shareOf(p.embedded.profile, (x) => x.startsWith('wasm/') || x === '@electric-sql/pglite') : NaN;
      const parts = [`Embedded: jixiao used ${fmt(cores, 2)} cores while the whole machine was ${pct(median(e.two.map((r) => r.machineBusy)))} busy.`];
      if (t) {
        parts.push(
          `Per thread, in cores: main ${fmt(t.main, 2)} (file reads, hashing, pool hand-offs and every PGlite call${Number.isFinite(pg) ? `: PGlite is ${pct(pg)} of its profile` : ''}), analysis threads ${t.analysis.map((a) => fmt(a, 2)).join(' + ')}, other threads ${fmt(t.other, 2)} (V8's garbage collector and compiler, libuv).`,
        );
        parts.push(t.main >= 0.9 ? 'The main thread is saturated: it bounds the rate.' : `No thread is saturated; ${fmt(t.main + t.other, 2)} cores go to threads other than the analysis threads.`);
      }
      out.push(parts.join(' '));
    }
  }
  const q = res.queue;
  if (q?.runs[1].length && q.runs[2].length) {
    const q1 = median(q.runs[1].map((r) => r.steadyReportsPerSecond));
    const q2 = median(q.runs[2].map((r) => r.steadyReportsPerSecond));
    if (q2 / q1 < 1.8) {
      const cpu = median(q.runs[1].map((r) => queueCpuPerReportMs(r)));
      const t = threadsMedian(q.runs[1].map((r) => ({ threads: r.perWorker[0].threads })));
      out.push(
        `Queue: one worker already costs ${fmt(cpu, 1)} ms CPU per report (worker process ${fmt(median(q.runs[1].map((r) => (r.perWorker[0].cpuSeconds * 1000) / r.completed)), 1)} ms, PostgreSQL and Redis the rest) at ${fmt(q1, 1)} reports/s, i.e. ${fmt((cpu * q1) / 1000, 2)} cores${t ? ` (worker threads, in cores: analysis ${fmt(t.analysis[0], 2)}, main ${fmt(t.main, 2)}, V8/libuv ${fmt(t.other, 2)})` : ''}; 2 cores allow at most ${fmt(2000 / cpu / q1, 2)}× that, before anything else on the machine (busy ${pct(median(q.runs[2].map((r) => r.machineBusy)))} during the 2-worker runs).`,
      );
    }
  }
  return out;
}

/** One row per size: a text that is one line of "预算数890.33万元，", analysed start to end. */
function linearSection(res) {
  const rows = [
    'One document that is a single line of "预算数890.33万元，" repeated, analysed (read → extract → check) in a fresh process on one thread. Before issue 17 the cost grew with the square of the line: 20,000 repetitions (0.5 MB) took 11.5 s and 3.4 MB did not finish. Target: 16 MB under a minute.',
    '',
    '| size | seconds | × previous | peak RSS |',
    '|---:|---:|---:|---:|',
  ];
  res.linear.forEach((r, i) => {
    const previous = res.linear[i - 1];
    rows.push(`| ${r.megabytes} MB | ${fmt(r.ms / 1000, 1)} | ${previous ? fmt(r.ms / previous.ms, 1) : '—'} | ${fmt(r.process.maxRssMiB, 0)} MiB |`);
  });
  return rows.join('\n');
}

export function renderReport(res) {
  const m = res.meta;
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Generated by \`npm run bench${m.quick ? ' -- --quick' : ''}\` on ${m.date.slice(0, 16).replace('T', ' ')} UTC in ${fmt(m.seconds / 60, 1)} min${m.merged ? ' (the re-run sections)' : ''}: commit ${m.commit}${m.root ? ` (code measured from ${m.root})` : ''}, Node ${m.node}, ${m.cpus}, ${m.memory}. Every figure is the median of ${m.size.runs} runs (end-to-end: ${m.size.e2eRuns}) unless the table says otherwise; comparisons were measured side by side in the same run.`,
  );
  out.push('');
  if (m.merged) {
    out.push(`Sections re-run on ${m.date.slice(0, 16).replace('T', ' ')} UTC: ${m.merged.reran.join(', ')}; the others come from the run of ${m.merged.from.slice(0, 16).replace('T', ' ')} UTC.`);
    out.push('');
  }
  out.push(
    `The machine is shared: ${m.loadStart} at the start, ${m.loadEnd ?? '?'} at the end (2 cores), so absolute rates are lower than on an idle machine; ratios measured side by side are the more reliable figures.`,
  );
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(targets(res));
  const bounds = boundsOf(res);
  if (bounds.length) out.push('', 'What bounds the missed targets (details in the sections and profiles below):', '', ...bounds.map((b) => `- ${b}`));
  for (const n of new Set(res.notes)) out.push('', `Note: ${n}`);
  for (const e of res.errors) out.push('', `**Section ${e.section} failed:** ${e.message}`);
  if (res.stages) out.push('', '## Per-stage throughput (one thread)', '', stagesSection(res));
  if (res.linear) out.push('', '## Linear in the input: a one-line text (one thread)', '', linearSection(res));
  if (res.pdf) out.push('', '## PDF reading: jixiao against pdftotext', '', pdfSection(res));
  if (res.cold) out.push('', '## Cold process, one file: jixiao against pdftotext', '', `Machine load during this section: ${res.cold.load.start} at its start, ${res.cold.load.end} at its end.`, '', renderCold(res.cold));
  if (res.ocr) out.push('', '## OCR', '', ocrSection(res));
  if (res.segment) out.push('', '## Segmentation: jixiao against a bare nodejieba.cut', '', segmentSection(res));
  if (res.embedded || res.queue) out.push('', '## End-to-end ingest', '', e2eSection(res));
  if (res.store) out.push('', '## Store', '', storeSection(res));
  if (res.memory) out.push('', '## Memory', '', memorySection(res));
  if (res.profiles && Object.keys(res.profiles).length) {
    out.push('', '## Profiles of missed targets');
    if (res.profiles.analysis) out.push('', profileSection(`Analysis of read TXT (${res.profiles.analysis.result.docs} reports, ${fmt(res.profiles.analysis.result.docs / (res.profiles.analysis.result.ms / 1000), 0)} reports/s under the profiler)`, res.profiles.analysis));
    if (res.profiles.embedded) out.push('', profileSection(`Embedded ingest, main thread (${res.profiles.embedded.result.stored} reports, 2 threads, ${fmt(res.profiles.embedded.result.reportsPerSecond, 1)} reports/s under the profiler)`, res.profiles.embedded));
    if (res.profiles.pdf) out.push('', profileSection(`PDF reading (${res.profiles.pdf.result.pages} pages, ${fmt(res.profiles.pdf.result.ms / res.profiles.pdf.result.pages, 1)} ms/page under the profiler)`, res.profiles.pdf));
  }
  out.push('');
  return out.join('\n');
}
