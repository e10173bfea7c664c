/**
 * Approximation words and the intervals they give a stated number. See the table at the top of
 * `../numbers.ts`: it is the documented contract, this file implements it.
 */
import type { Decimal } from 'decimal.js';
import type { Approx } from '../../schema/record.js';
import { Dec, formatDecimal, pow10 } from '../decimal.js';
import { addExact, compareExact, type Exact } from '../../check/exact-decimal.js';

/**
 * How a word bounds the stated value v:
 *  - `step`: up to the next step of v's own granularity (13000多 → [13000, 14000));
 *  - `open`: one side only (以上 → [v, +∞), 以内 → (−∞, v]);
 *  - `near`: just under v, within 10% (近万 → [9000, 10000));
 *  - `about`: v ± max(5% of |v|, half a unit of the last printed digit).
 */
export type BoundRule = 'step' | 'open' | 'near' | 'about';

export interface ApproxWord {
  approx: Approx;
  rule: BoundRule;
}

const w = (approx: Approx, rule: BoundRule): ApproxWord => ({ approx, rule });

/** Words right before the number. Longest match wins (不超过 before 超过, 将近 before 近). */
export const PREFIX_WORDS: ReadonlyMap<string, ApproxWord> = new Map<string, ApproxWord>([
  ['大于等于', w('at_least', 'open')],
  ['大于或等于', w('at_least', 'open')],
  ['不少于', w('at_least', 'open')],
  ['不低于', w('at_least', 'open')],
  ['不小于', w('at_least', 'open')],
  ['至少', w('at_least', 'open')],
  ['最少', w('at_least', 'open')],
  ['最低', w('at_least', 'open')],
  ['≥', w('at_least', 'open')],
  ['≧', w('at_least', 'open')],
  ['>=', w('at_least', 'open')],
  ['超过', w('more_than', 'step')],
  ['超過', w('more_than', 'step')],
  ['逾', w('more_than', 'step')],
  ['超', w('more_than', 'step')],
  ['大于', w('more_than', 'open')],
  ['高于', w('more_than', 'open')],
  ['多于', w('more_than', 'open')],
  ['>', w('more_than', 'open')],
  ['小于等于', w('at_most', 'open')],
  ['小于或等于', w('at_most', 'open')],
  ['不超过', w('at_most', 'open')],
  ['不超過', w('at_most', 'open')],
  ['不高于', w('at_most', 'open')],
  ['不大于', w('at_most', 'open')],
  ['不多于', w('at_most', 'open')],
  ['至多', w('at_most', 'open')],
  ['最多', w('at_most', 'open')],
  ['最高', w('at_most', 'open')],
  ['≤', w('at_most', 'open')],
  ['≦', w('at_most', 'open')],
  ['<=', w('at_most', 'open')],
  ['不足', w('less_than', 'open')],
  ['不到', w('less_than', 'open')],
  ['不满', w('less_than', 'open')],
  ['未满', w('less_than', 'open')],
  ['低于', w('less_than', 'open')],
  ['小于', w('less_than', 'open')],
  ['少于', w('less_than', 'open')],
  ['<', w('less_than', 'open')],
  ['近', w('less_than', 'near')],
  ['将近', w('less_than', 'near')],
  ['接近', w('less_than', 'near')],
  ['约', w('about', 'about')],
  ['約', w('about', 'about')],
  ['约为', w('about', 'about')],
  ['大约', w('about', 'about')],
  ['大概', w('about', 'about')],
  ['大致', w('about', 'about')],
  ['约合', w('about', 'about')],
]);
export const PREFIX_MAX = Math.max(...[...PREFIX_WORDS.keys()].map((k) => k.length));

/** 上万, 上千: "reaching" — only before a bare magnitude. */
export const REACHING = w('at_least', 'open');

/** Words right after the number and its unit; "（含）以上" is 以上. */
export const SUFFIX_WORDS: ReadonlyMap<string, ApproxWord> = new Map<string, ApproxWord>([
  ['以上', w('at_least', 'open')],
  ['及以上', w('at_least', 'open')],
  ['以下', w('at_most', 'open')],
  ['及以下', w('at_most', 'open')],
  ['以内', w('at_most', 'open')],
  ['之内', w('at_most', 'open')],
  ['左右', w('about', 'about')],
  ['上下', w('about', 'about')],
]);

/** 多/余 between the number and its unit: at least v, under the next step. */
export const INFIX_MORE = w('at_least', 'step');

/** One unit of the number's own granularity: 13000 → 1000, 300 → 100, 12 → 1, 1.5 → 0.1. */
export function stepOf(v: Decimal, precision: number): Decimal {
  if (precision > 0) return pow10(-precision);
  let n = v.abs().trunc();
  if (n.isZero()) return new Dec(1);
  let tz = 0;
  while (n.mod(10).isZero()) {
    n = n.div(10);
    tz++;
  }
  return pow10(tz);
}

export interface Bounds {
  lo?: Decimal;
  hi?: Decimal;
  loOpen: boolean;
  hiOpen: boolean;
}

