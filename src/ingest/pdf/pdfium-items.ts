/**
 * PDFium's characters and path objects in the shapes the layout code takes from pdf.js: text
 * items (a string with a transform and a width) and an operator list of paths. Characters are
 * grouped into items, and spaces put into them, by pdf.js' own rules (getTextContent's
 * compareWithLastPosition), so that lines, paragraphs and table cells come out as with pdf.js.
 * Pure: no PDFium calls here.
 */
import type { Matrix, OpCodes, PdfTextItem } from './geometry.js';
import type { PdfiumChar, PdfiumPath } from './pdfium.js';
import { codeClass } from '../../extract/char-class.js';

/** pdf.js' factors, in ems of the item's font size. */
const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** pdf.js' normalizeUnicode: NFKC for compatibility spaces, ligatures and presentation forms only. */
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;

function normalizeUnicode(text: string): string {
  return text.replace(NORMALIZE, (_m, p1: string | undefined, p2: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'.repeat(p2?.length ?? 0)));
}

/**
 * pdf.js' whitespace test (/^\s$/u on the character's text) by code: no string per blank. Codes
 * above U+FFFF are never white space, and charText turns surrogates and 0 into U+FFFD, which is not.
 */
const isBmpWhitespace = codeClass(/^\s$/u);
const isWhitespace = (code: number): boolean => code <= 0xffff && isBmpWhitespace(code);

interface OpenItem {
  str: string[];
  first: PdfiumChar;
  /** Unit vector of the writing direction and the item's font size along and across it. */
  ux: number;
  uy: number;
  em: number;
  height: number;
  item: number;
  /** Where the item's last glyph ends. */
  endX: number;
  endY: number;
}

function charText(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

/** Where the character's advance ends: the loose box's far edge along the writing direction. */
function advanceEnd(ch: PdfiumChar, ux: number, uy: number): number {
  // (indexed, not destructured: without the optimizing compiler destructuring runs the iterator protocol)
  const l = ch.box[0];
  const t = ch.box[1];
  const r = ch.box[2];
  const b = ch.box[3];
  const along = Math.max((l - ch.x) * ux, (r - ch.x) * ux) + Math.max((t - ch.y) * uy, (b - ch.y) * uy);
  return Math.max(0, along);
}

/**
 * Groups characters (in content order) into pdf.js-like text items. `view` is the page's view box:
 * like pdf.js, glyphs drawn wholly outside it are dropped.
 */
export function toTextItems(chars: readonly PdfiumChar[], view: readonly [number, number, number, number]): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let item: OpenItem | undefined;
  // End of the last glyph put in an item (pdf.js' prevTransform), and the item's metrics then;
  // one object rewritten per glyph (a new one per glyph was a good part of the page's garbage).
  const last = { x: 0, y: 0, ux: 0, uy: 0, em: 0, height: 0 };
  let hasLast = false;
  // A text object's characters share one matrix (pdfium.ts reads it once per object): its
  // metrics are worked out once per run of characters with the same matrix.
  let metricsOf: PdfiumChar['m'] | undefined;
  let em = 0;
  let height = 0;
  let ux = 1;
  let uy = 0;
  // pdf.js' twoLastChars: a space glyph between two glyphs becomes one space in the item.
  const lastChars = [' ', ' '];
  let lastPos = 0;
  const resetLastChars = (): void => {
    lastChars[0] = lastChars[1] = ' ';
    lastPos = 0;
  };
  const shouldAddSpace = (): boolean => lastChars[lastPos] !== ' ' && lastChars[(lastPos + 1) % 2] === ' ';
  const saveLastChar = (ch: string): boolean => {
    const next = (lastPos + 1) % 2;
    const ret = lastChars[lastPos] !== ' ' && lastChars[next] === ' ';
    lastChars[lastPos] = ch;
    lastPos = next;
    return ret;
  };
  const flush = (): void => {
    if (!item) return;
    items.push({
      str: normalizeUnicode(item.str.join('')),
      transform: [item.first.m[0], item.first.m[1], item.first.m[2], item.first.m[3], item.first.x, item.first.y],
      width: Math.abs((item.endX - item.first.x) * item.ux + (item.endY - item.first.y) * item.uy),
      height: item.height,
    });
    item = undefined;
  };

  for (const ch of chars) {
    if (ch.generated) continue;
    if (isWhitespace(ch.code)) {
      saveLastChar(' ');
      continue;
    }
    const text = charText(ch.code);
    if (ch.m !== metricsOf) {
      metricsOf = ch.m;
      em = Math.hypot(ch.m[0], ch.m[1]);
      height = Math.hypot(ch.m[2], ch.m[3]);
      ux = em > 0 ? ch.m[0] / em : 1;
      uy = em > 0 ? ch.m[1] / em : 0;
    }
    const advance = advanceEnd(ch, ux, uy);
    if (ch.x + advance < view[0] || ch.x > view[2] || ch.y < view[1] || ch.y > view[3]) continue;

    if (item && item.item !== ch.item) {
      flush();
    }
    let startNew = false;
    if (hasLast) {
      const dx = ch.x - last.x;
      const dy = ch.y - last.y;
      // In the previous glyph's frame: along the line (ems) and across it (points).
      const scale = last.em > 0 ? last.em : 1;
      const advanceX = (dx * last.ux + dy * last.uy) / scale;
      const advanceY = -dx * last.uy + dy * last.ux;
      if (dx !== 0 || dy !== 0) {
        if (advanceX < NEGATIVE_SPACE) {
          resetLastChars();
          flush();
        } else if (Math.abs(advanceY) > last.height) {
          resetLastChars();
          flush();
        } else {
          if (advanceX <= NOT_A_SPACE) resetLastChars();
          if (advanceX <= TRACKING_SPACE) {
            if (shouldAddSpace()) {
              resetLastChars();
              flush();
            }
          } else if (advanceX <= SPACE_IN_FLOW_MAX) {
            resetLastChars();
            item?.str.push(' ');
          } else {
            flush();
            resetLastChars();
          }
          if (Math.abs(advanceY) > last.height * VERTICAL_SHIFT_RATIO) startNew = true;
        }
      }
    }
    if (startNew) flush();
    last.x = ch.x + advance * ux;
    last.y = ch.y + advance * uy;
    last.ux = ux;
    last.uy = uy;
    last.em = em;
    last.height = height;
    hasLast = true;
    item ??= { str: [], first: ch, ux, uy, em, height, item: ch.item, endX: last.x, endY: last.y };
    item.endX = last.x;
    item.endY = last.y;
    if (saveLastChar(text)) item.str.push(' ');
    item.str.push(text);
  }
  flush();
  return items;
}

/** Operation codes of the synthetic operator list (the values only have to be distinct). */
export const PDFIUM_OPS = {
  save: 1,
  restore: 2,
  transform: 3,
  constructPath: 4,
  setStrokeRGBColor: 5,
  setFillRGBColor: 6,
  stroke: 7,
  closeStroke: 8,
  fill: 9,
  eoFill: 10,
  fillStroke: 11,
  eoFillStroke: 12,
  closeFillStroke: 13,
  closeEOFillStroke: 14,
  imageOps: [15],
} as const satisfies OpCodes & { imageOps: readonly number[] };

function hex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;
}

export interface SyntheticOperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/**
 * Path objects (and one paint op per image) as the operator list extractRulings and the OCR
 * test read: each path in its own save/transform/restore, with its colours set before it.
 */
export function toOperatorList(paths: readonly PdfiumPath[], images: number): SyntheticOperatorList {
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  const op = (fn: number, args: unknown): void => {
    fnArray.push(fn);
    argsArray.push(args);
  };
  for (let i = 0; i < images; i++) op(PDFIUM_OPS.imageOps[0], null);
  for (const p of paths) {
    op(PDFIUM_OPS.save, null);
    op(PDFIUM_OPS.transform, [...p.matrix]);
    op(PDFIUM_OPS.setStrokeRGBColor, [hex(p.strokeRgb)]);
    op(PDFIUM_OPS.setFillRGBColor, [hex(p.fillRgb)]);
    const paint = p.stroke && p.fill ? PDFIUM_OPS.fillStroke : p.stroke ? PDFIUM_OPS.stroke : PDFIUM_OPS.fill;
    op(PDFIUM_OPS.constructPath, [paint, [p.data]]);
    op(PDFIUM_OPS.restore, null);
  }
  return { fnArray, argsArray };
}

/** pdf.js' PageViewport transform at scale 1: user space → upright page, y down, for /Rotate. */
export function viewportTransform(view: readonly [number, number, number, number], rotate: number): Matrix {
  const [x0, y0, x1, y1] = view;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  let r = rotate % 360;
  if (r < 0) r += 360;
  const [a, b, c, d] = r === 180 ? [-1, 0, 0, 1] : r === 90 ? [0, 1, 1, 0] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const ox = a === 0 ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const oy = a === 0 ? Math.abs(cx - x0) : Math.abs(cy - y0);
  return [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy];
}

/** pdf.js' PDFDateString.toDateObject: "D:YYYYMMDDHHmmSSOHH'mm'" → Date (UTC), or undefined. */
export function parsePdfDate(input: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z|+|-])?(\d{2})?'?(\d{2})?'?/u.exec(input);
  if (!m) return undefined;
  const int = (s: string | undefined): number => parseInt(s ?? '', 10);
  const within = (v: number, lo: number, hi: number, fallback: number): number => (v >= lo && v <= hi ? v : fallback);
  const year = int(m[1]);
  const month = within(int(m[2]), 1, 12, 1) - 1;
  const day = within(int(m[3]), 1, 31, 1);
  let hour = within(int(m[4]), 0, 23, 0);
  let minute = within(int(m[5]), 0, 59, 0);
  const second = within(int(m[6]), 0, 59, 0);
  const relation = m[7] ?? 'Z';
  const offsetHour = within(int(m[8]), 0, 23, 0);
  const offsetMinute = within(int(m[9]) || 0, 0, 59, 0);
  if (relation === '-') {
    hour += offsetHour;
    minute += offsetMinute;
  } else if (relation === '+') {
    hour -= offsetHour;
    minute -= offsetMinute;
  }
  return new Date(Date.UTC(year, month, day, hour, minute, second));
}
