/**
 * The 预算执行 row a 自评表 scores in its money block rather than among its indicator rows.
 */
import { Decimal } from 'decimal.js';
import type { Figure, Indicator } from './record.js';

/** A row that scores the spending of the budget (预算执行率, 预算完成率, 资金支付率, 支出进度 …). */
const EXECUTION_ROW = /预算执行|执行率|预算(?:资金)?完成率|资金(?:执行|支付|使用|到位)率|支出进度/u;

/**
 * The form scores 预算执行 in its money block (分值 10, 得分 = 执行率 × 10): it is the form's first
 * indicator, and Σ得分 = 总分 only holds with it.
 */
export function withBudgetExecutionRow(indicators: readonly Indicator[], weight: Figure | null, score: Figure | null, rate: Figure | null): Indicator[] {
  if (!(weight || score) || indicators.length === 0) return [...indicators];
  // When every row has its 分值, the arithmetic says whether the block's 10 points are already a row
  // (a 预算完成率 row may be another indicator: the rows then leave the block's points to 100).
  // Rows that already weigh 100 hold the block's points only when one of them scores the execution;
  // otherwise the block comes on top (110 points against a 总分 of 100: t304, t332).
  const weights = indicators.map((i) => i.weight);
  if (weight && weights.every((w) => w !== null)) {
    const rows = weights.reduce((sum, w) => sum.plus(w!.exact), new Decimal(0));
    const listed = indicators.some((i) => EXECUTION_ROW.test(`${i.level1}|${i.level2}|${i.level3}`));
    // Rows printed without names (a dump's runs of values) cannot list the execution: the block's
    // points are on top of them whenever they pass 100 with it.
    const unnamed = indicators.every((i) => !i.level1 && !i.level2 && !i.level3);
    const onTop = unnamed && rows.plus(weight.exact).gt(100);
    if ((rows.eq(100) && listed) || !(rows.eq(100) || rows.plus(weight.exact).eq(100) || onTop)) return [...indicators];
  } else if (indicators.some((i) => /预算执行|执行率/u.test(i.level3))) return [...indicators];
  return [
    {
      level1: '预算执行',
      level2: '',
      level3: '预算执行率',
      target: '',
      actual: rate?.text ?? '',
      weight: weight ?? null,
      score: score ?? null,
      evidence: (score ?? weight)!.evidence,
    },
    ...indicators,
  ];
}

