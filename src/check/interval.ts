/**
 * Interval arithmetic over exact decimal strings, after XBRL Calculations 1.1 (rounding mode):
 * a stated number stands for every value that rounds to it, so relations are checked between
 * intervals, never between points. Bounds are decimal strings ("Infinity" / "-Infinity" allowed);
 * derived bounds are rounded outward so an interval always contains the true set.
 */
import { Decimal } from 'decimal.js';
import type { Count, Figure, Interval } from '../schema/record.js';
import {
  addExact,
  compareBounds,
  divideExact,
  formatExact,
  formatExactBound,
  isZeroExact,
  multiplyExact,
  parseExact,
  parseExactBound,
  shiftExact,
  toFixedExact,
  type Exact,
  type ExactBound,
} from './exact-decimal.js';

export type { Interval } from '../schema/record.js';

/** Precision of derived bounds (significant digits); sums and products of report figures stay exact well within it. */
const DIGITS = 34;
/** toExpNeg / toExpPos of Down and Up, and of decimal.js's default constructor (Decimal.max / min return one). */
const EXP_NEG = -40;
const EXP_POS = 60;
const DEFAULT_EXP_NEG = -7;
const DEFAULT_EXP_POS = 21;
/** Whether the BigInt fast paths run (see the end of this file); off only in tests that compare them with decimal.js. */
let fast = true;
/** Tests only: turn the BigInt fast paths off (false) or on, so a test can compare both answers. */
export function setExactFastPaths(on: boolean): void {
  fast = on;
}
/** Lower bounds round toward −∞ … */
const Down = Decimal.clone({ precision: DIGITS, rounding: Decimal.ROUND_FLOOR, toExpNeg: -40, toExpPos: 60 });
/** … and upper bounds toward +∞, so no value the inputs allow is ever lost. */
const Up = Decimal.clone({ precision: DIGITS, rounding: Decimal.ROUND_CEIL, toExpNeg: -40, toExpPos: 60 });

type Dec = Decimal;

interface Bounds {
  lo: Dec;
  hi: Dec;
  loOpen: boolean;
  hiOpen: boolean;
}

// Bounds are parsed again by every check that uses a figure: parsed decimals (immutable) are kept
// per string. Cleared when large, so memory stays bounded over a long batch.
const PARSED_LO = new Map<string, Dec>();
const PARSED_HI = new Map<string, Dec>();
const PARSED_LIMIT = 4096;

function parseBound(cache: Map<string, Dec>, Ctor: typeof Down, text: string): Dec {
  let d = cache.get(text);
  if (!d) {
    if (cache.size >= PARSED_LIMIT) cache.clear();
    d = new Ctor(text);
    cache.set(text, d);
  }
  return d;
}

function toBounds(iv: Interval): Bounds {
  return { lo: parseBound(PARSED_LO, Down, iv.lo), hi: parseBound(PARSED_HI, Up, iv.hi), loOpen: iv.loOpen, hiOpen: iv.hiOpen };
}

function fromBounds(b: Bounds): Interval {
  return { lo: b.lo.toString(), hi: b.hi.toString(), loOpen: b.loOpen, hiOpen: b.hiOpen };
}

/** The closed interval [lo, hi]. */
export function closedInterval(lo: Decimal.Value, hi: Decimal.Value): Interval {
  return { lo: (fast && plainString(lo)) || new Down(lo).toString(), hi: (fast && plainString(hi)) || new Up(hi).toString(), loOpen: false, hiOpen: false };
}

/** A plain decimal string or a safe integer as Down / Up print it (the constructor never rounds), or null. */
function plainString(v: Decimal.Value): string | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0) ? formatExact({ m: BigInt(v), e: 0 }, EXP_NEG, EXP_POS) : null;
  if (typeof v !== 'string') return null;
  const x = parseExact(v);
  return x && formatExact(x, EXP_NEG, EXP_POS);
}

/** The degenerate interval [v, v] (an exact value). */
export function pointInterval(value: Decimal.Value): Interval {
  return closedInterval(value, value);
}

/** Multiplier from base units to a unit `scale` powers of ten above them (万元 = 4, % = −2). */
function unitFactor(scale: number): Dec {
  return pow10Down(-scale);
}

