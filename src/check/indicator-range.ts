/**
 * Indicator values that cannot be: a share of a whole (满意度, 合格率, 达标率, 知晓率, 覆盖率, 准确率 …)
 * stated above 100% as a 年度指标值 or 实际完成值. Unlike an execution rate, which spending over the
 * budget can push past 100%, such a share is bounded by what it is a share of, so a value over 100%
 * is a slip (a stray digit, "290%" for 90%) whatever the form's scoring: it fails.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Indicator, Interval } from '../schema/record.js';
import { evidenceOfSpan, makeResult } from './result.js';

const RULE = 'indicator.value_range';

/** Shares of a whole; not 执行率/完成率/增长率/使用率, which may exceed 100%. */
const BOUNDED =
  /满意度|满意率|合格率|达标率|知晓率|覆盖率|准确率|正确率|普及率|参保率|到位率|完好率|合规率|及时率|办结率|公开率|知晓度|覆盖面/u;
/** A change rather than a level ("满意度较上年提高120%"): no bound. */
const CHANGE = /增长|增幅|提高|提升|增加|上升|下降|降低|同比|环比|较上年|比上年/u;
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/gu;
const HAS_PERCENT = /\d\s*[%％]/u;

/** In percent, as `unit` says and as the cell prints it (not as a fraction: "[0, 1] %" read as 0–1%). */
const HUNDRED: Interval = { lo: '0', hi: '100', loOpen: false, hiOpen: false };

function rowName(ind: Indicator): string {
  return ind.level3.trim() || ind.level2.trim() || ind.level1.trim();
}

/** The percentages of a cell above 100, as printed ("290%"). */
function overHundred(cell: string): string[] {
  return [...cell.matchAll(PERCENT)].filter((m) => Number(m[1]) > 100).map((m) => m[0]);
}

export function checkIndicatorValueRange(indicators: readonly Indicator[]): CheckResult[] {
  const bounded = indicators.filter((r) => BOUNDED.test(rowName(r)) && !CHANGE.test(rowName(r)));
  const cells = bounded.flatMap((r) =>
    (['target', 'actual'] as const)
      .filter((side) => HAS_PERCENT.test(r[side]) && !CHANGE.test(r[side]))
      .map((side) => ({ row: r, side, text: r[side] })),
  );
  if (cells.length === 0) return [];
  const results: CheckResult[] = [];
  for (const c of cells) {
    for (const over of overHundred(c.text)) {
      const percent = new Decimal(over.replace(/[%％\s]/gu, '')).toString();
      const side = c.side === 'target' ? '年度指标值' : '实际完成值';
      const sideEn = c.side === 'target' ? 'target' : 'actual value';
      results.push(
        makeResult({
          rule: RULE,
          status: 'fail',
          expected: HUNDRED,
          actual: { lo: percent, hi: percent, loOpen: false, hiOpen: false },
          unit: '%',
          zh: `指标「${rowName(c.row)}」${side} ${over} 超过 100%（比率不可能超过 100%）`,
          en: `Indicator "${rowName(c.row)}" has a ${sideEn} of ${over}, above 100%, which a share cannot exceed`,
          evidence: [evidenceOfSpan(c.side, over, c.row.evidence)],
          detail: { indicator: rowName(c.row), side: c.side },
        }),
      );
    }
  }
  if (results.length > 0) return results;
  const rows = new Set(cells.map((c) => c.row)).size;
  return [
    makeResult({
      rule: RULE,
      status: 'pass',
      unit: '%',
      zh: `${rows} 项比率类指标的指标值与完成值均不超过 100%`,
      en: `The targets and actual values of ${rows} share-type indicators are all within 100%`,
      evidence: cells.map((c) => evidenceOfSpan(c.side, c.text, c.row.evidence)),
      detail: { rows },
    }),
  ];
}
