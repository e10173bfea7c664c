/**
 * Page geometry for the PDF reader: text runs and ruling lines, both in one upright frame
 * (x to the right, y downwards, in PDF points) so that reading order is "sort by y, then x".
 * Everything here is pure: it works on what pdf.js hands over (text items, operator lists).
 */

/** A 2-D affine matrix in PDF order [a, b, c, d, e, f]. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2 in pdf.js' convention (apply m2 first, then m1). */
export function multiplyMatrix(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Rotation that turns text written at `angle` degrees (device space, clockwise) upright. */
export function frameForAngle(angle: number): Matrix {
  switch (((angle % 360) + 360) % 360) {
    case 90:
      return [0, -1, 1, 0, 0, 0];
    case 180:
      return [-1, 0, 0, -1, 0, 0];
    case 270:
      return [0, 1, -1, 0, 0, 0];
    default:
      return IDENTITY;
  }
}

/** A piece of text placed on the page, in the upright frame. */
export interface TextRun {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (em height) in points. */
  size: number;
}

/** The subset of a pdf.js TextItem the reader uses. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Text direction quantized to 0/90/180/270 degrees; `undefined` for skewed text (watermarks). */
function angleOfDirection(m0: number, m1: number): number | undefined {
  const deg = (Math.atan2(m1, m0) * 180) / Math.PI;
  const snapped = Math.round(deg / 90) * 90;
  if (Math.abs(deg - snapped) > 2) return undefined;
  return ((snapped % 360) + 360) % 360;
}

export interface PlacedText {
  runs: TextRun[];
  /** Device → upright frame; apply to drawing coordinates too. */
  frame: Matrix;
  /** Items dropped because they run in another direction than the page's text (watermarks, stamps). */
  skipped: number;
}

/**
 * Places pdf.js text items in the upright frame of the page's dominant text direction.
 * `viewportTransform` is the page viewport's transform at scale 1 (handles /Rotate and the y flip).
 */
export function placeTextItems(items: readonly PdfTextItem[], viewportTransform: Matrix): PlacedText {
  // The device matrix of each item kept (viewport × text transform, multiplyMatrix's arithmetic
  // written out), six numbers an item in one array: a 决算 page has a thousand items, often one
  // per glyph, and three matrices and a record for each were a good part of the reader's garbage.
  const vt = viewportTransform;
  const kept = new Int32Array(items.length);
  const angles = new Int32Array(items.length);
  const ms = new Float64Array(items.length * 6);
  let count = 0;
  const weightByAngle = new Map<number, number>();
  let skipped = 0;
  // Consecutive items mostly share their text object's direction (often one item per glyph): the
  // direction is worked out again only when it changes (Object.is: atan2 tells 0 from -0), and
  // the weight of a stretch of one angle is added to the map when the stretch ends, in the order
  // the angles first appear.
  let lastM0 = NaN;
  let lastM1 = NaN;
  let lastAngle: number | undefined;
  let stretchAngle: number | undefined;
  let stretchWeight = 0;
  const endStretch = (): void => {
    if (stretchAngle !== undefined) weightByAngle.set(stretchAngle, (weightByAngle.get(stretchAngle) ?? 0) + stretchWeight);
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.str.trim() === '') continue;
    const t = item.transform;
    const t0 = t[0] ?? 0;
    const t1 = t[1] ?? 0;
    const t2 = t[2] ?? 0;
    const t3 = t[3] ?? 0;
    const t4 = t[4] ?? 0;
    const t5 = t[5] ?? 0;
    const m0 = vt[0] * t0 + vt[2] * t1;
    const m1 = vt[1] * t0 + vt[3] * t1;
    if (!Object.is(m0, lastM0) || !Object.is(m1, lastM1)) {
      lastM0 = m0;
      lastM1 = m1;
      lastAngle = angleOfDirection(m0, m1);
    }
    const angle = lastAngle;
    if (angle === undefined) {
      skipped++;
      continue;
    }
    const k = count * 6;
    ms[k] = m0;
    ms[k + 1] = m1;
    ms[k + 2] = vt[0] * t2 + vt[2] * t3;
    ms[k + 3] = vt[1] * t2 + vt[3] * t3;
    ms[k + 4] = vt[0] * t4 + vt[2] * t5 + vt[4];
    ms[k + 5] = vt[1] * t4 + vt[3] * t5 + vt[5];
    kept[count] = i;
    angles[count] = angle;
    count++;
    if (angle !== stretchAngle) {
      endStretch();
      stretchAngle = angle;
      stretchWeight = 0;
    }
    stretchWeight += item.str.length;
  }
  endStretch();
  let dominant = 0;
  let best = -1;
  for (const [angle, weight] of weightByAngle) {
    if (weight > best) {
      best = weight;
      dominant = angle;
    }
  }
  const frame = frameForAngle(dominant);
  const runs: TextRun[] = [];
  let sizeM0 = NaN;
  let sizeM1 = NaN;
  let sizeM2 = NaN;
  let sizeM3 = NaN;
  let sizeHeight = NaN;
  let size = 0;
  for (let j = 0; j < count; j++) {
    if (angles[j] !== dominant) {
      skipped++;
      continue;
    }
    const item = items[kept[j]!]!;
    const k = j * 6;
    const m0 = ms[k]!;
    const m1 = ms[k + 1]!;
    const m2 = ms[k + 2]!;
    const m3 = ms[k + 3]!;
    const m4 = ms[k + 4]!;
    const m5 = ms[k + 5]!;
    // u = frame × m; the size (from its linear part) again only where that or the height changes
    // (a sign of zero changes no length: === is enough here).
    if (m0 !== sizeM0 || m1 !== sizeM1 || m2 !== sizeM2 || m3 !== sizeM3 || item.height !== sizeHeight) {
      const u0 = frame[0] * m0 + frame[2] * m1;
      const u1 = frame[1] * m0 + frame[3] * m1;
      const u2 = frame[0] * m2 + frame[2] * m3;
      const u3 = frame[1] * m2 + frame[3] * m3;
      size = Math.hypot(u2, u3) || item.height || Math.hypot(u0, u1);
      sizeM0 = m0;
      sizeM1 = m1;
      sizeM2 = m2;
      sizeM3 = m3;
      sizeHeight = item.height;
    }
    const u4 = frame[0] * m4 + frame[2] * m5 + frame[4];
    const u5 = frame[1] * m4 + frame[3] * m5 + frame[5];
    runs.push({ text: item.str, x: u4, y: u5, width: Math.abs(item.width), size });
  }
  return { runs, frame, skipped };
}

