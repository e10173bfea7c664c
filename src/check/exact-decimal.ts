/**
 * Exact decimals as scaled BigInts (m × 10^e): the fast path of the interval arithmetic. Sums,
 * products by exact factors and comparisons of report figures are exact in BigInt, so they need no
 * decimal.js objects. Every function here answers only when its result is exactly what decimal.js
 * gives (same value, same string) and returns null otherwise — a result that would need rounding
 * (more significant digits than the interval precision), exponent notation, or an infinite or
 * unparsable operand — so that the caller falls back to decimal.js. Never floats.
 */

/** m × 10^e. */
export interface Exact {
  m: bigint;
  e: number;
}

/** A bound of an interval: a finite decimal or ±∞. */
export type ExactBound = Exact | typeof POSITIVE_INFINITY | typeof NEGATIVE_INFINITY;
export const POSITIVE_INFINITY = 'Infinity';
export const NEGATIVE_INFINITY = '-Infinity';

/**
 * A plain decimal string ("-714.065", "8903300": an optional "-", digits, optionally "." and
 * digits), or null for anything else (exponents, ∞, NaN). Read by hand, without a cache: bounds
 * are mostly fresh strings, and hashing one for a lookup cost more than reading it.
 */
export function parseExact(text: string): Exact | null {
  const n = text.length;
  const from = text.charCodeAt(0) === 0x2d ? 1 : 0; // "-"
  if (from >= n) return null;
  let point = -1;
  for (let k = from; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    // (one point, with digits on both sides)
    if (c === 0x2e && point < 0 && k > from && k < n - 1) {
      point = k;
      continue;
    }
    return null;
  }
  const digits = n - from - (point < 0 ? 0 : 1);
  let m: bigint;
  // Up to 15 digits a double holds the integer exactly.
  if (digits <= 15) {
    let v = 0;
    for (let k = from; k < n; k++) if (k !== point) v = v * 10 + (text.charCodeAt(k) - 48);
    m = BigInt(v);
  } else m = BigInt(point < 0 ? text.slice(from) : text.slice(from, point) + text.slice(point + 1));
  return { m: from === 1 ? -m : m, e: point < 0 ? 0 : point + 1 - n };
}

/** A plain decimal string or ±Infinity. */
export function parseExactBound(text: string): ExactBound | null {
  if (text === POSITIVE_INFINITY || text === NEGATIVE_INFINITY) return text;
  return parseExact(text);
}

const POW10: bigint[] = [1n];
/** 10^n as a BigInt (n ≥ 0). */
function pow10(n: number): bigint {
  for (let k = POW10.length; k <= n; k++) POW10.push(POW10[k - 1]! * 10n);
  return POW10[n]!;
}

/** Integer coefficient of `x` at exponent `e` (e ≤ x.e). */
function at(x: Exact, e: number): bigint {
  return x.e === e ? x.m : x.m * pow10(x.e - e);
}

export function addExact(a: Exact, b: Exact): Exact {
  const e = Math.min(a.e, b.e);
  return { m: at(a, e) + at(b, e), e };
}

export function multiplyExact(a: Exact, b: Exact): Exact {
  return { m: a.m * b.m, e: a.e + b.e };
}

/** a × 10^n. */
export function shiftExact(a: Exact, n: number): Exact {
  return { m: a.m, e: a.e + n };
}

