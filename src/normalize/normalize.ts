import { createRequire } from 'node:module';
import type { BlockSpan, CellSpan, RawDocument, SourceDocument } from '../ingest/document.js';
import { codePointCount } from '../extract/char-class.js';
import { OUTLINE_MARKER, TITLE_LINE_END } from '../vocabulary/outline.js';
import { SIMPLIFIED_PAIRS } from './simplified-table.js';

/**
 * Normalization: one text per document with an offset map back to the raw text.
 *
 * What changes, and why it is safe:
 *  - full-width digits, Latin letters, ％ and the full-width space become half-width (the number
 *    grammar and users' searches expect "890.33%"); Chinese punctuation （），。；： stays, since
 *    headings such as "（一）" are recognised by it;
 *  - spaces next to CJK characters go ("890.33 万元" → "890.33万元", "2021 年" → "2021年"): PDF
 *    dumps insert them at font switches, and Chinese prose never needs them; runs of spaces
 *    between Latin words collapse to one;
 *  - in formats whose blocks are lines (TXT, PDF), a line that a page or line break cut off is
 *    joined to the next one ("广\n\n泛听取", "43.\n22 万元", "714.07 万\n元").
 * Table cells are normalized one by one and never joined: cells end in a tab, rows in a newline.
 */
export interface NormalizeOptions {
  /** Re-join lines cut by line or page breaks. Defaults to true for TXT, PDF and images. */
  joinLines?: boolean;
  /**
   * Convert traditional characters to simplified, one character at a time (so offsets stay 1:1),
   * when the document is written in traditional characters (mirrors of mainland reports such as
   * 績效自評報告). Default true; the raw text keeps the original characters.
   */
  simplify?: boolean;
}

let toCn: ((s: string) => string) | null = null;
const simplifiedCache = new Map<string, string>();
/**
 * The simplified form of each CJK ideograph (U+4E00–U+9FFF) as a char code: an array lookup, since
 * every document's first 1,500 ideographs are looked up (looksTraditional). Filled from the table
 * generated out of OpenCC, so that OpenCC itself (1 MB of dictionaries, 30–75 ms) loads only for a
 * traditional text's characters outside the range; a simplified form outside the BMP goes to the cache.
 */
const SIMPLIFIED_BMP = new Uint16Array(0x9fff - 0x4e00 + 1);
for (let slot = 0; slot < SIMPLIFIED_BMP.length; slot++) SIMPLIFIED_BMP[slot] = 0x4e00 + slot;
{
  const points = Array.from(SIMPLIFIED_PAIRS);
  for (let k = 0; k + 1 < points.length; k += 2) {
    const from = points[k]!;
    const to = points[k + 1]!;
    SIMPLIFIED_BMP[from.charCodeAt(0) - 0x4e00] = to.length === 1 ? to.charCodeAt(0) : 0;
    if (to.length !== 1) simplifiedCache.set(from, to);
  }
}
/** The simplified form of one character (itself when the conversion is not one character). */
function simplifiedChar(ch: string): string {
  const code = ch.length === 1 ? ch.charCodeAt(0) : 0;
  const slot = code >= 0x4e00 && code <= 0x9fff ? code - 0x4e00 : -1;
  if (slot >= 0 && SIMPLIFIED_BMP[slot]! !== 0) return String.fromCharCode(SIMPLIFIED_BMP[slot]!);
  const cached = simplifiedCache.get(ch);
  if (cached !== undefined) return cached;
  const convert = (toCn ??= (createRequire(import.meta.url)('opencc-js') as typeof import('opencc-js')).Converter({ from: 'tw', to: 'cn' }));
  const c = convert(ch);
  const v = codePointCount(c) === 1 ? c : ch;
  if (slot >= 0 && v.length === 1) SIMPLIFIED_BMP[slot] = v.charCodeAt(0);
  else simplifiedCache.set(ch, v);
  return v;
}

