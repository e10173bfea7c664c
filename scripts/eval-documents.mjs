#!/usr/bin/env node
// Whole-document evaluation (issue 14): the labelled documents of fixtures/expected/documents/
// (the realpdf 决算 and the constructed documents of fixtures/constructed/) against jixiao's record:
//   forms found   a labelled form whose project name AND 总分 both match a record form (record.forms)
//   form money    全年预算数 / 全年执行数 / 执行率 of each labelled form (matched by name) — P/R
//   headline      figures.budget, budgetInitial, execution, executionRate, selfScore — P/R
//   documentKind  report.documentKind — accuracy
//   false alarms  failed checks that no labelled slip explains (neither the slip's rule id nor any of the
//                 figures they used is named in a slip); on a document whose label lists no slip, every failed check
//   parts found   (and their money unit) a labelled part with a record part of the same kind and first page whose canonical table
//                 name (Part.table) or title matches (record.parts)
// A label value null = the document does not state it (a value there is a false positive).
// Run by `npm run eval` (scripts/eval.js) or alone after `npm run build`:
//   node scripts/eval-documents.mjs [--verbose] [--only <part of a document id>]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, basename } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const HEADLINE_FIELDS = ['budget', 'budgetInitial', 'execution', 'executionRate', 'selfScore'];
export const FORM_MONEY_FIELDS = ['budget', 'execution', 'executionRate'];

/**
 * The eval's groups: `real` documents as published, `constructed` (layouts our generator wrote,
 * fixtures/constructed/) and `retyped` (real publishers' layouts retyped, fixtures/retyped/).
 */
export const groupOf = (label) => label.group ?? (label.constructed ? 'constructed' : 'real');
/** The groups in the order the eval prints them; `retyped-unruled` are the retyped documents printed without table rules, `printed` the same layouts printed as publishers print them (fixtures/retyped/make-printed.mjs). */
const GROUPS = ['real', 'constructed', 'retyped', 'retyped-unruled', 'printed'];

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
/**
 * Project names as printed differ in spaces, quotes, brackets, a trailing 项目 and a leading budget
 * code ("51000021R000000019951-工资性支出"): compare without them.
 */
