/**
 * HTML building on Hono's `html` tagged template: every interpolated string is escaped, only values
 * built by `html`/`raw` pass through. Our templates never interpolate promises, so the result is
 * always synchronous; `html` below asserts it so the type is a plain string.
 */
import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString;

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('a page template interpolated a promise');
  return out;
}

export { raw };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return html`${text}`.toString();
}

/**
 * JSON for a `<script type="application/json">` data block: `<`, `>`, `&` and the JS line
 * separators are written as \u escapes so no value can close the element or start a comment.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(json);
}

/** A query string from the non-empty values, for links that keep the current filters. */
export function buildQuery(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Yuan → 万元 with up to 2 decimals and thousands separators, for sums over several reports (the
 * comparison), whose printed units may differ; one report's money is shown as printed (showMoney).
 */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  return (yuan / 1e4).toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: true });
}

export { showNumber as formatNumber, showRate as formatPercent } from '../schema/figure-text.js';
