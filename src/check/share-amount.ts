/**
 * Shares printed before their amounts (issue 16): "总保费1293.45万元，中央财政补贴47.5%为614.39万元，
 * 省级财政补贴32.5%为420.37元" — each part is the whole times its printed share. Read only where nothing
 * is guessed: two or more "name P%为 amount" parts straight after the whole, in one sentence, their
 * shares at most 100% in all.
 * - unit_slip (definite fail): a part that is that share of the whole only after ×/÷10^4 (元 for 万元);
 * - share.amount: the part against whole × share, the share at its printed precision. A miss there
 *   fails `possible` only: the shares may be of another base than the amount printed before them.
 */
import type { NumberMatch } from '../extract/numbers.js';
import type { SourceDocument } from '../ingest/document.js';
import type { CheckResult, Figure } from '../schema/record.js';
import { SHARE_AMOUNT_LINK } from '../vocabulary/breakdowns.js';
import { Decimal } from 'decimal.js';
import { figuresIn, sentencesOf } from './breakdown.js';
import { intervalOfFigure, intervalsMeet, multiplyIntervals, scaleInterval } from './interval.js';
import { evidenceOfFigure, makeResult, showInterval } from './result.js';
import { findUnitSlip, UNIT_SLIP_FACTOR } from './unit-slip.js';

const RULE = 'share.amount';
/** Before a part's share: a separator, then its name (no digits, no clause break). */
const NAME_GAP = /^[\s，,、；;]+([^\d，,、；;。：:%％]{1,16})$/u;

interface SharePart {
  name: string;
  share: Figure;
  amount: Figure;
}

/** The "name P%为 amount" parts right after numbers[i] (a money whole), in order. */
function sharePartsAfter(sentence: string, numbers: readonly NumberMatch[], i: number, at: (m: NumberMatch) => Figure): SharePart[] {
  const parts: SharePart[] = [];
  let j = i + 1;
  while (j + 1 < numbers.length) {
    const share = numbers[j]!;
    const amount = numbers[j + 1]!;
    if (share.kind !== 'percent' || amount.kind !== 'money') break;
    const name = NAME_GAP.exec(sentence.slice(numbers[j - 1]!.end, share.start));
    if (!name || !SHARE_AMOUNT_LINK.test(sentence.slice(share.end, amount.start))) break;
    parts.push({ name: name[1]!.trim(), share: at(share), amount: at(amount) });
    j += 2;
  }
  return parts;
}

/** Shares that could split one whole: each in (0, 100], all together at most 100 (at their printed bounds). */
function isSplit(parts: readonly SharePart[]): boolean {
  let total = new Decimal(0);
  for (const p of parts) {
    const lo = new Decimal(intervalOfFigure(p.share).lo);
    if (lo.lte(0) || lo.gt(100)) return false;
    total = total.plus(lo);
  }
  return total.lte(100);
}

function checkPart(whole: Figure, part: SharePart): CheckResult {
  const expected = multiplyIntervals(intervalOfFigure(whole), scaleInterval(intervalOfFigure(part.share), '0.01'));
  const actual = intervalOfFigure(part.amount, whole.scale);
  const p = whole.precision;
  const what = `${whole.text} × ${part.name}${part.share.text}（区间 ${showInterval(expected, p)}）`;
  const whatEn = `${whole.text} × ${part.name} ${part.share.text} (interval ${showInterval(expected, p)})`;
  const evidence = [evidenceOfFigure('total', whole), evidenceOfFigure('rate', part.share), evidenceOfFigure('part', part.amount)];
  if (intervalsMeet(expected, actual)) {
    return makeResult({ rule: RULE, status: 'pass', expected, actual, unit: whole.unit, zh: `${what}与所报金额 ${part.amount.text} 一致`, en: `${whatEn} is consistent with the stated amount ${part.amount.text}`, evidence });
  }
  const slip = findUnitSlip(expected, actual);
  if (slip) {
    const op = slip.adjustment === 'multiply' ? '×' : '÷';
    return makeResult({
      rule: 'unit_slip',
      status: 'fail',
      expected,
      actual,
      unit: whole.unit,
      zh: `${what}与所报金额 ${part.amount.text} 相差 ${UNIT_SLIP_FACTOR} 倍，${op}${UNIT_SLIP_FACTOR} 后一致：疑似元/万元单位错误`,
      en: `${whatEn} and the stated amount ${part.amount.text} agree after ${op}${UNIT_SLIP_FACTOR}: probable 元/万元 unit error`,
      evidence,
      detail: { factor: UNIT_SLIP_FACTOR, relation: RULE, adjustment: slip.adjustment },
    });
  }
  return makeResult({
    rule: RULE,
    status: 'fail',
    certainty: 'possible',
    expected,
    actual,
    unit: whole.unit,
    zh: `${what}与所报金额 ${part.amount.text} 不一致`,
    en: `${whatEn} disagrees with the stated amount ${part.amount.text}`,
    evidence,
  });
}

export function checkShareAmounts(text: string | undefined, doc?: SourceDocument): CheckResult[] {
  if (text === undefined) return [];
  const results: CheckResult[] = [];
  // Cheap test first: the hot path reads every sentence.
  for (const { sentence, at } of sentencesOf(text, doc, (x) => /[%％]\s*(?:为|计|即|共计)\s*\d/u.test(x))) {
    const numbers = figuresIn(sentence);
    for (let k = 0; k < numbers.length; k++) {
      if (numbers[k]!.kind !== 'money') continue;
      const parts = sharePartsAfter(sentence, numbers, k, at);
      if (parts.length < 2 || !isSplit(parts)) continue;
      const whole = at(numbers[k]!);
      results.push(...parts.map((p) => checkPart(whole, p)));
      k += parts.length * 2;
    }
  }
  return results;
}
