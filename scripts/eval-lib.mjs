// Extraction accuracy against hand-checked labels (fixtures/expected/). Used by `npm run eval`
// and by test/extract/eval.test.ts. Labels: null = not stated; a missing key = not labelled;
// keys listed in `inferred` are knowledge the text does not state, so they are skipped.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';

/** The labelled parts: the 41 shared texts (and the seed) the rules were written against, and the
 * texts of fixtures/corpus/ split by source into a tuning part and a frozen test part. */
export const PARTS = ['shared', 'tune', 'test'];

/**
 * The source group of a fixtures/corpus text: the publishing site's host without a leading
 * www./m./wap. (mobile and desktop copies of one site are one source), or, for a text found without
 * an address, its labelled department, or failing that its file name. Texts of one group always land
 * in the same part, so a site's template never leaks from the tuning part into the test part.
 */
export function groupKeyOf(sourceLine, department, file) {
  const m = /^# source: (\S+)/u.exec(sourceLine ?? '');
  if (m && /^https?:\/\//u.test(m[1])) return new URL(m[1]).hostname.toLowerCase().replace(/^(www|m|wap)\./u, '');
  return department ? `dept:${department}` : `file:${file}`;
}

/**
 * Sites that also published a text of the shared corpus (/work/shared/corpus, which the rules were
 * written against): their templates are not unseen, so their other texts always go to `tune`.
 */
export const SHARED_SOURCES = new Set([
  'anthempetcare.com',
  'bidcenter.com.cn',
  'deliwenku.com',
  'dtsz.edu.cn',
  'dyrmt.com',
  'dyxrmt.cn',
  'gdstc.gd.gov.cn',
  'hh.gov.cn',
  'hhky.gov.cn',
  'jhkq666.cn',
  'kmxd.gov.cn',
  'kunmingchi.com',
  'lifeandworkafterretirement.com',
  'linhe.gov.cn',
  'lrobsvt.cn',
  'max.book118.com',
  'scanju.gov.cn',
  'scqs.gov.cn',
  'snjkq.suining.gov.cn',
  'taowenge.com',
  'wanglu.net',
  'wenke99.com',
  'whjhq.gov.cn',
  'wuhan.baogaosu.com',
  'xtccss.com',
  'yiyang.gov.cn',
  'yueyang.gov.cn',
  'yzwku.com',
  'zswldj.1237125.cn',
]);

/**
 * Frozen split: a group of SHARED_SOURCES is in `tune`; any other group is in `test` when the first
 * 32 bits of SHA-256 of its key are divisible by 3 (about a third of the groups), otherwise in
 * `tune`. Deterministic and independent of the order
 * or number of texts, so adding texts never moves an old one between parts. No rule may be written
 * against the `test` part (fixtures/expected/README.md).
 */
export function splitOf(key) {
  if (SHARED_SOURCES.has(key)) return 'tune';
  return Number.parseInt(createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8), 16) % 3 === 0 ? 'test' : 'tune';
}

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
export const norm = (s) => {
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

/**
 * The feature ids of the candidate a record chose for a headline role (record.roles, schema 2),
 * or null when the record has no decision for that role (roles not produced yet, or abstained).
 */
function chosenFeatures(record, field) {
  // The department's and the year's decisions (record.reportRoles): the sources and features of the value taken.
  if (field === 'report.department' || field === 'report.fiscalYear') {
    const decision = (record.reportRoles ?? []).find((r) => r.field === field.replace(/^report\./u, ''));
    if (!decision || decision.chosen === null || decision.chosen === undefined) return null;
    return (decision.candidates[decision.chosen]?.features ?? []).map((f) => f.id);
  }
  const role = field.replace(/^figures\./u, '');
  const decision = (record.roles ?? []).find((r) => r.role === role);
  if (!decision || decision.chosen === null || decision.chosen === undefined) return null;
  return (decision.candidates[decision.chosen]?.features ?? []).map((f) => f.id);
}

/**
 * Compares one record with its label, adding to `stats` per field and, for the headline figures
 * whose role decision the record carries, per extraction feature under `rules` (a feature of a
 * right winner counts a hit, of a wrong winner a miss-fire); named amounts count under the rule
 * that found them.
 */
export function compare(record, label, stats, id, rules = null) {
  const inferred = new Set(label.inferred ?? []);
  for (const [name, got, want] of SCALAR_FIELDS) {
    if (inferred.has(name.replace(/^report\.|^figures\./u, (m) => m)) || inferred.has(name)) continue;
    const w = want(label);
    if (w === undefined) continue;
    const g = got(record);
    const s = (stats[name] ??= emptyStats());
    if (w === null && g === null) continue;
    const right = w !== null && g !== null && same(g, w);
    if (right) s.tp++;
    else {
      if (g !== null) s.fp++;
      if (w !== null) s.fn++;
      s.errors.push(`${id}: got ${JSON.stringify(g)} want ${JSON.stringify(w)}`);
    }
    const features = rules && g !== null ? chosenFeatures(record, name) : null;
    for (const f of features ?? []) {
      const r = (rules[`${name.replace(/^figures\./u, '')} ← ${f}`] ??= emptyStats());
      if (right) r.tp++;
      else {
        r.fp++;
        r.errors.push(`${id}: got ${JSON.stringify(g)} want ${JSON.stringify(w)}`);
      }
    }
  }
  for (const [name, key] of LIST_FIELDS) {
    const [, field] = name.split('.');
    const wantList = label.figures?.[field];
    if (!Array.isArray(wantList)) continue;
    // A 自评表's total row is kept among fundSources (for the checks); it is not a source.
    const gotList = (record.figures[field] ?? []).filter((x) => !(field === 'fundSources' && x.name === '年度资金总额'));
    const s = (stats[name] ??= emptyStats());
    // (Labels keep a traditional text's characters, "10個"; records report simplified ones, as for the scalars.)
    const want = wantList.map((x) => norm(key(x)));
    const remaining = [...want];
    for (const item of gotList) {
      const g = norm(key(item));
      const i = remaining.indexOf(g);
      // A named amount records the rule that found it (NAMED_RULES): a right item counts a hit, an extra one a miss-fire.
      const r = rules && item.rule ? (rules[`${field} ← ${item.rule}`] ??= emptyStats()) : null;
      if (i >= 0) {
        remaining.splice(i, 1);
        s.tp++;
        if (r) r.tp++;
      } else if (field !== 'counts') {
        s.fp++;
        s.errors.push(`${id}: extra ${g}`);
        if (r) {
          r.fp++;
          r.errors.push(`${id}: extra ${g}`);
        }
      } else {
        // counts labels list the main counts only: an unlabelled count is not an error
      }
    }
    s.fn += remaining.length;
    for (const r of remaining) s.errors.push(`${id}: missed ${r}`);
  }
}

/**
 * Label files with the text each one describes and the part each belongs to. `parts` defaults to
 * the shared corpus and the seed (what the floors in test/extract/accuracy.test.ts measure);
 * `['tune']`, `['test']` or PARTS add the fixtures/corpus texts of fixtures/expected/labelled/.
 */
export function loadLabels(root, parts = ['shared']) {
  const out = [];
  if (parts.includes('shared')) {
    const seed = join(root, 'fixtures/expected/seed.json');
    if (existsSync(seed)) out.push({ id: 'seed', part: 'shared', label: JSON.parse(readFileSync(seed, 'utf8')), path: join(root, 'fixtures/seed/huadu-2021-jgdgw.txt'), corpus: false });
    const dir = join(root, 'fixtures/expected/corpus');
    if (existsSync(dir))
      for (const f of readdirSync(dir).filter((f) => /^r\d+\.json$/u.test(f)).sort()) {
        const label = JSON.parse(readFileSync(join(dir, f), 'utf8'));
        out.push({ id: f.replace('.json', ''), part: 'shared', label, path: join(root, '..', 'shared', 'corpus', label.file), corpus: true });
      }
  }
  const labelled = join(root, 'fixtures/expected/labelled');
  if (existsSync(labelled))
    for (const f of readdirSync(labelled).filter((f) => /^t\d+\.json$/u.test(f)).sort()) {
      const label = JSON.parse(readFileSync(join(labelled, f), 'utf8'));
      if (parts.includes(label.split)) out.push({ id: f.replace('.json', ''), part: label.split, label, path: join(root, 'fixtures/corpus', label.file), corpus: true });
    }
  return out;
}

/**
 * A corpus file's document text without the collector's header lines (`# source:` always; the
 * shared texts also have `# title:`, the page title, returned separately).
 */
export function corpusBytes(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  let n = 0;
  while (n < 2 && /^# (source|title):/u.test(lines[n] ?? '')) n++;
  const titleLine = lines.slice(0, n).find((l) => l.startsWith('# title:')) ?? '';
  const title = titleLine.replace(/^# title:\s*/u, '').replace(/[（(][^）)]*[)）]\s*$/u, '').trim();
  return { bytes: Buffer.from(lines.slice(n).join('\n'), 'utf8'), title };
}

export function summarize(stats) {
  const rows = [];
  const total = { report: emptyStats(), money: emptyStats() };
  for (const [name, s] of Object.entries(stats)) {
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    rows.push({ field: name, tp: s.tp, fp: s.fp, fn: s.fn, precision: p, recall: r });
    // (A diagnostic row reads a field again under another convention: it is no field of its own.)
    const group = name.startsWith('diagnostic') ? null : name.startsWith('report.') ? total.report : name === 'figures.counts' ? null : total.money;
    if (group) {
      group.tp += s.tp;
      group.fp += s.fp;
      group.fn += s.fn;
    }
  }
  const agg = (s) => ({ tp: s.tp, fp: s.fp, fn: s.fn, precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1 });
  return { rows, report: agg(total.report), money: agg(total.money) };
}
