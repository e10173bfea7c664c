/**
 * The number grammar: every figure in a (normalized) Chinese fiscal text, with its unit, scale,
 * printed precision, approximation and span. A hand-written scanner over the string; it never
 * rebuilds numbers from word-segmenter tokens (jieba splits digits).
 *
 * ## Approximation words
 *
 * `v` is the stated value; `step` is one unit of v's own granularity: the printed last decimal
 * place when v has decimals, else the place of v's trailing zeros (13000 → 1000, 300 → 100,
 * 12 → 1, 1.5 → 0.1). Bounds are given in base units; a missing bound is unbounded.
 *
 * | written                                | approx      | lo             | hi              |
 * |----------------------------------------|-------------|----------------|-----------------|
 * | 13000多名, 300余人, 千余, 二百余万元   | at_least    | v (closed)     | v + step (open) |
 * | 逾千人, 超过300人, 超100%              | more_than   | v (open)       | v + step (open) |
 * | 大于/高于/多于 v, > v                  | more_than   | v (open)       | —               |
 * | v以上, 不少于/不低于/至少 v, ≥ v, 上万 | at_least    | v (closed)     | —               |
 * | v以下, v以内, 不超过/不高于/最多 v, ≤ v| at_most     | —              | v (closed)      |
 * | 不足/不到/低于/少于/小于 v, < v        | less_than   | —              | v (open)        |
 * | 近万名, 近700万元, 将近/接近 v         | less_than   | 0.9·v (closed) | v (open)        |
 * | 约/大约 v, v左右, v上下                | about       | v − d (closed) | v + d (closed)  |
 * | 3-5个, 3至5个, 3～5个, 3万-5万元       | range       | 3 (closed)     | 5 (closed)      |
 *
 * - 近 means "just under": within 10% below v. 近 before a duration (近三年, 近5年) means "the
 *   last …", not an approximation, and is ignored there.
 * - 约/左右: d = max(5% of |v|, half a unit of the last printed digit): 约1000 → [950, 1050],
 *   约4.3m → [4.085, 4.515], 约0.1 → [0.05, 0.15]. The same spread the checks assume for 约.
 * - 以上/以下/以内 include v (as in Chinese legal usage); "（含）以上" is the same.
 * - When several words apply, a word after the number wins over one before it, which wins over
 *   多/余 (1000余人以上 → at_least without hi).
 * - A range's `value` is its lower end in the range's stated unit; `lo`/`hi` are both ends.
 *   "3-5万元" reads as 3万–5万 (the first number takes the second's unit); "8500到3万元" falls back
 *   to 8500元–3万元 when the first reading would put lo above hi.
 *
 * ## Units and scale
 *
 * - Money keeps its magnitude in the unit: 890.33万元 → value 890.33, unit 万元, scale 4 (tables
 *   say 单位：万元, and 万元 is how the checks compare figures). A magnitude written apart from
 *   the currency joins it too: 3万多元, 十三万元 → unit 万元.
 * - Everything else keeps the magnitude in the numeral: 3.5万人 → numberText "3.5万", value 3.5,
 *   unit 人, scale 4, base 35000; 近万名 → value 1, scale 4, base 10000; a bare "29.6万" is plain
 *   with scale 4.
 * - 元/人, 万元/公里 … are rates: kind 'measure', unit "元/人", scale of the money unit.
 * - 个百分点 is a difference of percentages: kind 'measure', unit 百分点, scale 0.
 * - Chinese numerals are figures only with a unit after them (or as 百分之X); a lone 一/二/三 in
 *   prose, 一是, 十九大, 四级 are not. Bare magnitudes (百名党员, 百部, 万人) are slogans unless an
 *   approximation word marks them (近万名, 千余人, 上万人). 期, 类, 起 and 年 count only after
 *   Arabic digits (二期工程, 公益一类, 一起, 三年行动计划 are names).
 * - `value` and `base` are exact decimal strings (decimal.js, never floats) with trailing zeros
 *   dropped; `precision` keeps the printed decimals (100.0% → value "100", precision 1). A Chinese
 *   numeral's precision is its digits after 点 (八十点五 → 1), else 0.
 * - `intervalOf` gives unbounded sides as "-Infinity" / "Infinity" (open).
 *
 * ## Not figures (traps)
 *
 * Years (2021年, 2021-2023, 〔2022〕), dates and times (12月, 3日, 2022.1.5, 2019-05-22, 16:55),
 * ordinals (第九届, 第3季度), document numbers (…〔2021〕12号, [2021]3号), phone and masked numbers
 * (020-12345678, 13812345678, 138****5678, 158XXXXXXXX), identifiers next to Latin letters
 * (X121, P1.5LED, 51000021R…), list markers ("1." "2、" after a line start or punctuation, "(1)"),
 * page markers ("—1—"), budget-subject codes (3/5/7 digits starting 2, 3 or 5 right before a
 * subject name: "30226 劳务费"), labels (附件1, 指标1:), leading-zero codes (064200), slogans
 * (三个代表, 一支部一品牌, 八项规定, numerals inside “…”).
 *
 * ## Flattened tables
 *
 * Cells glued by flattening ("194.9194.9100%") cannot be split reliably. The scanner does not
 * invent numbers from them: a dotted run with more than one point yields its longest sensible
 * prefix ("194.9194") and the rest of the run is skipped; a comma run that is neither a grouped
 * number nor a list of numbers ("7,00.0,77") yields nothing. The checks catch what slips through.
 */