/** True when a sample of the text is mostly traditional: > 3% of its CJK characters change. */
function looksTraditional(texts: string[]): boolean {
  let cjk = 0;
  let changed = 0;
  // A sample decides: 1,500 CJK characters tell traditional from simplified text.
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const code = t.charCodeAt(i);
      if (code < 0x4e00 || code > 0x9fff) continue;
      cjk++;
      const slot = SIMPLIFIED_BMP[code - 0x4e00]!;
      if (slot !== 0 ? slot !== code : simplifiedChar(t[i]!) !== t[i]) changed++;
      if (cjk >= 1500) break;
    }
    if (cjk >= 1500) break;
  }
  return cjk > 20 && changed / cjk > 0.03;
}

/** Inline pinyin after a character in some mirrors: 關(guān)于, 發(fā)布. */
const INLINE_PINYIN = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/gu;

/** CJK characters, CJK and full-width punctuation, curly quotes, … and —: spaces beside them go. */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0x2026 ||
    code === 0x2014
  );
}
/** Zero-width characters and the soft hyphen: dropped. */
function isZeroWidthCode(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x00ad;
}
/** Spaces of every width (the ideographic space included): one ASCII space. */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}
/** An ASCII or full-width digit (for "．" and "－" between digits). */
function isAnyDigit(ch: string): boolean {
  const code = ch.length === 1 ? ch.charCodeAt(0) : 0;
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}
const isAsciiDigit = (ch: string): boolean => ch.length === 1 && ch >= '0' && ch <= '9';

/** Sentence-final punctuation: a line ending in one of these is complete. */
const TERMINAL = /[。！？!?：:…]["”’」』）)]*$/u;
/** A clause-final ；: the next line continues the paragraph unless it starts a new list item. */
const SEMICOLON_END = /[；;]["”’」』）)]*$/u;
const LIST_ITEM_START = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，、,])/u;
/** Outline markers live in the vocabulary (segment and extract read them too). */
export { OUTLINE_MARKER };
/** Lines that are only a page number ("- 3 -", "第 3 页 共 5 页", "3/5"). */
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

/**
 * Chinese punctuation that halfWidth leaves as it is (、。《》「」, curly quotes, … and —; outside
 * the BMP's ideographs, so simplification never changes it): copied like ASCII, not one string a
 * character. Full-width punctuation （），：；！？ too, where no simplification asks for each character.
 */
function keepsItself(unit: number, simplify: boolean): boolean {
  if (unit < 0xff01) return (unit > 0x3000 && unit <= 0x303f) || (unit >= 0x2018 && unit <= 0x201d) || unit === 0x2026 || unit === 0x2014;
  return (
    !simplify &&
    (unit <= 0xff04 ||
      (unit >= 0xff06 && unit <= 0xff0a) ||
      unit === 0xff0c ||
      unit === 0xff0f ||
      (unit >= 0xff1a && unit <= 0xff20) ||
      (unit >= 0xff3b && unit <= 0xff40) ||
      (unit >= 0xff5b && unit <= 0xffef))
  );
}

function halfWidth(ch: string, prev: string, next: string): string {
  const code = ch.codePointAt(0)!;
  // ０-９ Ａ-Ｚ ａ-ｚ
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
    return String.fromCodePoint(code - 0xfee0);
  if (ch === '％') return '%';
  if (ch === '．' && isAnyDigit(prev) && isAnyDigit(next)) return '.';
  if (ch === '－' && isAnyDigit(next)) return '-';
  if (ch === '＋' && isAnyDigit(next)) return '+';
  if (ch.length === 1 && isSpaceCode(code)) return ' ';
  return ch;
}

/**
 * A normalized run: its text, the raw offset of each of its UTF-16 units, and its length in code
 * points (block and cell spans count code points, as they always have).
 */
interface NormalizedRun {
  text: string;
  /**
   * The raw offset of each UTF-16 unit of `text`: its first text.length entries. Often a scratch
   * buffer shared by every run (see scratch()), valid until the next run is normalized.
   */
  offsets: Int32Array;
  points: number;
}

/**
 * Two offset buffers reused by every run, grown when a run needs more: a typed array allocated per
 * run (every table cell is one) cost more than the number[] it replaced.
 */
const scratchBuffers = [new Int32Array(1024), new Int32Array(1024)];
function scratch(which: 0 | 1, size: number): Int32Array {
  if (scratchBuffers[which]!.length < size) scratchBuffers[which] = new Int32Array(Math.max(size, scratchBuffers[which]!.length * 2));
  return scratchBuffers[which]!;
}

