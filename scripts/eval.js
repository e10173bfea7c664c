#!/usr/bin/env node
// `npm run eval`: extraction precision and recall per field against fixtures/expected/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, basename } from 'node:path';
import { analyzeBytes } from '../dist/analyze.js';
import { compare, corpusBytes, loadLabels, summarize } from './eval-lib.mjs';
import { evaluateDocuments } from './eval-documents.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
const stats = {};
for (const { id, label, path, corpus } of loadLabels(root)) {
  const { bytes } = corpus ? corpusBytes(path) : { bytes: readFileSync(path) };
  try {
    const { record } = await analyzeBytes(bytes, { fileName: basename(path) });
    compare(record, label, stats, id);
  } catch (error) {
    console.error(`${id}: ${error.message}`);
  }
}
const { rows, report, money } = summarize(stats);
const pct = (x) => (x * 100).toFixed(1).padStart(6);
console.log('| field | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.field} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.precision)}% | ${pct(r.recall)}% |`);
console.log(`| **report fields** | ${report.tp} | ${report.fp} | ${report.fn} | ${pct(report.precision)}% | ${pct(report.recall)}% |`);
console.log(`| **money figures** | ${money.tp} | ${money.fp} | ${money.fn} | ${pct(money.precision)}% | ${pct(money.recall)}% |`);
if (verbose) for (const [name, s] of Object.entries(stats)) for (const e of s.errors) console.log(`${name}  ${e}`);
await evaluateDocuments({ analyzeBytes, verbose });
