/**
 * PDFium's characters and path objects in the shapes the layout code takes from pdf.js: text
 * items (a string with a transform and a width) and an operator list of paths. Characters are
 * grouped into items, and spaces put into them, by pdf.js' own rules (getTextContent's
 * compareWithLastPosition), so that lines, paragraphs and table cells come out as with pdf.js.
 * Pure: no PDFium calls here.
 */
import type { Matrix, OpCodes, PdfTextItem } from './geometry.js';
import { isPdfWhitespace, type PdfiumChars, type PdfiumPath } from './pdfium.js';
import { codeClass } from '../../extract/char-class.js';

/** pdf.js' factors, in ems of the item's font size. */
const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** The characters pdf.js' normalizeUnicode turns into their NFKC form: a regex class body. */
const NFKC_CHARS =
  '\\u00a0\\u00b5\\u037e\\u0eb3\\u2000-\\u200a\\u202f\\u2126\\ufb00-\\ufb04\\ufb06\\ufb20-\\ufb36\\ufb38-\\ufb3c\\ufb3e\\ufb40-\\ufb41\\ufb43-\\ufb44\\ufb46-\\ufba1\\ufba4-\\ufba9\\ufbae-\\ufbb1\\ufbd3-\\ufbdc\\ufbde-\\ufbe7\\ufbea-\\ufbf8\\ufbfc-\\ufbfd\\ufc00-\\ufc5d\\ufc64-\\ufcf1\\ufcf5-\\ufd3d\\ufd88\\ufdf4\\ufdfa-\\ufdfb\\ufe71\\ufe77\\ufe79\\ufe7b\\ufe7d';

/** pdf.js' normalizeUnicode: NFKC for compatibility spaces, ligatures and presentation forms only. */
const NORMALIZE = new RegExp(`([${NFKC_CHARS}]+)|(\\ufb05+)`, 'gu');

/** A code NORMALIZE matches (all in the BMP): a text with none is left as it is without running the regex. */
const isNormalizedCode = codeClass(new RegExp(`[${NFKC_CHARS}\\ufb05]`, 'u'));

function normalizeUnicode(text: string): string {
  let any = false;
  for (let i = 0; i < text.length && !any; i++) any = isNormalizedCode(text.charCodeAt(i));
  if (!any) return text;
  return text.replace(NORMALIZE, (_m, p1: string | undefined, p2: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'.repeat(p2?.length ?? 0)));
}

/** UTF-16 units of the open item's text, reused across items and pages (grown when a page needs it). */
let units = new Uint16Array(4096);
/** String.fromCharCode takes at most this many arguments at once here. */
const UNITS_PER_CALL = 8192;

/** Appends `code` at `at` as pdf.js' text of it (U+FFFD for 0, surrogates and beyond U+10FFFF); the new end. */
function putCode(code: number, at: number): number {
  if (at + 2 > units.length) {
    const grown = new Uint16Array(units.length * 2);
    grown.set(units);
    units = grown;
  }
  if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    units[at] = 0xfffd;
    return at + 1;
  }
  if (code <= 0xffff) {
    units[at] = code;
    return at + 1;
  }
  const c = code - 0x10000;
  units[at] = 0xd800 + (c >> 10);
  units[at + 1] = 0xdc00 + (c & 0x3ff);
  return at + 2;
}

/** The text of units[0, length). */
function unitsText(length: number): string {
  // (an item of one or two units, most of a table's, without a view of the buffer made for it)
  if (length === 1) return String.fromCharCode(units[0]!);
  if (length === 2) return String.fromCharCode(units[0]!, units[1]!);
  if (length <= UNITS_PER_CALL) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  let text = '';
  for (let at = 0; at < length; at += UNITS_PER_CALL) {
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + UNITS_PER_CALL)) as unknown as number[]);
  }
  return text;
}

/**
 * Groups characters (in content order) into pdf.js-like text items. `view` is the page's view box:
 * like pdf.js, glyphs drawn wholly outside it are dropped. One pass over the columns; the only
 * objects made are the items (their text built from UTF-16 units, not a string per character).
 */
