import { listFormChecks } from '../schema/record-forms.js';
import { showFigure, showMoney } from '../schema/figure-text.js';
import type { CheckResult, Figure, Form, Interval, ReportRecord } from '../schema/record.js';
import type { SourceDocument } from '../ingest/document.js';
import { segmentDocument } from '../segment/segment.js';
import { isDefiniteFailure } from '../check/result.js';

const page = (f: Figure) => (f.evidence.page ? ` (p.${f.evidence.page})` : '');
/** A figure as printed (money with its unit and separators) and its page. */
const fig = (f: Figure | null | undefined) => (f ? `${showFigure(f)}${page(f)}` : '—');
const money = (f: Figure | null | undefined) => (f ? `${showMoney(f)}${page(f)}` : '—');

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

/** `text` cut to `width` columns (ending in … when cut) and padded with spaces to exactly `width`. */
export function fitColumns(text: string, width: number): string {
  let out = text;
  if (displayWidth(text) > width) {
    out = '';
    for (const ch of text) {
      if (displayWidth(out + ch) > width - 1) break;
      out += ch;
    }
    out += '…';
  }
  return out + ' '.repeat(Math.max(0, width - displayWidth(out)));
}

export function formatInterval(i: Interval | null): string {
  if (!i) return '—';
  return `${i.loOpen ? '(' : '['}${i.lo}, ${i.hi}${i.hiOpen ? ')' : ']'}`;
}

/** What `jixiao read` prints: format, pages, OCR needs, outline and blocks. */
export function formatDocument(doc: SourceDocument, fileName: string): string {
  const seg = segmentDocument(doc);
  const lines: string[] = [];
  lines.push(`${fileName}`);
  lines.push(`  format: ${doc.format}${doc.encoding ? `, encoding ${doc.encoding}` : ''}, ${doc.pages.length} page(s), ${doc.text.length} characters`);
  const ocr = doc.pages.filter((p) => p.needsOcr);
  lines.push(ocr.length ? `  needs OCR: pages ${ocr.map((p) => `${p.number} (${p.ocrReason ?? 'empty'})`).join(', ')}` : '  needs OCR: no');
  for (const w of doc.warnings.slice(0, 5)) lines.push(`  warning: ${w}`);
  lines.push(`  title: ${seg.title?.text ?? '—'}`);
  lines.push('  outline:');
  for (const h of seg.headings) lines.push(`  ${'  '.repeat(h.level)}${h.text}`);
  const tables = doc.blocks.filter((b) => b.kind === 'table').length;
  lines.push(`  blocks: ${doc.blocks.length} (${tables} table(s))`);
  lines.push('');
  lines.push(doc.text);
  return lines.join('\n');
}

export function formatRecord(r: ReportRecord): string {
  const f = r.figures;
  const out: string[] = [];
  out.push(`${r.source.fileName ?? '(input)'}  [${r.source.format}${r.source.pages > 1 ? `, ${r.source.pages} pages` : ''}]`);
  out.push(`  title:       ${r.report.title ?? '—'}`);
  out.push(`  document:    ${r.report.documentKind}    about: ${r.report.kind}    year: ${r.report.fiscalYear ?? '—'}`);
  out.push(`  department:  ${r.report.department ?? '—'}`);
  const reg = [r.report.region.province, r.report.region.city, r.report.region.county].filter(Boolean).join(' ');
  out.push(`  region:      ${reg || '—'}`);
  out.push(`  budget:      ${money(f.budget)}${f.budgetInitial ? `   initial: ${money(f.budgetInitial)}` : ''}`);
  out.push(`  execution:   ${money(f.execution)}    rate: ${fig(f.executionRate)}    self score: ${fig(f.selfScore)}`);
  if (f.byFunction.length) out.push(`  by function: ${f.byFunction.map((n) => `${n.name}${n.code ? `[${n.code}]` : ''} ${showMoney(n.amount)}`).join('; ')}`);
  if (f.byNature.length) out.push(`  by nature:   ${f.byNature.map((n) => `${n.name} ${showMoney(n.amount)}`).join('; ')}`);
  if (f.fundSources.length) out.push(`  funds:       ${f.fundSources.map((n) => `${n.name} ${showMoney(n.amount)}`).join('; ')}`);
  for (const p of f.projects) out.push(`  project:     ${p.name}: budget ${money(p.budget)}, execution ${money(p.execution)}, rate ${fig(p.executionRate)}`);
  if (f.counts.length) out.push(`  counts:      ${f.counts.map((c) => `${c.text}${c.subject ? ` ${c.subject}` : ''}`).join('; ')}`);
  if (f.indicators.length) out.push(`  indicators:  ${f.indicators.length} rows`);
  if (r.parts.length) out.push(`  parts:       ${formatParts(r)}`);
  if (r.forms.length) out.push(...formatForms(r));
  const failed = r.checks.filter(isDefiniteFailure).length;
  const warned = r.checks.filter((c) => c.status === 'warn').length;
  const passed = r.checks.filter((c) => c.status === 'pass').length;
  out.push(`  checks:      ${passed} pass, ${failed} fail, ${warned} warn`);
  return out.join('\n');
}

