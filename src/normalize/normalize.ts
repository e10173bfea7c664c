import * as OpenCC from 'opencc-js';
import type { BlockSpan, CellSpan, RawDocument, SourceDocument } from '../ingest/document.js';
import { OUTLINE_MARKER, TITLE_LINE_END } from '../vocabulary/outline.js';

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
/** The simplified form of one character (itself when the conversion is not one character). */
function simplifiedChar(ch: string): string {
  const cached = simplifiedCache.get(ch);
  if (cached !== undefined) return cached;
  const convert = (toCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  const c = convert(ch);
  const v = Array.from(c).length === 1 ? c : ch;
  simplifiedCache.set(ch, v);
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
      const ch = t[i]!;
      if (simplifiedChar(ch) !== ch) changed++;
      if (cjk >= 1500) break;
    }
    if (cjk >= 1500) break;
  }
  return cjk > 20 && changed / cjk > 0.03;
}

/** Inline pinyin after a character in some mirrors: 關(guān)于, 發(fā)布. */
const INLINE_PINYIN = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/gu;

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2026\u2014]/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/u;
const SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]/u;

/** Sentence-final punctuation: a line ending in one of these is complete. */
const TERMINAL = /[。！？!?：:…]["”’」』）)]*$/u;
/** A clause-final ；: the next line continues the paragraph unless it starts a new list item. */
const SEMICOLON_END = /[；;]["”’」』）)]*$/u;
const LIST_ITEM_START = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，、,])/u;
/** Outline markers live in the vocabulary (segment and extract read them too). */
export { OUTLINE_MARKER };
/** Lines that are only a page number ("- 3 -", "第 3 页 共 5 页", "3/5"). */
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

function halfWidth(ch: string, prev: string, next: string): string {
  const code = ch.codePointAt(0)!;
  // ０-９ Ａ-Ｚ ａ-ｚ
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
    return String.fromCodePoint(code - 0xfee0);
  if (ch === '％') return '%';
  if (ch === '‰') return '‰';
  if (ch === '．' && /[0-9０-９]/.test(prev) && /[0-9０-９]/.test(next)) return '.';
  if (ch === '－' && /[0-9０-９]/.test(next)) return '-';
  if (ch === '＋' && /[0-9０-９]/.test(next)) return '+';
  if (SPACE.test(ch)) return ' ';
  return ch;
}

/** A growing normalized string with, for each character, its raw offset. */
class TextBuilder {
  readonly parts: string[] = [];
  readonly map: number[] = [];
  length = 0;
  push(ch: string, rawOffset: number): void {
    this.parts.push(ch);
    this.map.push(rawOffset);
    this.length++;
  }
  last(): string {
    return this.parts[this.length - 1] ?? '';
  }
  text(): string {
    return this.parts.join('');
  }
}

