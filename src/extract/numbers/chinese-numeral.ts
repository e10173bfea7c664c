/**
 * Chinese numerals (小写 and 大写/financial capitals, simplified and traditional) to exact decimals.
 * 一百六十五 → 165, 两千 → 2000, 十三万 → 130000, 三千零五 → 3005, 一点五 → 1.5, 二十万亿 → 2e13,
 * 十三万五 → 135000 (colloquial tail: a last digit right after a unit counts one place lower),
 * 二〇二二 → 2022 (digit-by-digit, only with 〇 since 二二 is no numeral).
 */
import type { Decimal } from 'decimal.js';
import { Dec, formatDecimal, pow10 } from '../decimal.js';

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
/** 十 百 千: exponents inside a four-digit section. */
const SMALL_UNITS: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
/** 万 亿: section multipliers. */
const BIG_UNITS: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };
const POINTS = new Set(['点', '點']);

const DIGIT_CHARS = new Set(Object.keys(DIGITS));
const MAGNITUDE_CHARS = new Set([...Object.keys(SMALL_UNITS), ...Object.keys(BIG_UNITS)]);
const NUMERAL_CHARS = new Set([...DIGIT_CHARS, ...MAGNITUDE_CHARS]);

export function isChineseDigit(ch: string): boolean {
  return DIGIT_CHARS.has(ch);
}
/** NUMERAL_CHARS by char code (all in the BMP), for the scanner's loop over every character. */
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of NUMERAL_CHARS) NUMERAL_CODES[c.charCodeAt(0)] = 1;
/** A character that can stand inside a numeral run (the decimal 点 excluded: it needs a digit after it). */
export function isChineseNumeralChar(ch: string): boolean {
  return NUMERAL_CHARS.has(ch);
}
/** isChineseNumeralChar of the character with this UTF-16 code. */
export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_CODES[code] === 1;
}
export function isChineseMagnitudeChar(ch: string): boolean {
  return MAGNITUDE_CHARS.has(ch);
}
export function isChinesePoint(ch: string): boolean {
  return POINTS.has(ch);
}

/** Below 10000: 三千零五, 一百六十, 十二, 两千五 (= 2500). */
function parseSection(s: string): Decimal | null {
  let total = new Dec(0);
  let pending: number | null = null;
  let lastExp = 4;
  let afterZero = false;
  let started = false;
  let implied = 0;
  for (const ch of s) {
    if (ch in DIGITS) {
      const d = DIGITS[ch]!;
      if (d === 0) {
        if (pending !== null) return null; // 五零 is digit-by-digit, not this grammar
        afterZero = true;
        continue;
      }
      if (pending !== null) return null; // 二二
      pending = d;
      started = true;
    } else if (ch in SMALL_UNITS) {
      const e = SMALL_UNITS[ch]!;
      if (e >= lastExp) return null; // 十百, 百百
      // 十二 and 千余 have no coefficient; inside a number (一百十) the spoken 一 is implied too,
      // but only once (百十 is "a hundred or so", not 110).
      if (pending === null && ++implied > 1) return null;
      const coefficient = pending ?? 1;
      total = total.plus(new Dec(coefficient).times(pow10(e)));
      lastExp = e;
      pending = null;
      afterZero = false;
      started = true;
    } else return null;
  }
  if (pending !== null) {
    // 两千五 = 2500, but 三千零五 = 3005 and 二十五 = 25.
    const e = !afterZero && lastExp < 4 && lastExp > 1 ? lastExp - 1 : 0;
    total = total.plus(new Dec(pending).times(pow10(e)));
  }
  if (!started && !afterZero) return null;
  return total;
}

