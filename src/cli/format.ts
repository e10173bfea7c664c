import type { CheckResult, Figure, Interval, ReportRecord } from '../schema/record.js';
import type { SourceDocument } from '../ingest/document.js';
import { segmentDocument } from '../segment/segment.js';

const fig = (f: Figure | null | undefined) => (f ? `${f.text}${f.evidence.page ? ` (p.${f.evidence.page})` : ''}` : '—');

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
  out.push(`  kind:        ${r.report.kind}    year: ${r.report.fiscalYear ?? '—'}`);
  out.push(`  department:  ${r.report.department ?? '—'}`);
  const reg = [r.report.region.province, r.report.region.city, r.report.region.county].filter(Boolean).join(' ');
  out.push(`  region:      ${reg || '—'}`);
  out.push(`  budget:      ${fig(f.budget)}${f.budgetInitial ? `   initial: ${fig(f.budgetInitial)}` : ''}`);
  out.push(`  execution:   ${fig(f.execution)}    rate: ${fig(f.executionRate)}    self score: ${fig(f.selfScore)}`);
  if (f.byFunction.length) out.push(`  by function: ${f.byFunction.map((n) => `${n.name}${n.code ? `[${n.code}]` : ''} ${n.amount.text}`).join('; ')}`);
  if (f.byNature.length) out.push(`  by nature:   ${f.byNature.map((n) => `${n.name} ${n.amount.text}`).join('; ')}`);
  if (f.fundSources.length) out.push(`  funds:       ${f.fundSources.map((n) => `${n.name} ${n.amount.text}`).join('; ')}`);
  for (const p of f.projects) out.push(`  project:     ${p.name}: budget ${fig(p.budget)}, execution ${fig(p.execution)}, rate ${fig(p.executionRate)}`);
  if (f.counts.length) out.push(`  counts:      ${f.counts.map((c) => `${c.text}${c.subject ? ` ${c.subject}` : ''}`).join('; ')}`);
  if (f.indicators.length) out.push(`  indicators:  ${f.indicators.length} rows`);
  const failed = r.checks.filter((c) => c.status === 'fail').length;
  const warned = r.checks.filter((c) => c.status === 'warn').length;
  const passed = r.checks.filter((c) => c.status === 'pass').length;
  out.push(`  checks:      ${passed} pass, ${failed} fail, ${warned} warn`);
  return out.join('\n');
}

const ORDER: Record<string, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };

export function formatChecks(r: ReportRecord): string {
  const out: string[] = [];
  const checks = [...r.checks].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9));
  for (const c of checks) out.push(formatCheck(c));
  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  const passed = checks.filter((c) => c.status === 'pass').length;
  out.push(`${r.source.fileName ?? '(input)'}: ${failed ? 'FAIL' : 'ok'} — ${passed} pass, ${failed} fail, ${warned} warn`);
  return out.join('\n');
}

function formatCheck(c: CheckResult): string {
  const mark = { fail: '✗', warn: '!', pass: '✓', not_applicable: '·' }[c.status];
  const lines = [`${mark} ${c.status.toUpperCase().padEnd(4)} ${c.rule}: ${c.message.zh}`];
  lines.push(`         expected ${formatInterval(c.expected)} ${c.unit}, stated ${formatInterval(c.actual)} ${c.unit}`);
  if (c.status !== 'pass')
    for (const e of c.evidence) lines.push(`         ${e.role}: ${e.text}${e.evidence.page ? ` p.${e.evidence.page}` : ''} @${e.evidence.start}-${e.evidence.end} “${e.evidence.quote}”`);
  return lines.join('\n');
}
