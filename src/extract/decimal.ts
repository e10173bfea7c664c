/**
 * Exact decimal helpers for figures. Report figures are money: they are never held in binary
 * floats. Everything here goes through decimal.js with enough digits that no stated figure, and no
 * bound derived from one by a power of ten, is ever rounded.
 */
import { Decimal } from 'decimal.js';

/** decimal.js with 64 significant digits and no exponent notation in strings. */
export const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -64, toExpPos: 64 });

/** 10^n, exactly (n may be negative). */
const POWERS = new Map<number, Decimal>();
export function pow10(n: number): Decimal {
  let p = POWERS.get(n);
  if (!p) {
    p = new Dec(10).pow(n);
    if (Math.abs(n) <= 64) POWERS.set(n, p);
  }
  return p;
}

/** Plain decimal notation, trailing zeros dropped, "-0" as "0": 8903300, 0.802, Infinity. */
export function formatDecimal(d: Decimal): string {
  if (d.isZero()) return '0';
  return d.isFinite() ? d.toFixed() : d.toString();
}

/** `v` × 10^`n` as a plain decimal string: shiftDecimal("890.33", 4) → "8903300". */
export function shiftDecimal(v: Decimal.Value, n: number): string {
  const d = new Dec(v);
  if (!d.isFinite()) return d.toString();
  return formatDecimal(d.times(pow10(n)));
}

/** Digits after the decimal point as printed: "890.33" → 2, "100.0" → 1, "1,234" → 0. */
export function printedDecimals(lexeme: string): number {
  const dot = lexeme.indexOf('.');
  return dot < 0 ? 0 : lexeme.length - dot - 1;
}
