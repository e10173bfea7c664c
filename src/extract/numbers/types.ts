import type { Approx, FigureKind } from '../../schema/record.js';

export interface NumberMatch {
  /** Span in the input text, [start, end), covering approximation words, the number and its unit: "近万名", "13000多名", "890.33万元", "百分之八十". */
  start: number;
  end: number;
  /** input.slice(start, end) */
  text: string;
  /** The numeral lexeme as written: "890.33", "一百六十五", "1,234.56", "3.5万" (a magnitude that is not part of a money unit stays in the numeral), "3-5" for ranges. */
  numberText: string;
  /** Value in the STATED unit as an exact decimal string, trailing zeros dropped ("100" for 100.0%; `precision` keeps the printed decimals): "890.33" for 890.33万元, "3.5" for 3.5万人, "1" for 近万名. */
  value: string;
  /** Value in base units as an exact decimal string: yuan for money ("8903300"), a fraction for percents ("0.802"), points for 分, the count for counts. */
  base: string;
  /** Decimals printed (890.33 → 2, 80.2% → 1, 100.0% → 1, 25 → 0; Chinese numerals → digits after 点, else 0). */
  precision: number;
  /** Power of ten from stated value to base: 万元 → 4, 亿元 → 8, 千元 → 3, 元 → 0, % → -2, 3万人 → 4 (magnitude inside the numeral), 分 → 0. */
  scale: number;
  /** Unit as written, normalized (simplified characters, ㎡ → 平方米, 百分比 → %), or '' when none. */
  unit: string;
  kind: FigureKind;
  approx: Approx;
  /** Bounds in base units (exact decimal strings) for approximate figures and ranges; absent for exact, and on an unbounded side. */
  lo?: string;
  hi?: string;
  /** True when the lo/hi bound is open (also true on an unbounded side); set for every non-exact match. */
  loOpen?: boolean;
  hiOpen?: boolean;
}

export interface FindNumbersOptions {
  /** Unit to apply to bare numbers (a table's header unit, "单位：万元"). Only applied when the number has no unit of its own. */
  defaultUnit?: string;
  /** Include bare numbers without a unit (kind 'plain'); default true. Traps are excluded regardless. */
  includePlain?: boolean;
}
