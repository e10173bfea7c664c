#!/usr/bin/env node
// Whole-document evaluation (issue 14): the labelled documents of fixtures/expected/documents/
// (the realpdf 决算 and the constructed documents of fixtures/constructed/) against jixiao's record:
//   forms found   a labelled form whose project name AND 总分 both match a record form (record.forms)
//   form money    全年预算数 / 全年执行数 / 执行率 of each labelled form (matched by name) — P/R
//   headline      figures.budget, budgetInitial, execution, executionRate, selfScore — P/R
//   documentKind  report.documentKind — accuracy
//   parts found   a labelled part with a record part of the same kind and first page whose canonical table
//                 name (Part.table) or title matches (record.parts)
// A label value null = the document does not state it (a value there is a false positive).
// Run by `npm run eval` (scripts/eval.js) or alone after `npm run build`: node scripts/eval-documents.mjs [--verbose]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, basename } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const HEADLINE_FIELDS = ['budget', 'budgetInitial', 'execution', 'executionRate', 'selfScore'];
export const FORM_MONEY_FIELDS = ['budget', 'execution', 'executionRate'];

/** Labelled documents; `path` is the labelled file resolved against the project root. */
export function loadDocumentLabels(base = root) {
  const dir = join(base, 'fixtures/expected/documents');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const label = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      return { id: label.id, label, path: join(base, label.file) };
    });
}

