/** Issue 16: "X 万元，其中 A 万元、B 万元…" in one sentence adds up, to the printed precision. */
import { describe, expect, it } from 'vitest';
import { checkBreakdowns } from '../../src/check/breakdown.js';

describe('sum.breakdown', () => {
  it('passes fund sources that add up (r52)', () => {
    const text = '2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元。';
    const [r] = checkBreakdowns(text);
    expect(r).toMatchObject({ rule: 'sum.breakdown', status: 'pass' });
    expect(r!.evidence.map((e) => [e.role, e.text, text.slice(e.evidence.start, e.evidence.end)])).toEqual([
      ['total', '2330.9万元', '2330.9万元'],
      ['part', '1372.7万元', '1372.7万元'],
      ['part', '98.6万元', '98.6万元'],
      ['part', '859.6万元', '859.6万元'],
    ]);
  });

  it('fails sources short of their whole by tens of 万元 (possible: the list may be partial) and by a cent', () => {
    const short = '实际到位资金2330.9万元，其中：中央资金1372.7万元，地方资金68.6万元，其他资金859.6万元。';
    expect(checkBreakdowns(short)[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
    // to the fen, money is exact: one fen short is short
    const cent = '实际到位资金1000000.00元，其中：中央资金600000.00元、省级资金399999.99元。';
    expect(checkBreakdowns(cent)[0]).toMatchObject({ status: 'fail', certainty: 'possible' });
    // in 万元 to two decimals, one hundredth of a 万元 is within the rounding of three figures
    const rounded = '实际到位资金100.00万元，其中：中央资金60.00万元、省级资金39.99万元。';
    expect(checkBreakdowns(rounded)[0]).toMatchObject({ status: 'pass' });
  });

  it('fails parts above their whole (definite)', () => {
    const over = '全年实际支出1595.59万元，其中基本支出890.4万元，项目支出715.19万元。';
    expect(checkBreakdowns(over)[0]).toMatchObject({ status: 'fail', certainty: 'definite' });
  });

  it('says nothing of a partial list of other parts, of adjustments, or across sentences', () => {
    expect(checkBreakdowns('归还政府债务本金10870万元，其中：一般债券4425万元，向外国政府借款17万元，向国际组织借款190万元。')).toEqual([]);
    expect(checkBreakdowns('下达资金1.53万元，其中：森林生态效益补偿资金调减2.66万元，造林补助2.42万元。')).toEqual([]);
    expect(checkBreakdowns('收到资金100万元。其中中央资金50万元，地方资金30万元。')).toEqual([]);
  });
});