/** The bounds, in the stated unit, that `word` gives the stated value `v`. */
export function boundsOf(word: ApproxWord, v: Decimal, precision: number): Bounds {
  const step = stepOf(v, precision);
  switch (word.approx) {
    case 'at_least':
      return word.rule === 'step' ? { lo: v, hi: v.plus(step), loOpen: false, hiOpen: true } : { lo: v, loOpen: false, hiOpen: true };
    case 'more_than':
      return word.rule === 'step' ? { lo: v, hi: v.plus(step), loOpen: true, hiOpen: true } : { lo: v, loOpen: true, hiOpen: true };
    case 'at_most':
      return { hi: v, loOpen: true, hiOpen: false };
    case 'less_than':
      return word.rule === 'near' ? { lo: v.times('0.9'), hi: v, loOpen: false, hiOpen: true } : { hi: v, loOpen: true, hiOpen: true };
    case 'about': {
      const half = pow10(-Math.max(0, precision)).div(2);
      const spread = v.abs().times('0.05');
      const d = spread.gt(half) ? spread : half;
      return { lo: v.minus(d), hi: v.plus(d), loOpen: false, hiOpen: false };
    }
    default:
      return { loOpen: false, hiOpen: false };
  }
}

/** stepOf of an exact value: BigInt digits instead of decimal.js. */
function stepOfExact(v: Exact, precision: number): Exact {
  if (precision > 0) return { m: 1n, e: -precision };
  const abs = v.m < 0n ? -v.m : v.m;
  let n = v.e >= 0 ? abs * 10n ** BigInt(v.e) : abs / 10n ** BigInt(-v.e);
  if (n === 0n) return { m: 1n, e: 0 };
  let tz = 0;
  while (n % 10n === 0n) {
    n /= 10n;
    tz++;
  }
  return { m: 1n, e: tz };
}

const negate = (x: Exact): Exact => ({ m: -x.m, e: x.e });

/** boundsOf for a value printed in digits, exactly in BigInt: the same bounds, no decimal.js objects (the caller prints them). */
export function boundsOfExact(word: ApproxWord, v: Exact, precision: number): { lo?: Exact; hi?: Exact; loOpen: boolean; hiOpen: boolean } {
  switch (word.approx) {
    case 'at_least':
      return word.rule === 'step' ? { lo: v, hi: addExact(v, stepOfExact(v, precision)), loOpen: false, hiOpen: true } : { lo: v, loOpen: false, hiOpen: true };
    case 'more_than':
      return word.rule === 'step' ? { lo: v, hi: addExact(v, stepOfExact(v, precision)), loOpen: true, hiOpen: true } : { lo: v, loOpen: true, hiOpen: true };
    case 'at_most':
      return { hi: v, loOpen: true, hiOpen: false };
    case 'less_than':
      return word.rule === 'near' ? { lo: { m: v.m * 9n, e: v.e - 1 }, hi: v, loOpen: false, hiOpen: true } : { hi: v, loOpen: true, hiOpen: true };
    case 'about': {
      const half: Exact = { m: 5n, e: -Math.max(0, precision) - 1 };
      const spread: Exact = { m: (v.m < 0n ? -v.m : v.m) * 5n, e: v.e - 2 };
      const d = compareExact(spread, half) > 0 ? spread : half;
      return { lo: addExact(v, negate(d)), hi: addExact(v, d), loOpen: false, hiOpen: false };
    }
    default:
      return { loOpen: false, hiOpen: false };
  }
}

/**
 * Interval [lo, hi] in the stated unit (or in base units with `inBase`) that a match stands for,
 * after XBRL Calculations 1.1 (rounding mode): an exact 714.07 is [714.065, 714.075], both ends
 * closed; approximate figures use their lo/hi (given in base units); a missing side is unbounded
 * ("-Infinity" / "Infinity", open).
 */
export function intervalOf(
  m: { value: string; precision: number; approx: Approx; lo?: string | undefined; hi?: string | undefined; scale: number; loOpen?: boolean | undefined; hiOpen?: boolean | undefined },
  inBase = false,
): { lo: string; hi: string; loOpen: boolean; hiOpen: boolean } {
  const toOut = (d: Decimal) => formatDecimal(inBase ? d.times(pow10(m.scale)) : d);
  if (m.approx === 'exact') {
    const v = new Dec(m.value);
    const half = pow10(-Math.max(0, m.precision)).div(2);
    return { lo: toOut(v.minus(half)), hi: toOut(v.plus(half)), loOpen: false, hiOpen: false };
  }
  const fromBase = (s: string) => new Dec(s).div(pow10(m.scale));
  return {
    lo: m.lo !== undefined ? toOut(fromBase(m.lo)) : '-Infinity',
    hi: m.hi !== undefined ? toOut(fromBase(m.hi)) : 'Infinity',
    loOpen: m.lo !== undefined ? Boolean(m.loOpen) : true,
    hiOpen: m.hi !== undefined ? Boolean(m.hiOpen) : true,
  };
}
