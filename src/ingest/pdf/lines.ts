/**
 * Visual lines and paragraphs from positioned text runs. Spaces come from geometry, not from
 * pdf.js' item boundaries: CJK is often one item per glyph, and a space is inserted only where
 * the page shows a gap.
 */
import type { TextRun } from './geometry.js';
import { HEADING_MARKER, ITEM_MARK, SUBITEM_MARK } from '../../vocabulary/index.js';
import { codeClass } from '../../extract/char-class.js';

export interface TextLine {
  runs: TextRun[];
  text: string;
  left: number;
  right: number;
  /** Baseline (mean of the runs'). */
  y: number;
  /** Font size of most of the line's characters. */
  size: number;
  top: number;
  bottom: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf]/u;
const LATIN_LETTER = /[A-Za-z]/;
const LATIN_ALNUM = /[A-Za-z0-9]/;

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

/** isCjkChar of one UTF-16 code (every range of CJK is in the BMP; NaN, past a text's end, is not). */
const isCjkCode = codeClass(CJK);

const isSpaceCode = codeClass(/\s/u);

/** Whether `text` holds a character /\s/u matches (all of them are in the BMP). */
function hasSpaceCode(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/** Gap, in ems, above which two runs are separated by a space. */
const GAP_LATIN = 0.25;
/** Between two CJK glyphs a gap is justification or letter-spacing unless it is a full em or more. */
const GAP_CJK = 1.0;

export interface JoinOptions {
  /**
   * Gap between two CJK glyphs, in ems, that still gets a space. In table cells a gap between
   * CJK glyphs is always distributed alignment (“合    计”), never a word break: pass Infinity.
   */
  cjkGap?: number;
}

/** Groups runs into lines (by vertical overlap) in top-to-bottom order; runs in a line sorted by x. */
export function groupLines(runs: readonly TextRun[], options: JoinOptions = {}): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let currentY = 0;
  let currentSize = 0;
  // (indexed loops here and below: a for-of makes an iterator result a step without the
  // optimizing compiler, which a one-document command runs without)
  for (let i = 0; i < sorted.length; i++) {
    const run = sorted[i]!;
    if (current.length > 0 && run.y - currentY > 0.45 * Math.max(currentSize, Math.min(run.size, currentSize * 2))) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) {
      currentY = run.y;
      currentSize = run.size;
    }
    current.push(run);
    currentSize = Math.max(currentSize, run.size);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((g) => makeLine(g, options)).filter((l) => l.text !== '');
}

function makeLine(runs: TextRun[], options: JoinOptions): TextLine {
  runs.sort((a, b) => a.x - b.x);
  const kept = dropOverprint(runs);
  const size = dominantSize(kept);
  // One pass, no arrays spread into Math.min/max (the same values: Math.min/max, not comparisons, so NaN and -0 come out alike;
  // the baselines summed in order from 0, as a reduce would).
  let sumY = 0;
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < kept.length; i++) {
    const r = kept[i]!;
    sumY += r.y;
    left = Math.min(left, r.x);
    right = Math.max(right, r.x + r.width);
    top = Math.min(top, r.y - r.size * 0.85);
    bottom = Math.max(bottom, r.y + r.size * 0.2);
  }
  const y = sumY / kept.length;
  return { runs: kept, text: joinRuns(kept, options), left, right, y, size, top, bottom };
}

/** The font size most of the line's characters are set in (a stray large space must not count). */
function dominantSize(runs: readonly TextRun[]): number {
  // Most lines are set in one size: that size (as the weighing gives it, rounded to half points).
  const first = runs.length > 0 ? Math.round(runs[0]!.size * 2) / 2 : NaN;
  let oneSize = first === first;
  for (let i = 1; i < runs.length && oneSize; i++) oneSize = Math.round(runs[i]!.size * 2) / 2 === first;
  // (a Map key of −0 is +0)
  if (oneSize) return first === 0 ? 0 : first;
  const weight = new Map<number, number>();
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const key = Math.round(r.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + r.text.trim().length);
  }
  let best = runs[0]?.size ?? 0;
  let bestWeight = -1;
  weight.forEach((w, size) => {
    if (w > bestWeight || (w === bestWeight && size > best)) {
      best = size;
      bestWeight = w;
    }
  });
  return best;
}

/**
 * Fake bold draws the same text twice, a fraction of a point apart: keep one copy. `runs` come
 * sorted by x, so the copies kept are too, and a copy can only be among the last kept ones: the
 * scan goes back from the end and stops at the first one 0.3 em or more to the left (a table row
 * has hundreds of runs; comparing each with every kept one was quadratic). Where x is not in
 * order (NaN), every kept run is compared.
 */
function dropOverprint(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  let ordered = true;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const reach = 0.3 * r.size;
    const last = out[out.length - 1];
    if (last && !(r.x >= last.x)) ordered = false;
    let dup = false;
    for (let k = out.length - 1; k >= 0; k--) {
      const o = out[k]!;
      if (ordered && o.x <= r.x - reach) break;
      if (o.text === r.text && Math.abs(o.x - r.x) < reach && Math.abs(o.y - r.y) < reach) {
        dup = true;
        break;
      }
    }
    if (!dup) out.push(r);
  }
  return out;
}

