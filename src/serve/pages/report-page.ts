/**
 * One report: the source text with every figure marked and linked to its field (and back), the
 * record's fields, and the checks, failed first, with both intervals and the figures they used.
 */
import { Decimal } from 'decimal.js';
import { showFigure } from '../../schema/figure-text.js';
import { listFormChecks } from '../../schema/record-forms.js';
import type { CheckResult, Evidence, Figure, Form, Interval, ReportRecord } from '../../schema/record.js';
import type { StoredDocument } from '../../store/store.js';
import { html, raw, type Html } from '../html.js';
import { fillLabel, type Labels } from '../i18n.js';
import { collectFigures, fieldHtmlId, spanKey, type FigureRef } from '../record-figures.js';
import type { SourceResult } from '../source-loader.js';
import { renderSourceText, type Highlight } from '../source-text.js';
import { hrefTo, renderLayout, type PageContext } from './layout.js';
import { documentKindLabel, kindLabel } from './list-page.js';

export interface ReportPageData {
  sha256: string;
  record: ReportRecord;
  document: StoredDocument | null;
  source: SourceResult;
}

const STATUS_ORDER: Record<string, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };

/** Checks with their index in the record (their stable id), failed first, then warnings. */
export function orderChecks(checks: CheckResult[]): Array<{ check: CheckResult; index: number }> {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => (STATUS_ORDER[a.check.status] ?? 9) - (STATUS_ORDER[b.check.status] ?? 9) || a.index - b.index);
}

function statusLabel(t: Labels, status: string): string {
  switch (status) {
    case 'fail':
      return t.status_fail;
    case 'warn':
      return t.status_warn;
    case 'pass':
      return t.status_pass;
    default:
      return t.status_not_applicable;
  }
}

/** Interval bounds rounded for reading; the exact bounds stay in the tooltip. */
function formatBound(value: string): string {
  try {
    return new Decimal(value).toDecimalPlaces(5).toString();
  } catch {
    return value;
  }
}

export function formatInterval(interval: Interval | null, unit: string): Html {
  if (!interval) return html`<span class="muted">—</span>`;
  const exact = `${interval.loOpen ? '(' : '['}${interval.lo}, ${interval.hi}${interval.hiOpen ? ')' : ']'}`;
  return html`<span class="interval" title="${exact}">${interval.loOpen ? '(' : '['}${formatBound(interval.lo)}, ${formatBound(interval.hi)}${interval.hiOpen ? ')' : ']'}</span> ${unit}`;
}

function fieldLabel(t: Labels, record: ReportRecord, ref: FigureRef): string {
  const [group, index, key] = ref.id.split('.');
  const f = record.figures;
  const i = Number(index);
  switch (group) {
    case 'byFunction':
    case 'byNature':
    case 'fundSources':
      return `${t[group]} · ${f[group][i]?.name ?? ''}`;
    case 'projects':
      return `${t.projects} · ${f.projects[i]?.name ?? ''} · ${t[key as 'budget' | 'budgetInitial' | 'execution' | 'executionRate']}`;
    case 'counts': {
      const c = f.counts[i];
      return `${t.counts} · ${c ? `${c.action}${c.subject}` : ''}`;
    }
    case 'indicators':
      return `${t.indicators} · ${f.indicators[i]?.level3 ?? ''} · ${key === 'weight' ? t.weight : t.score}`;
    default:
      return t[group as 'budget' | 'budgetInitial' | 'execution' | 'executionRate' | 'selfScore'] ?? ref.id;
  }
}

/** The HTML id of a part's or form's row ("form:2" → "part-form-2"). */
const partAnchor = (id: string) => `part-${id.replace(/[^a-z0-9_]+/giu, '-')}`;

const pageRange = (start: number | null, end: number | null) => (start === null ? '—' : end === null || end === start ? `${start}` : `${start}–${end}`);