// Decimals are immutable: powers of ten are computed once (pow() is a hot spot in the checks).
const POW10 = new Map<number, Dec>();
function pow10Down(n: number): Dec {
  let p = POW10.get(n);
  if (!p) {
    p = new Down(10).pow(n);
    POW10.set(n, p);
  }
  return p;
}

/**
 * Half-width that 约 gets when the extractor gave it no bounds: ±5% of the value. A guess, chosen
 * wide on purpose: 约 figures should not make a relation fail on their own.
 */
const ABOUT_SPREAD = '0.05';

/** Decimals of a yuan amount that reach its smallest unit, the fen. */
const FEN_DECIMALS = 2;

/**
 * Which ends of a rounding interval are open. By default both are closed (XBRL Calc 1.1): the same
 * quantity printed 326.71 in one table and 326.72 in another still meets, as a labeller reads it. A
 * sum is stricter (`halfOpen`): under 四舍五入 (half away from zero) 7165.32 stands for
 * [7165.315, 7165.325), the end away from zero never reached, so five parts that each stand for less
 * than x + 0.005 cannot add up to a total printed 0.03 above their sum. A printed 0 stands for (−h, h).
 */
function roundingEnds(halfOpen: boolean, negative: boolean, zero: boolean): { loOpen: boolean; hiOpen: boolean } {
  if (!halfOpen) return { loOpen: false, hiOpen: false };
  return { loOpen: negative || zero, hiOpen: !negative };
}

/**
 * Bounds in base units of what a figure may stand for.
 * exact: the stated value ± half a unit of its last printed digit (714.07万元 → ±0.005万元), or the
 * value itself for money printed to the fen;
 * approximate figures use their `lo`/`hi`, with the missing side open (at_least → [lo, +∞)).
 */
function baseBoundsOfFigure(f: Pick<Figure, 'exact' | 'precision' | 'scale' | 'approx' | 'lo' | 'hi'> & { kind?: Figure['kind'] }, halfOpen = false): Bounds {
  const v = new Down(f.exact);
  // Money printed to the fen (1234.56元, 0.123456万元) is exact: there is nothing below a fen to round
  // away, so a sum off by one fen is off.
  if (f.approx === 'exact' && f.kind === 'money' && f.precision - f.scale >= FEN_DECIMALS) return { lo: v, hi: new Up(f.exact), loOpen: false, hiOpen: false };
  const halfStep = new Down(5).times(pow10Down(f.scale - Math.max(0, f.precision) - 1));
  const rounding: Bounds = { lo: new Down(v).minus(halfStep), hi: new Up(v).plus(halfStep), ...roundingEnds(halfOpen, v.isNegative(), v.isZero()) };
  const lo = f.lo !== undefined ? new Down(f.lo) : undefined;
  const hi = f.hi !== undefined ? new Up(f.hi) : undefined;
  const floor = v.isNegative() ? new Down(-Infinity) : new Down(0);
  switch (f.approx) {
    case 'exact':
      return rounding;
    case 'at_least':
      return { lo: lo ?? rounding.lo, hi: hi ?? new Up(Infinity), loOpen: false, hiOpen: hi === undefined };
    case 'more_than':
      return { lo: lo ?? v, hi: hi ?? new Up(Infinity), loOpen: true, hiOpen: hi === undefined };
    case 'at_most':
      return { lo: lo ?? floor, hi: hi ?? rounding.hi, loOpen: false, hiOpen: false };
    case 'less_than':
      return { lo: lo ?? floor, hi: hi ?? v, loOpen: false, hiOpen: true };
    case 'about': {
      if (lo !== undefined && hi !== undefined) return { lo, hi, loOpen: false, hiOpen: false };
      const spread = v.abs().times(ABOUT_SPREAD);
      const wide = spread.gt(halfStep) ? spread : halfStep;
      return { lo: lo ?? new Down(v).minus(wide), hi: hi ?? new Up(v).plus(wide), loOpen: false, hiOpen: false };
    }
    case 'range':
      return { lo: lo ?? rounding.lo, hi: hi ?? rounding.hi, loOpen: false, hiOpen: false };
  }
}

