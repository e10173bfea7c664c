/**
 * 元/万元 slips: a figure written in 元 where 万元 was meant (or the reverse) makes a relation fail
 * by exactly a factor of 10,000. When a failed relation holds after that factor, the finding is a
 * unit error rather than an arithmetic one, and says so.
 */
import type { Interval } from '../schema/record.js';
import { Decimal } from 'decimal.js';
import { addExact, compareExact, multiplyExact, NEGATIVE_INFINITY, parseExact, POSITIVE_INFINITY, shiftExact } from './exact-decimal.js';
import { intervalsMeet, scaleInterval } from './interval.js';

/** 万 = 10^4: the only factor between the two money units reports mix. */
export const UNIT_SLIP_FACTOR = 10000;

export type SlipAdjustment = 'multiply' | 'divide';

/**
 * Whether `computed` meets `stated` once multiplied or divided by 10^4; returns the adjustment
 * and the adjusted interval, or null.
 */
export function findUnitSlip(computed: Interval, stated: Interval): { adjustment: SlipAdjustment; adjusted: Interval } | null {
  if (!isSharp(computed) || !isSharp(stated)) return null;
  const up = scaleInterval(computed, UNIT_SLIP_FACTOR);
  if (intervalsMeet(up, stated)) return { adjustment: 'multiply', adjusted: up };
  const down = scaleInterval(computed, '0.0001');
  if (intervalsMeet(down, stated)) return { adjustment: 'divide', adjusted: down };
  return null;
}

/** Widest relative spread of an interval for a ×10^4 match to mean anything. */
const MAX_RELATIVE_WIDTH = '0.2';
/** 1 ÷ MAX_RELATIVE_WIDTH, for the exact test. */
const FIVE = { m: 5n, e: 0 };
/** Coefficients below this decimal.js (precision 20) subtracts exactly. */
const LIMIT = 10n ** 20n;

/**
 * A 10^4 match is evidence only between intervals that are narrow and clear of zero: a stated 0
 * ([−0.5, 0.5]) "matches" any small number divided by 10^4.
 */
export function isSharp(iv: Interval): boolean {
  // (An unbounded side: no 10^4 match means anything.)
  if (isInfinite(iv.lo) || isInfinite(iv.hi)) return false;
  const lo = parseExact(iv.lo);
  const hi = parseExact(iv.hi);
  if (lo && hi) {
    if (lo.m <= 0n && hi.m >= 0n) return false;
    const absLo = lo.m < 0n ? { m: -lo.m, e: lo.e } : lo;
    const absHi = hi.m < 0n ? { m: -hi.m, e: hi.e } : hi;
    const magnitude = compareExact(absLo, absHi) <= 0 ? absLo : absHi;
    const width = addExact(hi, { m: -lo.m, e: lo.e });
    // decimal.js (20 digits) subtracts exactly below 10^20 in the coefficient, and rounds the
    // quotient, which can only turn one just above 0.2 into 0.2: the rest go to decimal.js.
    if (width.m < LIMIT && -width.m < LIMIT) {
      // width ÷ magnitude ≤ 0.2 ⇔ 5·width − magnitude ≤ 0.
      const excess = addExact(multiplyExact(width, FIVE), { m: -magnitude.m, e: magnitude.e });
      if (excess.m <= 0n) return true;
      if (compareExact(shiftExact(excess, 19), magnitude) > 0) return false;
    }
  }
  return isSharpDecimal(iv);
}

const isInfinite = (bound: string): boolean => bound === POSITIVE_INFINITY || bound === NEGATIVE_INFINITY;

/** isSharp in decimal.js: bounds that are not plain decimals (±∞), and quotients within rounding of 0.2. */
export function isSharpDecimal(iv: Interval): boolean {
  const lo = new Decimal(iv.lo);
  const hi = new Decimal(iv.hi);
  if (!lo.isFinite() || !hi.isFinite()) return false;
  if (lo.lte(0) && hi.gte(0)) return false;
  const magnitude = Decimal.min(lo.abs(), hi.abs());
  return hi.minus(lo).div(magnitude).lte(MAX_RELATIVE_WIDTH);
}