/** Normalizes one run of raw text (a paragraph, a heading or a cell) into chars + raw offsets. */
function normalizeRun(raw: string, rawStart: number, simplify = false): { chars: string[]; offsets: number[] } {
  const pre: string[] = [];
  const preOff: number[] = [];
  // UTF-16 offsets of inline pinyin to drop.
  const skip = new Set<number>();
  if (simplify) for (const m of raw.matchAll(INLINE_PINYIN)) for (let k = 0; k < m[0].length; k++) skip.add(m.index + k);
  for (let i = 0; i < raw.length; ) {
    const code = raw.codePointAt(i)!;
    const unitLen = code > 0xffff ? 2 : 1;
    const off = rawStart + i;
    // Fast path: ASCII and CJK ideographs need no mapping (most of any report).
    if (((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff && !simplify)) && !skip.has(i)) {
      pre.push(raw[i]!);
      preOff.push(off);
      i += unitLen;
      continue;
    }
    const ch = unitLen === 2 ? raw.slice(i, i + 2) : raw[i]!;
    if (ZERO_WIDTH.test(ch) || ch === '\r' || ch === '\f' || skip.has(i)) {
      i += unitLen;
      continue;
    }
    const half = ch === '\n' ? ' ' : halfWidth(ch, raw[i - 1] ?? '', raw[i + unitLen] ?? '');
    const out = simplify && half.length === 1 && half >= '\u3400' ? simplifiedChar(half) : half;
    pre.push(out);
    preOff.push(off);
    i += unitLen;
  }
  // Drop spaces beside CJK, collapse the rest, trim.
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < pre.length; i++) {
    const ch = pre[i]!;
    if (ch === ' ') {
      if (chars.length === 0) continue;
      let j = i;
      while (j < pre.length && pre[j] === ' ') j++;
      if (j >= pre.length) break;
      const before = chars[chars.length - 1]!;
      const after = pre[j]!;
      i = j - 1;
      if (CJK.test(before) || CJK.test(after)) continue;
      // "43. 22" or "1, 234" inside a number: a dump artefact, not a separator.
      if (/[.]/.test(before) && /\d/.test(after) && /\d/.test(chars[chars.length - 2] ?? '')) continue;
      if (after === '%') continue;
      chars.push(' ');
      offsets.push(preOff[i]!);
      continue;
    }
    chars.push(ch);
    offsets.push(preOff[i]!);
  }
  return { chars, offsets };
}

function shouldJoin(prevLine: string, next: string): boolean {
  if (!prevLine || !next) return false;
  if (OUTLINE_MARKER.test(next)) return false;
  // A number or a unit cut in two: "43." + "22万元", "714.07万" + "元", "80.2" + "%".
  // Not two cells of a form printed one per line ("99" / "99" / "10"): a short line of digits is whole.
  if ((/\.$/.test(prevLine) || /^[.%]/.test(next) || (/\d$/.test(prevLine) && Array.from(prevLine).length >= 18)) && /[\d.]$/.test(prevLine) && /^[\d.%]/.test(next)) return true;
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
  return Array.from(prevLine).length >= 18;
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
  return OUTLINE_MARKER.test(line) && Array.from(line).length <= 40 && !/[，。；,;]/.test(line.replace(/[：:]$/, ''));
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
  const b = new TextBuilder();
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
      if (b.length > 0 && b.last() !== '\n') b.push('\n', rawLen - 1);
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
          const { chars, offsets } = normalizeRun(cell.text, at, simplify);
          const cellStart = b.length;
          chars.forEach((ch, k) => b.push(ch, offsets[k]!));
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
    const { chars, offsets } = normalizeRun(block.text, at, simplify);
    if (chars.length === 0) {
      blockSpans.push({ block: index, start: b.length, end: b.length });
      return;
    }
    // A run-in heading gets its own line (not in TXT: there a line is what the file says it is).
    if (block.kind === 'paragraph' && raw.format !== 'txt') {
      // "（三）…分析党建工委工作经费项目深入学习……": a heading, a sub-heading, then the text.
      let from = 0;
      for (let k = 0; k < 3; k++) {
        const cut = runInHeadingEnd(chars.slice(from).join(''));
        if (cut <= 0) break;
        chars.splice(from + cut, 0, '\n');
        offsets.splice(from + cut, 0, offsets[from + cut]!);
        from += cut + 1;
      }
    }
    const text = chars.join('');
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
    chars.forEach((ch, k) => b.push(ch, offsets[k]!));
    blockSpans.push({ block: index, start, end: b.length });
    prevJoinable = joinable;
  });
  notePage(raw.pages.length || 1, rawLen);
  const rawText = rawParts.join('');
  const text = b.text();
  const toRaw = new Int32Array(text.length + 1);
  // The builder pushes code points; map UTF-16 units so that spans index `text` directly.
  let u = 0;
  b.parts.forEach((ch, i) => {
    for (let k = 0; k < ch.length; k++) toRaw[u++] = b.map[i]! + k;
  });
  toRaw[text.length] = rawText.length;
  return { ...raw, rawText, text, toRaw, rawPageStarts, blockSpans };
}