/**
 * The interval a stated figure stands for, expressed in the unit `unitScale` powers of ten above the
 * base unit (default: the figure's own stated unit). 714.07万元 → [714.065, 714.075] (万元);
 * 80.2% → [80.15, 80.25] (%); 7140700元 with unitScale 4 → [714.06995, 714.07005] (万元).
 */
export function intervalOfFigure(f: Figure, unitScale: number = f.scale): Interval {
  return (fast ? exactIntervalOfFigure(f, unitScale, false) : null) ?? scaleInterval(fromBounds(baseBoundsOfFigure(f)), unitFactor(unitScale));
}

/**
 * A part printed as a bare zero among parts printed to the fen ("上缴上级支出0万元" beside "基本支出1140.27万元")
 * says "none", not "somewhere in [0, 0.5)万元": read at the finest precision of its siblings. Read at its
 * own, its half-unit absorbed an edited sibling and the list held (t440, t442: a part moved by 0.07万元 passed). Every sum of parts reads its parts through this.
 */
function zerosAtSiblingPrecision(figures: readonly Figure[]): Figure[] {
  return atFinestPrecision(figures, (f) => f.value === 0, (f) => f.value !== 0);
}

/** Σ of printed parts in the unit of `scale`, each read as 四舍五入 printed it, a bare zero at its siblings' precision. */
export function sumOfPrintedParts(parts: readonly Figure[], scale: number): Interval {
  return sumIntervals(zerosAtSiblingPrecision(parts).map((f) => roundedIntervalOfFigure(f, scale)));
}

/**
 * The amount cells of one printed row of one form ("年度资金总额 | 50万元 | 47.68 | 95.00%"): a cell
 * printed coarser than its finest sibling ("50" beside "47.68") is stated at that precision (50.00).
 * A row is typed (or exported from a sheet whose general format drops trailing zeros) by one hand at
 * one precision; read at its own, the integer's half-unit absorbed a rate off by 0.36 points (t225).
 */
export function cellsAtRowPrecision(cells: readonly Figure[]): Figure[] {
  return atFinestPrecision(cells, () => true, () => true);
}

/** Each exactly stated `coarse` figure printed coarser than the finest `sibling` figure, read at that precision. */
function atFinestPrecision(figures: readonly Figure[], coarse: (f: Figure) => boolean, sibling: (f: Figure) => boolean): Figure[] {
  const finest = Math.max(...figures.filter(sibling).map((f) => f.precision - f.scale));
  if (!Number.isFinite(finest)) return [...figures];
  return figures.map((f) => (coarse(f) && f.approx === 'exact' && f.precision - f.scale < finest ? { ...f, precision: finest + f.scale } : f));
}

/**
 * intervalOfFigure read as 四舍五入 printed it, the end away from zero open (7165.32 → [7165.315,
 * 7165.325)): for the parts and the total of a sum, where every printed precision is honoured.
 */
export function roundedIntervalOfFigure(f: Figure, unitScale: number = f.scale): Interval {
  return (fast ? exactIntervalOfFigure(f, unitScale, true) : null) ?? scaleInterval(fromBounds(baseBoundsOfFigure(f, true)), unitFactor(unitScale));
}

/**
 * What a printed rate (执行率 107.77%, 占 12.5%) stands for when it is compared with the ratio it was
 * computed from: 四舍五入 at its last digit, half up, so 107.77% is [107.765, 107.775). An exact
 * ratio of 107.765% prints 107.77% (never 107.76%), one of 107.775% prints 107.78% (never 107.77%).
 * Read closed (intervalOfFigure), both neighbours of an exact half held, and a rate one digit off
 * passed for ratios of amounts printed to the fen.
 */
export function intervalOfPrintedRate(f: Figure, unitScale: number = f.scale): Interval {
  return roundedIntervalOfFigure(f, unitScale);
}

/**
 * intervalOfPrintedRate of a number printed without its Figure ("8.8" of 超额完成8.8%): its value ±
 * half a unit of its last printed digit, the end away from zero open.
 */
export function intervalOfPrintedNumber(printed: string): Interval {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const half = new Down(5).times(pow10Down(-decimals - 1));
  const v = new Down(printed);
  return { lo: v.minus(half).toString(), hi: new Up(printed).plus(half).toString(), ...roundingEnds(true, v.isNegative(), v.isZero()) };
}