export const normalizeName = (s) =>
  typeof s === 'string' ? s.replace(/[\s“”"'《》「」]/gu, '').replace(/^(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{6,}[-－—]/u, '').replace(/项目$/u, '') : s;
/**
 * The figures in a text, as numbers' strings: decimals (money, rates, scores) and whole numbers with a
 * money, percent or score unit ("96分", "0万元") — not page numbers or counts.
 */
const decimalsIn = (text) =>
  (String(text ?? '').match(/\d[\d,]*\.\d+|\d[\d,]*(?=\s*(?:分|万元|亿元|元|%|％))/gu) ?? []).map((x) => String(Number(x.replace(/,/gu, ''))));
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

/**
 * Pairs labelled forms with record forms (each used once): department-overall by kind, project forms by
 * name; a document holding both a score-table row and the form of one project pairs each with its own
 * source first (a label without `source` is a table form).
 */
function pairForms(labelForms, recordForms) {
  const free = [...recordForms];
  const sameForm = (lf, rf) =>
    lf.formKind === 'department_overall' ? rf.formKind === 'department_overall' : normalizeName(rf.projectName) === normalizeName(lf.projectName);
  const isScoreRow = (f) => f.source === 'score_table';
  return labelForms.map((lf) => {
    let i = free.findIndex((rf) => sameForm(lf, rf) && isScoreRow(rf) === isScoreRow(lf));
    if (i < 0) i = free.findIndex((rf) => sameForm(lf, rf));
    return { label: lf, got: i >= 0 ? free.splice(i, 1)[0] : null };
  });
}

/** 主管部门 and 实施单位 as printed may carry a budget code ("[292] 国家信访局", "219-…"): compare without it. */
const normalizeUnit = (s) => (typeof s === 'string' ? s.replace(/\s+/gu, '').replace(/^(?:\[\d+\]|\d+[-－])/u, '') : s);

/** The other fields of a form found by name: [field, right?] for every field the label states or nulls. */
export function compareFormDetails(lf, got) {
  const out = [];
  const num = (field, want, have) => {
    if (want === undefined) return;
    out.push([field, want === null ? have === null : have !== null && sameNumber(have, want)]);
  };
  for (const field of ['budgetInitial', 'budgetExecutionWeight', 'budgetExecutionScore']) num(field, labelValue(lf[field]), recordValue(got[field]));
  for (const field of ['department', 'implementer']) if (field in lf) out.push([field, normalizeUnit(got[field] ?? null) === normalizeUnit(lf[field])]);
  for (const field of ['pageStart', 'pageEnd', 'grade']) if (field in lf) out.push([field, (got[field] ?? null) === lf[field]]);
  if ('indicatorCount' in lf && lf.source !== 'score_table') out.push(['indicatorCount', (got.indicators ?? []).length === lf.indicatorCount]);
  for (const row of lf.fundRows ?? []) {
    const have = (got.fundRows ?? []).find((r) => normalizeName(r.name).includes(normalizeName(row.name)));
    for (const field of ['budgetInitial', 'budget', 'execution'])
      num(`fundRows.${field}`, labelValue(row[field]), have ? recordValue(have[field]) : null);
  }
  return out;
}

/** A form's 总分 matches: the same number, or none on both sides (a form printing no 总分, or whose source breaks off before it). */
const sameScore = (got, lf) => {
  const want = labelValue(lf.totalScore);
  const have = recordValue(got.totalScore);
  return want === null ? have === null : sameNumber(have, want);
};

/** Compares one record with its document label. */
export function compareDocument(record, label) {
  const errors = [];
  const forms = counter();
  const money = counter();
  const headline = counter();
  const recordForms = record.forms ?? [];
  const pairs = pairForms(label.forms ?? [], recordForms);
  const used = new Set();
  const details = { right: 0, labelled: 0, wrong: {} };
  for (const { label: lf, got } of pairs) {
    const name = lf.projectName ?? '部门整体';
    if (got) used.add(got);
    if (got)
      for (const [field, right] of compareFormDetails(lf, got)) {
        details.labelled++;
        if (right) details.right++;
        else details.wrong[field] = (details.wrong[field] ?? 0) + 1;
      }
    if (got && sameScore(got, lf)) forms.tp++;
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
  forms.fp += pairs.filter(({ label: lf, got }) => got && !sameScore(got, lf)).length;
  for (const field of HEADLINE_FIELDS) score(headline, labelValue(label.headline?.[field]), recordValue(record.figures?.[field]), errors, `headline ${field}`);

  const kindRight = record.report?.documentKind === label.documentKind;
  if (!kindRight) errors.push(`documentKind: got ${record.report?.documentKind} want ${label.documentKind}`);
  const recordParts = record.parts ?? [];
  let partsFound = 0;
  let unitsRight = 0;
  /** kind → [found, labelled] */
  const partsByKind = {};
  const partsMissed = [];
  for (const lp of label.parts ?? []) {
    const hit = recordParts.find(
      (rp) =>
        rp.kind === lp.kind &&
        rp.pageStart === lp.pageStart &&
        ((lp.table && rp.table === lp.table) || titleMatches(rp.title, lp.title)),
    );
    const tally = (partsByKind[lp.kind] ??= [0, 0]);
    tally[1]++;
    if (hit) {
      tally[0]++;
      partsFound++;
      if ((hit.unit ?? null) === (lp.unit ?? null)) unitsRight++;
      else errors.push(`part ${lp.title} p.${lp.pageStart}: unit ${hit.unit} want ${lp.unit}`);
    } else partsMissed.push(`${lp.kind} ${lp.title} p.${lp.pageStart}`);
  }
  if (partsMissed.length) errors.push(`parts missed: ${partsMissed.join('; ')}`);
  const department = label.report && 'department' in label.report ? normalizeUnit(record.report?.department ?? null) === normalizeUnit(label.report.department) : null;
  const fiscalYear = label.report && 'fiscalYear' in label.report ? (record.report?.fiscalYear ?? null) === label.report.fiscalYear : null;
  // A failed check is explained when a figure it used is one a labelled slip names; any other is a
  // false alarm (on a document whose label lists no slip, every failed check is one).
  const failed = (record.checks ?? []).filter((c) => c.status === 'fail');
  const slipFigures = new Set((label.slips ?? []).flatMap((s) => decimalsIn(s.description)));
  // Slips without figures (a placeholder, a wrong year or name) explain the checks of their rule id.
  const rulesOf = (s) => [s.rule, ...(s.alsoRules ?? [])];
  const slipRules = new Set((label.slips ?? []).flatMap(rulesOf));
  const explained = (c) => slipRules.has(c.rule) || (c.evidence ?? []).some((e) => decimalsIn(e.text).some((n) => slipFigures.has(n)));
  const alarms = failed.filter((c) => !explained(c));
  const warnings = (record.checks ?? []).filter((c) => c.status === 'warn');
  const unexplainedWarnings = warnings.filter((c) => !explained(c)).length;
  const falseAlarms = alarms.length;
  // A slip is caught by a failed check or a warning (a truncated percent is a warning) naming it.
  const flagged = (record.checks ?? []).filter((c) => c.status === 'fail' || c.status === 'warn');
  const failedFigures = new Set(flagged.flatMap((c) => (c.evidence ?? []).flatMap((e) => decimalsIn(e.text))));
  const failedRules = new Set(flagged.map((c) => c.rule));
  const slipsCaught = (label.slips ?? []).filter((s) => rulesOf(s).some((r) => failedRules.has(r)) || decimalsIn(s.description).some((n) => failedFigures.has(n))).length;
  if (falseAlarms) errors.push(`failed checks no labelled slip explains: ${alarms.map((c) => `${c.rule} (${c.message?.en ?? ''})`.slice(0, 160)).join('; ')}`);
  if (Object.keys(details.wrong).length) errors.push(`form details wrong: ${Object.entries(details.wrong).map(([f, n]) => `${f} ×${n}`).join(', ')}`);
  return { forms, money, headline, details, kindRight, labelledKind: label.documentKind, partsFound, partsByKind, unitsRight, failedChecks: failed.length, falseAlarms, warnings: warnings.length, unexplainedWarnings, slipsCaught, slips: (label.slips ?? []).length, arithmeticHolds: (label.slips ?? []).length === 0, partsLabelled: (label.parts ?? []).length, department, fiscalYear, errors };
}

function titleMatches(got, want) {
  const g = normalizeTitle(got);
  const w = normalizeTitle(want);
  return g.length > 0 && (g.includes(w) || w.includes(g));
}

/** Sums of the per-document comparisons. */
function totalOf(results) {
  const t = { n: results.length, partsByKind: {}, kindByLabel: {}, forms: counter(), money: counter(), headline: counter(), details: [0, 0], kind: 0, parts: 0, units: 0, partsLabelled: 0, falseAlarms: 0, failed: 0, warnings: 0, unexplainedWarnings: 0, slips: 0, slipsCaught: 0, clean: 0, cleanWithAlarm: 0, department: [0, 0], fiscalYear: [0, 0] };
  for (const r of results) {
    add(t.forms, r.forms);
    add(t.money, r.money);
    add(t.headline, r.headline);
    t.details[0] += r.details.right;
    t.details[1] += r.details.labelled;
    t.kind += r.kindRight ? 1 : 0;
    const k = (t.kindByLabel[r.labelledKind] ??= [0, 0]);
    k[0] += r.kindRight ? 1 : 0;
    k[1]++;
    for (const [kind, [found, labelled]] of Object.entries(r.partsByKind)) {
      const p = (t.partsByKind[kind] ??= [0, 0]);
      p[0] += found;
      p[1] += labelled;
    }
    t.parts += r.partsFound;
    t.units += r.unitsRight;
    t.partsLabelled += r.partsLabelled;
    t.falseAlarms += r.falseAlarms;
    t.failed += r.failedChecks;
    t.warnings += r.warnings;
    t.unexplainedWarnings += r.unexplainedWarnings;
    t.slipsCaught += r.slipsCaught;
    t.slips += r.slips;
    t.cleanWithAlarm += r.arithmeticHolds && r.falseAlarms ? 1 : 0;
    t.clean += r.arithmeticHolds ? 1 : 0;
    for (const key of ['department', 'fiscalYear'])
      if (r[key] !== null) {
        t[key][0] += r[key] ? 1 : 0;
        t[key][1] += 1;
      }
  }
  return t;
}

const ratio = (a, b) => (b ? a / b : null);
const precision = (c) => ratio(c.tp, c.tp + c.fp);
const recall = (c) => ratio(c.tp, c.tp + c.fn);
const pct = (x) => (x === null ? '     –' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** Runs every labelled document through `analyzeBytes` and prints per-document and total tables. */
export async function evaluateDocuments({ analyzeBytes, base = root, verbose = false, only = null, log = console.log } = {}) {
  const results = [];
  for (const { id, label, path } of loadDocumentLabels(base).filter((d) => !only || d.id.includes(only))) {
    if (!existsSync(path)) {
      log(`${id}: ${label.file} not found, skipped`);
      continue;
    }
    try {
      const { record } = await analyzeBytes(readFileSync(path), { fileName: basename(path) });
      results.push({ id, constructed: label.constructed === true, group: groupOf(label), ...compareDocument(record, label) });
    } catch (error) {
      log(`${id}: ${error.message}`);
    }
  }
  log('\n### Whole documents (fixtures/expected/documents)\n');
  log('| document | forms TP/FP/FN | form money P | R | headline P | R | kind | parts found | department | year | failed checks |');
  log('|---|---|---:|---:|---:|---:|---|---|---|---|---:|');
  const yesNo = (b) => (b === null ? '–' : b ? 'right' : 'wrong');
  for (const r of results) {
    const f = r.forms;
    log(
      `| ${r.id}${r.group === 'real' ? '' : ` (${r.group})`} | ${f.tp}/${f.fp}/${f.fn} | ${pct(precision(r.money))} | ${pct(recall(r.money))} | ${pct(precision(r.headline))} | ${pct(recall(r.headline))} | ${yesNo(r.kindRight)} | ${r.partsFound}/${r.partsLabelled} | ${yesNo(r.department)} | ${yesNo(r.fiscalYear)} | ${r.failedChecks}${r.falseAlarms ? ` (${r.falseAlarms} unexplained)` : ''} |`,
    );
  }
  // Real documents, our generator's constructed ones and real layouts retyped (ruled, and unruled) apart:
  // the constructed set repeats shapes (PDF and DOCX of each) that we wrote ourselves.
  const groups = Object.fromEntries([...GROUPS.filter((g) => results.some((r) => r.group === g)).map((g) => [g, totalOf(results.filter((r) => r.group === g))]), ['all', totalOf(results)]]);
  const names = Object.keys(groups);
  log(`\n| total | ${names.map((g) => `${g} (${groups[g].n})`).join(' | ')} |\n|---|${names.map(() => '---:').join('|')}|`);
  const line = (label, cell) => log(`| ${label} | ${names.map((g) => cell(groups[g])).join(' | ')} |`);
  const counts = (c) => `${c.tp}/${c.fp}/${c.fn}`;
  const of = (a, b) => `${pct(ratio(a, b))} (${a}/${b})`;
  line('forms found (name and score) TP/FP/FN', (t) => counts(t.forms));
  line('forms found precision', (t) => pct(precision(t.forms)));
  line('forms found recall', (t) => pct(recall(t.forms)));
  line('form money (budget, execution, rate) TP/FP/FN', (t) => counts(t.money));
  line('form money precision', (t) => pct(precision(t.money)));
  line('form money recall', (t) => pct(recall(t.money)));
  line('details of the forms found by name (年初预算数, 分值/得分, units, pages, grade, fund rows, indicator count) right', (t) => of(t.details[0], t.details[1]));
  line('headline TP/FP/FN', (t) => counts(t.headline));
  line('headline precision', (t) => pct(precision(t.headline)));
  line('headline recall', (t) => pct(recall(t.headline)));
  line('documentKind accuracy', (t) => of(t.kind, t.n));
  line('documentKind right, by labelled kind', (t) => Object.entries(t.kindByLabel).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
  line('parts found', (t) => of(t.parts, t.partsLabelled));
  line('parts found, by kind', (t) => Object.entries(t.partsByKind).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
  line('unit right (单位：万元 …) among the parts found', (t) => `${t.units}/${t.parts}`);
  line('failed checks / of them no labelled slip explains (false alarms)', (t) => `${t.failed} / ${t.falseAlarms}`);
  line('warnings / of them no labelled slip explains', (t) => `${t.warnings} / ${t.unexplainedWarnings}`);
  line('labelled slips caught (a failed or warning check of its rule or naming its figures)', (t) => `${t.slipsCaught}/${t.slips}`);
  line('documents whose arithmetic holds (no slip labelled) with a failed check', (t) => `${t.cleanWithAlarm}/${t.clean}`);
  line('department right', (t) => `${t.department[0]}/${t.department[1]}`);
  line('fiscal year right', (t) => `${t.fiscalYear[0]}/${t.fiscalYear[1]}`);
  log('\nA ratio with nothing to count prints –: headline precision with no headline figure extracted, headline recall when every labelled headline is null.');
  if (verbose) for (const r of results) for (const e of r.errors) log(`${r.id}  ${e}`);
  return { results, total: groups.all, groups };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { analyzeBytes } = await import('../dist/analyze.js');
  const at = process.argv.indexOf('--only');
  await evaluateDocuments({ analyzeBytes, verbose: process.argv.includes('--verbose'), only: at > 0 ? process.argv[at + 1] : null });
}
