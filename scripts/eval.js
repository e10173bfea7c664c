#!/usr/bin/env node
// `npm run eval`: extraction precision and recall per field against fixtures/expected/, side by side
// for the shared corpus the rules were written against, the tuning part and the frozen test part of
// fixtures/corpus/ (scripts/eval-lib.mjs says how texts are split). `--verbose` lists every miss.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, basename } from 'node:path';
import { analyzeBytes } from '../dist/analyze.js';
import { departmentKey } from '../dist/export/department-key.js';
import { PARTS, compare, corpusBytes, loadLabels, norm, summarize } from './eval-lib.mjs';
import { evaluateDocuments } from './eval-documents.mjs';
import { tsImport } from 'tsx/esm/api';

// Which check reports which labelled slip: test/check/mutate.ts (shared with the mutation test).
const slipLib = await tsImport('../test/check/mutate.ts', import.meta.url);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
// `--only <regex>`: read only the labelled texts whose id matches (e.g. `--only '^t2\d\d$'` for a
// batch labelled after the rules were written: its numbers, before any rule is fitted to it, are a
// fresh estimate for unseen reports). The whole-document table is skipped then.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new RegExp(process.argv[onlyAt + 1], 'u') : null;

/** Per part: field stats, feature (rule) stats and the number of texts read. */
const byPart = Object.fromEntries(PARTS.map((p) => [p, { stats: {}, rules: {}, texts: 0, slips: { files: 0, filesCaught: 0, slips: 0, caught: 0, clean: 0, cleanAlarmed: 0, misses: [] } }]));
for (const { id, part, label, path, corpus } of loadLabels(root, PARTS)) {
  if (only && !only.test(id)) continue;
  const { bytes } = corpus ? corpusBytes(path) : { bytes: readFileSync(path) };
  try {
    const { record } = await analyzeBytes(bytes, { fileName: basename(path) });
    compare(record, label, byPart[part].stats, id, byPart[part].rules);
    tallySameUnit(byPart[part].stats, record, label);
    byPart[part].texts++;
    tallySlips(byPart[part].slips, id, record.checks, label.slips ?? []);
  } catch (error) {
    console.error(`${id}: ${error.message}`);
  }
}

/**
 * The department read as one unit whatever its spelling (export/department-key.ts: the place chain cut to
 * the county, 自治县 written short, 本级 dropped): labels name a unit sometimes with, sometimes without the
 * places above it (四川省南江县水利局 / 南江县水利局), and no rule agrees with all of them. A diagnostic row,
 * outside the report-field totals.
 */
function tallySameUnit(stats, record, label) {
  const want = label.report?.department;
  if (want === undefined || (label.inferred ?? []).includes('report.department')) return;
  const got = record.report.department;
  const s = (stats['diagnostic: report.department, same unit'] ??= { tp: 0, fp: 0, fn: 0, errors: [] });
  if (want === null && got === null) return;
  const region = label.report?.region ?? null;
  if (want !== null && got !== null && departmentKey(norm(got), region) === departmentKey(norm(want), region)) s.tp++;
  else {
    if (got !== null) s.fp++;
    if (want !== null) s.fn++;
  }
}

/**
 * Published slips (labels' `slips` outside printed precision): a file is caught when every slip is
 * reported by a definite failed check naming its figures; a clean file (no such slip) must have no
 * definite failed check.
 */
function tallySlips(t, id, checks, labelled) {
  const slips = labelled.filter((s) => !s.withinPrecision);
  if (slips.length === 0) {
    t.clean++;
    const alarms = checks.filter(slipLib.isDefiniteFail);
    if (alarms.length) {
      t.cleanAlarmed++;
      t.misses.push(`${id} false alarm: ${alarms.map((c) => `${c.rule} (${c.message.zh})`).join('; ')}`);
    }
    return;
  }
  const caught = slipLib.caughtSlips(checks, slips);
  t.files++;
  t.slips += slips.length;
  t.caught += caught.length;
  if (caught.length === slips.length) t.filesCaught++;
  for (const s of slips.filter((x) => !caught.includes(x))) t.misses.push(`${id} slip missed: ${s.rule}: ${(s.description ?? '').slice(0, 140)}`);
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

console.log(`\n| published slips | ${PARTS.join(' | ')} |\n|---|${PARTS.map(() => '---:').join('|')}|`);
console.log('<!-- caught: reported by a definite failed check of its rule naming its figures; false alarm: a clean file with a definite failed check -->');
const slipRow = (name, f) => console.log(`| ${name} | ${PARTS.map((p) => f(byPart[p].slips)).join(' | ')} |`);
slipRow('files with slips caught', (t) => `${t.filesCaught}/${t.files}`);
slipRow('slips caught', (t) => `${t.caught}/${t.slips}`);
slipRow('clean files with a definite failed check', (t) => `${t.cleanAlarmed}/${t.clean}`);

if (verbose)
  // The frozen test part's misses are never listed: no rule may be tuned against it.
  for (const p of PARTS.filter((x) => x !== 'test')) for (const m of byPart[p].slips.misses) console.log(`${p}  ${m}`);

if (verbose)
  // Nor its field misses: helpers read `--verbose` to find shapes, and a test miss read is a test miss tuned.
  for (const p of PARTS.filter((x) => x !== 'test')) {
    for (const [name, s] of Object.entries(byPart[p].stats)) for (const e of s.errors) console.log(`${p}  ${name}  ${e}`);
    for (const [name, s] of Object.entries(byPart[p].rules)) for (const e of s.errors) console.log(`${p}  rule ${name}  ${e}`);
  }

if (!only) await evaluateDocuments({ analyzeBytes, verbose });