/** intervalOfFigure (or, halfOpen, roundedIntervalOfFigure) of an exactly stated figure in BigInt (see exact-decimal.ts), or null. */
function exactIntervalOfFigure(f: Figure, unitScale: number, halfOpen: boolean): Interval | null {
  if (f.approx !== 'exact' || !Number.isInteger(f.scale) || !Number.isInteger(f.precision) || !Number.isInteger(unitScale)) return null;
  const v = parseExact(f.exact);
  if (!v) return null;
  let lo = v;
  let hi = v;
  if (!(f.kind === 'money' && f.precision - f.scale >= FEN_DECIMALS)) {
    const halfStep: Exact = { m: 5n, e: f.scale - Math.max(0, f.precision) - 1 };
    lo = addExact(v, { m: -halfStep.m, e: halfStep.e });
    hi = addExact(v, halfStep);
  }
  const loText = formatExact(shiftExact(lo, -unitScale), EXP_NEG, EXP_POS, DIGITS);
  const hiText = formatExact(shiftExact(hi, -unitScale), EXP_NEG, EXP_POS, DIGITS);
  const ends = lo === v ? { loOpen: false, hiOpen: false } : roundingEnds(halfOpen, v.m < 0n, v.m === 0n);
  return loText !== null && hiText !== null ? { lo: loText, hi: hiText, ...ends } : null;
}

/**
 * The interval a non-negative figure stands for when its printed digits were cut off rather than
 * rounded: [v, v + one unit of its last digit), in its stated unit (99.96% printed as 99.9% →
 * [99.9, 100.0)).
 */
export function truncationIntervalOf(f: Figure): Interval {
  const v = statedValueOf(f);
  const step = new Decimal(10).pow(-f.precision);
  return { lo: new Down(v).toString(), hi: new Up(v).plus(step).toString(), loOpen: false, hiOpen: true };
}

/** The interval of a count: exact counts are points (a count of people has no rounding); 多/近 give bounds. */
export function intervalOfCount(c: Pick<Count, 'value' | 'approx' | 'lo' | 'hi'>): Interval {
  const exact = new Down(c.value).toString();
  if (c.approx === 'exact') return pointInterval(exact);
  return fromBounds(baseBoundsOfFigure({ exact, precision: 0, scale: 0, approx: c.approx, lo: c.lo, hi: c.hi }));
}

/** a + b; an end is closed only when both contributing ends are. */
export function addIntervals(a: Interval, b: Interval): Interval {
  const exact = fast ? exactSum(a, b) : null;
  if (exact) return exact;
  const x = toBounds(a);
  const y = toBounds(b);
  return fromBounds({ lo: x.lo.plus(y.lo), hi: x.hi.plus(y.hi), loOpen: x.loOpen || y.loOpen, hiOpen: x.hiOpen || y.hiOpen });
}

/** Σ intervals; the empty sum is [0, 0]. */
export function sumIntervals(items: readonly Interval[]): Interval {
  return items.reduce<Interval>((acc, iv) => addIntervals(acc, iv), pointInterval(0));
}

/** a − b. */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  return addIntervals(a, scaleInterval(b, -1));
}

/** a × k for an exact constant k (a negative k swaps the ends). */
export function scaleInterval(a: Interval, k: Decimal.Value): Interval {
  const exact = fast ? exactScale(a, k) : null;
  if (exact) return exact;
  const x = toBounds(a);
  const kd = new Down(k);
  if (kd.isZero()) return pointInterval(0);
  const lo = Down.mul(kd.isNegative() ? x.hi : x.lo, kd);
  const hi = Up.mul(kd.isNegative() ? x.lo : x.hi, kd);
  return kd.isNegative()
    ? fromBounds({ lo, hi, loOpen: x.hiOpen, hiOpen: x.loOpen })
    : fromBounds({ lo, hi, loOpen: x.loOpen, hiOpen: x.hiOpen });
}

interface End {
  value: Dec;
  open: boolean;
}

function productEnds(x: End, y: End): { lo: Dec; hi: Dec; open: boolean } {
  // 0 × anything finite is exactly 0; a closed zero end makes the product end closed.
  const zero = (x.value.isZero() && !x.open) || (y.value.isZero() && !y.open);
  if (zero) return { lo: new Down(0), hi: new Up(0), open: false };
  return { lo: Down.mul(x.value, y.value), hi: Up.mul(x.value, y.value), open: x.open || y.open };
}

