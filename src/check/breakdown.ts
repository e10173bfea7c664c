/**
 * Breakdowns stated in one sentence (issue 16: parts and wholes, published slips such as fund sources
 * that do not add up to the stated total, an 实际到位 total that is not the sum of its sources):
 * "收到财政资金共 2330.9 万元，其中：中央资金 1372.7 万元，地方资金 98.6 万元，其他资金 859.6 万元".
 * The parts, each with a short name and separated by 、，；, add up (interval sum) to the whole.
 * A sum above the whole fails `definite`; a sum below it fails `possible` when every part is named
 * as a piece of the whole (fund levels and kinds, nature classes), since the list may be partial.
 */
import { findNumbers } from '../extract/numbers.js';
import type { NumberMatch } from '../extract/numbers.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { ADJUSTMENT_WORDS, BREAKDOWN_PART_WORDS } from '../vocabulary/breakdowns.js';
import { intervalOfFigure, intervalsMeet, isIntervalAbove, sumIntervals } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';

const RULE = 'sum.breakdown';
const SENTENCE_END = /[。；;！？!?\n]/u;
/** Between two parts: a separator, then the next part's name (no digits, no money). */
const PART_GAP = /^[\s，,、；;]+([^\d，,、；;。]{1,14})$/u;
const FIRST_NAME = /^[\s，,：:]*其中[\s：:，,]*([^\d，,、；;。]{1,14})$/u;

function figureOf(m: NumberMatch): Figure {
  return {
    value: Number(m.base),
    exact: m.base,
    text: m.text,
    unit: m.unit,
    kind: m.kind,
    precision: m.precision,
    scale: m.scale,
    approx: m.approx,
    ...(m.lo === undefined ? {} : { lo: m.lo }),
    ...(m.hi === undefined ? {} : { hi: m.hi }),
    evidence: { page: null, start: m.start, end: m.end, quote: m.text },
  };
}

interface Breakdown {
  whole: Figure;
  parts: { name: string; figure: Figure }[];
}

/** The breakdowns of one sentence (text offsets kept: `offset` is where the sentence starts). */
function breakdownsIn(sentence: string, offset: number): Breakdown[] {
  const money = findNumbers(sentence, { includePlain: false })
    .filter((m) => m.kind === 'money' && m.approx === 'exact')
    .map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
  const out: Breakdown[] = [];
  for (let i = 0; i + 2 < money.length; i++) {
    const whole = money[i]!;
    const mark = sentence.slice(whole.end - offset, money[i + 1]!.start - offset);
    const first = FIRST_NAME.exec(mark);
    if (!first) continue;
    const parts = [{ name: first[1]!.trim(), figure: figureOf(money[i + 1]!) }];
    for (let j = i + 2; j < money.length; j++) {
      const gap = PART_GAP.exec(sentence.slice(money[j - 1]!.end - offset, money[j]!.start - offset));
      if (!gap) break;
      parts.push({ name: gap[1]!.trim(), figure: figureOf(money[j]!) });
    }
    if (parts.length >= 2 && !parts.some((p) => ADJUSTMENT_WORDS.test(p.name))) out.push({ whole: figureOf(whole), parts });
  }
  return out;
}

function isPieceOfWhole(name: string): boolean {
  return BREAKDOWN_PART_WORDS.some((w) => name.includes(w));
}

export function checkBreakdowns(text: string | undefined): CheckResult[] {
  if (text === undefined) return [];
  const results: CheckResult[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i]!)) continue;
    const sentence = text.slice(start, i);
    if (sentence.includes('其中')) for (const b of breakdownsIn(sentence, start)) results.push(...checkBreakdown(b));
    start = i + 1;
  }
  return results;
}

function checkBreakdown({ whole, parts }: Breakdown): CheckResult[] {
  const scale = whole.scale;
  const expected = sumIntervals(parts.map((p) => intervalOfFigure(p.figure, scale)));
  const actual = intervalOfFigure(whole);
  const holds = intervalsMeet(expected, actual);
  const over = isIntervalAbove(expected, actual);
  const complete = parts.every((p) => isPieceOfWhole(p.name));
  if (!holds && !over && !complete) return [];
  const p = whole.precision;
  const list = parts.map((x) => `${x.name}${x.figure.text}`).join(' + ');
  const verdict = holds ? '一致' : over ? '超过总额' : '不足总额';
  const verdictEn = holds ? 'consistent' : over ? 'more than the whole' : 'less than the whole';
  return [
    makeResult({
      rule: RULE,
      status: holds ? 'pass' : 'fail',
      certainty: over ? 'definite' : 'possible',
      expected,
      actual,
      unit: whole.unit,
      zh: `其中各项 ${list}（合计区间 ${showInterval(expected, p)}）与总额 ${whole.text}（区间 ${showInterval(actual, p)}）${verdict}`,
      en: `The parts ${list} (sum interval ${showInterval(expected, p)}) against the whole ${whole.text} (interval ${showInterval(actual, p)}): ${verdictEn}`,
      evidence: [evidenceOfFigure('total', whole), ...parts.map((x) => evidenceOfFigure('part', x.figure))],
      detail: { parts: parts.map((x) => x.name), complete },
    }),
  ];
}