/** A horizontal ruling at `y` from `x1` to `x2` (x1 < x2). */
export interface HRule {
  y: number;
  x1: number;
  x2: number;
}

/** A vertical ruling at `x` from `y1` to `y2` (y1 < y2). */
export interface VRule {
  x: number;
  y1: number;
  y2: number;
}

export interface Rulings {
  h: HRule[];
  v: VRule[];
}

/** What the reader needs from pdf.js' OPS table (numbers differ between pdf.js versions). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js DrawOPS: the path data inside a constructPath operation. */
export const DRAW_MOVE_TO = 0;
export const DRAW_LINE_TO = 1;
export const DRAW_CURVE_TO = 2;
export const DRAW_CLOSE = 3;

/** Filled rectangles thinner than this are table borders drawn as fills (Word does this). */
const THIN = 2.5;
/** Shorter rulings are tick marks or glyph parts, not table borders. */
const MIN_RULE_LENGTH = 3;
/** Coordinates this close are the same (anti-aliasing offsets, 0.5pt double strokes). */
const AXIS_TOLERANCE = 0.8;

/** isWhite's answers by colour, asked once per path: a page sets its few colours again and again. */
const WHITE_OF = new Map<string, boolean>();
/** Above this many colours remembered, WHITE_OF starts again (a long-running process meets many). */
const MAX_COLOURS_REMEMBERED = 4096;

function isWhite(hex: string): boolean {
  let white = WHITE_OF.get(hex);
  if (white === undefined) {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    white = m ? m.slice(1).every((c) => parseInt(c, 16) >= 0xf0) : false;
    if (WHITE_OF.size >= MAX_COLOURS_REMEMBERED) WHITE_OF.clear();
    WHITE_OF.set(hex, white);
  }
  return white;
}

interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/**
 * Collects the axis-aligned lines a page draws: stroked segments and rectangles, and filled
 * rectangles thin enough to be rules. White strokes and clip-only paths are ignored.
 * `base` maps user space to the upright frame (frame × viewport transform).
 */