/** a × b for general intervals: the hull of the four end products. */
export function multiplyIntervals(a: Interval, b: Interval): Interval {
  const x = toBounds(a);
  const y = toBounds(b);
  const xs: End[] = [
    { value: x.lo, open: x.loOpen },
    { value: x.hi, open: x.hiOpen },
  ];
  const ys: End[] = [
    { value: y.lo, open: y.loOpen },
    { value: y.hi, open: y.hiOpen },
  ];
  const products = xs.flatMap((p) => ys.map((q) => productEnds(p, q))).filter((r) => !r.lo.isNaN() && !r.hi.isNaN());
  if (products.length === 0) return pointInterval(0);
  const lo = Decimal.min(...products.map((r) => r.lo));
  const hi = Decimal.max(...products.map((r) => r.hi));
  // An end is open only when every product reaching it is open.
  const loOpen = products.filter((r) => r.lo.eq(lo)).every((r) => r.open);
  const hiOpen = products.filter((r) => r.hi.eq(hi)).every((r) => r.open);
  return fromBounds({ lo: new Down(lo), hi: new Up(hi), loOpen, hiOpen });
}

/**
 * a ÷ b for a non-negative numerator and a strictly positive denominator (rates: 执行数 / 预算数):
 * [a.lo / b.hi, a.hi / b.lo]. Returns null when b may be zero or negative, where no finite
 * interval exists (a budget stated as 0).
 */
export function divideIntervals(a: Interval, b: Interval): Interval | null {
  const exact = fast ? exactQuotient(a, b) : undefined;
  if (exact !== undefined) return exact;
  const x = toBounds(a);
  const y = toBounds(b);
  const positive = y.lo.gt(0) || (y.lo.isZero() && y.loOpen);
  if (!positive || x.lo.isNegative()) return null;
  const lo = Down.div(x.lo, y.hi);
  const hi = y.lo.isZero() ? (x.hi.isZero() ? new Up(0) : new Up(Infinity)) : Up.div(x.hi, y.lo);
  return fromBounds({
    lo,
    hi,
    loOpen: x.loOpen || (y.hiOpen && !x.lo.isZero()),
    hiOpen: !hi.isFinite() || x.hiOpen || y.loOpen,
  });
}

/** min(a, cap) for an exact cap: used for 得分 = min(执行率, 100%) × 分值. */
export function capInterval(a: Interval, cap: Decimal.Value): Interval {
  const x = toBounds(a);
  const c = new Down(cap);
  const lo = x.lo.gt(c) ? c : x.lo;
  const loOpen = x.lo.gt(c) ? false : x.loOpen;
  const hi = x.hi.gte(c) ? new Up(cap) : x.hi;
  const hiOpen = x.hi.gte(c) ? false : x.hiOpen;
  return fromBounds({ lo, hi, loOpen, hiOpen });
}

function contains(b: Bounds, v: Dec): boolean {
  const aboveLo = v.gt(b.lo) || (v.eq(b.lo) && !b.loOpen);
  const belowHi = v.lt(b.hi) || (v.eq(b.hi) && !b.hiOpen);
  return aboveLo && belowHi;
}

/** The common part of a and b, or null when they do not meet. */
export function intersectIntervals(a: Interval, b: Interval): Interval | null {
  const exact = fast ? exactIntersection(a, b) : undefined;
  if (exact !== undefined) return exact;
  const x = toBounds(a);
  const y = toBounds(b);
  const lo = Decimal.max(x.lo, y.lo);
  const hi = Decimal.min(x.hi, y.hi);
  if (lo.gt(hi)) return null;
  const loOpen = (lo.eq(x.lo) && x.loOpen) || (lo.eq(y.lo) && y.loOpen);
  const hiOpen = (hi.eq(x.hi) && x.hiOpen) || (hi.eq(y.hi) && y.hiOpen);
  if (lo.eq(hi) && !(contains(x, lo) && contains(y, lo))) return null;
  if (lo.eq(hi) && (loOpen || hiOpen)) return null;
  return { lo: lo.toString(), hi: hi.toString(), loOpen, hiOpen };
}