import type { Decimal } from 'decimal.js';
import type { ApproxWord } from './numbers/approx.js';
import { boundsOf, boundsOfExact, INFIX_MORE, intervalOf as intervalOfMatch, PREFIX_MAX, PREFIX_WORDS, REACHING, SUFFIX_WORDS } from './numbers/approx.js';
import { isChineseDigit, isChineseMagnitudeChar, isChineseNumeralChar, isChineseNumeralCode, isChinesePoint, parseChineseNumeralDecimal, splitTrailingMagnitude } from './numbers/chinese-numeral.js';
import type { FindNumbersOptions, NumberMatch } from './numbers/types.js';
import { MAGNITUDE_WORD, matchRateDenominator, matchUnitAt, NUMERAL_MAGNITUDES, unitInfoOf, type UnitEntry } from './numbers/units.js';
import { Dec, formatDecimal, pow10 } from './decimal.js';
import { formatExact, parseExact, shiftExact, type Exact } from '../check/exact-decimal.js';
import type { FigureKind } from '../schema/record.js';
import { charClass, holdsCharOf } from './char-class.js';

export type { FindNumbersOptions, NumberMatch } from './numbers/types.js';
export { parseChineseNumeral } from './numbers/chinese-numeral.js';
export { findHeaderUnit } from './numbers/units.js';

/** Interval [lo, hi] in the stated unit implied by printed precision and approximation (see approx.ts). */
export function intervalOf(
  m: Pick<NumberMatch, 'value' | 'precision' | 'approx' | 'lo' | 'hi' | 'scale' | 'loOpen' | 'hiOpen'>,
  inBase?: boolean,
): { lo: string; hi: string; loOpen: boolean; hiOpen: boolean } {
  return intervalOfMatch(m, inBase);
}

// ---------------------------------------------------------------------------------------------
// Characters

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const isHanChar = charClass(HAN);
const isLetterChar = charClass(LETTER);
const isHan = (c: string): boolean => c !== '' && isHanChar(c);
const isDigit = (c: string): boolean => c.length === 1 && c >= '0' && c <= '9';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0';
/** Letters of other scripts (Latin, Greek, Cyrillic Ф …): numbers next to them are identifiers. */
const isForeignLetter = (c: string): boolean => c !== '' && isLetterChar(c) && !isHanChar(c);
/** `c` is one of the characters of `set` (never true for the empty string). */
const oneOf = (set: string, c: string): boolean => c !== '' && set.includes(c);

/**
 * Same-length half-width folding (one UTF-16 unit per unit, so offsets stay valid): full-width
 * ASCII forms, ideographic space, minus signs and wave dashes.
 */
function foldedCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000) return 0x20;
  if (c === 0x301c) return 0x7e;
  return c === 0x2212 || c === 0x2010 || c === 0x2011 ? 0x2d : -1;
}
function foldWidth(s: string): string {
  // Full-width punctuation (，（）：；) is in nearly every sentence of normalized text, so the
  // copy is built from the runs between the characters that change, without a regex callback
  // per character.
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2010) continue;
    const folded = foldedCode(c);
    if (folded < 0) continue;
    out += s.slice(last, i) + String.fromCharCode(folded);
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const OPEN_BRACKETS = '([【〔［{<《';
const CLOSE_BRACKETS = ')]】〕］}>》';
/** Quote marks as insideQuotes reads them (sentence-numbers.ts reads them the same way). */
export const QUOTE_OPEN = '“‘「『《〈';
export const QUOTE_CLOSE = '”’」』》〉';
/** Punctuation after which "1." or "2、" starts a list item. */
const ITEM_BEFORE = '。；;：:，,！？!?)]】|、》”';
const RANGE_CONNECTORS = '-~—–至到';
const DATE_TIME_AFTER = '年月日号號时時点點';
/** A word that starts with 时 is no hour: "20 时效指标" (a flattened row's last cell, then the next row's heading). */
const TIME_WORD = /^[时時](?:效|限|间|間)/u;

/** Labels whose number is an identifier: 联系电话 8690022, 邮编 064200, 文号 …. */
const ID_LABEL_WORDS = ['电话', '電話', '手机', '手機', '传真', '傳真', '邮编', '郵編', '邮政编码', '索引号', '索引號', '文号', '文號', '编号', '編號', '编码', '編碼', '代码', '代碼', '序号', '序號', '账号', '帳號', '卡号', '身份证', 'QQ', 'qq', '热线', '熱線'];
const ID_LABELS = new RegExp(`(?:${ID_LABEL_WORDS.join('|')})[\\s:：]*$`, 'u');
/** A text before a number holding none of their last characters ends in none of them: the regex, tried at every position, is skipped. */
const mayEndInIdLabel = holdsCharOf(ID_LABEL_WORDS.map((w) => w.slice(-1)));
/** Labels right before a small number that name an item, not a quantity: 附件1, 指标1:, 任务2:. */
const ITEM_LABELS = /(?:附件|附表|指标|指標|目标|目標|任务|任務|表|图|圖|页|頁|步骤|问题|問題|措施|方案|阶段)$/u;
/** Han characters before a Chinese numeral that make a word of it: 统一, 唯一, 逐一, 之一, 第一, 数百, 几十 …. */
const CN_PREV_BLOCK = '第统統唯同进進逐之专專单單划劃归歸合某任其另每周週初几幾数數好这這那哪星拜腊臘老不万萬';
/** Set phrases whose numerals are not quantities. */
const SLOGANS = [
  '三个代表', '三個代表', '两学一做', '兩學一做', '三严三实', '三嚴三實', '一站式', '四个意识', '四个自信', '两个维护', '两个确立',
  '四个全面', '五位一体', '八项规定', '八項規定', '三会一课', '一岗双责', '三支一扶', '一带一路', '三重一大', '四项制度', '三项补贴',
  '三項補貼', '两个责任', '一票否决', '两个务必', '一条龙', '一盘棋', '一村一品', '一户一档', '十个坚持', '三大攻坚战', '两个毫不动摇',
];
/** SLOGANS by their first character: most numerals start none. */
const SLOGANS_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const s of SLOGANS) map.set(s[0]!, [...(map.get(s[0]!) ?? []), s]);
  return map;
})();
/** Durations after which 近 means "the last …" (近三年), not "nearly". */
const TIME_UNITS = new Set(['年', '个月', '天', '周', '小时', '工作日', '学时', '课时', '分钟', '秒']);

