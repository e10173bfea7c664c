/** Department × year: a table of execution rate, budget, execution and score, a chart, and the rate distribution. */
import type { Comparison } from '../compare.js';
import { formatNumber, formatPercent, formatWan, html, jsonForScript, type Html } from '../html.js';
import type { ListParams } from '../query.js';
import { hrefTo, renderLayout, type PageContext } from './layout.js';
import { renderDownloads, renderFilterForm, selectionParams, withUnit } from './list-page.js';

export const COMPARE_METRICS = ['executionRate', 'budget', 'execution', 'selfScore'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

export interface ComparePageData {
  params: ListParams;
  metric: CompareMetric;
  comparison: Comparison;
  years: number[];
}

/** The value a chart plots: percent for rates, 万元 for money, points for scores. */
function chartValue(metric: CompareMetric, cell: { budget: number | null; execution: number | null; executionRate: number | null; selfScore: number | null }): number | null {
  const v = cell[metric];
  if (v === null) return null;
  if (metric === 'executionRate') return Number((v * 100).toFixed(2));
  if (metric === 'budget' || metric === 'execution') return Number((v / 1e4).toFixed(2));
  return Number(v.toFixed(2));
}

export function renderComparePage(ctx: PageContext, data: ComparePageData): Html {
  const { t } = ctx;
  const { comparison: cmp, params, metric } = data;
  const cellOf = new Map(cmp.cells.map((c) => [`${c.year}\u0000${c.departmentKey}`, c]));
  const metricUnit = metric === 'executionRate' ? '%' : metric === 'selfScore' ? (ctx.lang === 'en' ? 'points' : '分') : t.wanYuan;

  const chartData = {
    metric: {
      title: withUnit(ctx, t[metric], metricUnit),
      unit: metricUnit,
      labels: cmp.departments.map((key) => cmp.names[key] ?? key),
      datasets: cmp.years.map((year) => ({
        label: String(year),
        data: cmp.departments.map((d) => {
          const cell = cellOf.get(`${year}\u0000${d}`);
          return cell ? chartValue(metric, cell) : null;
        }),
      })),
    },
    distribution: {
      title: t.distribution,
      labels: cmp.distribution.map((b) => b.label),
      counts: cmp.distribution.map((b) => b.count),
    },
  };

  const metricOption = (m: CompareMetric) => html`<option value="${m}"${m === metric ? html` selected` : ''}>${t[m]}</option>`;
  const metricSelect = html`<label>${t.metric}<select name="metric">${COMPARE_METRICS.map(metricOption)}</select></label>`;

  const table = cmp.cells.length
    ? html`<table id="compare-table"><thead><tr><th>${t.department}</th>${cmp.years.map((y) => html`<th>${y}</th>`)}</tr></thead><tbody>${cmp.departments.map(
        (d) => html`<tr data-department-key="${d}"><th>${cmp.names[d] ?? d}</th>${cmp.years.map((y) => {
          const cell = cellOf.get(`${y}\u0000${d}`);
          if (!cell) return html`<td class="muted">—</td>`;
          const link = hrefTo(ctx, cell.sha256s.length === 1 ? `/reports/${cell.sha256s[0]}` : '/', cell.sha256s.length === 1 ? {} : { department: cell.department, year: y });
          return html`<td class="cell" data-department="${cell.department}" data-department-key="${d}" data-year="${y}"><a class="rate" href="${link}">${formatPercent(cell.executionRate)}</a>${cell.sha256s.length > 1 ? html` <span class="muted">×${cell.sha256s.length}</span>` : ''}
<div class="sub">${t.budget} ${formatWan(cell.budget)} · ${t.execution} ${formatWan(cell.execution)} ${t.wanYuan}</div>
<div class="sub">${t.selfScore} ${formatNumber(cell.selfScore)}</div></td>`;
        })}</tr>`,
      )}</tbody></table>`
    : html`<p class="notice">${t.noData}</p>`;

  const body = html`<h1>${t.compareTitle}</h1>
${renderFilterForm(ctx, '/compare', params, data.years, metricSelect)}
<p class="muted">${t.compareHint}</p>
${renderDownloads(ctx, selectionParams(params))}
<div class="charts">
<div><h2>${t.chart}: ${t[metric]}</h2><div class="chart-box"><canvas id="chart-metric" role="img" aria-label="${t[metric]}"></canvas></div></div>
<div><h2>${t.distribution}</h2><div class="chart-box"><canvas id="chart-distribution" role="img" aria-label="${t.distribution}"></canvas></div>
<p>${t.reportsCount} ${cmp.rates.n} · ${t.median} ${formatPercent(cmp.rates.median)} · ${t.mean} ${formatPercent(cmp.rates.mean)}</p>
<table id="distribution-table"><thead><tr><th>${t.distributionRange}</th><th class="num">${t.reportsCount}</th></tr></thead><tbody>${cmp.distribution.map(
    (b) => html`<tr><td>${b.label}</td><td class="num">${b.count}</td></tr>`,
  )}</tbody></table></div>
</div>
<h2>${t.compareTitle}</h2>
${table}
<script type="application/json" id="compare-data">${jsonForScript(chartData)}</script>`;
  return renderLayout(ctx, t.compareTitle, body, ['/static/chart.umd.min.js', '/static/compare.js']);
}