/**
 * Whether the relation "a = b" holds under Calc 1.1: the intervals share at least one value
 * (closed ends that touch count as meeting).
 */
export function intervalsMeet(a: Interval, b: Interval): boolean {
  // (The BigInt answer without printing the intersection, which only intersectIntervals returns.)
  const exact = fast ? exactCommonPart(a, b) : undefined;
  if (exact !== undefined) return exact !== null;
  return intersectIntervals(a, b) !== null;
}

/** Every value of a lies strictly above every value of b (a > b beyond rounding). */
export function isIntervalAbove(a: Interval, b: Interval): boolean {
  const xlo = fast ? parseExactBound(a.lo) : null;
  const yhi = fast ? parseExactBound(b.hi) : null;
  if (xlo && yhi) {
    const c = compareBounds(xlo, yhi);
    return c > 0 || (c === 0 && (a.loOpen || b.hiOpen));
  }
  const x = toBounds(a);
  const y = toBounds(b);
  return x.lo.gt(y.hi) || (x.lo.eq(y.hi) && (x.loOpen || y.hiOpen));
}

/** Every value of a lies strictly below every value of b. */
export function isIntervalBelow(a: Interval, b: Interval): boolean {
  return isIntervalAbove(b, a);
}

/** Midpoint of a finite interval (for printing a "computed value"); null when unbounded. */
export function midpointOf(a: Interval): string | null {
  const x = toBounds(a);
  if (!x.lo.isFinite() || !x.hi.isFinite()) return null;
  return x.lo.plus(x.hi).div(2).toString();
}

export interface FormatDecimalOptions {
  /** Fewest decimals to print (pads with zeros). Default 0. */
  minDecimals?: number;
  /** Most decimals to print. Default 6. */
  maxDecimals?: number;
  /** Direction to round when digits are cut: outward bounds use floor / ceil. Default half-up. */
  rounding?: 'floor' | 'ceil' | 'half_up';
}

/** A decimal string for people: rounded to at most `maxDecimals`, trailing zeros trimmed down to `minDecimals`. */
export function formatDecimal(value: Decimal.Value, options: FormatDecimalOptions = {}): string {
  const min = options.minDecimals ?? 0;
  const max = Math.max(min, options.maxDecimals ?? 6);
  const exact = fast && typeof value === 'string' && Number.isInteger(max) && max >= 0 ? parseExact(value) : null;
  let s: string;
  if (exact) s = toFixedExact(exact, max, options.rounding ?? 'half_up');
  else {
    const d = new Decimal(value);
    if (!d.isFinite()) return d.isNegative() ? '-∞' : '+∞';
    const mode =
      options.rounding === 'floor' ? Decimal.ROUND_FLOOR : options.rounding === 'ceil' ? Decimal.ROUND_CEIL : Decimal.ROUND_HALF_UP;
    s = d.toFixed(max, mode);
  }
  const point = s.indexOf('.');
  if (point >= 0) {
    // Trailing zeros go down to `min` decimals, and the point with them when none is left (one slice).
    let end = s.length;
    while (end - point - 1 > min && s.charCodeAt(end - 1) === 48) end--;
    s = end - point - 1 > 0 ? s.slice(0, end) : s.slice(0, point);
  }
  return s === '-0' ? '0' : s;
}

/**
 * "[714.065, 714.075]", with ( ) for open ends. Bounds are rounded outward when cut, so the printed
 * interval always contains the computed one.
 */
export function formatInterval(a: Interval, options: Omit<FormatDecimalOptions, 'rounding'> = {}): string {
  // (Options named one by one: a spread followed by a new key is a slow literal in V8, ~1 µs a call.)
  const lo = formatDecimal(a.lo, { minDecimals: options.minDecimals, maxDecimals: options.maxDecimals, rounding: 'floor' });
  const hi = formatDecimal(a.hi, { minDecimals: options.minDecimals, maxDecimals: options.maxDecimals, rounding: 'ceil' });
  return `${a.loOpen ? '(' : '['}${lo}, ${hi}${a.hiOpen ? ')' : ']'}`;
}