export function compareExact(a: Exact, b: Exact): number {
  const e = Math.min(a.e, b.e);
  const x = at(a, e);
  const y = at(b, e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareBounds(a: ExactBound, b: ExactBound): number {
  if (typeof a === 'string' || typeof b === 'string') {
    const rank = (x: ExactBound) => (x === NEGATIVE_INFINITY ? -1 : x === POSITIVE_INFINITY ? 1 : 0);
    const d = rank(a) - rank(b);
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  return compareExact(a, b);
}

export function isZeroExact(a: Exact): boolean {
  return a.m === 0n;
}

/** Decimal digits of |m| with trailing zeros moved into the exponent. */
function digitsOf(x: Exact): { negative: boolean; digits: string; e: number } {
  const negative = x.m < 0n;
  let digits = (negative ? -x.m : x.m).toString();
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  const e = x.e + digits.length - end;
  digits = digits.slice(0, end);
  return { negative, digits, e };
}

/**
 * `x` as decimal.js's toString() prints it for a constructor with the given toExpNeg / toExpPos,
 * or null when decimal.js would first round it (more than `maxDigits` significant digits) or print
 * it with an exponent. Zero is "0" (decimal.js never prints "-0").
 */
export function formatExact(x: Exact, expNeg: number, expPos: number, maxDigits = Infinity): string | null {
  if (x.m === 0n) return '0';
  const { negative, digits, e } = digitsOf(x);
  if (digits.length > maxDigits) return null;
  // decimal.js's exponent: that of the leading digit.
  const lead = e + digits.length - 1;
  if (lead <= expNeg || lead >= expPos) return null;
  let plain: string;
  if (e >= 0) plain = digits + '0'.repeat(e);
  else {
    const point = digits.length + e;
    plain = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return negative ? `-${plain}` : plain;
}

export function formatExactBound(x: ExactBound, expNeg: number, expPos: number, maxDigits = Infinity): string | null {
  return typeof x === 'string' ? x : formatExact(x, expNeg, expPos, maxDigits);
}

/**
 * `x` with exactly `decimals` digits after the point, rounded as decimal.js's toFixed(decimals, mode)
 * rounds (floor, ceil, or half away from zero), with its sign rule: a negative value keeps its "-"
 * even when it rounds to zero ("-0.00").
 */
export function toFixedExact(x: Exact, decimals: number, mode: 'floor' | 'ceil' | 'half_up'): string {
  const negative = x.m < 0n;
  let q: bigint;
  if (x.e >= -decimals) q = x.m * pow10(x.e + decimals);
  else {
    const divisor = pow10(-decimals - x.e);
    q = x.m / divisor;
    const r = x.m % divisor;
    if (r !== 0n) {
      if (mode === 'floor') {
        if (negative) q -= 1n;
      } else if (mode === 'ceil') {
        if (!negative) q += 1n;
      } else if ((r < 0n ? -r : r) * 2n >= divisor) q += negative ? -1n : 1n;
    }
  }
  let digits = (q < 0n ? -q : q).toString();
  if (digits.length <= decimals) digits = '0'.repeat(decimals + 1 - digits.length) + digits;
  const plain = decimals > 0 ? `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}` : digits;
  return negative ? `-${plain}` : plain;
}

/** Decimal digits of a non-negative BigInt. */
function digitCount(m: bigint): number {
  return m === 0n ? 1 : m.toString().length;
}

/**
 * a ÷ b rounded to `digits` significant digits as decimal.js rounds a quotient (it is correctly
 * rounded): floor, ceil, or half away from zero. Null when b is zero.
 */
export function divideExact(a: Exact, b: Exact, digits: number, mode: 'floor' | 'ceil' | 'half_up'): Exact | null {
  if (b.m === 0n) return null;
  if (a.m === 0n) return { m: 0n, e: 0 };
  const negative = a.m < 0n !== b.m < 0n;
  const x = a.m < 0n ? -a.m : a.m;
  const y = b.m < 0n ? -b.m : b.m;
  // Enough digits that the quotient holds one more than `digits`; the rest only says "inexact".
  const k = Math.max(0, digits + 1 + digitCount(y) - digitCount(x));
  const n = x * pow10(k);
  let q = n / y;
  let sticky = n % y !== 0n;
  const cut = digitCount(q) - digits;
  let e = a.e - b.e - k;
  let up = false;
  if (cut > 0) {
    const unit = pow10(cut);
    const dropped = q % unit;
    q /= unit;
    e += cut;
    if (mode === 'half_up') up = dropped * 2n >= unit;
    sticky ||= dropped !== 0n;
  }
  // (floor and ceil round the magnitude up only on their own side of zero)
  if (mode === 'floor' ? negative && sticky : mode === 'ceil' ? !negative && sticky : up) q += 1n;
  return { m: negative ? -q : q, e };
}
