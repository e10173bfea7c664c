#!/usr/bin/env node
// The main thread's on-CPU time per phase of `extract --json FILE`, as the CLI runs it (PDFium
// preloaded, pages on two threads, the document's checks on the page worker when the build has
// runOnPageWorker), from /proc/thread-self/schedstat: on a quiet 2-core machine the main thread
// is the critical path, and its own CPU time says so even when other work loads the machine.
// usage: node scripts/bench/critical-path.js FILE.pdf   (JIXIAO_BENCH_ROOT: another build)
// Prints one line: ms per phase, the worker's task (import, checks), and the analysis after the read.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDist, ROOT } from './env.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench/critical-path.js FILE.pdf\n');
  process.exit(2);
}
const onCpuMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
setFlagsFromString('--no-opt'); // as bin/jixiao.js sets it for one document (src/cli/v8-flags.ts)
(await loadDist('cli/pdf-preload.js')).preloadPdfEngine([file], undefined);
const [{ readDocument }, { extractRecord }, { checkRecord }, analyze, threads] = await Promise.all(
  ['ingest/read.js', 'extract/extract-record.js', 'check/index.js', 'analyze.js', 'ingest/pdf/page-threads.js'].map(loadDist),
);
const ms = {};
let last = onCpuMs();
const mark = (phase) => {
  const now = onCpuMs();
  ms[phase] = now - last;
  last = now;
};
const bytes = new Uint8Array(readFileSync(file));
const checkUrl = pathToFileURL(`${ROOT}/dist/check/index.js`).href;
threads.expectPageWorkerTask?.(new URL(checkUrl));
mark('start');
const doc = await readDocument(bytes, { fileName: basename(file), parallelPages: true });
mark('read');
analyze.assertHasText(doc);
mark('assert');
const task = new URL('./timed-document-checks.js', import.meta.url);
// As analyze hands it over: the read document without what normalization adds, where the build
// has checkRawDocumentAlone (expectPageWorkerTask marks it).
const { rawText: _rawText, text: _text, toRaw: _toRaw, rawPageStarts: _rawPageStarts, blockSpans: _blockSpans, ...raw } = doc;
const beside = threads.runOnPageWorker?.(task, 'timedDocumentChecks', threads.expectPageWorkerTask ? { checkUrl, raw } : { checkUrl, doc });
mark('post');
const record = extractRecord(doc, { fileName: basename(file), sha256: analyze.sha256Of(bytes) });
mark('extract');
const waitStart = performance.now();
const got = beside ? await beside : undefined;
const waitWall = performance.now() - waitStart;
mark('wait');
record.checks = checkRecord(record, { text: doc.text, doc }, got?.checks);
mark('checks');
JSON.stringify(record, null, 2);
mark('json');
const after = ms.assert + ms.post + ms.extract + ms.wait + ms.checks + ms.json;
const worker = got ? ` worker: import=${got.importMs.toFixed(0)} checks=${got.checkMs.toFixed(0)}` : ' (no worker task)';
process.stdout.write(`${Object.entries(ms).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' ')} (wait wall ${waitWall.toFixed(0)})${worker} | after the read: ${after.toFixed(0)} ms\n`);
