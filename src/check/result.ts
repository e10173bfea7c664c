/**
 * Shared shapes for building CheckResults: evidence entries, interval printing and status order.
 */
import type { CheckResult, CheckStatus, Count, Evidence, Figure, Interval } from '../schema/record.js';
import { formatDecimal, formatInterval } from './interval.js';

export type EvidenceEntry = CheckResult['evidence'][number];

/** One figure a rule used, with its role in the relation ('total', 'part', 'numerator', …). */
export function evidenceOfFigure(role: string, figure: Figure): EvidenceEntry {
  return { role, text: figure.text, evidence: figure.evidence };
}

export function evidenceOfCount(role: string, count: Count): EvidenceEntry {
  return { role, text: count.text, evidence: count.evidence };
}

export function evidenceOfSpan(role: string, text: string, evidence: Evidence): EvidenceEntry {
  return { role, text, evidence };
}

export interface ResultInit {
  rule: string;
  status: CheckStatus;
  expected?: Interval | null;
  actual?: Interval | null;
  unit?: string;
  zh: string;
  en: string;
  evidence?: EvidenceEntry[];
  detail?: Record<string, unknown>;
  /**
   * Whether both sides are surely one quantity: `definite` (one table, one form, one labelled
   * sentence, the record's own headline figures) or `possible` (identity inferred, e.g. counts matched
   * by subject across sentences). Every fail and warn carries it; default `definite`.
   */
  certainty?: Certainty;
}

export type Certainty = NonNullable<CheckResult['certainty']>;

function roundOutward(iv: Interval | null): Interval | null {
  if (!iv) return null;
  const cut = (v: string, rounding: 'floor' | 'ceil') => (/^-?\d+(?:\.\d{0,10})?$/u.test(v) || !/^-?\d/u.test(v) ? v : formatDecimal(v, { maxDecimals: 10, rounding }));
  return { ...iv, lo: cut(iv.lo, 'floor'), hi: cut(iv.hi, 'ceil') };
}

export function makeResult(init: ResultInit): CheckResult {
  const result: CheckResult = {
    rule: init.rule,
    status: init.status,
    // Interval division yields 34-digit bounds; datasets get 10 decimals, rounded outward so the
    // stored interval still contains the computed one (statuses are decided before this).
    expected: roundOutward(init.expected ?? null),
    actual: roundOutward(init.actual ?? null),
    unit: init.unit ?? '',
    message: { zh: init.zh, en: init.en },
    evidence: init.evidence ?? [],
  };
  if (init.detail !== undefined) result.detail = init.detail;
  if (init.status === 'fail' || init.status === 'warn') result.certainty = init.certainty ?? 'definite';
  return result;
}

/**
 * A failed check whose two sides are surely the same quantity: what exit codes, `--failed-checks`
 * and failed-check counts should count. A fail without `certainty` (records checked before it
 * existed) counts as definite; a `possible` fail is shown but not counted.
 */
export function isDefiniteFailure(check: Pick<CheckResult, 'status' | 'certainty'>): boolean {
  return check.status === 'fail' && check.certainty !== 'possible';
}

const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };

/** fail, warn, pass, not_applicable; the rules' own order is kept within a status. */
export function sortResults(results: readonly CheckResult[]): CheckResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => STATUS_ORDER[a.r.status] - STATUS_ORDER[b.r.status] || a.i - b.i)
    .map(({ r }) => r);
}

/** Decimals worth printing for an interval derived at a given stated precision. */
export function showInterval(iv: Interval, precision: number): string {
  return formatInterval(iv, { minDecimals: precision, maxDecimals: precision + 4 });
}

/** A computed point value, printed with the stated precision plus a little. */
export function showValue(value: string, precision: number, extra = 2): string {
  return formatDecimal(value, { minDecimals: precision, maxDecimals: precision + extra });
}

/** "714.07万元": a number with its unit, as people write it. */
export function withUnit(value: string, unit: string): string {
  return `${value}${unit}`;
}

/** Unit name for English messages (Chinese units are kept: 万元 has no better English form). */
export function unitLabel(unit: string): string {
  return unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`;
}
