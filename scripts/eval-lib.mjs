// Extraction accuracy against hand-checked labels (fixtures/expected/). Used by `npm run eval`
// and by test/extract/eval.test.ts. Labels: null = not stated; a missing key = not labelled;
// keys listed in `inferred` are knowledge the text does not state, so they are skipped.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';

export const SCALAR_FIELDS = [
  ['report.title', (r) => r.report.title, (l) => l.report?.title],
  ['report.kind', (r) => r.report.kind, (l) => l.report?.kind],
  ['report.department', (r) => r.report.department, (l) => l.report?.department],
  ['report.fiscalYear', (r) => r.report.fiscalYear, (l) => l.report?.fiscalYear],
  ['report.region.province', (r) => r.report.region.province, (l) => l.report?.region?.province],
  ['report.region.city', (r) => r.report.region.city, (l) => l.report?.region?.city],
  ['report.region.county', (r) => r.report.region.county, (l) => l.report?.region?.county],
  ['figures.budget', (r) => r.figures.budget?.value ?? null, (l) => money(l.figures, 'budget')],
  ['figures.budgetInitial', (r) => r.figures.budgetInitial?.value ?? null, (l) => money(l.figures, 'budgetInitial')],
  ['figures.execution', (r) => r.figures.execution?.value ?? null, (l) => money(l.figures, 'execution')],
  ['figures.executionRate', (r) => r.figures.executionRate?.value ?? null, (l) => money(l.figures, 'executionRate')],
  ['figures.selfScore', (r) => r.figures.selfScore?.value ?? null, (l) => money(l.figures, 'selfScore')],
];

function money(figures, key) {
  if (!figures || !(key in figures)) return undefined;
  const v = figures[key];
  if (v === null) return null;
  return typeof v === 'object' ? v.value : v;
}

// Labels keep traditional characters where the text has them; jixiao reports simplified ones.
let toCn = null;
const norm = (s) => {
  if (typeof s !== 'string') return s;
  toCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return Array.from(s.replace(/\s+/gu, '')).map((ch) => { const c = toCn(ch); return Array.from(c).length === 1 ? c : ch; }).join('');
};
const same = (a, b) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= Math.max(0.005, Math.abs(b) * 1e-9) : norm(a) === norm(b));

export const LIST_FIELDS = [
  ['figures.byFunction', (x) => `${x.code ?? x.name}=${round2(x.amount?.value ?? x.value)}`],
  ['figures.byNature', (x) => `${x.name.replace(/支出$/u, '')}=${round2(x.amount?.value ?? x.value)}`],
  ['figures.fundSources', (x) => `${round2(x.amount?.value ?? x.value)}`],
  ['figures.projects', (x) => `${round2(x.budget?.value ?? x.budget)}/${round2(x.execution?.value ?? x.execution)}`],
  ['figures.counts', (x) => `${x.value}${x.unit}`],
];
const round2 = (v) => (v === null || v === undefined ? 'null' : (Math.round(Number(v) * 100) / 100).toFixed(2));

export function emptyStats() {
  return { tp: 0, fp: 0, fn: 0, errors: [] };
}

/** Compares one record with its label, adding to `stats` per field. */
export function compare(record, label, stats, id) {
  const inferred = new Set(label.inferred ?? []);
  for (const [name, got, want] of SCALAR_FIELDS) {
    if (inferred.has(name.replace(/^report\.|^figures\./u, (m) => m)) || inferred.has(name)) continue;
    const w = want(label);
    if (w === undefined) continue;
    const g = got(record);
    const s = (stats[name] ??= emptyStats());
    if (w === null && g === null) continue;
    if (w !== null && g !== null && same(g, w)) s.tp++;
    else {
      if (g !== null) s.fp++;
      if (w !== null) s.fn++;
      s.errors.push(`${id}: got ${JSON.stringify(g)} want ${JSON.stringify(w)}`);
    }
  }
  for (const [name, key] of LIST_FIELDS) {
    const [, field] = name.split('.');
    const wantList = label.figures?.[field];
    if (!Array.isArray(wantList)) continue;
    // A 自评表's total row is kept among fundSources (for the checks); it is not a source.
    const gotList = (record.figures[field] ?? []).filter((x) => !(field === 'fundSources' && x.name === '年度资金总额'));
    const s = (stats[name] ??= emptyStats());
    const want = wantList.map(key);
    const remaining = [...want];
    for (const g of gotList.map(key)) {
      const i = remaining.indexOf(g);
      if (i >= 0) {
        remaining.splice(i, 1);
        s.tp++;
      } else if (field !== 'counts') {
        s.fp++;
        s.errors.push(`${id}: extra ${g}`);
      } else {
        // counts labels list the main counts only: an unlabelled count is not an error
      }
    }
    s.fn += remaining.length;
    for (const r of remaining) s.errors.push(`${id}: missed ${r}`);
  }
}

/** Label files with the text each one describes. */
export function loadLabels(root) {
  const out = [];
  const seed = join(root, 'fixtures/expected/seed.json');
  if (existsSync(seed)) out.push({ id: 'seed', label: JSON.parse(readFileSync(seed, 'utf8')), path: join(root, 'fixtures/seed/huadu-2021-jgdgw.txt'), corpus: false });
  const dir = join(root, 'fixtures/expected/corpus');
  if (existsSync(dir))
    for (const f of readdirSync(dir).filter((f) => /^r\d+\.json$/u.test(f)).sort()) {
      const label = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      out.push({ id: f.replace('.json', ''), label, path: join(root, '..', 'shared', 'corpus', label.file), corpus: true });
    }
  return out;
}

/** A corpus file's document text: line 1 `# source:` and line 2 `# title:` are the collector's. */
export function corpusBytes(path) {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const title = (lines[1] ?? '').replace(/^# title:\s*/u, '').replace(/[（(][^）)]*[)）]\s*$/u, '').trim();
  return { bytes: Buffer.from(lines.slice(2).join('\n'), 'utf8'), title };
}

export function summarize(stats) {
  const rows = [];
  const total = { report: emptyStats(), money: emptyStats() };
  for (const [name, s] of Object.entries(stats)) {
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    rows.push({ field: name, tp: s.tp, fp: s.fp, fn: s.fn, precision: p, recall: r });
    const group = name.startsWith('report.') ? total.report : name === 'figures.counts' ? null : total.money;
    if (group) {
      group.tp += s.tp;
      group.fp += s.fp;
      group.fn += s.fn;
    }
  }
  const agg = (s) => ({ tp: s.tp, fp: s.fp, fn: s.fn, precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1 });
  return { rows, report: agg(total.report), money: agg(total.money) };
}
