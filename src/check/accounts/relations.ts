/**
 * Building blocks of the 决算 rules: intervals of table and text figures, and the results of
 * "these agree" / "this is the sum of those" relations with both sides and their evidence.
 */
import type { CheckResult, CheckStatus, Figure, Interval } from '../../schema/record.js';
import { divideIntervals, intervalOfFigure, intervalOfPrintedRate, intervalsMeet, pointInterval, scaleInterval, sumIntervals } from '../interval.js';
import { evidenceOfFigure, makeResult, showInterval, type EvidenceEntry } from '../result.js';

/** 万元: every money relation is checked in 万元. */
export const MONEY_SCALE = 4;

/** A table or text amount; null is a blank cell (the template leaves zero blank). */
export type Amount = Figure | null;

export function moneyInterval(f: Amount): Interval {
  return f ? intervalOfFigure(f, MONEY_SCALE) : pointInterval(0);
}

export function sumOf(items: readonly Amount[]): Interval {
  return sumIntervals(items.map(moneyInterval));
}

/** A printed percent in %, read half up as it was rounded (12.35% = [12.345%, 12.355%)). */
export function percentInterval(f: Figure): Interval {
  return intervalOfPrintedRate(f, -2);
}

/** part / whole in %, or null when the whole may be zero. */
export function shareInterval(part: Interval, whole: Interval): Interval | null {
  const q = divideIntervals(part, whole);
  return q ? scaleInterval(q, 100) : null;
}

export interface RelationInit {
  rule: string;
  expected: Interval;
  actual: Interval;
  unit: string;
  /** What is compared, for messages: "收支总表 总计（收入） = 总计（支出）". */
  what: string;
  whatEn: string;
  evidence: EvidenceEntry[];
  part?: string;
  certainty?: 'definite' | 'possible';
  detail?: Record<string, unknown>;
  /** Status when the sides do not meet (fail by default). */
  failStatus?: CheckStatus;
}

function precisionOf(iv: Interval): number {
  const frac = (v: string) => (v.includes('.') ? v.split('.')[1]!.length : 0);
  return Math.min(4, Math.max(0, Math.min(frac(iv.lo), frac(iv.hi)) - 1));
}

/** expected and actual agree when their intervals meet (printed rounding), else fail. */
export function relation(init: RelationInit): CheckResult {
  const meets = intervalsMeet(init.expected, init.actual);
  const status: CheckStatus = meets ? 'pass' : (init.failStatus ?? 'fail');
  const p = Math.max(precisionOf(init.actual), 2);
  const e = showInterval(init.expected, p);
  const a = showInterval(init.actual, p);
  const result = makeResult({
    rule: init.rule,
    status,
    expected: init.expected,
    actual: init.actual,
    unit: init.unit,
    zh: meets ? `${init.what}：一致（${a}${init.unit}）` : `${init.what}：应为 ${e}${init.unit}，实为 ${a}${init.unit}`,
    en: meets ? `${init.whatEn}: agree (${a}${init.unit})` : `${init.whatEn}: expected ${e}${init.unit}, stated ${a}${init.unit}`,
    evidence: init.evidence,
    ...(init.detail ? { detail: init.detail } : {}),
  });
  return withPlace(result, init.part, init.certainty);
}

export function withPlace(result: CheckResult, part: string | undefined, certainty: 'definite' | 'possible' = 'definite'): CheckResult {
  if (part) result.part = part;
  result.certainty = certainty;
  return result;
}

export function figureEvidence(role: string, f: Amount): EvidenceEntry[] {
  return f ? [evidenceOfFigure(role, f)] : [];
}
