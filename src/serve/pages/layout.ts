/**
 * The page frame shared by every HTML page: navigation, language switch, stylesheet. Links keep
 * the language; the token travels in a cookie, never in links.
 */
import { buildQuery, html, type Html } from '../html.js';
import { labelsFor, type Labels, type Lang } from '../i18n.js';

export interface PageContext {
  lang: Lang;
  t: Labels;
  /** Path of the current request, for the language switch. */
  path: string;
  /** Query of the current request (single values). */
  query: Record<string, string>;
  /** Bull Board is mounted at /queues. */
  queues: boolean;
}

export function createPageContext(lang: Lang, path: string, query: Record<string, string>, queues: boolean): PageContext {
  return { lang, t: labelsFor(lang), path, query, queues };
}

/** A link to `path` with `params`, keeping `lang=en` when the page is in English. */
export function hrefTo(ctx: Pick<PageContext, 'lang'>, path: string, params: Record<string, string | number | boolean | undefined | null> = {}): string {
  return path + buildQuery({ ...params, lang: ctx.lang === 'en' ? 'en' : undefined });
}

export function renderLayout(ctx: PageContext, title: string, body: Html, scripts: string[] = []): Html {
  const { t } = ctx;
  const other = ctx.lang === 'en' ? undefined : 'en';
  const switchHref = ctx.path + buildQuery({ ...ctx.query, lang: other, token: undefined });
  return html`<!doctype html>
<html lang="${ctx.lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${t.appName}</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<header class="top">
<span class="brand">${t.appName}</span>
<nav>
<a href="${hrefTo(ctx, '/')}">${t.navReports}</a>
<a href="${hrefTo(ctx, '/compare')}">${t.navCompare}</a>
<a href="${hrefTo(ctx, '/errors')}">${t.navErrors}</a>
<a href="/api/openapi.json">${t.navApi}</a>
${ctx.queues ? html`<a href="/queues">${t.navQueues}</a>` : ''}
</nav>
<a class="lang" href="${switchHref}" hreflang="${other ?? 'zh'}">${t.switchLang}</a>
</header>
<main>
${body}
</main>
${scripts.map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`;
}
