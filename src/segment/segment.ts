import type { SourceDocument, Span } from '../ingest/document.js';
import { isHeadingLike } from '../normalize/normalize.js';
import { OUTLINE_LEVELS, OUTLINE_MARKER } from '../vocabulary/index.js';
import { codeClass, codePointCount } from '../extract/char-class.js';

/** A heading in the outline; `sectionEnd` is where its section stops (the next heading of the same or a higher level). */
export interface Heading extends Span {
  /** 0 = title, 1 = 一、, 2 = （一）, 3 = 1. / 1、, 4 = (1) / （1）. */
  level: number;
  text: string;
  /** Index of the parent heading in `headings`, or -1. */
  parent: number;
  sectionEnd: number;
}

export interface Line extends Span {
  kind: 'heading' | 'paragraph' | 'table-row';
}

export interface Sentence extends Span {
  text: string;
}

export interface Segmentation {
  title: (Span & { text: string }) | null;
  headings: Heading[];
  lines: Line[];
  sentences: Sentence[];
}

/** Outline level of a heading line from its marker; 1 when it has none (a DOCX heading style). */
export function headingLevel(line: string): number {
  return OUTLINE_LEVELS.find((l) => l.marker.test(line))?.level ?? 1;
}

/** A plain first line is the title only when it ends like one. */
const TITLE_WORDS = /(?:报告|报告书|自评表|评价表|情况说明)(?:\s*[（(](?:(?:19|20)\d{2}|20xx)\s*年度?[）)])?$/u;

/**
 * Splits the normalized text into lines, headings and sentences. Headings come from DOCX/HTML
 * heading blocks and from outline markers on short lines without sentence punctuation, so that
 * the numbered duty lists ("1. 统一组织、规划……") stay paragraphs.
 */
export function segmentDocument(doc: SourceDocument): Segmentation {
  // A document is segmented once: extraction, the CLI and the benchmark's stages all ask for it.
  const cached = SEGMENTED.get(doc);
  if (cached && cached.text === doc.text && cached.blocks === doc.blocks && cached.blockSpans === doc.blockSpans) return cached.seg;
  const seg = segmentText(doc);
  SEGMENTED.set(doc, { text: doc.text, blocks: doc.blocks, blockSpans: doc.blockSpans, seg });
  return seg;
}

/** Segmentations by document, with what they were computed from (a document changed since is segmented again). */
const SEGMENTED = new WeakMap<SourceDocument, { text: string; blocks: SourceDocument['blocks']; blockSpans: SourceDocument['blockSpans']; seg: Segmentation }>();

function segmentText(doc: SourceDocument): Segmentation {
  const text = doc.text;
  const headingStarts = new Map<number, number>();
  doc.blockSpans.forEach((span) => {
    const block = doc.blocks[span.block];
    if (block?.kind === 'heading' && span.end > span.start) headingStarts.set(span.start, block.level);
  });
  const tableStarts: Span[] = doc.blockSpans.filter((s) => doc.blocks[s.block]?.kind === 'table');
  const inTable = (at: number) => tableStarts.some((s) => at >= s.start && at < s.end);

  const lines: Line[] = [];
  let title: Segmentation['title'] = null;
  const headings: Heading[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (end > pos) {
      const line = text.slice(pos, end);
      let kind: Line['kind'] = inTable(pos) ? 'table-row' : 'paragraph';
      if (kind === 'paragraph') {
        const styled = headingStarts.get(pos);
        if (styled === 0 && !title) {
          title = { start: pos, end, text: line };
        } else if (styled !== undefined || isHeadingLike(line)) {
          kind = 'heading';
          const level = OUTLINE_MARKER.test(line) ? headingLevel(line) : Math.max(1, styled ?? 1);
          headings.push({ level, text: line, start: pos, end, parent: -1, sectionEnd: text.length });
        } else if (!title && headings.length === 0 && lines.length < 3 && codePointCount(line) <= 80 && TITLE_WORDS.test(line) && !/[。；]/.test(line)) {
          title = { start: pos, end, text: line };
        }
      }
      lines.push({ start: pos, end, kind });
    }
    pos = end + 1;
  }
  // Parents and section ends in one pass with a stack.
  const stack: number[] = [];
  headings.forEach((h, i) => {
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.level >= h.level) {
      headings[stack.pop()!]!.sectionEnd = h.start;
    }
    h.parent = stack.length > 0 ? stack[stack.length - 1]! : -1;
    stack.push(i);
  });
  return { title, headings, lines, sentences: splitSentences(text, lines) };
}

// (by UTF-16 code: text[i] would make a string of every Chinese character read)
const isSentenceEnd = codeClass(/[。！？!?；;]/u);
const isCloser = codeClass(/[”’」』）)]/u);

/** Sentences end at 。！？； or at a line end; table rows are one sentence each. */
export function splitSentences(text: string, lines: Line[]): Sentence[] {
  const out: Sentence[] = [];
  for (const line of lines) {
    if (line.kind !== 'paragraph') {
      out.push({ start: line.start, end: line.end, text: text.slice(line.start, line.end) });
      continue;
    }
    let s = line.start;
    for (let i = line.start; i < line.end; i++) {
      if (isSentenceEnd(text.charCodeAt(i))) {
        // keep closing quotes with the sentence they close
        let e = i + 1;
        while (e < line.end && isCloser(text.charCodeAt(e))) e++;
        out.push({ start: s, end: e, text: text.slice(s, e) });
        s = e;
        i = e - 1;
      }
    }
    if (s < line.end) out.push({ start: s, end: line.end, text: text.slice(s, line.end) });
  }
  return out;
}

/** The heading chain (outermost first) that contains offset `at`. */
export function sectionPath(seg: Segmentation, at: number): Heading[] {
  let idx = -1;
  for (let i = 0; i < seg.headings.length; i++) {
    const h = seg.headings[i]!;
    if (h.start <= at) idx = i;
    else break;
  }
  const path: Heading[] = [];
  while (idx >= 0) {
    const h = seg.headings[idx]!;
    if (at < h.sectionEnd || at < h.end) path.unshift(h);
    idx = h.parent;
  }
  return path;
}
