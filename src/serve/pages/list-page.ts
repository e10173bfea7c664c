/** The reports list: counts, filters, sortable columns, paging and export buttons. */
import { DocumentKind } from '../../schema/record.js';
import type { ReportSummary, StoreStats } from '../../store/store.js';
import { formatNumber, formatPercent, html, type Html } from '../html.js';
import type { Labels } from '../i18n.js';
import { regionText, type ListParams, type SortColumn } from '../query.js';
import { hrefTo, renderLayout, type PageContext } from './layout.js';

export const PAGE_SIZE = 100;

export interface ListPageData {
  stats: StoreStats;
  params: ListParams;
  /** Matching reports in display order (all pages). */
  rows: ReportSummary[];
  years: number[];
}

/** The selection's filters as query parameters (for sort links, paging and exports). */
export function selectionParams(params: ListParams): Record<string, string | undefined> {
  return {
    year: params.year !== undefined ? String(params.year) : undefined,
    region: params.region,
    department: params.department,
    kind: params.kind,
    failed: params.failed === true ? '1' : params.failed === false ? '0' : undefined,
    q: params.q,
  };
}

function kindLabel(t: Labels, kind: string): string {
  return kind === 'department_overall' ? t.kind_department_overall : kind === 'project' ? t.kind_project : t.kind_unknown;
}

/** What the document is, in the page's language. */
export function documentKindLabel(t: Labels, kind: string): string {
  return (t as Record<string, string>)[`doc_${kind}`] ?? kind;
}

export function renderFilterForm(ctx: PageContext, action: string, params: Omit<ListParams, 'sort' | 'dir' | 'limit' | 'offset' | 'page'>, years: number[], extra: Html | string = ''): Html {
  const { t } = ctx;
  const kindOption = (value: string, label: string) => html`<option value="${value}"${params.kind === value || (!params.kind && value === '') ? html` selected` : ''}>${label}</option>`;
  const failed = params.failed === true ? '1' : params.failed === false ? '0' : '';
  const failedOption = (value: string, label: string) => html`<option value="${value}"${failed === value ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="${action}">
${ctx.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label>${t.search}<input type="search" name="q" value="${params.q ?? ''}" maxlength="200"></label>
<label>${t.year}<select name="year"><option value="">—</option>${years.map(
    (y) => html`<option value="${y}"${params.year === y ? html` selected` : ''}>${y}</option>`,
  )}</select></label>
<label>${t.region}<input name="region" value="${params.region ?? ''}" maxlength="200"></label>
<label>${t.department}<input name="department" value="${params.department ?? ''}" maxlength="200"></label>
<label>${t.kind}<select name="kind">${kindOption('', t.kindAll)}${kindOption('department_overall', t.kind_department_overall)}${kindOption('project', t.kind_project)}${kindOption('unknown', t.kind_unknown)}<optgroup label="${t.documentKind}">${DocumentKind.options.map((kind) => kindOption(kind, documentKindLabel(t, kind)))}</optgroup></select></label>
<label>${t.hasFailed}<select name="failed">${failedOption('', t.failedAny)}${failedOption('1', t.failedYes)}${failedOption('0', t.failedNo)}</select></label>
${extra}
<button type="submit">${t.filter}</button>
<a href="${hrefTo(ctx, action)}">${t.reset}</a>
</form>`;
}

export function renderDownloads(ctx: PageContext, params: Record<string, string | undefined>): Html {
  return html`<div class="downloads"><span class="muted">${ctx.t.download}:</span>${(['csv', 'xlsx', 'parquet'] as const).map(
    (format) => html`<a href="${hrefTo(ctx, '/api/export', { ...params, format })}" download>${format.toUpperCase()}</a>`,
  )}<a href="${hrefTo(ctx, '/api/export', { ...params, format: 'csv', table: 'forms' })}" download>${ctx.t.forms} CSV</a></div>`;
}

