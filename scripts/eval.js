#!/usr/bin/env node
// `npm run eval`: extraction precision and recall per field against fixtures/expected/, side by side
// for the shared corpus the rules were written against, the tuning part and the frozen test part of
// fixtures/corpus/ (scripts/eval-lib.mjs says how texts are split). `--verbose` lists every miss.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, basename } from 'node:path';
import { analyzeBytes } from '../dist/analyze.js';
import { PARTS, compare, corpusBytes, loadLabels, summarize } from './eval-lib.mjs';
import { evaluateDocuments } from './eval-documents.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');

/** Per part: field stats, feature (rule) stats and the number of texts read. */
const byPart = Object.fromEntries(PARTS.map((p) => [p, { stats: {}, rules: {}, texts: 0 }]));
for (const { id, part, label, path, corpus } of loadLabels(root, PARTS)) {
  const { bytes } = corpus ? corpusBytes(path) : { bytes: readFileSync(path) };
  try {
    const { record } = await analyzeBytes(bytes, { fileName: basename(path) });
    compare(record, label, byPart[part].stats, id, byPart[part].rules);
    byPart[part].texts++;
  } catch (error) {
    console.error(`${id}: ${error.message}`);
  }
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const cell = (r) => (r ? `${pct(r.precision)} / ${pct(r.recall)} (${r.tp}/${r.fp}/${r.fn})` : '–');
const rowsOf = (stats) => Object.fromEntries(summarize(stats).rows.map((r) => [r.field, r]));
const sums = Object.fromEntries(PARTS.map((p) => [p, summarize(byPart[p].stats)]));

console.log(`texts: ${PARTS.map((p) => `${p} ${byPart[p].texts}`).join(', ')}\n`);
console.log(`| field | ${PARTS.join(' | ')} |\n|---|${PARTS.map(() => '---:').join('|')}|`);
console.log('<!-- each cell: precision / recall (TP/FP/FN) -->');
const perPart = Object.fromEntries(PARTS.map((p) => [p, rowsOf(byPart[p].stats)]));
const fields = [...new Set(PARTS.flatMap((p) => Object.keys(perPart[p])))];
for (const f of fields) console.log(`| ${f} | ${PARTS.map((p) => cell(perPart[p][f])).join(' | ')} |`);
console.log(`| **report fields** | ${PARTS.map((p) => cell(sums[p].report)).join(' | ')} |`);
console.log(`| **money figures** | ${PARTS.map((p) => cell(sums[p].money)).join(' | ')} |`);

// Per extraction rule: the features of the chosen candidate of each headline role (record.roles).
const rulesPerPart = Object.fromEntries(PARTS.map((p) => [p, rowsOf(byPart[p].rules)]));
const rules = [...new Set(PARTS.flatMap((p) => Object.keys(rulesPerPart[p])))].sort();
if (rules.length) {
  console.log(`\n| role ← feature of the chosen candidate, list ← named-amount rule | ${PARTS.join(' | ')} |\n|---|${PARTS.map(() => '---:').join('|')}|`);
  console.log('<!-- each cell: precision (right winners / wrong winners) -->');
  const ruleCell = (r) => (r ? `${pct(r.precision)} (${r.tp}/${r.fp})` : '–');
  for (const r of rules) console.log(`| ${r} | ${PARTS.map((p) => ruleCell(rulesPerPart[p][r])).join(' | ')} |`);
} else console.log('\n(no record carries role decisions yet: per-rule figures appear once extract/ fills record.roles)');

if (verbose)
  for (const p of PARTS) {
    for (const [name, s] of Object.entries(byPart[p].stats)) for (const e of s.errors) console.log(`${p}  ${name}  ${e}`);
    for (const [name, s] of Object.entries(byPart[p].rules)) for (const e of s.errors) console.log(`${p}  rule ${name}  ${e}`);
  }

await evaluateDocuments({ analyzeBytes, verbose });