export function toTextItems(chars: PdfiumChars, view: readonly [number, number, number, number]): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  const { code: codes, x: xs, y: ys, box, style: styles, matrix, item: objects } = chars;
  // The open item: its first character, writing direction and metrics, text object, where its
  // last glyph ends, and its text's length in `units` (-1: none open).
  let first = -1;
  let itemUx = 0;
  let itemUy = 0;
  let itemHeight = 0;
  let itemObject = 0;
  let endX = 0;
  let endY = 0;
  let length = 0;
  // End of the last glyph put in an item (pdf.js' prevTransform), and the item's metrics then.
  let lastX = 0;
  let lastY = 0;
  let lastUx = 0;
  let lastUy = 0;
  let lastEm = 0;
  let lastHeight = 0;
  let hasLast = false;
  // A text object's characters share one style: its metrics are worked out once per run of
  // characters with the same style.
  let metricsOf = -1;
  let em = 0;
  let height = 0;
  let ux = 1;
  let uy = 0;
  // pdf.js' twoLastChars (whether each of the two last characters is a space): a space glyph
  // between two glyphs becomes one space in the item.
  let spaceA = true;
  let spaceB = true;
  let lastPos = 0;
  const resetLastChars = (): void => {
    spaceA = spaceB = true;
    lastPos = 0;
  };
  const shouldAddSpace = (): boolean => (lastPos === 0 ? !spaceA && spaceB : !spaceB && spaceA);
  const saveLastChar = (space: boolean): boolean => {
    const ret = shouldAddSpace();
    if (lastPos === 0) spaceA = space;
    else spaceB = space;
    lastPos = 1 - lastPos;
    return ret;
  };
  const flush = (): void => {
    if (first < 0) return;
    const s = styles[first]! * 4;
    items.push({
      str: normalizeUnicode(unitsText(length)),
      transform: [matrix[s]!, matrix[s + 1]!, matrix[s + 2]!, matrix[s + 3]!, xs[first]!, ys[first]!],
      width: Math.abs((endX - xs[first]!) * itemUx + (endY - ys[first]!) * itemUy),
      height: itemHeight,
    });
    first = -1;
    length = 0;
  };

  for (let i = 0; i < chars.count; i++) {
    const code = codes[i]!;
    if (isPdfWhitespace(code)) {
      saveLastChar(true);
      continue;
    }
    const style = styles[i]!;
    if (style !== metricsOf) {
      metricsOf = style;
      const m = style * 4;
      em = Math.hypot(matrix[m]!, matrix[m + 1]!);
      height = Math.hypot(matrix[m + 2]!, matrix[m + 3]!);
      ux = em > 0 ? matrix[m]! / em : 1;
      uy = em > 0 ? matrix[m + 1]! / em : 0;
    }
    const x = xs[i]!;
    const y = ys[i]!;
    // Where the character's advance ends: the loose box's far edge along the writing direction.
    const k = i * 4;
    const along = Math.max((box[k]! - x) * ux, (box[k + 2]! - x) * ux) + Math.max((box[k + 1]! - y) * uy, (box[k + 3]! - y) * uy);
    const advance = Math.max(0, along);
    if (x + advance < view[0] || x > view[2] || y < view[1] || y > view[3]) continue;

    const object = objects[style]!;
    if (first >= 0 && itemObject !== object) {
      flush();
    }
    let startNew = false;
    if (hasLast) {
      const dx = x - lastX;
      const dy = y - lastY;
      // In the previous glyph's frame: along the line (ems) and across it (points).
      const scale = lastEm > 0 ? lastEm : 1;
      const advanceX = (dx * lastUx + dy * lastUy) / scale;
      const advanceY = -dx * lastUy + dy * lastUx;
      if (dx !== 0 || dy !== 0) {
        if (advanceX < NEGATIVE_SPACE) {
          resetLastChars();
          flush();
        } else if (Math.abs(advanceY) > lastHeight) {
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
            if (first >= 0) length = putCode(0x20, length);
          } else {
            flush();
            resetLastChars();
          }
          if (Math.abs(advanceY) > lastHeight * VERTICAL_SHIFT_RATIO) startNew = true;
        }
      }
    }
    if (startNew) flush();
    lastX = x + advance * ux;
    lastY = y + advance * uy;
    lastUx = ux;
    lastUy = uy;
    lastEm = em;
    lastHeight = height;
    hasLast = true;
    if (first < 0) {
      first = i;
      itemUx = ux;
      itemUy = uy;
      itemHeight = height;
      itemObject = object;
    }
    endX = lastX;
    endY = lastY;
    if (saveLastChar(false)) length = putCode(0x20, length);
    length = putCode(code, length);
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

/** Colours as pdf.js writes them (#rrggbb), made once per colour: a 决算 draws thousands of paths in a few. */
const HEX_OF = new Map<number, string>();

function hex(rgb: readonly [number, number, number]): string {
  const r = Math.max(0, Math.min(255, Math.round(rgb[0])));
  const g = Math.max(0, Math.min(255, Math.round(rgb[1])));
  const b = Math.max(0, Math.min(255, Math.round(rgb[2])));
  // (NaN, which Math.round keeps, is written as pdf.js would: no key for it)
  const key = r * 65536 + g * 256 + b;
  if (key !== key) return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  let text = HEX_OF.get(key);
  if (text === undefined) {
    text = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    HEX_OF.set(key, text);
  }
  return text;
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
    // (the matrix itself: extractRulings and the OCR test only read the list)
    op(PDFIUM_OPS.transform, p.matrix);
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