/** normalizeRun's offsets to drop when it simplifies nothing: always empty. */
const NO_SKIP: ReadonlySet<number> = new Set<number>();

/** A growing normalized string with, for each UTF-16 unit, its raw offset. */
class TextBuilder {
  readonly pieces: string[] = [];
  /** Raw offsets, `mapLength` of them: an Int32Array sized for the raw text (grown by doubling past it), which toRaw copies at once. */
  map: Int32Array;
  mapLength = 0;
  /** Code points pushed (what block and cell spans count). */
  length = 0;
  private lastUnit = -1;
  constructor(expectedUnits: number) {
    this.map = new Int32Array(Math.max(16, expectedUnits));
  }
  push(ch: string, rawOffset: number): void {
    this.pieces.push(ch);
    this.reserve(1);
    this.map[this.mapLength++] = rawOffset;
    this.length++;
    this.lastUnit = ch.charCodeAt(ch.length - 1);
  }
  pushRun(run: NormalizedRun): void {
    if (run.text === '') return;
    this.pieces.push(run.text);
    const n = run.text.length;
    this.reserve(n);
    const map = this.map;
    const offsets = run.offsets;
    let at = this.mapLength;
    for (let k = 0; k < n; k++) map[at++] = offsets[k]!;
    this.mapLength = at;
    this.length += run.points;
    this.lastUnit = run.text.charCodeAt(run.text.length - 1);
  }
  private reserve(n: number): void {
    if (this.mapLength + n <= this.map.length) return;
    const grown = new Int32Array(Math.max(this.map.length * 2, this.mapLength + n));
    grown.set(this.map.subarray(0, this.mapLength));
    this.map = grown;
  }
  endsWithNewline(): boolean {
    return this.lastUnit === 0x0a;
  }
  text(): string {
    return this.pieces.join('');
  }
}

/** The last code point of `s` before UTF-16 index `end` ('' at the start). */
function codePointBefore(s: string, end: number): string {
  if (end <= 0) return '';
  const low = s.charCodeAt(end - 1);
  return low >= 0xdc00 && low <= 0xdfff && end >= 2 && s.charCodeAt(end - 2) >= 0xd800 && s.charCodeAt(end - 2) <= 0xdbff ? s.slice(end - 2, end) : s[end - 1]!;
}

/**
 * Normalizes one run of raw text (a paragraph, a heading or a cell) in two passes over strings:
 * characters are mapped (width, spaces, simplification; unchanged stretches copied as slices),
 * then spaces beside CJK go, the rest collapse, and the run is trimmed.
 */
function normalizeRun(raw: string, rawStart: number, simplify = false): NormalizedRun {
  const pieces: string[] = [];
  // A unit maps to at most two (a simplified form outside the BMP), so 2× never overflows.
  const preOff = scratch(0, simplify ? raw.length * 2 : raw.length);
  let preLen = 0;
  // UTF-16 offsets of inline pinyin to drop (only simplified text has any: no set is made for the rest).
  let skip = NO_SKIP;
  if (simplify) {
    const found = new Set<number>();
    for (const m of raw.matchAll(INLINE_PINYIN)) for (let k = 0; k < m[0].length; k++) found.add(m.index + k);
    skip = found;
  }
  const skips = skip.size > 0;
  let spaces = false;
  let points = 0;
  let copyFrom = -1;
  for (let i = 0; i < raw.length; ) {
    const unit = raw.charCodeAt(i);
    // Fast path: ASCII and CJK ideographs need no mapping (most of any report).
    if (((unit > 0x20 && unit < 0x7f) || (unit >= 0x4e00 && unit <= 0x9fff && !simplify) || keepsItself(unit, simplify)) && !(skips && skip.has(i))) {
      if (copyFrom < 0) copyFrom = i;
      preOff[preLen++] = rawStart + i;
      points++;
      i++;
      continue;
    }
    if (copyFrom >= 0) {
      pieces.push(raw.slice(copyFrom, i));
      copyFrom = -1;
    }
    const code = raw.codePointAt(i)!;
    const unitLen = code > 0xffff ? 2 : 1;
    if ((unitLen === 1 && isZeroWidthCode(code)) || code === 0x0d || code === 0x0c || (skips && skip.has(i))) {
      i += unitLen;
      continue;
    }
    const ch = unitLen === 2 ? raw.slice(i, i + 2) : raw[i]!;
    const half = code === 0x0a ? ' ' : halfWidth(ch, raw[i - 1] ?? '', raw[i + unitLen] ?? '');
    const out = simplify && half.length === 1 && half >= '\u3400' ? simplifiedChar(half) : half;
    if (out === ' ') spaces = true;
    pieces.push(out);
    // (a character of two UTF-16 units maps its second unit to the raw offset after its first)
    for (let k = 0; k < out.length; k++) preOff[preLen++] = rawStart + i + k;
    points++;
    i += unitLen;
  }
  if (copyFrom >= 0) pieces.push(copyFrom === 0 ? raw : raw.slice(copyFrom));
  const pre = pieces.length === 1 ? pieces[0]! : pieces.join('');
  if (!spaces) return { text: pre, offsets: preOff, points };
  return dropSpaces(pre, preOff, points);
}