// ---------------------------------------------------------------------------------------------
// Pieces

interface Magnitude {
  exp: number;
  start: number;
  end: number;
}

/** What follows a numeral: 多/余, a magnitude, a unit, a rate denominator, a suffix word. */
interface Tail {
  end: number;
  /** (always present, undefined when no unit: one object shape for every tail) */
  entry: UnitEntry | undefined;
  unit: string;
  kind: FigureKind;
  /** Power of ten from stated value to base, magnitude included. */
  scale: number;
  /** The unit's scale without any magnitude, 元 for money (for ranges: 3万-5万元, 8500到3万元). */
  unitScale: number;
  mag: Magnitude | null;
  /** The magnitude became part of a money unit (3万多元 → 万元). */
  magMerged: boolean;
  infix: boolean;
  suffix: ApproxWord | null;
  unitEnd: number;
}

/** One stray space (never a newline) may stand between parts of a figure. */
function skipSpace(f: string, k: number): number {
  return isSpace(f[k] ?? '') ? k + 1 : k;
}

/** First characters of SUFFIX_WORDS, and the lengths tried, longest first. */
const SUFFIX_FIRST = new Set([...SUFFIX_WORDS.keys()].map((w) => w.charCodeAt(0)));
const SUFFIX_LENGTHS = [3, 2];
/** First characters of NUMERAL_MAGNITUDES. */
const MAGNITUDE_FIRST = new Set(NUMERAL_MAGNITUDES.map(([w]) => w.charCodeAt(0)));
function magnitudeAt(f: string, k: number): [string, number] | undefined {
  if (!MAGNITUDE_FIRST.has(f.charCodeAt(k))) return undefined;
  return NUMERAL_MAGNITUDES.find(([w]) => f.startsWith(w, k));
}

function isInfixAt(f: string, k: number, arabic: boolean): boolean {
  const c = f[k] ?? '';
  if (c !== '多' && c !== '余' && c !== '餘') return false;
  const next = f[k + 1] ?? '';
  if (next === '' || (!isHan(next) && !isForeignLetter(next) && !isDigit(next))) return true;
  return matchUnitAt(f, k + 1, arabic) !== undefined || magnitudeAt(f, k + 1) !== undefined;
}

function readTail(f: string, p: number, arabic: boolean, numeralMag: Magnitude | null): Tail {
  let q = p;
  let infix = false;
  let mag = numeralMag;
  const unitAt = (k: number): [UnitEntry, number] | undefined => {
    const at = skipSpace(f, k);
    const e = matchUnitAt(f, at, arabic);
    return e ? [e, at] : undefined;
  };
  let u = unitAt(q);
  if (!u && isInfixAt(f, skipSpace(f, q), arabic)) {
    infix = true;
    q = skipSpace(f, q) + 1;
    u = unitAt(q);
  }
  if (!u && arabic && !mag) {
    const m = magnitudeAt(f, q);
    if (m) {
      mag = { exp: m[1], start: q, end: q + m[0].length };
      q = mag.end;
      u = unitAt(q);
      if (!u && !infix && isInfixAt(f, q, arabic)) {
        infix = true;
        q++;
        u = unitAt(q);
      }
    }
  }
  const magExp = mag?.exp ?? 0;
  let unit = '';
  let kind: FigureKind = 'plain';
  let scale = magExp;
  let unitScale = 0;
  let magMerged = false;
  let end = q;
  let entry: UnitEntry | undefined;
  if (u) {
    [entry] = u;
    end = u[1] + entry.text.length;
    unit = entry.unit;
    kind = entry.kind;
    unitScale = entry.currency ? 0 : entry.scale;
    if (entry.currency && magExp > 0 && entry.scale === 0 && MAGNITUDE_WORD[magExp]) {
      unit = MAGNITUDE_WORD[magExp] + entry.unit;
      scale = magExp;
      magMerged = true;
    } else scale = entry.scale + magExp;
    if (entry.kind === 'money') {
      const rate = matchRateDenominator(f, end);
      if (rate) {
        unit += rate.replace('／', '/');
        kind = 'measure';
        end += rate.length;
      }
    }
  }
  const unitEnd = end;
  // Suffix approximation: 以上, （含）以上, 左右 ….
  let suffix: ApproxWord | null = null;
  let s = skipSpace(f, end);
  const open = f.charCodeAt(s);
  const incl = open === 0x28 || open === 0xff08 ? /^[(（]含[)）]/u.exec(f.slice(s, s + 3)) : null;
  if (incl) s += incl[0].length;
  // (most figures have no suffix word: one look at the first character settles it)
  const lengths = SUFFIX_FIRST.has(f.charCodeAt(s)) ? SUFFIX_LENGTHS : [];
  for (const len of lengths) {
    const word = SUFFIX_WORDS.get(f.slice(s, s + len));
    if (!word) continue;
    const after = f[s + len] ?? '';
    if (f.startsWith('上下', s) && isHan(after)) continue; // 上下级, 上下游
    if (f.startsWith('以下', s) && oneOf('简簡几幾内內方条條措', after)) continue; // 以下简称
    suffix = word;
    end = s + len;
    break;
  }
  return { end, entry, unit, kind, scale, unitScale, mag, magMerged, infix, suffix, unitEnd };
}

/** The approximation word right before `k` (not reaching back past `floor`). */
function prefixBefore(f: string, k: number, floor: number): { word: ApproxWord; start: number } | null {
  let e = k;
  if (e - 1 >= floor && isSpace(f[e - 1] ?? '')) e--;
  for (let len = Math.min(PREFIX_MAX, e - floor); len >= 1; len--) {
    const w = f.slice(e - len, e);
    const word = PREFIX_WORDS.get(w);
    if (!word) continue;
    const before = f[e - len - 1] ?? '';
    if (w === '近' && oneOf('最附邻鄰靠就临臨亲親贴貼迫', before)) continue;
    if ((w === '约' || w === '約') && oneOf('节節制契预預合签簽邀公条條和婚集', before)) continue;
    if (w === '超' && oneOf('赶趕', before)) continue;
    return { word, start: e - len };
  }
  return null;
}