/** Joins runs of one line in x order, inserting a single space where the page shows a gap. */
export function joinRuns(runs: readonly TextRun[], options: JoinOptions = {}): string {
  const cjkGap = options.cjkGap ?? GAP_CJK;
  let text = '';
  let prevEnd: number | undefined;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    // (most runs are a glyph or two without white space: the regex only runs on one that has some)
    const piece = hasSpaceCode(run.text) ? run.text.replace(/\s+/gu, ' ') : run.text;
    if (prevEnd !== undefined && text !== '' && !text.endsWith(' ') && !piece.startsWith(' ')) {
      const gap = run.x - prevEnd;
      // (by UTF-16 code: no one-character string for each run joined)
      const threshold = isCjkCode(text.charCodeAt(text.length - 1)) && isCjkCode(piece.charCodeAt(0)) ? cjkGap : GAP_LATIN;
      if (gap > threshold * run.size) text += ' ';
    }
    text += piece;
    prevEnd = prevEnd === undefined ? run.x + run.width : Math.max(prevEnd, run.x + run.width);
  }
  return text.replace(/ {2,}/gu, ' ').trim();
}

/**
 * Joins the lines of one paragraph or one table cell. Lines wrap wherever the box ends, so
 * nothing is inserted between them except between two Latin letters (a wrapped word gap).
 */
export function joinLineTexts(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) {
    const last = out[out.length - 1] ?? '';
    const first = t[0] ?? '';
    // "2021\n年" and "43.\n22" join tight; "714.07\nsecond" and "per\ncent" are Latin word breaks.
    const wordBreak = (LATIN_LETTER.test(last) && LATIN_ALNUM.test(first)) || (LATIN_ALNUM.test(last) && LATIN_LETTER.test(first));
    if (out !== '' && wordBreak) out += ' ';
    out += t;
  }
  return out;
}

/** A list item numbered in digits: 1. 1、 (1) — but "1.5%" at a line start is a wrapped number. */
const ITEM_START = new RegExp(`^(?:${ITEM_MARK}|${SUBITEM_MARK})`, 'u');
const SENTENCE_END = /[。；;：:！!？?]$/u;

export interface ParagraphLayout {
  /** Usual left edge of text on the page. */
  left: number;
  /** Usual right edge of full lines on the page. */
  right: number;
  /** Usual baseline-to-baseline distance inside paragraphs. */
  pitch: number;
}

/** Page-wide margins and line pitch, from all the page's flowing lines. */
export function measureLayout(lines: readonly TextLine[]): ParagraphLayout {
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const d = b.y - a.y;
    if (d > 0 && Math.abs(a.size - b.size) < 0.5 && d < a.size * 3) pitches.push(d);
  }
  pitches.sort((a, b) => a - b);
  return {
    left: lefts[0] ?? 0,
    right: rights[rights.length - 1] ?? 0,
    pitch: pitches[Math.floor(pitches.length / 2)] ?? 0,
  };
}

/** Characters that may not start a line in Chinese typesetting, so they travel with the word before. */
const NO_LINE_START = /^[，。、；：！？）》」』”’%％,.;:!?)\]]/u;
const OPENING = /^[（《「『“‘(\[]/u;

/**
 * Estimated width of what a line starts with that could not be broken: a Latin/number token,
 * a bracketed word, or one CJK character, each with the closing punctuation glued to it.
 */
function leadingUnitWidth(line: TextLine): number {
  return leadingUnitWidthOf(line.text, line.size);
}

/** `leadingUnitWidth` of a text set at `size` (a table cell's wrapped line, too). */
export function leadingUnitWidthOf(text: string, size: number): number {
  let end: number;
  const latin = /^[0-9A-Za-z.,%\-+/:]+/u.exec(text);
  if (latin) end = latin[0].length;
  else if (OPENING.test(text)) {
    const close = text.slice(1, 12).search(/[）》」』”’)\]]/u);
    end = close >= 0 ? close + 2 : 1;
  } else end = Math.min(1, text.length);
  while (end < text.length && NO_LINE_START.test(text.slice(end))) end++;
  let ems = 0;
  for (const ch of text.slice(0, end)) ems += isCjkChar(ch) ? 1 : 0.55;
  return ems * size;
}

/** True when `line` starts a new paragraph after `prev` (both in flow order, no table between). */
export function startsParagraph(prev: TextLine, line: TextLine, layout: ParagraphLayout): boolean {
  const size = Math.max(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > 0.15 * size) return true;
  const dy = line.y - prev.y;
  if (dy <= 0) return true;
  const pitch = layout.pitch > 0 ? layout.pitch : 1.5 * size;
  if (dy > 1.3 * pitch + 0.5) return true;
  if (line.left > layout.left + 1.5 * line.size) return true;
  // A line that stops short ends its paragraph, unless what starts the next line would not have
  // fitted in the space left (a number, a bracketed word: ragged-right wrapping).
  const spaceLeft = layout.right - prev.right;
  if (spaceLeft > 1.5 * prev.size && spaceLeft > leadingUnitWidth(line) + prev.size) return true;
  if (HEADING_MARKER.test(line.text)) return true;
  if (ITEM_START.test(line.text) && (SENTENCE_END.test(prev.text) || ITEM_START.test(prev.text) || HEADING_MARKER.test(prev.text))) return true;
  return false;
}
