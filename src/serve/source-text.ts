/**
 * Renders a document's normalized text with its figures marked. Every character of the text is
 * escaped; marks are links to the figure's field, and carry an id the fields and checks link to.
 * Pure: text and spans in, HTML out.
 */
import { html, raw, type Html } from './html.js';

export interface Highlight {
  /** [start, end) in the normalized text. */
  start: number;
  end: number;
  /** When given, the span must read exactly this; otherwise the text is not the one the record came from. */
  quote?: string;
  /** HTML id a click on the mark goes to (the field's row, or the check). */
  target: string;
  /** Tooltip: the field(s) the figure fills. */
  title: string;
  /** The figure was used by a failed check. */
  failed?: boolean;
}

export interface PageStart {
  page: number;
  /** Offset in the normalized text where the page begins. */
  offset: number;
}

export interface RenderSourceOptions {
  pageStarts?: PageStart[];
  /** Markup placed where a page begins. */
  pageMarker?: (page: number) => Html;
}

export interface SourceRendering {
  html: Html;
  /** Span key (`start-end`) → the HTML id to link to; overlapped spans point at the mark that covers them. */
  anchors: Map<string, string>;
  /** Highlights whose span is out of range or does not read its quote. */
  mismatched: number;
}

interface Mark {
  start: number;
  end: number;
  id: string;
  target: string;
  titles: string[];
  failed: boolean;
}

export function renderSourceText(text: string, highlights: Highlight[], options: RenderSourceOptions = {}): SourceRendering {
  let mismatched = 0;
  const bySpan = new Map<string, Mark>();
  for (const h of highlights) {
    const valid =
      Number.isInteger(h.start) &&
      Number.isInteger(h.end) &&
      h.start >= 0 &&
      h.end > h.start &&
      h.end <= text.length &&
      (h.quote === undefined || text.slice(h.start, h.end) === h.quote);
    if (!valid) {
      mismatched++;
      continue;
    }
    const key = `${h.start}-${h.end}`;
    const mark = bySpan.get(key);
    if (mark) {
      if (!mark.titles.includes(h.title)) mark.titles.push(h.title);
      mark.failed ||= h.failed ?? false;
    } else {
      bySpan.set(key, { start: h.start, end: h.end, id: `s-${key}`, target: h.target, titles: [h.title], failed: h.failed ?? false });
    }
  }

  // Marks cannot nest in the text: keep the earliest (longest on ties) and point the others at it.
  const sorted = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  const anchors = new Map<string, string>();
  for (const mark of sorted) {
    const last = kept.at(-1);
    if (last && mark.start < last.end) {
      anchors.set(`${mark.start}-${mark.end}`, last.id);
      for (const t of mark.titles) if (!last.titles.includes(t)) last.titles.push(t);
      last.failed ||= mark.failed;
    } else {
      kept.push(mark);
      anchors.set(`${mark.start}-${mark.end}`, mark.id);
    }
  }

  // A page break that falls inside a mark moves to the mark's start.
  const breaks = (options.pageStarts ?? [])
    .map((p) => {
      const inside = kept.find((m) => m.start < p.offset && p.offset < m.end);
      return { page: p.page, offset: inside ? inside.start : Math.max(0, Math.min(text.length, p.offset)) };
    })
    .sort((a, b) => a.offset - b.offset || a.page - b.page);

  const parts: Html[] = [];
  let pos = 0;
  let b = 0;
  const flushBreaks = (upTo: number) => {
    while (b < breaks.length && breaks[b]!.offset <= upTo) {
      const br = breaks[b]!;
      if (br.offset > pos) {
        parts.push(html`${text.slice(pos, br.offset)}`);
        pos = br.offset;
      }
      if (options.pageMarker) parts.push(options.pageMarker(br.page));
      b++;
    }
  };
  for (const mark of kept) {
    flushBreaks(mark.start);
    if (mark.start > pos) parts.push(html`${text.slice(pos, mark.start)}`);
    parts.push(
      html`<a class="${mark.failed ? 'fig failed' : 'fig'}" id="${mark.id}" href="#${mark.target}" title="${mark.titles.join('；')}">${text.slice(mark.start, mark.end)}</a>`,
    );
    pos = mark.end;
  }
  flushBreaks(text.length);
  if (pos < text.length) parts.push(html`${text.slice(pos)}`);
  return { html: raw(parts.join('')), anchors, mismatched };
}