export function extractRulings(ops: OperatorList, op: OpCodes, base: Matrix): Rulings {
  const rulings: Rulings = { h: [], v: [] };
  let ctm: Matrix = base;
  const stack: Matrix[] = [];
  let strokeWhite = false;
  let fillWhite = false;
  const strokeOps = new Set([op.stroke, op.closeStroke]);
  const fillOps = new Set([op.fill, op.eoFill]);
  const bothOps = new Set([op.fillStroke, op.eoFillStroke, op.closeFillStroke, op.closeEOFillStroke]);

  const addSegment = (ax: number, ay: number, bx: number, by: number): void => {
    if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) >= MIN_RULE_LENGTH) {
      rulings.h.push({ y: (ay + by) / 2, x1: Math.min(ax, bx), x2: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) >= MIN_RULE_LENGTH) {
      rulings.v.push({ x: (ax + bx) / 2, y1: Math.min(ay, by), y2: Math.max(ay, by) });
    }
  };

  const addFilledPolygon = (pts: Array<[number, number]>): void => {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x1 = Math.min(...xs);
    const x2 = Math.max(...xs);
    const y1 = Math.min(...ys);
    const y2 = Math.max(...ys);
    // Only axis-aligned boxes count: every vertex on the bounding box's corners.
    const boxy = pts.every(
      (p) => (Math.abs(p[0] - x1) < AXIS_TOLERANCE || Math.abs(p[0] - x2) < AXIS_TOLERANCE) &&
        (Math.abs(p[1] - y1) < AXIS_TOLERANCE || Math.abs(p[1] - y2) < AXIS_TOLERANCE),
    );
    if (!boxy) return;
    const w = x2 - x1;
    const h = y2 - y1;
    if (h <= THIN && w >= MIN_RULE_LENGTH) rulings.h.push({ y: (y1 + y2) / 2, x1, x2 });
    else if (w <= THIN && h >= MIN_RULE_LENGTH) rulings.v.push({ x: (x1 + x2) / 2, y1, y2 });
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null | undefined;
    if (fn === op.save) {
      stack.push(ctm);
    } else if (fn === op.restore) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === op.transform && args) {
      const t = args as number[];
      ctm = multiplyMatrix(ctm, [t[0] ?? 1, t[1] ?? 0, t[2] ?? 0, t[3] ?? 1, t[4] ?? 0, t[5] ?? 0]);
    } else if (fn === op.setStrokeRGBColor && args) {
      strokeWhite = typeof args[0] === 'string' && isWhite(args[0]);
    } else if (fn === op.setFillRGBColor && args) {
      fillWhite = typeof args[0] === 'string' && isWhite(args[0]);
    } else if (fn === op.constructPath && args) {
      const paintOp = args[0] as number;
      const stroked = strokeOps.has(paintOp) || bothOps.has(paintOp);
      const filled = fillOps.has(paintOp) || bothOps.has(paintOp);
      if (!(stroked && !strokeWhite) && !(filled && !fillWhite)) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      forEachSubpath(data, ctm, (pts, closed) => {
        if (stroked && !strokeWhite) {
          for (let k = 1; k < pts.length; k++) {
            const a = pts[k - 1]!;
            const b = pts[k]!;
            addSegment(a[0], a[1], b[0], b[1]);
          }
          if (closed && pts.length > 2) {
            const a = pts[pts.length - 1]!;
            const b = pts[0]!;
            addSegment(a[0], a[1], b[0], b[1]);
          }
        } else if (pts.length >= 4) {
          addFilledPolygon(pts);
        }
      });
    }
  }
  return rulings;
}

/** Walks pdf.js path data, handing over each subpath's transformed vertices; curves break it. */
function forEachSubpath(
  data: ArrayLike<number>,
  ctm: Matrix,
  visit: (points: Array<[number, number]>, closed: boolean) => void,
): void {
  let pts: Array<[number, number]> = [];
  let hasCurve = false;
  const flush = (closed: boolean): void => {
    if (pts.length >= 2 && !hasCurve) visit(pts, closed);
    pts = [];
    hasCurve = false;
  };
  for (let j = 0; j < data.length; ) {
    const kind = data[j];
    if (kind === DRAW_MOVE_TO) {
      flush(false);
      pts.push(applyMatrix(ctm, data[j + 1] ?? 0, data[j + 2] ?? 0));
      j += 3;
    } else if (kind === DRAW_LINE_TO) {
      pts.push(applyMatrix(ctm, data[j + 1] ?? 0, data[j + 2] ?? 0));
      j += 3;
    } else if (kind === DRAW_CURVE_TO) {
      hasCurve = true;
      pts.push(applyMatrix(ctm, data[j + 5] ?? 0, data[j + 6] ?? 0));
      j += 7;
    } else if (kind === DRAW_CLOSE) {
      const first = pts[0];
      flush(true);
      if (first) pts.push(first);
      j += 1;
    } else {
      // Unknown drawing op: the rest of the data cannot be decoded reliably.
      break;
    }
  }
  flush(false);
}