/** Parts grouped by kind in order of first appearance: "cover p.1 · accounts_table ×8 p.3–12 · …". */
function formatParts(r: ReportRecord): string {
  const groups = new Map<string, { count: number; first: number | null; last: number | null }>();
  for (const part of r.parts) {
    const group = groups.get(part.kind) ?? { count: 0, first: null, last: null };
    group.count++;
    if (part.pageStart !== null) group.first = group.first === null ? part.pageStart : Math.min(group.first, part.pageStart);
    const end = part.pageEnd ?? part.pageStart;
    if (end !== null) group.last = group.last === null ? end : Math.max(group.last, end);
    groups.set(part.kind, group);
  }
  return [...groups]
    .map(([kind, g]) => `${kind}${g.count > 1 ? ` ×${g.count}` : ''}${g.first !== null ? ` p.${pages(g.first, g.last)}` : ''}`)
    .join(' · ');
}

const pages = (first: number | null, last: number | null) => (first === null ? '—' : last === null || last === first ? `${first}` : `${first}–${last}`);

/** Columns of the forms table: header, width, right-aligned, cell. */
const FORM_COLUMNS: ReadonlyArray<[string, number, boolean, (form: Form, r: ReportRecord) => string]> = [
  ['#', 3, true, (form) => form.id.replace(/^form:/u, '')],
  ['pages', 7, false, (form) => pages(form.pageStart, form.pageEnd)],
  ['kind', 4, false, (form) => (form.source === 'score_table' ? 'row' : form.formKind === 'department_overall' ? 'dept' : 'proj')],
  ['project', 28, false, (form) => form.projectName ?? (form.formKind === 'department_overall' ? '(部门整体)' : '—')],
  ['budget', 14, true, (form) => (form.budget ? showMoney(form.budget) : '—')],
  ['execution', 14, true, (form) => (form.execution ? showMoney(form.execution) : '—')],
  ['rate', 8, true, (form) => form.executionRate?.text ?? '—'],
  ['score', 6, true, (form) => form.totalScore?.text ?? '—'],
  ['grade', 5, false, (form) => form.grade ?? ''],
  ['checks', 6, false, (form, r) => {
    const checks = listFormChecks(r, form);
    const failed = checks.filter(isDefiniteFailure).length;
    return checks.length === 0 ? '' : failed ? `✗ ${failed}` : '✓';
  }],
];

const cell = (text: string, width: number, right: boolean) => {
  const fitted = fitColumns(text, width);
  return right ? `${' '.repeat(width - displayWidth(fitted.trimEnd()))}${fitted.trimEnd()}` : fitted;
};

/** One line per form, columns aligned for CJK: a 决算 with 88 forms reads as a table. */
export function formatForms(r: ReportRecord): string[] {
  const department = r.forms.filter((form) => form.formKind === 'department_overall' && form.source !== 'score_table').length;
  const rows = r.forms.filter((form) => form.source === 'score_table').length;
  const projects = r.forms.length - department - rows;
  const counts = [department ? `${department} department` : '', projects ? `${projects} project` : '', rows ? `${rows} score-table row(s)` : ''].filter(Boolean);
  const lines = [`  forms:       ${r.forms.length} (${counts.join(', ')})`];
  lines.push(`    ${FORM_COLUMNS.map(([header, width, right]) => cell(header, width, right)).join(' ')}`.trimEnd());
  for (const form of r.forms) lines.push(`    ${FORM_COLUMNS.map(([, width, right, value]) => cell(value(form, r), width, right)).join(' ')}`.trimEnd());
  return lines;
}

const ORDER: Record<string, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };

export function formatChecks(r: ReportRecord): string {
  const out: string[] = [];
  const checks = [...r.checks].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9));
  for (const c of checks) out.push(formatCheck(c));
  const failed = checks.filter(isDefiniteFailure).length;
  // A possible failure (its two sides' identity inferred) is shown but does not fail the file.
  const possible = checks.filter((c) => c.status === 'fail').length - failed;
  const warned = checks.filter((c) => c.status === 'warn').length;
  const passed = checks.filter((c) => c.status === 'pass').length;
  out.push(`${r.source.fileName ?? '(input)'}: ${failed ? 'FAIL' : 'ok'} — ${passed} pass, ${failed} fail${possible ? ` (+${possible} possible)` : ''}, ${warned} warn`);
  return out.join('\n');
}

function formatCheck(c: CheckResult): string {
  const mark = { fail: '✗', warn: '!', pass: '✓', not_applicable: '·' }[c.status];
  const certainty = c.certainty === 'possible' && c.status !== 'pass' ? ' (possible)' : '';
  const lines = [`${mark} ${c.status.toUpperCase().padEnd(4)} ${c.rule}${c.part ? ` [${c.part}]` : ''}${certainty}: ${c.message.zh}`];
  lines.push(`         expected ${formatInterval(c.expected)} ${c.unit}, stated ${formatInterval(c.actual)} ${c.unit}`);
  if (c.status !== 'pass')
    for (const e of c.evidence) lines.push(`         ${e.role}: ${e.text}${e.evidence.page ? ` p.${e.evidence.page}` : ''} @${e.evidence.start}-${e.evidence.end} “${e.evidence.quote}”`);
  return lines.join('\n');
}