export function renderReportPage(ctx: PageContext, data: ReportPageData): Html {
  const { t } = ctx;
  const { record, sha256 } = data;
  const figures = collectFigures(record);
  const checks = orderChecks(record.checks);

  // Spans used by failed checks are marked red in the text.
  const failedSpans = new Set<string>();
  for (const { check } of checks) if (check.status === 'fail') for (const e of check.evidence) failedSpans.add(spanKey(e.evidence));

  const highlights: Highlight[] = figures.map((ref) => ({
    start: ref.evidence.start,
    end: ref.evidence.end,
    quote: ref.evidence.quote,
    target: fieldHtmlId(ref.id),
    title: `${fieldLabel(t, record, ref)}：${ref.text}`,
    failed: failedSpans.has(spanKey(ref.evidence)),
  }));
  // A form's figures are marked too, each linking to the form's row.
  for (const form of record.forms) {
    const name = form.projectName ?? t.formKind_department_overall;
    for (const key of ['budgetInitial', 'budget', 'execution', 'executionRate', 'totalScore'] as const) {
      const figure = form[key];
      if (!figure) continue;
      const label = key === 'totalScore' ? t.totalScore : t[key];
      highlights.push({ start: figure.evidence.start, end: figure.evidence.end, quote: figure.evidence.quote, target: partAnchor(form.id), title: `${t.forms} ${form.id} · ${name} · ${label}：${figure.text}`, failed: failedSpans.has(spanKey(figure.evidence)) });
    }
  }
  for (const { check, index } of checks) {
    for (const used of check.evidence) {
      highlights.push({
        start: used.evidence.start,
        end: used.evidence.end,
        quote: used.evidence.quote,
        target: `check-${index}`,
        title: `${check.rule} · ${used.role}：${used.text}`,
        failed: check.status === 'fail',
      });
    }
  }

  let sourceHtml: Html;
  let anchors = new Map<string, string>();
  if (data.source.ok) {
    const src = data.source.source;
    const pageMarker = (page: number) =>
      html`<div class="page-break" id="page-${page}">${fillLabel(t.pageLabel, { n: page })}${
        src.format === 'pdf'
          ? html` · <details><summary>${t.pageImage}</summary><img loading="lazy" alt="${fillLabel(t.pageLabel, { n: page })}" src="${`/reports/${sha256}/page-image/${page}`}"></details>`
          : ''
      }</div>`;
    const rendering = renderSourceText(src.text, highlights, {
      ...(src.format === 'pdf' || src.format === 'image' ? { pageStarts: [{ page: 1, offset: 0 }, ...src.pageStarts], pageMarker } : {}),
    });
    anchors = rendering.anchors;
    sourceHtml = html`${rendering.mismatched > 0 ? html`<p class="notice bad" id="source-mismatch">${rendering.mismatched}${t.sourceMismatch}</p>` : ''}<div class="source-text" id="source-text">${rendering.html}</div>`;
  } else {
    sourceHtml = html`<p class="notice bad" id="source-unavailable">${data.source.reason === 'not_kept' ? t.sourceNotKept : `${t.sourceUnavailable}: ${data.source.message}`}</p>`;
  }

  const figureLink = (text: string, evidence: Evidence): Html => {
    const anchor = anchors.get(spanKey(evidence));
    const page = evidence.page !== null ? html` <a class="muted" href="#page-${evidence.page}">${t.page} ${evidence.page}</a>` : '';
    return anchor ? html`<a class="figure-link" href="#${anchor}">${text}</a>${page}` : html`<span>${text}</span>${page}`;
  };
  const figureCell = (id: string, figure: Figure | null | undefined, num = true): Html =>
    figure ? html`<td class="${num ? 'num' : ''}" id="${fieldHtmlId(id)}">${figureLink(showFigure(figure), figure.evidence)}</td>` : html`<td class="num muted">—</td>`;
  const indicatorHeader = html`<thead><tr><th>${t.level1}</th><th>${t.level2}</th><th>${t.level3}</th><th>${t.target}</th><th>${t.actual}</th><th class="num">${t.weight}</th><th class="num">${t.score}</th></tr></thead>`;
  /** A form's figure: as printed, linked to its place in the source (forms have no field ids). */
  const formCell = (figure: Figure | null): Html =>
    figure ? html`<td class="num">${figureLink(showFigure(figure), figure.evidence)}</td>` : html`<td class="num muted">—</td>`;

  const f = record.figures;
  const r = record.report;
  const region = [r.region.province, r.region.city, r.region.county].filter(Boolean).join('');
  const counts = { fail: 0, warn: 0, pass: 0 };
  for (const c of record.checks) if (c.status in counts) counts[c.status as keyof typeof counts]++;

  const checksHtml = checks.length
    ? checks.map(
        ({ check, index }) => html`<section class="check status-${check.status}" id="check-${index}" data-rule="${check.rule}" data-status="${check.status}">
<div><span class="badge ${check.status}">${statusLabel(t, check.status)}</span><code class="rule">${check.rule}</code>${check.certainty === 'possible' && check.status !== 'pass' ? html` <span class="muted certainty">${t.certainty_possible}</span>` : ''}${check.part ? html` <a class="muted check-part" href="#${partAnchor(check.part)}">${check.part}</a>` : ''}</div>
<p>${ctx.lang === 'en' ? check.message.en : check.message.zh}</p>
<table class="intervals">
<tr><th>${t.expected}</th><td class="expected">${formatInterval(check.expected, check.unit)}</td></tr>
<tr><th>${t.actualInterval}</th><td class="actual">${formatInterval(check.actual, check.unit)}</td></tr>
</table>
${
  check.evidence.length
    ? html`<div>${t.figuresUsed}:</div><ul class="used">${check.evidence.map((e) => html`<li><span class="muted">${e.role}</span> ${figureLink(e.text, e.evidence)}</li>`)}</ul>`
    : ''
}
${
  check.detail && Object.keys(check.detail).length
    ? html`<details><summary>${t.detail}</summary><dl class="info">${Object.entries(check.detail).map(
        ([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'string' ? v : JSON.stringify(v)}</dd>`,
      )}</dl></details>`
    : ''
}
</section>`,
      )
    : html`<p class="muted">${t.noChecks}</p>`;

  // Issue 15: the ranked alternatives behind each headline figure, shown on demand.
  const rolesHtml = record.roles.some((d) => d.candidates.length > 0)
    ? html`<h2 id="roles-heading">${t.roles}</h2><div id="roles">${record.roles
        .filter((d) => d.candidates.length > 0)
        .map(
          (d) => html`<details class="role" data-role="${d.role}"><summary><code>${d.role}</code> · ${t.roleReason}: <code>${d.reason}</code></summary><table><thead><tr><th></th><th class="num">${t.value}</th><th class="num">${t.candidateScore}</th><th>${t.features}</th></tr></thead><tbody>${d.candidates.map(
            (c, i) => html`<tr class="${i === d.chosen ? 'chosen' : ''}"><td>${i === d.chosen ? t.chosen : ''}</td><td class="num">${figureLink(showFigure(c.figure), c.figure.evidence)}</td><td class="num">${String(c.score)}</td><td>${c.features.map((x) => html`<code>${x.id}</code> ${x.weight > 0 ? '+' : ''}${String(x.weight)} `)}</td></tr>`,
          )}</tbody></table></details>`,
        )}</div>`
    : '';
  // The department's (and title's) ranked alternatives, shown on demand like the figures' above.
  const reportRoles = (record.reportRoles ?? []).filter((d) => d.candidates.length > 0);
  const reportRolesHtml = reportRoles.length
    ? html`<h2 id="report-roles-heading">${t.reportRoles}</h2><div id="report-roles">${reportRoles.map(
        (d) => html`<details class="role" data-field="${d.field}"><summary><code>${d.field}</code> · ${t.roleReason}: <code>${d.reason}</code></summary><table><thead><tr><th></th><th>${t.value}</th><th class="num">${t.candidateScore}</th><th>${t.features}</th></tr></thead><tbody>${d.candidates.map(
          (c, i) => html`<tr class="${i === d.chosen ? 'chosen' : ''}"><td>${i === d.chosen ? t.chosen : ''}</td><td>${c.evidence ? figureLink(c.value, c.evidence) : html`<span>${c.value}</span>`}</td><td class="num">${String(c.score)}</td><td>${c.features.map((x) => html`<code>${x.id}</code> ${x.weight > 0 ? '+' : ''}${String(x.weight)} `)}</td></tr>`,
        )}</tbody></table></details>`,
      )}</div>`
    : '';
  const topRows = (['budget', 'budgetInitial', 'execution', 'executionRate', 'selfScore'] as const).map(
    (key) => html`<tr id="${fieldHtmlId(key)}"><th>${t[key]}</th>${f[key] ? html`<td>${figureLink(showFigure(f[key]), f[key].evidence)}</td>` : html`<td class="muted">—</td>`}</tr>`,
  );
  const namedTable = (group: 'byFunction' | 'byNature' | 'fundSources') =>
    f[group].length
      ? html`<h3>${t[group]}</h3><table><thead><tr><th>${t.name}</th><th>${t.code}</th><th class="num">${t.value}</th></tr></thead><tbody>${f[group].map(
          (item, i) => html`<tr id="${fieldHtmlId(`${group}.${i}`)}"><td>${item.name}</td><td>${item.code ?? ''}</td><td class="num">${figureLink(showFigure(item.amount), item.amount.evidence)}</td></tr>`,
        )}</tbody></table>`
      : '';

  const fieldsHtml = html`<table class="fields-top"><tbody>${topRows}</tbody></table>
${namedTable('byFunction')}${namedTable('byNature')}${namedTable('fundSources')}
${
  f.projects.length
    ? html`<h3>${t.projects}</h3><table><thead><tr><th>${t.name}</th><th class="num">${t.budget}</th><th class="num">${t.budgetInitial}</th><th class="num">${t.execution}</th><th class="num">${t.executionRate}</th></tr></thead><tbody>${f.projects.map(
        (p, i) => html`<tr><td>${p.name}</td>${figureCell(`projects.${i}.budget`, p.budget)}${figureCell(`projects.${i}.budgetInitial`, p.budgetInitial)}${figureCell(`projects.${i}.execution`, p.execution)}${figureCell(`projects.${i}.executionRate`, p.executionRate)}</tr>`,
      )}</tbody></table>`
    : ''
}
${
  f.indicators.length
    ? html`<h3>${t.indicators}</h3><table>${indicatorHeader}<tbody>${f.indicators.map(
        (ind, i) => html`<tr><td>${ind.level1}</td><td>${ind.level2}</td><td>${ind.level3}</td><td>${ind.target}</td><td>${ind.actual}</td>${figureCell(`indicators.${i}.weight`, ind.weight)}${figureCell(`indicators.${i}.score`, ind.score)}</tr>`,
      )}</tbody></table>`
    : ''
}
${
  f.counts.length
    ? html`<h3>${t.counts}</h3><table><thead><tr><th>${t.action}</th><th>${t.subject}</th><th class="num">${t.value}</th></tr></thead><tbody>${f.counts.map(
        (c, i) => html`<tr id="${fieldHtmlId(`counts.${i}`)}"><td>${c.action}</td><td>${c.subject}</td><td class="num">${figureLink(c.text, c.evidence)}</td></tr>`,
      )}</tbody></table>`
    : ''
}`;

  const checkIndex = new Map(record.checks.map((check, index) => [check, index]));
  const formRow = (form: Form): Html => {
    const formChecks = listFormChecks(record, form);
    const kind = form.source === 'score_table' ? t.formKind_score_table : form.formKind === 'department_overall' ? t.formKind_department_overall : t.formKind_project;
    return html`<tr id="${partAnchor(form.id)}" data-form="${form.id}">
<td>${form.id.replace(/^form:/u, '')}</td><td class="nowrap">${form.pageStart !== null ? html`<a href="#page-${form.pageStart}">${pageRange(form.pageStart, form.pageEnd)}</a>` : '—'}</td><td class="nowrap">${kind}</td>
<td>${form.projectName ?? '—'}</td>${formCell(form.budget)}${formCell(form.execution)}${formCell(form.executionRate)}${formCell(form.totalScore)}<td>${form.grade ?? ''}</td>
<td class="form-checks">${formChecks.map((check) => html`<a class="badge ${check.status}" href="#check-${checkIndex.get(check)}" title="${check.rule}">${statusLabel(t, check.status)}</a> `)}</td></tr>${
      form.indicators.length
        ? html`<tr class="form-indicators" data-form-indicators="${form.id}"><td></td><td colspan="9"><details><summary>${t.indicators} ${form.indicators.length}</summary><table>${indicatorHeader}<tbody>${form.indicators.map(
            (ind) => html`<tr><td>${ind.level1}</td><td>${ind.level2}</td><td>${ind.level3}</td><td>${ind.target}</td><td>${ind.actual}</td>${formCell(ind.weight)}${formCell(ind.score)}</tr>`,
          )}</tbody></table></details></td></tr>`
        : ''
    }`;
  };
  const partsHtml = record.parts.length
    ? html`<h2 id="parts-heading">${t.parts}</h2><table id="parts"><thead><tr><th>${t.partKind}</th><th>${t.title}</th><th>${t.pages}</th><th>${t.unit}</th></tr></thead><tbody>${record.parts.map(
        (part) => html`<tr id="${partAnchor(part.id)}" data-part="${part.id}"><td class="nowrap">${(t as Record<string, string>)[`part_${part.kind}`] ?? part.kind}</td><td>${part.title}</td><td class="nowrap">${pageRange(part.pageStart, part.pageEnd)}</td><td>${part.unit ?? ''}</td></tr>`,
      )}</tbody></table>`
    : '';
  const formsHtml = record.forms.length
    ? html`<h2 id="forms-heading">${t.forms} <span class="muted">${record.forms.length}</span></h2><table id="forms"><thead><tr><th>#</th><th>${t.pages}</th><th>${t.formKind}</th><th>${t.projectName}</th><th class="num">${t.budget}</th><th class="num">${t.execution}</th><th class="num">${t.executionRate}</th><th class="num">${t.totalScore}</th><th>${t.grade}</th><th>${t.formChecks}</th></tr></thead><tbody>${record.forms.map(formRow)}</tbody></table>`
    : '';

  const doc = data.document;
  const body = html`<h1 id="report-title">${r.title ?? record.source.fileName ?? sha256}</h1>
<div class="report">
<div class="source" id="source"><h2>${t.sourceText}</h2>${sourceHtml}</div>
<div class="side">
<h2>${t.reportInfo}</h2>
<dl class="info">
<dt>${t.department}</dt><dd id="report-department">${r.department ?? '—'}</dd>
<dt>${t.year}</dt><dd>${r.fiscalYear ?? '—'}</dd>
<dt>${t.documentKind}</dt><dd id="report-document-kind">${documentKindLabel(t, r.documentKind)}</dd>
<dt>${t.kind}</dt><dd>${kindLabel(t, r.kind)}</dd>
<dt>${t.region}</dt><dd>${region || '—'}</dd>
<dt>${t.fileName}</dt><dd>${record.source.fileName ?? doc?.fileName ?? '—'}${
    doc?.hasBytes ? html` · <a href="${`/api/reports/${sha256}/original`}" download>${t.original}</a>` : ''
  }</dd>
<dt>${t.format}</dt><dd>${record.source.format}${record.source.encoding ? ` (${record.source.encoding})` : ''}</dd>
<dt>${t.pages}</dt><dd>${record.source.pages}${record.source.ocrPages ? ` · ${t.ocrPages} ${record.source.ocrPages}` : ''}</dd>
<dt>${t.extractorVersion}</dt><dd>${record.extractorVersion}</dd>
<dt>${t.sha256}</dt><dd><code>${sha256}</code></dd>
</dl>
${formsHtml}
${partsHtml}
<h2 id="checks-heading">${t.checks} <span class="muted" id="check-summary">${fillLabel(t.checkSummary, counts)}</span></h2>
<div id="checks">${checksHtml}</div>
<h2>${t.fields}</h2>
<div id="fields">${fieldsHtml}</div>
${rolesHtml}
${reportRolesHtml}
<p><a href="${hrefTo(ctx, `/api/reports/${sha256}`)}">JSON</a></p>
</div>
</div>`;
  return renderLayout(ctx, r.title ?? sha256, raw(body), ['/static/app.js']);
}
