import type { SourceDocument } from '../ingest/document.js';
import type { Evidence } from '../schema/record.js';

/** Index of the last of `starts` (ascending, starts[0] ≤ value) at or before `value`; 0 when none is. */
export function lastStartAtOrBefore(starts: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based page of a normalized offset, found through the raw offset and the page starts. */
export function pageAt(doc: Pick<SourceDocument, 'toRaw' | 'rawPageStarts'>, offset: number): number {
  const raw = doc.toRaw[Math.max(0, Math.min(offset, doc.toRaw.length - 1))] ?? 0;
  return lastStartAtOrBefore(doc.rawPageStarts, raw) + 1;
}

/** Raw span [rawStart, rawEnd) of a normalized span [start, end). */
export function toRawSpan(doc: Pick<SourceDocument, 'toRaw'>, start: number, end: number): { rawStart: number; rawEnd: number } {
  const rawStart = doc.toRaw[start] ?? 0;
  const rawEnd = end > start ? (doc.toRaw[end - 1] ?? rawStart) + 1 : rawStart;
  return { rawStart, rawEnd };
}

/** Evidence for a span of the normalized text: page, both spans, and the quote. */
export function evidenceOf(doc: SourceDocument, start: number, end: number): Evidence {
  const { rawStart, rawEnd } = toRawSpan(doc, start, end);
  const paged = doc.format === 'pdf' || doc.format === 'image';
  const page = pageAt(doc, start);
  const info = doc.pages[page - 1];
  const evidence: Evidence = { page: paged ? page : null, start, end, quote: doc.text.slice(start, end), rawStart, rawEnd };
  // (Set after, not spread in: a conditional spread is a generic property copy, and every figure has evidence.)
  if (info?.ocrConfidence !== undefined) evidence.ocrConfidence = info.ocrConfidence;
  return evidence;
}
