#!/usr/bin/env node
// Output-invariance check for speed work: every record (and the normalized document behind it) of
// the labelled and shared corpora, the seed and the bench's generated corpus, one JSON line per
// file, so that `diff` of a dump before and after a change says whether any output moved.
// usage: node scripts/bench/dump-records.js OUT.jsonl [GENERATED_DIR]
// GENERATED_DIR holds a corpus from scripts/bench/corpus.js (written there when missing).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT, SHARED_DIR, loadDist } from './env.js';
import { writeCorpus } from './corpus.js';

const [out, generatedDir] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: node scripts/bench/dump-records.js OUT.jsonl [GENERATED_DIR]\n');
  process.exit(2);
}
const { readDocument } = await loadDist('ingest/read.js');
const { segmentDocument } = await loadDist('segment/segment.js');
const { extractRecord } = await loadDist('extract/extract-record.js');
const { checkRecord } = await loadDist('check/index.js');

const filesIn = (dir, re) => (existsSync(dir) ? readdirSync(dir).filter((n) => re.test(n)).sort().map((n) => join(dir, n)) : []);
const files = [
  ...filesIn(join(REPO_ROOT, 'fixtures', 'corpus'), /\.txt$/),
  ...filesIn(join(SHARED_DIR, 'corpus'), /\.txt$/),
  ...filesIn(join(SHARED_DIR, 'seed'), /\.(?:txt|docx|pdf)$/).filter((f) => !/scanned/.test(f)),
];
if (generatedDir) {
  if (!existsSync(join(generatedDir, 'manifest.json'))) await writeCorpus(generatedDir, 1000);
  files.push(...JSON.parse(readFileSync(join(generatedDir, 'manifest.json'), 'utf8')).map((m) => m.path));
}

const hash = (x) => createHash('sha256').update(typeof x === 'string' ? x : Buffer.from(x.buffer, x.byteOffset, x.byteLength)).digest('hex').slice(0, 16);
const lines = [];
for (const path of files) {
  const name = basename(path);
  try {
    const doc = await readDocument(new Uint8Array(readFileSync(path)), { fileName: name, ocr: false });
    const seg = segmentDocument(doc);
    const record = extractRecord(doc, { fileName: name, sha256: null });
    record.checks = checkRecord(record, { text: doc.text, doc });
    const normalized = { text: hash(doc.text), toRaw: hash(doc.toRaw), spans: hash(JSON.stringify(doc.blockSpans)), pages: doc.rawPageStarts, seg: hash(JSON.stringify(seg)) };
    lines.push(JSON.stringify({ name, normalized, record }));
  } catch (error) {
    lines.push(JSON.stringify({ name, error: String(error.message) }));
  }
}
writeFileSync(out, lines.join('\n') + '\n');
process.stderr.write(`${lines.length} files → ${out}\n`);
