// Segmentation: jixiao's segment stage (outline, lines, sentences) and its jieba wrapper against
// a bare nodejieba.cut on the same normalized text, and jieba's dictionary load.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadDist, requireFromRoot } from './env.js';
import { now } from './stats.js';

async function normalizedTexts(manifestPath, limit) {
  const [{ readRaw }, { normalizeDocument }] = await Promise.all([loadDist('ingest/read.js'), loadDist('normalize/normalize.js')]);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    .filter((m) => m.format === 'txt' || m.format === 'gb18030')
    .slice(0, limit);
  const docs = [];
  for (const m of manifest) docs.push(normalizeDocument(await readRaw(new Uint8Array(readFileSync(m.path)), { fileName: basename(m.path) })));
  return docs;
}

function timeEach(docs, fn, runs) {
  const perRun = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    for (const d of docs) fn(d);
    perRun.push(now() - t0);
  }
  return perRun;
}

/**
 * mode `jixiao`: segmentDocument and tokenize (jieba with jixiao's fiscal dictionary, blanks
 * dropped); mode `bare`: nodejieba.cut with its default dictionary, in a process that never
 * loaded jixiao's.
 * @param {{ manifest: string, docs: number, runs: number, mode: 'jixiao' | 'bare' }} args
 */
export async function runSegment(args) {
  const docs = await normalizedTexts(args.manifest, args.docs);
  const chars = docs.reduce((a, d) => a + d.text.length, 0);
  const utf8Bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
  const out = { docs: docs.length, chars, utf8Bytes, timings: {} };
  if (args.mode === 'bare') {
    const nodejieba = requireFromRoot('nodejieba');
    nodejieba.cut('预热'); // loads the default dictionary
    timeEach(docs.slice(0, 20), (d) => nodejieba.cut(d.text), 1);
    out.timings['nodejieba.cut (default dict, HMM)'] = timeEach(docs, (d) => nodejieba.cut(d.text, true), args.runs);
    out.timings['nodejieba.cut (default dict, no HMM)'] = timeEach(docs, (d) => nodejieba.cut(d.text), args.runs);
  } else {
    const { segmentDocument } = await loadDist('segment/segment.js');
    const { tokenize } = await loadDist('segment/tokenize.js');
    tokenize('预热');
    timeEach(docs.slice(0, 20), (d) => (segmentDocument(d), tokenize(d.text)), 1);
    out.timings['segmentDocument (outline, lines, sentences)'] = timeEach(docs, (d) => segmentDocument(d), args.runs);
    out.timings['tokenize (jieba + fiscal dictionary)'] = timeEach(docs, (d) => tokenize(d.text), args.runs);
  }
  return out;
}

/** First-call cost of jieba in a fresh process: `bare` (default dictionary) or `jixiao` (plus fiscal terms). */
export async function runJiebaLoad(args) {
  const t0 = now();
  if (args.mode === 'bare') {
    requireFromRoot('nodejieba').cut('加载词典');
  } else {
    const { tokenize } = await loadDist('segment/tokenize.js');
    tokenize('加载词典');
  }
  return { ms: now() - t0 };
}