/** The stated value of a figure in a unit `unitScale` powers of ten above base (exact). */
export function statedValueOf(f: Figure, unitScale: number = f.scale): string {
  const v = fast && Number.isInteger(unitScale) ? parseExact(f.exact) : null;
  const exact = v && formatExact(shiftExact(v, -unitScale), EXP_NEG, EXP_POS, DIGITS);
  return exact ?? new Down(f.exact).times(unitFactor(unitScale)).toString();
}

/**
 * numerator ÷ denominator × 10^-unitScale as decimal.js's default context prints it (20 significant
 * digits, half up): the point value of a ratio for a message; '' when the denominator is zero.
 */
export function ratioPoint(numerator: string, denominator: string, unitScale: number): string {
  const x = fast && Number.isInteger(unitScale) ? parseExact(numerator) : null;
  const y = x ? parseExact(denominator) : null;
  if (x && y) {
    if (isZeroExact(y)) return '';
    const q = divideExact(x, y, DEFAULT_DIGITS, 'half_up');
    const text = q && formatExact(shiftExact(q, -unitScale), DEFAULT_EXP_NEG, DEFAULT_EXP_POS, DEFAULT_DIGITS);
    if (text) return text;
  }
  const den = new Decimal(denominator);
  return den.isZero() ? '' : new Decimal(numerator).div(den).times(new Decimal(10).pow(-unitScale)).toString();
}
/** decimal.js's default precision (the constructor Decimal). */
const DEFAULT_DIGITS = 20;

/** Exact sum of decimal strings. */
export function sumDecimals(values: readonly Decimal.Value[]): string {
  return (fast ? exactSumOf(values) : null) ?? values.reduce<Dec>((acc, v) => acc.plus(v), new Down(0)).toString();
}

// ---------------------------------------------------------------------------------------------
// Fast paths in BigInt (exact-decimal.ts). Each answers only when decimal.js would give the same
// string: no partial result beyond DIGITS significant digits (where Down / Up would round), finite
// operands (∞ only where just compared), plain notation. Otherwise null and decimal.js decides.

/** 10^DIGITS: a coefficient at the operands' common exponent below it has at most DIGITS digits. */
const DIGITS_LIMIT = 10n ** BigInt(DIGITS);

function fitsDigits(m: bigint): boolean {
  return (m < 0n ? -m : m) < DIGITS_LIMIT;
}

/** Σ values, each partial sum exact (a coefficient at the smallest exponent under 10^DIGITS). */
function exactSumOf(values: readonly Decimal.Value[]): string | null {
  const xs: Exact[] = [];
  for (const v of values) {
    const x = typeof v === 'string' ? parseExact(v) : null;
    if (!x) return null;
    xs.push(x);
  }
  const e = Math.min(0, ...xs.map((x) => x.e));
  let m = 0n;
  for (const x of xs) {
    m += x.m * 10n ** BigInt(x.e - e);
    if (!fitsDigits(m)) return null;
  }
  return formatExact({ m, e }, EXP_NEG, EXP_POS, DIGITS);
}

function exactPairSum(a: string, b: string): string | null {
  const x = parseExact(a);
  const y = parseExact(b);
  if (!x || !y) return null;
  const sum = addExact(x, y);
  return fitsDigits(sum.m) ? formatExact(sum, EXP_NEG, EXP_POS, DIGITS) : null;
}

function exactSum(a: Interval, b: Interval): Interval | null {
  const lo = exactPairSum(a.lo, b.lo);
  const hi = lo === null ? null : exactPairSum(a.hi, b.hi);
  return lo !== null && hi !== null ? { lo, hi, loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen } : null;
}

function exactScale(a: Interval, k: Decimal.Value): Interval | null {
  const kx = typeof k === 'number' ? (Number.isSafeInteger(k) && !Object.is(k, -0) ? { m: BigInt(k), e: 0 } : null) : typeof k === 'string' ? parseExact(k) : null;
  const lo = parseExact(a.lo);
  const hi = parseExact(a.hi);
  if (!kx || !lo || !hi || isZeroExact(kx)) return null;
  const negative = kx.m < 0n;
  const loText = formatExact(multiplyExact(negative ? hi : lo, kx), EXP_NEG, EXP_POS, DIGITS);
  const hiText = formatExact(multiplyExact(negative ? lo : hi, kx), EXP_NEG, EXP_POS, DIGITS);
  if (loText === null || hiText === null) return null;
  return negative ? { lo: loText, hi: hiText, loOpen: a.hiOpen, hiOpen: a.loOpen } : { lo: loText, hi: hiText, loOpen: a.loOpen, hiOpen: a.hiOpen };
}

