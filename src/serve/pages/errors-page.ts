/** Files that could not be ingested, newest first, with the reason the pipeline gave. */
import type { IngestErrorInput } from '../../store/store.js';
import { html, type Html } from '../html.js';
import { hrefTo, renderLayout, type PageContext } from './layout.js';

export type IngestErrorRow = IngestErrorInput & { at: Date };

export function renderErrorsPage(ctx: PageContext, errors: IngestErrorRow[]): Html {
  const { t } = ctx;
  const rows = [...errors].sort((a, b) => b.at.getTime() - a.at.getTime());
  const body = html`<h1>${t.errorsTitle}</h1>
<div class="counts"><div class="count bad" id="count-errors"><b>${rows.length}</b>${t.ingestErrors}</div></div>
${
  rows.length
    ? html`<table id="errors"><thead><tr><th>${t.at}</th><th>${t.fileName}</th><th>${t.errorCode}</th><th>${t.disposition}</th><th>${t.message}</th><th>${t.sha256}</th></tr></thead><tbody>${rows.map(
        (e) => html`<tr><td class="num">${e.at.toISOString().replace('T', ' ').slice(0, 19)}</td><td>${e.fileName}</td><td><code>${e.code}</code></td><td>${e.disposition}</td><td>${e.message}</td><td>${
          e.sha256 ? html`<a href="${hrefTo(ctx, `/reports/${e.sha256}`)}"><code>${e.sha256.slice(0, 12)}</code></a>` : '—'
        }</td></tr>`,
      )}</tbody></table>`
    : html`<p class="notice">${t.noErrors}</p>`
}`;
  return renderLayout(ctx, t.errorsTitle, body);
}
