/**
 * The number grammar's reading of a document, made once: every sentence of the segmentation
 * outside tables, read by `findNumbers`. Extraction locates its numbers from it, and the 决算 checks
 * read their 情况说明 blocks from it, instead of running the grammar over every block again (a third
 * of the check stage did).
 */
import type { SourceDocument } from '../ingest/document.js';
import type { Segmentation } from '../segment/segment.js';
import { codeClass } from './char-class.js';
import { findNumbers, QUOTE_CLOSE, QUOTE_OPEN, type NumberMatch } from './numbers.js';
import { indexSpans } from './span-index.js';

export interface SentenceNumbers {
  /** The segmentation read. */
  seg: Segmentation;
  /** Per sentence of `seg`: its matches, offsets into the sentence; null for a sentence in a table. Never mutated. */
  bySentence: readonly (readonly NumberMatch[] | null)[];
}

/** A number of a span of the text: where it stands in the text, and the grammar's match. */
export interface SpanNumber {
  start: number;
  end: number;
  /** The match of its sentence (offsets into that sentence: use start and end above). */
  match: NumberMatch;
}

/** Readings by document, with the segmentation they were made from (a document segmented again is read again). */
const READ = new WeakMap<SourceDocument, SentenceNumbers>();

/** Every sentence outside tables read by the number grammar, once per document and segmentation. */
export function readSentenceNumbers(doc: SourceDocument, seg: Segmentation): SentenceNumbers {
  const cached = READ.get(doc);
  if (cached && cached.seg === seg) return cached;
  // A sentence in a table is a row, whose cells extraction reads cell by cell.
  const inTable = indexSpans(doc.blockSpans.filter((s) => s.cells)).covers;
  const text = doc.text;
  const bySentence = seg.sentences.map((s) => (inTable(s.start) ? null : findNumbers(text.slice(s.start, s.end))));
  const read = { seg, bySentence };
  READ.set(doc, read);
  return read;
}

/** Closers after a sentence end that the grammar reads otherwise than a line start (” is a list marker's punctuation, as 。 is). */
const isTellingCloser = codeClass(/[’」』）)]/u);
/** What a character means to numbersInSpan: 1 a newline, 2 a quote opening, 3 a quote closing (as insideQuotes reads them), else 0. */
const MARK: Uint8Array = (() => {
  const mark = new Uint8Array(0x10000);
  mark[0x0a] = 1;
  for (const c of QUOTE_OPEN) mark[c.charCodeAt(0)] = 2;
  for (const c of QUOTE_CLOSE) mark[c.charCodeAt(0)] = 3;
  return mark;
})();

/** Whether a quote is open after text[from, to), given whether one was before; null when a newline stands there. */
function quoteOpenAfter(text: string, from: number, to: number, open: boolean): boolean | null {
  let quoteOpen = open;
  for (let i = from; i < to; i++) {
    const mark = MARK[text.charCodeAt(i)];
    if (mark === 0) continue;
    if (mark === 1) return null;
    quoteOpen = mark === 2;
  }
  return quoteOpen;
}

/** The grammar over a piece of a sentence (the end of the one a span starts in, the start of the one it stops in), onto `out`. */
function readPiece(out: SpanNumber[], text: string, from: number, to: number): void {
  for (const m of findNumbers(text.slice(from, to))) out.push({ start: m.start + from, end: m.end + from, match: m });
}

/**
 * The numbers `findNumbers(doc.text.slice(start, end))` finds, from the sentences' reading (the
 * grammar runs only on the pieces of sentences the span cuts at its ends), or null when the reading
 * cannot promise the same list (the caller runs the grammar on the span).
 *
 * Why the same: the grammar's matches and skips never run over a sentence end (。！？；!?;, none of
 * which a unit, an approximation word or an identifier holds), so the span's scan enters each of
 * its sentences afresh, and a piece that ends a sentence reads as it does in the span. What the
 * scan reads before a sentence's start differs only in what stands there: the sentence end instead
 * of nothing. That decides nothing, except where
 * - a newline stands inside the span (a sentence ends at a line end; several look-backs, such as
 *   电话 … number, read over blanks, newlines included): the span must be one line;
 * - a closer ends the sentence before (’」』）; ” counts as punctuation, as 。 does): "。）-5"
 *   reads no minus sign, "。」1." no list marker, in the span: no sentence inside may end in one;
 * - a quote opened before a sentence end is still open there (insideQuotes looks 40 characters
 *   back to the nearest quote mark, across sentence ends): the last quote mark before every
 *   sentence start inside the span must not open a quote.
 */
export function numbersInSpan(doc: SourceDocument, read: SentenceNumbers, start: number, end: number): SpanNumber[] | null {
  const text = doc.text;
  const sentences = read.seg.sentences;
  // The first sentence starting at or after `start` (sentences are in order and apart).
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  // A span inside one sentence shares nothing.
  if (lo >= sentences.length || sentences[lo]!.start >= end) return null;
  const out: SpanNumber[] = [];
  let quoteOpen: boolean | null = false;
  let at = start;
  if (sentences[lo]!.start > start) {
    // The span starts inside a sentence (a hard-wrapped line joined to the one before): its end is read alone.
    const inside = sentences[lo - 1];
    if (!inside || inside.end !== sentences[lo]!.start) return null;
    quoteOpen = quoteOpenAfter(text, start, inside.end, quoteOpen);
    if (quoteOpen === null) return null;
    readPiece(out, text, start, inside.end);
    at = inside.end;
  }
  for (let si = lo; at < end; si++) {
    const s = sentences[si];
    // The sentences must tile the span, each read outside a table.
    if (!s || s.start !== at) return null;
    const found = read.bySentence[si];
    if (!found) return null;
    if (at > start && (quoteOpen || isTellingCloser(text.charCodeAt(at - 1)))) return null;
    const to = Math.min(s.end, end);
    quoteOpen = quoteOpenAfter(text, at, to, quoteOpen);
    if (quoteOpen === null) return null;
    if (to < s.end) readPiece(out, text, at, to);
    else for (const m of found) out.push({ start: m.start + at, end: m.end + at, match: m });
    at = to;
  }
  return out;
}
