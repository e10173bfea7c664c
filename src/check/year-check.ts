/**
 * The fiscal year in the record against the year the body reports on: template sites reuse last
 * year's text, and titles get edited while the body does not.
 */
import type { CheckResult, ReportRecord } from '../schema/record.js';
import { pointInterval } from './interval.js';
import { evidenceOfSpan, makeResult } from './result.js';

/** "2021年", "2021 年度"; not dates ("2022年3月"), which say when the report was written. */
const YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(度)?/g;
/** Words after a year that tie it to the reporting period. */
const PERIOD_WORDS = /^\s*(预算|决算|部门|项目|绩效|执行|支出|收入|全年|年初)/;

export function checkYear(record: ReportRecord, text: string | undefined): CheckResult[] {
  const fiscalYear = record.report.fiscalYear;
  if (fiscalYear === null || text === undefined) return [];
  const weights = new Map<number, number>();
  const firstAt = new Map<number, { start: number; end: number; quote: string }>();
  for (const m of text.matchAll(YEAR)) {
    const year = Number(m[1]);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const weight = 1 + (m[2] || PERIOD_WORDS.test(after) ? 1 : 0);
    weights.set(year, (weights.get(year) ?? 0) + weight);
    if (!firstAt.has(year)) firstAt.set(year, { start: m.index, end: m.index + m[0].length, quote: m[0] });
  }
  if (weights.size === 0) return [];
  const own = weights.get(fiscalYear) ?? 0;
  let dominant = fiscalYear;
  let best = own;
  for (const [year, w] of weights) {
    if (w > best) {
      dominant = year;
      best = w;
    }
  }
  const at = firstAt.get(dominant)!;
  const evidence = [evidenceOfSpan('year', at.quote, { page: null, start: at.start, end: at.end, quote: at.quote })];
  const detail = { fiscalYear, dominantYear: dominant, mentions: Object.fromEntries(weights) };
  if (dominant === fiscalYear) {
    return [
      makeResult({
        rule: 'year',
        status: 'pass',
        expected: pointInterval(fiscalYear),
        actual: pointInterval(dominant),
        unit: '年',
        zh: `正文主要年度 ${dominant} 年与报告年度 ${fiscalYear} 年一致`,
        en: `The body mostly reports on ${dominant}, matching the fiscal year ${fiscalYear}`,
        evidence,
        detail,
      }),
    ];
  }
  return [
    makeResult({
      rule: 'year',
      status: 'warn',
      expected: pointInterval(fiscalYear),
      actual: pointInterval(dominant),
      unit: '年',
      zh: `报告年度为 ${fiscalYear} 年，但正文主要提及 ${dominant} 年（${best} 次加权，${fiscalYear} 年 ${own} 次）`,
      en: `The fiscal year is ${fiscalYear}, but the body mostly mentions ${dominant} (weight ${best} against ${own})`,
      evidence,
      detail,
    }),
  ];
}