function insideQuotes(f: string, start: number, end: number): boolean {
  let opened = false;
  for (let k = start - 1; k >= 0 && k >= start - 40; k--) {
    const c = f[k]!;
    if (c === '\n' || QUOTE_CLOSE.includes(c)) return false;
    if (QUOTE_OPEN.includes(c)) {
      opened = true;
      break;
    }
  }
  if (!opened) return false;
  for (let k = end; k < f.length && k < end + 40; k++) {
    const c = f[k]!;
    if (c === '\n' || QUOTE_OPEN.includes(c)) return false;
    if (QUOTE_CLOSE.includes(c)) return true;
  }
  return false;
}

/** The non-space character before `k` and after `k` (spaces and tabs skipped, newlines not). */
function prevVisible(f: string, k: number): string {
  let j = k - 1;
  while (j >= 0 && isSpace(f[j]!)) j--;
  return j < 0 ? '\n' : f[j]!;
}
function nextVisible(f: string, k: number): string {
  let j = k;
  while (j < f.length && isSpace(f[j]!)) j++;
  return j >= f.length ? '' : f[j]!;
}

// ---------------------------------------------------------------------------------------------
// Arabic numerals

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const SIMPLE = /^\d+(?:\.\d+)?$/u;
const LIST = /^\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)+$/u;
const DOTTED = /^\d+(?:\.\d+){2,}$/u;
const DOTTED_DATE = /^(?:(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)$/u;
// Years up to 2029 only: the reports are of 2010s–2020s years, and "2030.12" is an amount (t153's
// 全年预算数 2030.12 万元), not a month of a year still to come.
const YEAR_MONTH = /^(?:19\d\d|20[0-2]\d)\.(?:0?[1-9]|1[0-2])$/u;
const YEAR_LIKE = /^(?:1[5-9]|20|21)\d\d$/u;
/** Years a report talks about: a bare one glued to text ("2018绩效评价") is a year, not a count. */
const RECENT_YEAR = /^(?:19[4-9]\d|20\d\d)$/u;

interface ArabicCore {
  start: number;
  /** Start including a minus sign. */
  signStart: number;
  end: number;
  /** The value as decimal.js holds it, made from `plain` when first asked (decimalOf): most numbers never need it. */
  value: Decimal | undefined;
  /** The value as a plain decimal string, its sign included ("-12.50", "8903300"). */
  plain: string;
  precision: number;
  intDigits: string;
  grouped: boolean;
  negative: boolean;
  /** Where scanning resumes when the core stands alone (after a glued run). */
  resume: number;
}

/** The maximal run of digits, points and commas at `i` that ends in a digit. */
function digitRunEnd(f: string, i: number): number {
  let j = i;
  for (let c = f.charCodeAt(j); (c >= 48 && c <= 57) || c === 46 || c === 44; c = f.charCodeAt(++j));
  while (j > i && !isDigit(f[j - 1]!)) j--;
  return j;
}

function readArabic(f: string, i: number): ArabicCore | { trapEnd: number } {
  const runEnd = digitRunEnd(f, i);
  const run = f.slice(i, runEnd);
  let lexeme: string;
  let resume = runEnd;
  if (GROUPED.test(run) || SIMPLE.test(run)) lexeme = run;
  else if (LIST.test(run)) {
    const pieces = run.split(',');
    if (pieces.some((p) => /^0\d/u.test(p))) return { trapEnd: runEnd };
    lexeme = pieces[0]!;
    resume = i + lexeme.length;
  } else if (DOTTED.test(run)) {
    const pieces = run.split('.');
    if (DOTTED_DATE.test(run) || pieces.every((p) => p.length <= 2)) return { trapEnd: runEnd };
    lexeme = `${pieces[0]!}.${pieces[1]!}`;
  } else return { trapEnd: runEnd };
  const plain = lexeme.replace(/,/gu, '');
  const dot = plain.indexOf('.');
  const intDigits = dot < 0 ? plain : plain.slice(0, dot);
  return {
    start: i,
    signStart: i,
    end: i + lexeme.length,
    value: undefined,
    plain,
    precision: dot < 0 ? 0 : plain.length - dot - 1,
    intDigits,
    grouped: lexeme.includes(','),
    negative: false,
    resume,
  };
}

/** The core's value in decimal.js (-0 for "-0", as negating 0 gives). */
function decimalOf(core: ArabicCore): Decimal {
  return (core.value ??= new Dec(core.plain));
}

/** Skips an identifier-like run (letters, digits, :.-_/*) after a trap. */
function identifierEnd(f: string, k: number): number {
  let j = k;
  while (j < f.length && /[A-Za-z0-9:._\-/*#]/u.test(f[j]!)) j++;
  return Math.max(j, k);
}

// ---------------------------------------------------------------------------------------------
// The scanner

interface Ctx {
  text: string;
  f: string;
  /** Nothing before this offset may join a new match (the previous match or trap ended here). */
  floor: number;
  out: NumberMatch[];
  defaultUnit: { unit: string; kind: FigureKind; scale: number } | null;
  includePlain: boolean;
}

interface Emission {
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  value: Decimal;
  /** The value as a plain decimal string when the scanner has one (Arabic digits): printed without decimal.js. */
  plain: string | undefined;
  precision: number;
  tail: Tail;
  prefix: { word: ApproxWord; start: number } | null;
}

/**
 * An exact value as formatDecimal prints its decimal.js twin (plain notation, trailing zeros
 * dropped, zero as "0"), or null past Dec's 64 digits, where decimal.js would round.
 */
function plainText(x: Exact): string | null {
  return formatExact(x, -Infinity, Infinity, 64);
}

function emit(ctx: Ctx, e: Emission): void {
  const { tail } = e;
  let unit = tail.unit;
  let kind = tail.kind;
  let scale = tail.scale;
  if (!tail.entry && ctx.defaultUnit && !tail.mag) ({ unit, kind, scale } = ctx.defaultUnit);
  let prefix = e.prefix;
  if (prefix && prefix.word.rule === 'near' && TIME_UNITS.has(unit)) prefix = null;
  const word = tail.suffix ?? prefix?.word ?? (tail.infix ? INFIX_MORE : null);
  const start = prefix ? Math.min(prefix.start, e.start) : e.start;
  let exact = e.plain === undefined ? null : parseExact(e.plain);
  const value = (exact && plainText(exact)) ?? formatDecimal(e.value);
  // A Chinese numeral's value as decimal.js printed it, read back exactly for its base and bounds.
  if (e.plain === undefined) exact = parseExact(value);
  const match: NumberMatch = {
    start,
    end: e.end,
    text: ctx.text.slice(start, e.end),
    numberText: ctx.text.slice(e.numberStart, e.numberEnd),
    value,
    // (most counts are in their base unit: v × 10^0 is v)
    base: scale === 0 ? value : ((exact && plainText(shiftExact(exact, scale))) ?? formatDecimal(e.value.times(pow10(scale)))),
    precision: e.precision,
    scale,
    unit,
    kind,
    approx: word ? word.approx : 'exact',
  };
  if (word) {
    // Digits read exactly in BigInt where they print as decimal.js prints them (plainText), else decimal.js.
    const x = exact && boundsOfExact(word, exact, e.precision);
    const lo = x && x.lo && plainText(shiftExact(x.lo, scale));
    const hi = x && x.hi && plainText(shiftExact(x.hi, scale));
    if (x && lo !== null && hi !== null) {
      if (lo) match.lo = lo;
      if (hi) match.hi = hi;
      match.loOpen = x.loOpen;
      match.hiOpen = x.hiOpen;
    } else {
      const b = boundsOf(word, e.value, e.precision);
      if (b.lo) match.lo = formatDecimal(b.lo.times(pow10(scale)));
      if (b.hi) match.hi = formatDecimal(b.hi.times(pow10(scale)));
      match.loOpen = b.loOpen;
      match.hiOpen = b.hiOpen;
    }
  }
  ctx.floor = e.end;
  if (match.kind === 'plain' && !ctx.includePlain) return;
  ctx.out.push(match);
}

function trap(ctx: Ctx, end: number): number {
  ctx.floor = Math.max(ctx.floor, end);
  return end;
}

/** The numeral end that numberText covers: the magnitude stays in it unless a money unit took it. */
function lexemeEnd(numeralEnd: number, tail: Tail): number {
  return tail.mag && !tail.magMerged && tail.mag.start === numeralEnd ? tail.mag.end : numeralEnd;
}

interface Side {
  /** A bare four-digit year-like integer (2020—2022 is a span of years, not a range of 年). */
  yearLike?: boolean;
  numberStart: number;
  numeralEnd: number;
  value: Decimal;
  precision: number;
  tail: Tail;
}

/**
 * An Arabic number's Side and Emission, their decimal.js value made only when asked. Classes, not
 * object literals: a literal with a getter is built by the runtime, property by property, at every
 * number read (a third of the Arabic scanner's own time), where a class's getter lives on its prototype.
 */
class ArabicSide implements Side {
  readonly numberStart: number;
  readonly numeralEnd: number;
  readonly precision: number;
  constructor(
    readonly yearLike: boolean,
    private readonly core: ArabicCore,
    readonly tail: Tail,
  ) {
    this.numberStart = core.signStart;
    this.numeralEnd = core.end;
    this.precision = core.precision;
  }
  get value(): Decimal {
    return decimalOf(this.core);
  }
}

class ArabicEmission implements Emission {
  readonly start: number;
  readonly numberStart: number;
  readonly plain: string;
  readonly precision: number;
  constructor(
    private readonly core: ArabicCore,
    readonly end: number,
    readonly numberEnd: number,
    readonly tail: Tail,
    readonly prefix: Emission['prefix'],
  ) {
    this.start = core.signStart;
    this.numberStart = core.signStart;
    this.plain = core.plain;
    this.precision = core.precision;
  }
  get value(): Decimal {
    return decimalOf(this.core);
  }
}

/** A range connector after the first number's tail ("3-", "3至"): without one, no range starts there. */
function connectsRange(f: string, tail: Tail): boolean {
  return oneOf(RANGE_CONNECTORS, f[skipSpace(f, tail.end)] ?? '');
}

/**
 * A range "3-5个", "3至5个", "80%-90%", "3万-5万元" starting with `first`; the second number must
 * carry a unit (or both carry the same one). Returns the match's end, a trap end when the second
 * number is a date part (1至12月), or null.
 */
function tryRange(ctx: Ctx, first: Side, arabic: boolean): number | { trapEnd: number } | null {
  const { f } = ctx;
  if (!connectsRange(f, first.tail)) return null;
  const c = skipSpace(f, first.tail.end);
  if (first.tail.suffix) return null;
  const k = skipSpace(f, c + 1);
  let second: Side;
  if (arabic) {
    if (!isDigit(f[k] ?? '')) return null;
    const r = readArabic(f, k);
    if ('trapEnd' in r) return null;
    if (/^0\d/u.test(r.intDigits)) return { trapEnd: identifierEnd(f, r.end) };
    const tail = readTail(f, r.end, true, null);
    if (first.yearLike && YEAR_LIKE.test(r.intDigits) && r.precision === 0) return { trapEnd: tail.unit === '年' ? tail.unitEnd : r.end };
    second = { numberStart: k, numeralEnd: r.end, value: decimalOf(r), precision: r.precision, tail };
    if (!tail.entry && !tail.mag && oneOf(DATE_TIME_AFTER, nextVisible(f, tail.end))) return { trapEnd: skipSpace(f, tail.end) + 1 };
  } else {
    let j = k;
    while (j < f.length && isChineseNumeralChar(f[j]!)) j++;
    if (j === k) return null;
    const { core, exp } = splitTrailingMagnitude(f.slice(k, j));
    const value = core === '' ? new Dec(1) : parseChineseNumeralDecimal(core);
    if (!value) return null;
    const tail = readTail(f, j, false, exp > 0 ? { exp, start: k + core.length, end: j } : null);
    second = { numberStart: k, numeralEnd: core === '' ? j : k + core.length, value, precision: 0, tail };
  }
  const t1 = first.tail;
  const t2 = second.tail;
  if (!t2.entry) return null;
  if (t1.entry && t1.unit !== t2.unit) return null;
  if (t2.infix || t1.infix) return null;
  const s2 = t2.scale;
  const unitOnly2 = t2.unitScale;
  const candidates = t1.entry ? [t1.scale] : t1.mag ? [t1.mag.exp + unitOnly2] : [s2, unitOnly2];
  const hi = second.value.times(pow10(s2));
  for (const s1 of candidates) {
    const lo = first.value.times(pow10(s1));
    if (!lo.lt(hi)) continue;
    const tail: Tail = { ...t2 };
    const word = t2.suffix;
    const start = first.numberStart;
    const end = t2.end;
    const match: NumberMatch = {
      start,
      end,
      text: ctx.text.slice(start, end),
      numberText: ctx.text.slice(first.numberStart, lexemeEnd(second.numeralEnd, tail)),
      value: formatDecimal(lo.div(pow10(s2))),
      base: formatDecimal(lo),
      precision: Math.max(first.precision, second.precision),
      scale: s2,
      unit: t2.unit,
      kind: t2.kind,
      approx: 'range',
      lo: formatDecimal(lo),
      hi: formatDecimal(hi),
      loOpen: false,
      hiOpen: false,
    };
    if (word) {
      // "3-5个以上" reads as at least 3.
      const b = boundsOf(word, first.value, first.precision);
      match.approx = word.approx;
      delete match.lo;
      delete match.hi;
      if (b.lo) match.lo = formatDecimal(b.lo.times(pow10(s1)));
      if (b.hi) match.hi = formatDecimal(b.hi.times(pow10(s2)));
      match.loOpen = b.loOpen;
      match.hiOpen = b.hiOpen;
    }
    ctx.floor = end;
    ctx.out.push(match);
    return end;
  }
  return null;
}

function scanArabic(ctx: Ctx, i: number): number {
  const { f } = ctx;
  const r = readArabic(f, i);
  if ('trapEnd' in r) return trap(ctx, r.trapEnd);
  const core = r;
  // A minus sign directly before, not a dash after a figure or inside an identifier.
  const sign = f[i - 1];
  if (sign === '-' && i - 1 >= ctx.floor && !(ctx.out.at(-1)?.end === i - 1)) {
    const before = f[i - 2] ?? '';
    if (!/[0-9A-Za-z%)\]）】.\-_/]/u.test(before) && before !== '—') {
      core.negative = true;
      core.signStart = i - 1;
      core.plain = `-${core.plain}`;
    }
  }
  const prev = f[i - 1] ?? '';
  const prev2 = f[i - 2] ?? '';
  const next = f[core.end] ?? '';

  // Identifiers: X121, P1.5LED, No.5, zsjfzzx/2025, 04:56:35, 138****5678, 20_年, 158XXXXXXXX.
  if (
    isForeignLetter(prev) ||
    prev === '_' ||
    prev === '*' ||
    prev === '#' ||
    ((prev === '.' || prev === '/') && /[A-Za-z0-9]/u.test(prev2)) ||
    (prev === ':' && isDigit(prev2)) ||
    // ".5" has no integer part: not this grammar.
    (prev === '.' && !isDigit(prev2))
  )
    return trap(ctx, identifierEnd(f, core.end));
  if (next === '*' || next === '_' || next === '#' || (isForeignLetter(next) && !matchUnitAt(f, core.end, true)?.latin))
    return trap(ctx, identifierEnd(f, core.end));
  // File names and versions: 报告-8548.doc, v2.pdf.
  if (next === '.' && /[A-Za-z]/u.test(f[core.end + 1] ?? '')) return trap(ctx, identifierEnd(f, core.end));
  // Times: 16:55, 14:20:05.
  if ((next === ':' || next === '：') && /^\d{2}/u.test(f.slice(core.end + 1, core.end + 3))) {
    let j = core.end;
    while (j < f.length && /[0-9:：]/u.test(f[j]!)) j++;
    return trap(ctx, j);
  }
  // Leading-zero codes and area codes: 064200, 020-…, 06月.
  if (/^0\d/u.test(core.intDigits)) return trap(ctx, identifierEnd(f, core.end));
  // Labelled identifiers: 联系电话：8690022, 邮编 064200.
  const labelWindow = f.slice(Math.max(0, i - 12), i);
  if (mayEndInIdLabel(labelWindow) && ID_LABELS.test(labelWindow)) {
    let j = core.end;
    while (j < f.length && /[0-9\-Xx*]/u.test(f[j]!)) j++;
    return trap(ctx, j);
  }
  // Ordinals: 第3季度, 第 1058 号, 第1-3名.
  if (prevVisible(f, core.signStart) === '第') {
    const span = /^(?:\s?[-~—至到]\s?\d+)*/u.exec(f.slice(core.end))![0];
    return trap(ctx, core.end + span.length);
  }
  // Hyphen chains: dates (2019-05-22), phones (0731-…, 400-688-2000), year spans (2021-2023).
  let hyphenNeedsUnit = false;
  if (next === '-' && isDigit(f[core.end + 1] ?? '')) {
    const groups = [f.slice(core.start, core.end)];
    let k = core.end;
    while (f[k] === '-' && isDigit(f[k + 1] ?? '')) {
      const e = digitRunEnd(f, k + 1);
      groups.push(f.slice(k + 1, e));
      k = e;
    }
    const [g1, g2] = [groups[0]!, groups[1]!];
    if (
      groups.length >= 3 ||
      (YEAR_LIKE.test(g1) && /^\d{1,2}$/u.test(g2)) ||
      (YEAR_LIKE.test(g1) && YEAR_LIKE.test(g2)) ||
      /^0/u.test(g1) ||
      /^0\d/u.test(g2) ||
      g1 === '400' ||
      g1 === '800' ||
      g2.replace(/\D/gu, '').length >= 7
    )
      return trap(ctx, identifierEnd(f, k));
    hyphenNeedsUnit = true;
  }
  const yearLike = YEAR_LIKE.test(core.intDigits) && core.precision === 0 && !core.grouped && !core.negative;
  if (yearLike) {
    const after = f.slice(skipSpace(f, core.end));
    if (/^(?:年|届|屆|级|級|版|財年)/u.test(after)) return trap(ctx, skipSpace(f, core.end) + 1);
    if (oneOf('〔[【', prevVisible(f, i)) || oneOf('〕]】', nextVisible(f, core.end))) return trap(ctx, core.end);
    if (/(?:年度|年份)[\s:：]*$/u.test(f.slice(Math.max(0, i - 6), i))) return trap(ctx, core.end); // 评价年度：2022
  }

  const tail = readTail(f, core.end, true, null);
  const side: Side = new ArabicSide(yearLike, core, tail);
  const ranged = tryRange(ctx, side, true);
  if (typeof ranged === 'number') return ranged;
  if (ranged) return trap(ctx, ranged.trapEnd);
  if (hyphenNeedsUnit) return trap(ctx, identifierEnd(f, core.end));

  if (!tail.entry) {
    const after = nextVisible(f, tail.end);
    const before = prevVisible(f, core.signStart);
    const smallInt = core.precision === 0 && !core.grouped && core.intDigits.length <= 3 && !tail.mag && !tail.infix;
    // Dates and times: 12月, 3日, 2号, 24时, 2011.3号; a year-month 2019.12 without unit.
    if (!tail.mag && !tail.infix && oneOf(DATE_TIME_AFTER, after) && !TIME_WORD.test(f.slice(skipSpace(f, tail.end), skipSpace(f, tail.end) + 2)))
      return trap(ctx, skipSpace(f, tail.end) + 1);
    if (!tail.mag && !tail.suffix && YEAR_MONTH.test(f.slice(core.start, core.end))) return trap(ctx, core.end);
    // List markers: "1." "2、" after a line start or punctuation; "(1)", "（201）".
    if (smallInt && (after === '.' || after === '、') && !isDigit(f[f.indexOf(after, tail.end) + 1] ?? '') && (before === '\n' || oneOf(ITEM_BEFORE, before)))
      return trap(ctx, f.indexOf(after, tail.end) + 1);
    if (!tail.mag && !tail.suffix && core.precision === 0 && oneOf(OPEN_BRACKETS, before) && oneOf(CLOSE_BRACKETS, after)) return trap(ctx, tail.end);
    // Page markers: —1—, - 2 -.
    if (smallInt && oneOf('-—', before) && oneOf('-—', after)) return trap(ctx, tail.end);
    // Budget-subject codes right before the subject's name: 2010101 行政运行, 30226 劳务费.
    if (
      core.precision === 0 &&
      !core.grouped &&
      !tail.mag &&
      /^[235](?:\d{2}|\d{4}|\d{6})$/u.test(core.intDigits) &&
      /^ ?\p{Script=Han}{2}/u.test(f.slice(core.end, core.end + 3)) &&
      !/^ ?[其合小总總共计計]/u.test(f.slice(core.end, core.end + 2)) &&
      (before === '\n' || isSpace(f[core.signStart - 1] ?? '') || oneOf(ITEM_BEFORE, before))
    )
      return trap(ctx, core.end);
    // Item labels: 附件1, 指标1:, 任务2.
    if (smallInt && core.intDigits.length <= 2 && ITEM_LABELS.test(f.slice(Math.max(0, core.signStart - 4), core.signStart))) return trap(ctx, core.end);
    // Years glued to words without 年: "中心2018绩效评价".
    if (RECENT_YEAR.test(core.intDigits) && core.precision === 0 && !core.grouped && !core.negative && !tail.mag && !tail.suffix && isHan(f[tail.end] ?? ''))
      return trap(ctx, core.end);
    // Codes joined to a name by a hyphen: "219001-池州市贵池区…", "…19951-工资性支出".
    if (core.precision === 0 && !tail.mag && f[core.end] === '-' && isHan(f[core.end + 1] ?? '')) return trap(ctx, core.end + 1);
    // Long bare integers: phone numbers, IDs.
    if (core.precision === 0 && !core.grouped && core.intDigits.length >= 11 && !tail.mag) return trap(ctx, core.end);
  } else if (tail.kind === 'score' && /(?:[时時点點]|\d[:：])\s?$/u.test(f.slice(Math.max(0, core.signStart - 3), core.signStart))) {
    return trap(ctx, tail.end); // 12时30分, 12:30分 (not "自评分:100分": a colon after a word introduces the score)
  } else if (tail.unit === '年' && (core.intDigits.length > 3 || core.grouped)) {
    return trap(ctx, tail.end);
  }

  const end = tail.end;
  emit(ctx, new ArabicEmission(core, end, lexemeEnd(core.end, tail), tail, prefixBefore(f, core.signStart, ctx.floor)));
  // A glued run ("194.9194.9100%") resumes after the whole run, not inside it.
  return Math.max(end, core.resume);
}

/** 百分之八十, 百分之八十点五, 百分之80. */
function scanPercentWords(ctx: Ctx, i: number): number {
  const { f } = ctx;
  const k = i + 3;
  let value: Decimal | null = null;
  let precision = 0;
  let end = k;
  if (isDigit(f[k] ?? '')) {
    const r = readArabic(f, k);
    if ('trapEnd' in r) return trap(ctx, r.trapEnd);
    value = decimalOf(r);
    precision = r.precision;
    end = r.end;
  } else {
    let j = k;
    while (j < f.length && (isChineseNumeralChar(f[j]!) || (isChinesePoint(f[j]!) && isChineseDigit(f[j + 1] ?? '')))) j++;
    const run = f.slice(k, j);
    value = run === '' ? null : parseChineseNumeralDecimal(run);
    const point = Math.max(run.indexOf('点'), run.indexOf('點'));
    precision = point < 0 ? 0 : run.length - point - 1;
    end = j;
  }
  if (!value) return i + 3;
  const tail: Tail = {
    end,
    entry: undefined,
    unit: '%',
    kind: 'percent',
    scale: -2,
    unitScale: -2,
    mag: null,
    magMerged: false,
    infix: false,
    suffix: null,
    unitEnd: end,
  };
  const suffix = readTail(f, end, false, null);
  if (!suffix.entry && suffix.suffix) {
    tail.suffix = suffix.suffix;
    tail.end = suffix.end;
  }
  emit(ctx, {
    start: i,
    end: tail.end,
    numberStart: k,
    numberEnd: end,
    value,
    plain: undefined,
    precision,
    tail: { ...tail, entry: { text: '百分之', unit: '%', kind: 'percent', scale: -2 } },
    prefix: prefixBefore(f, i, ctx.floor),
  });
  return tail.end;
}

function scanChinese(ctx: Ctx, i: number): number {
  const { f } = ctx;
  let j = i;
  while (j < f.length && (isChineseNumeralChar(f[j]!) || (j > i && isChinesePoint(f[j]!) && isChineseDigit(f[j + 1] ?? '')))) j++;
  const run = f.slice(i, j);
  const prev = f[i - 1] ?? '';
  if (oneOf(CN_PREV_BLOCK, prev) || prevVisible(f, i) === '第') return j;
  if (SLOGANS_BY_FIRST.get(f[i]!)?.some((s) => f.startsWith(s, i))) return j;
  const { core, exp } = splitTrailingMagnitude(run);
  const numeralEnd = i + core.length;
  const tail = readTail(f, j, false, exp > 0 ? { exp, start: numeralEnd, end: j } : null);
  // Most numerals in prose (一是, 统一 …) have no unit and start no range: they are skipped before
  // their value is worked out in decimal.js.
  if (!tail.entry && !connectsRange(f, tail)) return j;
  const value = core === '' ? new Dec(1) : parseChineseNumeralDecimal(core);
  if (!value) return j;
  const point = Math.max(core.indexOf('点'), core.indexOf('點'));
  const precision = point < 0 ? 0 : core.length - point - 1;
  const side: Side = { numberStart: i, numeralEnd: core === '' ? j : numeralEnd, value, precision, tail };
  if (!tail.entry) {
    const ranged = tryRange(ctx, side, false);
    return typeof ranged === 'number' ? ranged : ranged ? trap(ctx, ranged.trapEnd) : j;
  }
  // 十分重要, 一分为二: a Chinese numeral before 分 is a score only when the word ends there.
  if (tail.kind === 'score' && isHan(f[tail.unitEnd] ?? '') && !tail.suffix) return j;
  // 一户一档, 三支一扶, 五位一体: a numeral right after the unit makes a slogan.
  if (isChineseDigit(f[tail.unitEnd] ?? '')) return j;
  if (insideQuotes(f, i, tail.unitEnd)) return j;
  let prefix = prefixBefore(f, i, ctx.floor);
  const bare = Array.from(run).every(isChineseMagnitudeChar) && run !== '十' && run !== '拾';
  if (!prefix && bare && f[i - 1] === '上' && i - 1 >= ctx.floor) prefix = { word: REACHING, start: i - 1 };
  if (bare && !prefix && !tail.infix && !tail.suffix) return j; // 百名党员, 百部微党课
  const ranged = tryRange(ctx, side, false);
  if (typeof ranged === 'number') return ranged;
  emit(ctx, {
    start: i,
    end: tail.end,
    numberStart: i,
    numberEnd: core === '' ? j : lexemeEnd(numeralEnd, tail),
    value,
    plain: undefined,
    precision,
    tail,
    prefix,
  });
  return tail.end;
}

/**
 * Every figure in `text`, left to right. `text` is normalized text (half-width digits, no spaces
 * between CJK and digits), but full-width digits/％ and a stray space are tolerated. Offsets are
 * into `text` as given.
 */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMatch[] {
  const f = foldWidth(text);
  let defaultUnit: Ctx['defaultUnit'] = null;
  if (options.defaultUnit) {
    const info = unitInfoOf(options.defaultUnit);
    defaultUnit = info ?? { unit: options.defaultUnit, kind: 'measure', scale: 0 };
  }
  const ctx: Ctx = { text, f, floor: 0, out: [], defaultUnit, includePlain: options.includePlain ?? true };
  let i = 0;
  while (i < f.length) {
    const code = f.charCodeAt(i);
    let next = i + 1;
    if (code >= 48 && code <= 57) next = scanArabic(ctx, i);
    else if (code < 0x3007) next = i + 1;
    else if (code === 0x767e && f.startsWith('百分之', i)) next = scanPercentWords(ctx, i);
    else if (isChineseNumeralCode(code)) next = scanChinese(ctx, i);
    i = Math.max(next, i + 1);
  }
  return ctx.out;
}