/** Integer numerals with 万/亿 sections. */
function parseInteger(s: string): Decimal | null {
  if (s === '') return null;
  const chars = Array.from(s);
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length === 1) return new Dec(DIGITS[chars[0]!]!);
    // 二〇二二: digit by digit; only 〇 marks this style (二二, 两三 are not numerals).
    if (!chars.includes('〇') || chars.some((c) => c === '两' || c === '兩')) return null;
    return new Dec(chars.map((c) => String(DIGITS[c]!)).join(''));
  }
  for (const big of [8, 4]) {
    let at = -1;
    for (let k = chars.length - 1; k >= 0; k--) if (BIG_UNITS[chars[k]!] === big) { at = k; break; }
    if (at < 0) continue;
    const leftStr = chars.slice(0, at).join('');
    const rightStr = chars.slice(at + 1).join('');
    // 万 alone (近万, 万余) has the implied coefficient 1.
    const left = leftStr === '' ? new Dec(1) : parseInteger(leftStr);
    if (!left || left.isZero()) return null;
    let right = new Dec(0);
    if (rightStr !== '') {
      const rightChars = Array.from(rightStr);
      if (rightChars.length === 1 && rightChars[0]! in DIGITS && DIGITS[rightChars[0]!] !== 0) {
        // 十三万五 = 135000: the tail digit is the next place down.
        right = new Dec(DIGITS[rightChars[0]!]!).times(pow10(big - 1));
      } else {
        const r = parseInteger(rightStr.replace(/^[零〇]+/u, ''));
        if (!r || r.gte(pow10(big))) return null;
        right = r;
      }
    }
    return left.times(pow10(big)).plus(right);
  }
  return parseSection(s);
}

/** Chinese numeral → exact decimal (Decimal), or null when it is not a well-formed numeral. */
export function parseChineseNumeralDecimal(s: string): Decimal | null {
  const text = s.trim();
  if (text === '') return null;
  const chars = Array.from(text);
  const point = chars.findIndex((c) => POINTS.has(c));
  if (point < 0) return parseInteger(text);
  // 一点五万 = 1.5 × 10^4: a trailing 万/亿 run scales the whole decimal.
  let end = chars.length;
  let exp = 0;
  while (end > point + 1 && chars[end - 1]! in BIG_UNITS) exp += BIG_UNITS[chars[--end]!]!;
  const intPart = chars.slice(0, point).join('');
  const fracChars = chars.slice(point + 1, end);
  if (intPart === '' || fracChars.length === 0) return null;
  if (fracChars.some((c) => !(c in DIGITS) || c === '两' || c === '兩')) return null;
  const whole = parseInteger(intPart);
  if (!whole) return null;
  const value = new Dec(`${formatDecimal(whole)}.${fracChars.map((c) => DIGITS[c]!).join('')}`);
  return value.times(pow10(exp));
}

/** Chinese numeral → exact decimal string, or null: 一百六十五 → "165", 一点五 → "1.5". */
export function parseChineseNumeral(s: string): string | null {
  const d = parseChineseNumeralDecimal(s);
  return d ? formatDecimal(d) : null;
}

/**
 * Splits a trailing 万/亿/万亿 off a numeral run so that it can become the figure's scale:
 * 十三万 → {core: 十三, exp: 4}; 万 → {core: '', exp: 4}; 一亿三千万 stays whole (its 万 belongs
 * to a section of the 亿 numeral); 十三万五 stays whole.
 */
export function splitTrailingMagnitude(run: string): { core: string; exp: number } {
  const chars = Array.from(run);
  if (chars.length >= 2 && chars.at(-2)! in BIG_UNITS && BIG_UNITS[chars.at(-2)!] === 4 && BIG_UNITS[chars.at(-1)!] === 8) {
    const core = chars.slice(0, -2).join('');
    if (!Array.from(core).some((c) => c in BIG_UNITS)) return { core, exp: 12 };
  }
  const last = chars.at(-1);
  if (last !== undefined && last in BIG_UNITS) {
    const exp = BIG_UNITS[last]!;
    const core = chars.slice(0, -1).join('');
    if (!Array.from(core).some((c) => c in BIG_UNITS && BIG_UNITS[c]! >= exp) && !(exp === 8 && Array.from(core).some((c) => c in BIG_UNITS))) {
      return { core, exp };
    }
  }
  return { core: run, exp: 0 };
}