export function renderListPage(ctx: PageContext, data: ListPageData): Html {
  const { t } = ctx;
  const { params, rows, stats } = data;
  const sort: SortColumn = params.sort ?? 'fiscalYear';
  const dir = params.dir ?? (params.sort ? 'asc' : 'desc');
  const page = params.page ?? 1;
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const filters = selectionParams(params);

  const header = (column: SortColumn, label: string, num = false) => {
    const active = sort === column;
    const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
    return html`<th class="${num ? 'num' : ''}"><a class="${active ? `sorted ${dir}` : ''}" href="${hrefTo(ctx, '/', { ...filters, sort: column, dir: nextDir })}">${label}</a></th>`;
  };
  const pageLink = (p: number, label: string) => html`<a href="${hrefTo(ctx, '/', { ...filters, sort: params.sort, dir: params.dir, page: p })}">${label}</a>`;

  const body = html`<h1>${t.navReports}</h1>
<div class="counts">
<div class="count" id="count-reports"><b>${stats.reports}</b>${t.reports}</div>
<div class="count bad" id="count-failed"><b>${stats.reportsWithFailedChecks}</b>${t.failedReports}</div>
<div class="count" id="count-errors"><b><a href="${hrefTo(ctx, '/errors')}">${stats.ingestErrors}</a></b>${t.ingestErrors}</div>
<div class="count" id="count-matching"><b>${rows.length}</b>${t.matching}</div>
</div>
${renderFilterForm(ctx, '/', params, data.years)}
${renderDownloads(ctx, filters)}
${
  rows.length === 0
    ? html`<p class="notice">${t.noReports}</p>`
    : html`<table id="reports">
<thead><tr>${header('fiscalYear', t.year)}${header('department', t.department)}${header('title', t.title)}${header('kind', t.kind)}${header('region', t.region)}${header('budget', t.budget, true)}${header('execution', t.execution, true)}${header('executionRate', t.executionRate, true)}${header('selfScore', t.selfScore, true)}${header('forms', t.forms, true)}${header('checksFailed', t.failedChecks, true)}${header('fileName', t.fileName)}</tr></thead>
<tbody>
${pageRows.map(
  (r) => html`<tr class="${r.checksFailed > 0 ? 'has-failed' : ''}" data-sha256="${r.sha256}">
<td>${r.fiscalYear ?? '—'}</td>
<td><a href="${hrefTo(ctx, `/reports/${r.sha256}`)}">${r.department ?? '—'}</a></td>
<td><a href="${hrefTo(ctx, `/reports/${r.sha256}`)}">${r.title ?? '—'}</a></td>
<td class="nowrap">${kindLabel(t, r.kind)}</td>
<td class="nowrap">${regionText(r) || '—'}</td>
<td class="num">${r.budgetText ?? '—'}</td>
<td class="num">${r.executionText ?? '—'}</td>
<td class="num">${formatPercent(r.executionRate)}</td>
<td class="num">${formatNumber(r.selfScore)}</td>
<td class="num">${r.forms || ''}</td>
<td class="num failed-count">${r.checksFailed}${r.checksWarned ? html` <span class="muted" title="${t.warnedChecks}">(${r.checksWarned})</span>` : ''}</td>
<td class="muted">${r.fileName}</td>
</tr>`,
)}
</tbody>
</table>
<div class="pager"><span class="muted">${t.showing} ${(page - 1) * PAGE_SIZE + (pageRows.length ? 1 : 0)}–${(page - 1) * PAGE_SIZE + pageRows.length} / ${rows.length}</span>
${page > 1 ? pageLink(page - 1, t.prev) : ''}${page < pages ? pageLink(page + 1, t.next) : ''}</div>`
}`;
  return renderLayout(ctx, t.navReports, body);
}

export { kindLabel };

/** "预算数（万元）" / "Budget (10k yuan)". */
export function withUnit(ctx: Pick<PageContext, 'lang'>, label: string, unit: string): string {
  return ctx.lang === 'en' ? `${label} (${unit})` : `${label}（${unit}）`;
}