// Amounts are compared in base units (yuan, fractions, points) to a cent; rates and scores exactly.
const sameNumber = (a, b) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= Math.max(0.005, Math.abs(b) * 1e-9);
const labelValue = (v) => (v === null || v === undefined ? v : typeof v === 'object' ? v.value : v);
const recordValue = (f) => (f === null || f === undefined ? null : f.value);
/** Project names as printed differ in spaces, quotes, brackets and a trailing 项目: compare without them. */
export const normalizeName = (s) =>
  typeof s === 'string' ? s.replace(/[\s“”"'《》「」]/gu, '').replace(/项目$/u, '') : s;
/** Part titles: without spaces and without a leading outline number (一、 （二） 3.). */
const normalizeTitle = (s) => (s ?? '').replace(/\s+/gu, '').replace(/^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/u, '');

const counter = () => ({ tp: 0, fp: 0, fn: 0 });
const add = (into, from) => {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
};
/** One labelled value against one extracted value (undefined label = not labelled, skipped). */
function score(c, want, got, errors, what) {
  if (want === undefined) return;
  if (want === null && got === null) return;
  if (want !== null && got !== null && sameNumber(got, want)) c.tp++;
  else {
    if (got !== null) c.fp++;
    if (want !== null) c.fn++;
    errors.push(`${what}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  }
}

/** Pairs labelled forms with record forms: department-overall by kind, project forms by name (each used once). */
function pairForms(labelForms, recordForms) {
  const free = [...recordForms];
  return labelForms.map((lf) => {
    const i = free.findIndex((rf) =>
      lf.formKind === 'department_overall'
        ? rf.formKind === 'department_overall'
        : normalizeName(rf.projectName) === normalizeName(lf.projectName),
    );
    return { label: lf, got: i >= 0 ? free.splice(i, 1)[0] : null, extra: free };
  });
}

/** Compares one record with its document label. */
export function compareDocument(record, label) {
  const errors = [];
  const forms = counter();
  const money = counter();
  const headline = counter();
  const recordForms = record.forms ?? [];
  const pairs = pairForms(label.forms ?? [], recordForms);
  const used = new Set();
  for (const { label: lf, got } of pairs) {
    const name = lf.projectName ?? '部门整体';
    if (got) used.add(got);
    if (got && sameNumber(recordValue(got.totalScore), labelValue(lf.totalScore))) forms.tp++;
    else {
      forms.fn++;
      errors.push(got ? `form ${name}: score got ${recordValue(got.totalScore)} want ${labelValue(lf.totalScore)}` : `form ${name}: not found`);
    }
    for (const field of FORM_MONEY_FIELDS) score(money, labelValue(lf[field]), got ? recordValue(got[field]) : null, errors, `form ${name} ${field}`);
  }
  for (const rf of recordForms.filter((f) => !used.has(f))) {
    forms.fp++;
    errors.push(`form ${rf.projectName ?? rf.formKind}: not in the label`);
    for (const field of FORM_MONEY_FIELDS) if (recordValue(rf[field]) !== null) money.fp++;
  }
  // A form found by name whose score is wrong is both missed and a false one.
  forms.fp += pairs.filter(({ label: lf, got }) => got && !sameNumber(recordValue(got.totalScore), labelValue(lf.totalScore))).length;
  for (const field of HEADLINE_FIELDS) score(headline, labelValue(label.headline?.[field]), recordValue(record.figures?.[field]), errors, `headline ${field}`);

  const kindRight = record.report?.documentKind === label.documentKind;
  if (!kindRight) errors.push(`documentKind: got ${record.report?.documentKind} want ${label.documentKind}`);
  const recordParts = record.parts ?? [];
  let partsFound = 0;
  const partsMissed = [];
  for (const lp of label.parts ?? []) {
    const hit = recordParts.some(
      (rp) =>
        rp.kind === lp.kind &&
        rp.pageStart === lp.pageStart &&
        ((lp.table && rp.table === lp.table) || titleMatches(rp.title, lp.title)),
    );
    if (hit) partsFound++;
    else partsMissed.push(`${lp.kind} ${lp.title} p.${lp.pageStart}`);
  }
  if (partsMissed.length) errors.push(`parts missed: ${partsMissed.join('; ')}`);
  const department = label.report && 'department' in label.report ? (record.report?.department ?? null) === label.report.department : null;
  const fiscalYear = label.report && 'fiscalYear' in label.report ? (record.report?.fiscalYear ?? null) === label.report.fiscalYear : null;
  return { forms, money, headline, kindRight, partsFound, partsLabelled: (label.parts ?? []).length, department, fiscalYear, errors };
}

function titleMatches(got, want) {
  const g = normalizeTitle(got);
  const w = normalizeTitle(want);
  return g.length > 0 && (g.includes(w) || w.includes(g));
}

const ratio = (a, b) => (b ? a / b : null);
const precision = (c) => ratio(c.tp, c.tp + c.fp);
const recall = (c) => ratio(c.tp, c.tp + c.fn);
const pct = (x) => (x === null ? '     –' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** Runs every labelled document through `analyzeBytes` and prints per-document and total tables. */
export async function evaluateDocuments({ analyzeBytes, base = root, verbose = false, log = console.log } = {}) {
  const results = [];
  for (const { id, label, path } of loadDocumentLabels(base)) {
    if (!existsSync(path)) {
      log(`${id}: ${label.file} not found, skipped`);
      continue;
    }
    try {
      const { record } = await analyzeBytes(readFileSync(path), { fileName: basename(path) });
      results.push({ id, constructed: label.constructed === true, ...compareDocument(record, label) });
    } catch (error) {
      log(`${id}: ${error.message}`);
    }
  }
  const total = { forms: counter(), money: counter(), headline: counter(), kind: 0, parts: 0, partsLabelled: 0, department: [0, 0], fiscalYear: [0, 0] };
  log('\n### Whole documents (fixtures/expected/documents)\n');
  log('| document | forms TP/FP/FN | form money P | R | headline P | R | kind | parts found | department | year |');
  log('|---|---|---:|---:|---:|---:|---|---|---|---|');
  const yesNo = (b) => (b === null ? '–' : b ? 'right' : 'wrong');
  for (const r of results) {
    add(total.forms, r.forms);
    add(total.money, r.money);
    add(total.headline, r.headline);
    total.kind += r.kindRight ? 1 : 0;
    total.parts += r.partsFound;
    total.partsLabelled += r.partsLabelled;
    for (const key of ['department', 'fiscalYear']) if (r[key] !== null) {
      total[key][0] += r[key] ? 1 : 0;
      total[key][1] += 1;
    }
    const f = r.forms;
    log(
      `| ${r.id}${r.constructed ? ' (constructed)' : ''} | ${f.tp}/${f.fp}/${f.fn} | ${pct(precision(r.money))} | ${pct(recall(r.money))} | ${pct(precision(r.headline))} | ${pct(recall(r.headline))} | ${yesNo(r.kindRight)} | ${r.partsFound}/${r.partsLabelled} | ${yesNo(r.department)} | ${yesNo(r.fiscalYear)} |`,
    );
  }
  const n = results.length;
  log(`\n| total (${n} documents) | value |\n|---|---:|`);
  const counts = (c) => `TP ${c.tp} FP ${c.fp} FN ${c.fn}`;
  log(`| forms found (name and score): ${counts(total.forms)} | |`);
  log(`| forms found (name and score) precision | ${pct(precision(total.forms))} |`);
  log(`| forms found (name and score) recall | ${pct(recall(total.forms))} |`);
  log(`| form money: ${counts(total.money)} | |`);
  log(`| form money (budget, execution, rate) precision | ${pct(precision(total.money))} |`);
  log(`| form money (budget, execution, rate) recall | ${pct(recall(total.money))} |`);
  log(`| headline: ${counts(total.headline)} | |`);
  log(`| headline precision | ${pct(precision(total.headline))} |`);
  log(`| headline recall | ${pct(recall(total.headline))} |`);
  log(`| documentKind accuracy | ${pct(ratio(total.kind, n))} (${total.kind}/${n}) |`);
  log(`| parts found | ${pct(ratio(total.parts, total.partsLabelled))} (${total.parts}/${total.partsLabelled}) |`);
  log(`| department right | ${total.department[0]}/${total.department[1]} |`);
  log(`| fiscal year right | ${total.fiscalYear[0]}/${total.fiscalYear[1]} |`);
  log('\nA ratio with nothing to count prints –: headline precision with no headline figure extracted, headline recall when every labelled headline is null.');
  if (verbose) for (const r of results) for (const e of r.errors) log(`${r.id}  ${e}`);
  return { results, total };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { analyzeBytes } = await import('../dist/analyze.js');
  await evaluateDocuments({ analyzeBytes, verbose: process.argv.includes('--verbose') });
}
