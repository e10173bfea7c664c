/**
 * Static assets, served from memory: the stylesheet and scripts below, and Chart.js' UMD build
 * read once from node_modules. Nothing is fetched from the network, and no request path reaches
 * the file system.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const APP_CSS = `
:root { --fg:#1d232b; --muted:#5d6875; --line:#d8dee6; --bg:#f6f8fa; --accent:#0b5cad; --fail:#b3261e; --fail-bg:#fde7e5; --warn:#8a5a00; --warn-bg:#fff3d6; --pass:#1b6e3a; --mark:#fff1a8; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.55 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--fg); background:#fff; }
header.top { display:flex; gap:18px; align-items:center; padding:8px 18px; border-bottom:1px solid var(--line); background:var(--bg); position:sticky; top:0; z-index:5; }
header.top .brand { font-weight:600; }
header.top nav { display:flex; gap:14px; flex-wrap:wrap; }
header.top .lang { margin-left:auto; }
a { color:var(--accent); text-decoration:none; }
a:hover { text-decoration:underline; }
main { padding:14px 18px; }
h1 { font-size:20px; margin:4px 0 12px; }
h2 { font-size:16px; margin:18px 0 8px; }
h3 { font-size:14px; margin:12px 0 6px; }
.counts { display:flex; gap:12px; flex-wrap:wrap; margin-bottom:12px; }
.counts .count { border:1px solid var(--line); border-radius:6px; padding:6px 12px; background:var(--bg); }
.counts .count b { font-size:18px; display:block; }
.counts .count.bad b { color:var(--fail); }
form.filters { display:flex; gap:8px; flex-wrap:wrap; align-items:end; margin-bottom:10px; }
form.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
form.filters input, form.filters select { font:inherit; padding:3px 6px; border:1px solid var(--line); border-radius:4px; min-width:7em; }
form.filters button { font:inherit; padding:4px 12px; }
.downloads { display:flex; gap:8px; align-items:center; margin:6px 0 10px; }
.downloads a { border:1px solid var(--line); border-radius:4px; padding:2px 10px; background:var(--bg); }
table { border-collapse:collapse; width:100%; }
th, td { border-bottom:1px solid var(--line); padding:4px 6px; text-align:left; vertical-align:top; }
th { background:var(--bg); font-weight:600; white-space:nowrap; }
td.nowrap { white-space:nowrap; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
th a.sorted::after { content:" ▲"; font-size:10px; }
th a.sorted.desc::after { content:" ▼"; }
tr.has-failed td.failed-count { color:var(--fail); font-weight:600; }
.pager { display:flex; gap:12px; margin:10px 0; }
.muted { color:var(--muted); }
.notice { border:1px solid var(--line); background:var(--bg); padding:8px 12px; border-radius:6px; margin:8px 0; }
.notice.bad { border-color:var(--fail); background:var(--fail-bg); }
.report { display:grid; grid-template-columns:minmax(0,1.15fr) minmax(0,1fr); gap:18px; }
.report .source { position:sticky; top:48px; height:calc(100vh - 64px); overflow:auto; border:1px solid var(--line); border-radius:6px; padding:10px 14px; background:#fff; }
.report .side { min-width:0; }
.source-text { white-space:pre-wrap; word-break:break-word; font-size:14px; line-height:1.8; }
a.fig { background:var(--mark); color:inherit; border-radius:3px; padding:0 1px; box-shadow:inset 0 -1px 0 #d7b600; scroll-margin:40vh; }
a.fig.failed { background:var(--fail-bg); box-shadow:inset 0 -2px 0 var(--fail); }
a.fig:target, a.fig.flash { outline:2px solid var(--accent); background:#cfe3ff; }
.page-break { display:block; margin:10px 0; padding:2px 0; border-top:1px dashed var(--muted); color:var(--muted); font-size:12px; white-space:normal; }
.page-break img { max-width:100%; border:1px solid var(--line); margin-top:6px; }
tr:target, section.check:target { background:#e3efff; }
tr[id], section.check { scroll-margin-top:60px; }
dl.info { display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; margin:0; }
dl.info dt { color:var(--muted); }
dl.info dd { margin:0; word-break:break-all; }
section.check { border:1px solid var(--line); border-left-width:4px; border-radius:6px; padding:6px 10px; margin:8px 0; }
section.check.status-fail { border-left-color:var(--fail); background:linear-gradient(90deg, var(--fail-bg), #fff 40%); }
section.check.status-warn { border-left-color:var(--warn); }
section.check.status-pass { border-left-color:var(--pass); }
.badge { display:inline-block; font-size:12px; padding:0 6px; border-radius:3px; margin-right:6px; }
.badge.fail { background:var(--fail); color:#fff; }
.badge.warn { background:var(--warn-bg); color:var(--warn); }
.badge.pass { background:#e2f4e8; color:var(--pass); }
.badge.not_applicable { background:var(--bg); color:var(--muted); }
code.rule { font-size:12px; color:var(--muted); }
table.intervals td, table.intervals th { border:none; padding:1px 8px 1px 0; }
.interval { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; }
ul.used { margin:4px 0; padding-left:18px; }
.charts { display:grid; grid-template-columns:minmax(0,2fr) minmax(0,1fr); gap:18px; }
.chart-box { position:relative; height:360px; }
td.cell .rate { font-weight:600; }
td.cell .sub { font-size:12px; color:var(--muted); }
@media (max-width: 900px) { .report, .charts { grid-template-columns:1fr; } .report .source { position:static; height:60vh; } }
`;

/** Report page: flash the figure or field the user jumped to, so it is found at a glance. */
export const APP_JS = `
(function () {
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    document.querySelectorAll('.flash').forEach(function (e) { e.classList.remove('flash'); });
    el.classList.add('flash');
  }
  window.addEventListener('hashchange', flash);
  flash();
})();
`;

/** Comparison page: builds the charts from the JSON data block. */
export const COMPARE_JS = `
(function () {
  var data = JSON.parse(document.getElementById('compare-data').textContent);
  var palette = ['#0b5cad', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#5c940d', '#1098ad', '#e67700'];
  window.jixiaoCharts = [];
  var metric = document.getElementById('chart-metric');
  if (metric && data.metric.datasets.length) {
    window.jixiaoCharts.push(new Chart(metric, {
      type: 'bar',
      data: {
        labels: data.metric.labels,
        datasets: data.metric.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: palette[i % palette.length] };
        })
      },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { title: { display: true, text: data.metric.title } },
        scales: { y: { beginAtZero: true, title: { display: true, text: data.metric.unit } } }
      }
    }));
  }
  var dist = document.getElementById('chart-distribution');
  if (dist) {
    window.jixiaoCharts.push(new Chart(dist, {
      type: 'bar',
      data: { labels: data.distribution.labels, datasets: [{ label: data.distribution.title, data: data.distribution.counts, backgroundColor: '#0b5cad' }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false }, title: { display: true, text: data.distribution.title } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    }));
  }
})();
`;

let chartJs: string | undefined;

/** Chart.js' UMD build from the installed package (the package exports only its ESM/CJS entry points). */
export function loadChartJs(): string {
  if (chartJs === undefined) {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('chart.js');
    chartJs = readFileSync(path.join(path.dirname(entry), 'chart.umd.min.js'), 'utf8');
  }
  return chartJs;
}