/** Second pass of normalizeRun: spaces beside CJK go, runs of spaces collapse to one, the run is trimmed. */
function dropSpaces(pre: string, preOff: Int32Array, prePoints: number): NormalizedRun {
  const pieces: string[] = [];
  // Never longer than the first pass: spaces only go, and a kept one stands for a run of them.
  const offsets = scratch(1, pre.length);
  let written = 0;
  let points = prePoints;
  /** The last two code points written, for the decisions at the next run of spaces. */
  let last = '';
  let beforeLast = '';
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    pieces.push(pre.slice(from, to));
    for (let k = from, at = written; k < to; k++) offsets[at++] = preOff[k]!;
    const end = codePointBefore(pre, to);
    const previous = to - end.length > from ? codePointBefore(pre, to - end.length) : last;
    beforeLast = previous;
    last = end;
    written += to - from;
  };
  let from = 0;
  for (let i = 0; i < pre.length; i++) {
    if (pre.charCodeAt(i) !== 0x20) continue;
    copy(from, i);
    let j = i;
    while (j < pre.length && pre.charCodeAt(j) === 0x20) j++;
    points -= j - i;
    from = j;
    // Leading and trailing spaces go.
    if (written === 0 || j >= pre.length) {
      i = j - 1;
      continue;
    }
    const after = codePointBefore(pre, j + (pre.charCodeAt(j) >= 0xd800 && pre.charCodeAt(j) <= 0xdbff ? 2 : 1));
    const keep =
      !(isCjkCode(last.codePointAt(0)!) || isCjkCode(after.codePointAt(0)!)) &&
      // "43. 22" or "1, 234" inside a number: a dump artefact, not a separator.
      !(last === '.' && isAsciiDigit(after) && isAsciiDigit(beforeLast)) &&
      after !== '%';
    if (keep) {
      pieces.push(' ');
      offsets[written] = preOff[j - 1]!;
      points++;
      beforeLast = last;
      last = ' ';
      written++;
    }
    i = j - 1;
  }
  copy(from, pre.length);
  return { text: pieces.join(''), offsets, points };
}

function shouldJoin(prevLine: string, next: string): boolean {
  if (!prevLine || !next) return false;
  if (OUTLINE_MARKER.test(next)) return false;
  // A number or a unit cut in two: "43." + "22万元", "714.07万" + "元", "80.2" + "%".
  // Not two cells of a form printed one per line ("99" / "99" / "10"): a short line of digits is whole.
  if ((/\.$/.test(prevLine) || /^[.%]/.test(next) || (/\d$/.test(prevLine) && codePointCount(prevLine) >= 18)) && /[\d.]$/.test(prevLine) && /^[\d.%]/.test(next)) return true;
  if (/\d[万亿千]$/.test(prevLine) && /^元/.test(next)) return true;
  if (TERMINAL.test(prevLine)) return false;
  if (SEMICOLON_END.test(prevLine) && LIST_ITEM_START.test(next)) return false;
  if (isHeadingLike(prevLine)) return false;
  // A title line: 《…自评报告》 is never continued by the body.
  if (TITLE_LINE_END.test(prevLine)) return false;
  // A file name on its own line ("…自评报告.pdf") heads a web page's attachment, not a sentence.
  if (/\.(?:pdf|docx?|xlsx?|wps|et|html?)$/iu.test(prevLine)) return false;
  // Short lines without final punctuation are titles and headings ("党建工委工作经费项目"); lines
  // cut by the typesetter are long.
  return codePointCount(prevLine) >= 18;
}

