/** Which of a list of text spans holds an offset. */

export interface SpanIndex {
  /** The first span with start ≤ at < max(end, start + 1) (an empty span holds its start), or -1. */
  at(at: number): number;
  /** Whether a span has start ≤ at < end. */
  covers(at: number): boolean;
}

/**
 * Lookups answered by binary search when the spans are in order and apart (sentences and table
 * spans are), by a scan otherwise. The scan per table row made a 178-page 决算's thousands of rows
 * × thousands of sentences quadratic.
 */
export function indexSpans(spans: readonly { start: number; end: number }[]): SpanIndex {
  const holds = (i: number, at: number) => spans[i]!.start <= at && at < Math.max(spans[i]!.end, spans[i]!.start + 1);
  const ordered = spans.every((sp, i) => sp.start <= sp.end && (i === 0 || spans[i - 1]!.end <= sp.start));
  if (!ordered) return { at: (at) => spans.findIndex((_, i) => holds(i, at)), covers: (at) => spans.some((sp) => at >= sp.start && at < sp.end) };
  // First span starting after `at`.
  const after = (at: number) => leadingCount(spans.length, (i) => spans[i]!.start <= at);
  return {
    at: (at) => {
      // In order and apart, only the last span starting at or before `at` can hold it, or else
      // the first of several starting exactly at `at` (all empty but the last).
      let i = after(at) - 1;
      while (i > 0 && spans[i - 1]!.start === at) i--;
      return i >= 0 && holds(i, at) ? i : -1;
    },
    covers: (at) => {
      const i = after(at) - 1;
      return i >= 0 && at < spans[i]!.end;
    },
  };
}

/** How many of the first `n` indices `holds`, for a test that holds for a prefix of them (binary search). */
export function leadingCount(n: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