/** intersectIntervals in BigInt: the intersection, null when none, undefined when decimal.js must decide. */
function exactIntersection(a: Interval, b: Interval): Interval | null | undefined {
  const common = exactCommonPart(a, b);
  if (!common) return common;
  const { lo, hi, loOpen, hiOpen } = common;
  // (Decimal.max / min build their result with decimal.js's default constructor: its notation.)
  const loText = formatExactBound(lo, DEFAULT_EXP_NEG, DEFAULT_EXP_POS);
  const hiText = formatExactBound(hi, DEFAULT_EXP_NEG, DEFAULT_EXP_POS);
  return loText !== null && hiText !== null ? { lo: loText, hi: hiText, loOpen, hiOpen } : undefined;
}

/**
 * The common part of a and b as parsed bounds, null when they do not meet, undefined when a bound
 * is no plain decimal. Whether they meet is exact either way; decimal.js decides the same.
 */
function exactCommonPart(a: Interval, b: Interval): { lo: ExactBound; hi: ExactBound; loOpen: boolean; hiOpen: boolean } | null | undefined {
  const xlo = parseExactBound(a.lo);
  const xhi = parseExactBound(a.hi);
  const ylo = parseExactBound(b.lo);
  const yhi = parseExactBound(b.hi);
  if (!xlo || !xhi || !ylo || !yhi) return undefined;
  const lo: ExactBound = compareBounds(xlo, ylo) >= 0 ? xlo : ylo;
  const hi: ExactBound = compareBounds(xhi, yhi) <= 0 ? xhi : yhi;
  const span = compareBounds(lo, hi);
  if (span > 0) return null;
  const loOpen = (compareBounds(lo, xlo) === 0 && a.loOpen) || (compareBounds(lo, ylo) === 0 && b.loOpen);
  const hiOpen = (compareBounds(hi, xhi) === 0 && a.hiOpen) || (compareBounds(hi, yhi) === 0 && b.hiOpen);
  if (span === 0) {
    const inside = (v: ExactBound, l: ExactBound, lOpen: boolean, h: ExactBound, hOpen: boolean) => {
      const cl = compareBounds(v, l);
      const ch = compareBounds(v, h);
      return (cl > 0 || (cl === 0 && !lOpen)) && (ch < 0 || (ch === 0 && !hOpen));
    };
    if (!(inside(lo, xlo, a.loOpen, xhi, a.hiOpen) && inside(lo, ylo, b.loOpen, yhi, b.hiOpen))) return null;
    if (loOpen || hiOpen) return null;
  }
  return { lo, hi, loOpen, hiOpen };
}

/**
 * divideIntervals in BigInt for finite bounds, a non-negative numerator and a denominator above
 * zero (every rate of a report): the quotient's ends rounded outward to DIGITS as Down / Up divide.
 * Undefined when decimal.js must decide (∞, a zero or negative end, a sign on a zero).
 */
function exactQuotient(a: Interval, b: Interval): Interval | null | undefined {
  if (a.lo.charCodeAt(0) === 0x2d || b.lo.charCodeAt(0) === 0x2d) return undefined; // "-"
  const xlo = parseExact(a.lo);
  const xhi = parseExact(a.hi);
  const ylo = parseExact(b.lo);
  const yhi = parseExact(b.hi);
  if (!xlo || !xhi || !ylo || !yhi || isZeroExact(ylo)) return undefined;
  const lo = divideExact(xlo, yhi, DIGITS, 'floor');
  const hi = divideExact(xhi, ylo, DIGITS, 'ceil');
  const loText = lo && formatExact(lo, EXP_NEG, EXP_POS, DIGITS);
  const hiText = hi && formatExact(hi, EXP_NEG, EXP_POS, DIGITS);
  if (!loText || !hiText) return undefined;
  return { lo: loText, hi: hiText, loOpen: a.loOpen || (b.hiOpen && !isZeroExact(xlo)), hiOpen: a.hiOpen || b.loOpen };
}