/** Words that end a section heading: 部门整体收支情况, 自评结论综述, 存在的主要问题 … */
const HEADING_END = /(?:情况|概况|任务|分析|综述|成效|问题|措施|建议|结论|目标|说明|评价|职能|职责|做法|经验|打算|方向|思路|结果|应用|工作)/gu;
/** What a body sentence starts with, after a run-in heading. */
const SENTENCE_START = /^(?:本|我|在|根据|从|通过|为|按|经|对|自|截至|一是|(?:19|20)\d{2}|\d)/u;

/**
 * Where a run-in heading ends inside a paragraph that starts with 一、 or （一）: Word files and the
 * PDFs made from them often put "（三）部门整体收支情况" and its first sentence in one paragraph.
 * Returns the offset (in chars) to break at, or -1. Only a short unpunctuated prefix ending in a
 * heading word counts; the first one followed by a sentence start wins, else the last one.
 */
export function runInHeadingEnd(line: string): number {
  const marker = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/u.exec(line);
  if (!marker) {
    // A project's sub-heading run into its text: "党建工委工作经费项目深入学习……".
    const project = /^[^，。；：:、,;“”"（）()\d]{4,20}?项目(?!资金|经费|支出|预算|的|全年|年初|实施|完成|绩效|建设|管理|单位|名称|总|共|[，。；：:、,;])/u.exec(line);
    return project && line.length - project[0].length >= 30 ? project[0].length : -1;
  }
  if (line.length < 24) return -1;
  const head = line.slice(0, Math.min(line.length, marker[0].length + 20));
  const punct = head.slice(marker[0].length).search(/[，。；：:,;！？、“”"《》]/u);
  const limit = punct < 0 ? head.length : marker[0].length + punct;
  const candidates: number[] = [];
  for (const m of head.matchAll(HEADING_END)) {
    const end = m.index + m[0].length;
    if (end <= limit && end - marker[0].length >= 4 && line.length - end >= 8) candidates.push(end);
  }
  if (candidates.length === 0) return -1;
  const sentence = candidates.find((c) => SENTENCE_START.test(line.slice(c)));
  return sentence ?? candidates[candidates.length - 1]!;
}

/** A line that reads as a heading: an outline marker, short, no sentence punctuation inside. */
export function isHeadingLike(line: string): boolean {
  // A numbered item that is a whole sentence ("9.领导……工作。") is a list item, not a heading.
  if (/[。；;]$/.test(line)) return false;
  return OUTLINE_MARKER.test(line) && codePointCount(line) <= 40 && !/[，。；,;]/.test(line.replace(/[：:]$/, ''));
}

/**
 * "（三）…分析党建工委工作经费项目深入学习……": a heading, a sub-heading, then the text — up to three
 * run-in headings of a paragraph get their own lines. Cuts are found in the text and made at the
 * same index of the run's characters (code points), as they always were.
 */
function splitRunInHeadings(run: NormalizedRun): NormalizedRun {
  if (runInHeadingEnd(run.text) <= 0) return run;
  const chars = Array.from(run.text);
  const offsets: number[] = [];
  for (let u = 0, k = 0; k < chars.length; u += chars[k]!.length, k++) offsets.push(run.offsets[u]!);
  let from = 0;
  for (let k = 0; k < 3; k++) {
    const cut = runInHeadingEnd(chars.slice(from).join(''));
    if (cut <= 0) break;
    chars.splice(from + cut, 0, '\n');
    offsets.splice(from + cut, 0, offsets[from + cut]!);
    from += cut + 1;
  }
  const text = chars.join('');
  const unitOffsets = new Int32Array(text.length);
  let at = 0;
  chars.forEach((ch, k) => {
    for (let u = 0; u < ch.length; u++) unitOffsets[at++] = offsets[k]! + u;
  });
  return { text, offsets: unitOffsets, points: chars.length };
}

/** Builds the SourceDocument: raw text, normalized text, offset map and block spans. */
export function normalizeDocument(raw: RawDocument, options: NormalizeOptions = {}): SourceDocument {
  const joinLines = options.joinLines ?? (raw.format === 'txt' || raw.format === 'pdf' || raw.format === 'image');
  const simplify =
    (options.simplify ?? true) &&
    looksTraditional(raw.blocks.slice(0, 200).map((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join('') : b.text)));
  const rawParts: string[] = [];
  let rawLen = 0;
  const rawPageStarts: number[] = [];
  // Normalization mostly keeps or drops characters: the raw length (cells and separators counted) is the size to expect.
  let rawUnits = 0;
  for (const block of raw.blocks) rawUnits += 1 + (block.kind === 'table' ? block.rows.reduce((n, row) => n + row.length + row.reduce((m, c) => m + c.text.length, 0), 0) : block.text.length);
  const b = new TextBuilder(rawUnits);
  const blockSpans: BlockSpan[] = [];
  /** Start of the current normalized line, for join decisions. */
  /** Text of the normalized line being built, for join decisions (kept, not re-joined from parts). */
  let currentLine = '';
  let prevJoinable = false;

  const appendRaw = (s: string): number => {
    const at = rawLen;
    rawParts.push(s);
    rawLen += s.length;
    return at;
  };
  const notePage = (page: number, at: number) => {
    while (rawPageStarts.length < page) rawPageStarts.push(at);
  };

  raw.blocks.forEach((block, index) => {
    if (rawLen > 0) appendRaw('\n');
    notePage(block.page, rawLen);
    if (block.kind === 'table') {
      if (b.length > 0 && !b.endsWithNewline()) b.push('\n', rawLen - 1);
      const start = b.length;
      const cells: CellSpan[][] = [];
      block.rows.forEach((row, r) => {
        if (r > 0) {
          const at = appendRaw('\n');
          b.push('\n', at);
        }
        const rowSpans: CellSpan[] = [];
        row.forEach((cell, c) => {
          if (c > 0) {
            const at = appendRaw('\t');
            b.push('\t', at);
          }
          const at = appendRaw(cell.text);
          const run = normalizeRun(cell.text, at, simplify);
          const cellStart = b.length;
          b.pushRun(run);
          rowSpans.push({ start: cellStart, end: b.length, row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
        });
        cells.push(rowSpans);
      });
      blockSpans.push({ block: index, start, end: b.length, cells });
      currentLine = '';
      prevJoinable = false;
      return;
    }
    const at = appendRaw(block.text);
    if (raw.format === 'pdf' && PAGE_NUMBER.test(block.text.trim())) {
      blockSpans.push({ block: index, start: b.length, end: b.length });
      return;
    }
    let run = normalizeRun(block.text, at, simplify);
    if (run.points === 0) {
      blockSpans.push({ block: index, start: b.length, end: b.length });
      return;
    }
    // A run-in heading gets its own line (not in TXT: there a line is what the file says it is).
    if (block.kind === 'paragraph' && raw.format !== 'txt') run = splitRunInHeadings(run);
    const text = run.text;
    const joinable = block.kind === 'paragraph';
    const prevLine = currentLine;
    if (joinLines && joinable && prevJoinable && shouldJoin(prevLine, text)) {
      // Latin words cut at a line break keep a space between them.
      if (/[A-Za-z]$/.test(prevLine) && /^[A-Za-z]/.test(text)) {
        b.push(' ', at - 1);
        currentLine += ' ';
      }
    } else if (b.length > 0) {
      b.push('\n', at - 1);
      currentLine = '';
    }
    // A run-in heading split above starts a new line inside this block.
    const lastBreak = text.lastIndexOf('\n');
    currentLine = lastBreak >= 0 ? text.slice(lastBreak + 1) : currentLine + text;
    const start = b.length;
    b.pushRun(run);
    blockSpans.push({ block: index, start, end: b.length });
    prevJoinable = joinable;
  });
  notePage(raw.pages.length || 1, rawLen);
  const rawText = rawParts.join('');
  const text = b.text();
  const toRaw = new Int32Array(text.length + 1);
  toRaw.set(b.map.subarray(0, b.mapLength));
  toRaw[text.length] = rawText.length;
  return { ...raw, rawText, text, toRaw, rawPageStarts, blockSpans };
}
